/** The framework crosswalk: every area's mappings merged; a test proves every check id resolves. */
import { computeMaintenanceCrosswalk } from './compute-maintenance.ts';
import { dataProtectionCrosswalk } from './data-protection.ts';
import { identityAccessCrosswalk } from './identity-access.ts';
import { loggingMonitoringCrosswalk } from './logging-monitoring.ts';
import { networkCrosswalk } from './network.ts';
import { s3Crosswalk } from './s3.ts';
import { FRAMEWORKS, type Crosswalk, type FrameworkId } from './types.ts';

export { FRAMEWORKS, type FrameworkId };

const PARTS: Crosswalk[] = [
  dataProtectionCrosswalk,
  identityAccessCrosswalk,
  computeMaintenanceCrosswalk,
  networkCrosswalk,
  s3Crosswalk,
  loggingMonitoringCrosswalk,
];

export const CROSSWALK: Readonly<Record<FrameworkId, Readonly<Record<string, readonly string[]>>>> = merge(PARTS);

function merge(parts: Crosswalk[]): Record<FrameworkId, Record<string, string[]>> {
  const out = Object.fromEntries(Object.keys(FRAMEWORKS).map((f) => [f, {}])) as Record<FrameworkId, Record<string, string[]>>;
  for (const part of parts) {
    for (const [framework, reqs] of Object.entries(part) as [FrameworkId, Record<string, readonly string[]>][]) {
      for (const [req, ids] of Object.entries(reqs)) out[framework][req] = [...new Set([...(out[framework][req] ?? []), ...ids])];
    }
  }
  return out;
}

/** The framework requirements a check tests, e.g. [{ framework: 'fsbp', id: 'EC2.7' }]. */
export function frameworkIdsFor(checkId: string): { framework: FrameworkId; id: string }[] {
  const out: { framework: FrameworkId; id: string }[] = [];
  for (const framework of Object.keys(FRAMEWORKS) as FrameworkId[]) {
    for (const [id, checks] of Object.entries(CROSSWALK[framework])) if (checks.includes(checkId)) out.push({ framework, id });
  }
  return out;
}
