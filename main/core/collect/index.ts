import { cloudtrailDatasets } from './cloudtrail.ts';
import { ec2Datasets } from './ec2.ts';
import { iamDatasets } from './iam.ts';
import { s3Datasets } from './s3.ts';
import { computeMaintenanceDatasets } from './areas/compute-maintenance.ts';
import { dataProtectionDatasets } from './areas/data-protection.ts';
import { identityAccessDatasets } from './areas/identity-access.ts';
import { loggingMonitoringDatasets } from './areas/logging-monitoring.ts';
import { networkDatasets } from './areas/network.ts';
import { s3AreaDatasets } from './areas/s3.ts';
import { securityHubImportDatasets } from './areas/securityhub-import.ts';
import { sharedDatasets } from './areas/shared.ts';
import type { DatasetDef } from './types.ts';

/** Every dataset the engine knows how to collect, by id. An id defined twice is a programming error. */
export const DATASETS: ReadonlyMap<string, DatasetDef> = register([
  ...ec2Datasets,
  ...iamDatasets,
  ...s3Datasets,
  ...cloudtrailDatasets,
  ...sharedDatasets,
  ...dataProtectionDatasets,
  ...identityAccessDatasets,
  ...computeMaintenanceDatasets,
  ...networkDatasets,
  ...s3AreaDatasets,
  ...loggingMonitoringDatasets,
  ...securityHubImportDatasets,
]);

function register(all: DatasetDef[]): Map<string, DatasetDef> {
  const map = new Map<string, DatasetDef>();
  for (const d of all) {
    if (map.has(d.id)) throw new Error(`Dataset ${d.id} is defined twice`);
    map.set(d.id, d);
  }
  return map;
}

/** The datasets needed by a set of checks, with their dependencies, in dependency order. */
export function datasetsFor(needs: Iterable<string>): DatasetDef[] {
  const ordered: DatasetDef[] = [];
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const def = DATASETS.get(id);
    if (!def) throw new Error(`Unknown dataset ${id}`);
    for (const dep of def.dependsOn ?? []) visit(dep);
    ordered.push(def);
  };
  for (const id of needs) visit(id);
  return ordered;
}
