/** The checks of this area, one file each; the top-level registry test proves every file is listed. */
import { ec2SgAdminPortsOpen } from './ec2-sg-admin-ports-open.ts';
import type { Check } from '../types.ts';

export const networkChecks: Check[] = [
  ec2SgAdminPortsOpen,
];
