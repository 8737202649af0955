/** Datasets added for the logging-monitoring checks (collector files live beside the service ones in collect/). */
import type { DatasetDef } from '../types.ts';

export const loggingMonitoringDatasets: DatasetDef[] = [];
