/** Datasets added for the s3 checks (collector files live beside the service ones in collect/). */
import { s3BucketDatasets } from '../s3-buckets.ts';
import { s3controlDatasets } from '../s3control.ts';
import type { DatasetDef } from '../types.ts';

export const s3AreaDatasets: DatasetDef[] = [...s3BucketDatasets, ...s3controlDatasets];
