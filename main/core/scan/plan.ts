/**
 * What a scan collects: the datasets its checks need, plus those the report's views read on
 * their own (Security Hub's imported findings, the responsibility matrix's "services in use").
 */
import type { Check } from '../checks/types.ts';
import { DATASETS, datasetsFor } from '../collect/index.ts';
import type { DatasetDef } from '../collect/types.ts';
import { RESPONSIBILITY_DATASETS } from '../responsibility/matrix.ts';

export const VIEW_DATASETS: readonly string[] = ['securityhub:GetFindings', ...RESPONSIBILITY_DATASETS].filter((id) => DATASETS.has(id));

export function scanDatasets(checks: readonly Check[]): DatasetDef[] {
  return datasetsFor(new Set([...checks.flatMap((c) => c.needs), ...VIEW_DATASETS]));
}
