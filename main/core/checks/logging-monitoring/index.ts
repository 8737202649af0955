/** The checks of this area, one file each; the top-level registry test proves every file is listed. */
import { cloudtrailMultiRegionLogging } from './cloudtrail-multi-region-logging.ts';
import type { Check } from '../types.ts';

export const loggingMonitoringChecks: Check[] = [
  cloudtrailMultiRegionLogging,
];
