/** Framework requirements tested by the logging-monitoring checks. Only ids verified against the framework's own text. */
import type { Crosswalk } from './types.ts';

export const loggingMonitoringCrosswalk: Crosswalk = {
  fsbp: { 'CloudTrail.1': ['cloudtrail-multi-region-logging'] },
  'cis-3.0': { '3.1': ['cloudtrail-multi-region-logging'] },
  'cis-4.0': { '3.1': ['cloudtrail-multi-region-logging'] },
};
