/** Datasets added for the identity-access checks (collector files live beside the service ones in collect/). */
import type { DatasetDef } from '../types.ts';

export const identityAccessDatasets: DatasetDef[] = [];
