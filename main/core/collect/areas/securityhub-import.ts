/** Datasets for importing Security Hub's active findings (collector in collect/securityhub-findings.ts). */
import { securityHubFindingsDatasets } from '../securityhub-findings.ts';
import type { DatasetDef } from '../types.ts';

export const securityHubImportDatasets: DatasetDef[] = [...securityHubFindingsDatasets];
