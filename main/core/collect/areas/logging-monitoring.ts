/** Datasets added for the logging-monitoring checks (collector files live beside the service ones in collect/). */
import { cloudtrailDetailDatasets } from '../cloudtrail-details.ts';
import { cloudwatchAlarmDatasets } from '../cloudwatch-alarms.ts';
import { configDatasets } from '../config.ts';
import { guarddutyDatasets } from '../guardduty.ts';
import { organizationsDatasets } from '../organizations.ts';
import { securityhubStatusDatasets } from '../securityhub-status.ts';
import type { DatasetDef } from '../types.ts';

export const loggingMonitoringDatasets: DatasetDef[] = [
  ...cloudtrailDetailDatasets,
  ...cloudwatchAlarmDatasets,
  ...configDatasets,
  ...guarddutyDatasets,
  ...securityhubStatusDatasets,
  ...organizationsDatasets,
];
