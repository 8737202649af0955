/** The checks of this area, one file each; the top-level registry test proves every file is listed. */
import { ec2InstanceImdsv2Required } from './ec2-instance-imdsv2-required.ts';
import type { Check } from '../types.ts';

export const computeMaintenanceChecks: Check[] = [
  ec2InstanceImdsv2Required,
];
