/** Datasets added for the data-protection checks (collector files live beside the service ones in collect/). */
import type { DatasetDef } from '../types.ts';

export const dataProtectionDatasets: DatasetDef[] = [];
