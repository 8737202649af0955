/** Datasets read by more than one area (collector in collect/shared.ts). */
import { sharedServiceDatasets } from '../shared.ts';
import type { DatasetDef } from '../types.ts';

export const sharedDatasets: DatasetDef[] = [...sharedServiceDatasets];
