import { cloudtrailDatasets } from './cloudtrail.ts';
import { ec2Datasets } from './ec2.ts';
import { iamDatasets } from './iam.ts';
import { s3Datasets } from './s3.ts';
import type { DatasetDef } from './types.ts';

/** Every dataset the engine knows how to collect, by id. */
export const DATASETS: ReadonlyMap<string, DatasetDef> = new Map(
  [...ec2Datasets, ...iamDatasets, ...s3Datasets, ...cloudtrailDatasets].map((d) => [d.id, d]),
);

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
