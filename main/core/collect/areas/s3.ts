/** Datasets added for the s3 checks (collector files live beside the service ones in collect/). */
import type { DatasetDef } from '../types.ts';

export const s3AreaDatasets: DatasetDef[] = [];
