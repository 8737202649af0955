/** Datasets added for the identity-access checks (collector files live beside the service ones in collect/). */
import { accessAnalyzerDatasets } from '../accessanalyzer.ts';
import { iamCredentialDatasets } from '../iam-credentials.ts';
import { iamEntityDatasets } from '../iam-entities.ts';
import type { DatasetDef } from '../types.ts';

export const identityAccessDatasets: DatasetDef[] = [...iamCredentialDatasets, ...iamEntityDatasets, ...accessAnalyzerDatasets];
