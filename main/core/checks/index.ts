/**
 * The check registry: one folder per area, one file per check, listed in the area's index.ts.
 * A test proves every check file is registered once and that ids equal file names.
 */
import { computeMaintenanceChecks } from './compute-maintenance/index.ts';
import { dataProtectionChecks } from './data-protection/index.ts';
import { identityAccessChecks } from './identity-access/index.ts';
import { loggingMonitoringChecks } from './logging-monitoring/index.ts';
import { networkChecks } from './network/index.ts';
import { s3Checks } from './s3/index.ts';
import type { Check } from './types.ts';

export const CHECKS: readonly Check[] = [
  ...dataProtectionChecks,
  ...identityAccessChecks,
  ...computeMaintenanceChecks,
  ...networkChecks,
  ...s3Checks,
  ...loggingMonitoringChecks,
];
