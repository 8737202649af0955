/** The checks of this area, one file each; the top-level registry test proves every file is listed. */
import { ec2EbsDefaultEncryption } from './ec2-ebs-default-encryption.ts';
import type { Check } from '../types.ts';

export const dataProtectionChecks: Check[] = [
  ec2EbsDefaultEncryption,
];
