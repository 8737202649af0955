/** Datasets added for the network checks (collector files live beside the service ones in collect/). */
import type { DatasetDef } from '../types.ts';

export const networkDatasets: DatasetDef[] = [];
