/** Datasets added for the compute-maintenance checks (collector files live beside the service ones in collect/). */
import type { DatasetDef } from '../types.ts';

export const computeMaintenanceDatasets: DatasetDef[] = [];
