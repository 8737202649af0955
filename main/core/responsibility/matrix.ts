/**
 * The responsibility matrix of a scanned account: for each service the snapshot shows in use,
 * what AWS runs and what the customer must do (and which Leasehold area assesses it). Pure.
 */
import type { ResponsibilityMatrix, ResponsibilityRow } from '../../../shared/model/responsibility.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import { MANAGEMENT_SERVICES } from './management-services.ts';
import type { ServiceResponsibility } from './types.ts';
import { USAGE, type Tally } from './usage.ts';
import { WORKLOAD_SERVICES } from './workload-services.ts';

export const SERVICES: readonly ServiceResponsibility[] = [...WORKLOAD_SERVICES, ...MANAGEMENT_SERVICES];

/** Every dataset the matrix reads; a scan that wants the matrix collects those it knows. */
export const RESPONSIBILITY_DATASETS: readonly string[] = [...new Set(Object.values(USAGE).flatMap((e) => e.flatMap((x) => x.datasets)))];

function describe(t: Tally): string {
  const regions = [...t.regions].filter((r) => r !== 'global');
  const where = regions.length === 1 ? regions[0] : `${regions.length} regions`;
  // Enablement services count the regions they are on in.
  if (t.noun[0] === 'region') return `enabled in ${where}`;
  const what = `${t.count} ${t.noun[t.count === 1 ? 0 : 1]}`;
  return regions.length === 0 ? what : `${what} in ${where}`;
}

function row(s: ServiceResponsibility, snap: Snapshot): ResponsibilityRow {
  const base = { service: s.service, title: s.title, model: s.model, awsManages: s.awsManages, customerDuties: s.customerDuties };
  const tallies = (USAGE[s.service] ?? []).map((e) => e.tally(snap));
  const seen = tallies.filter((t) => t.count > 0);
  if (seen.length > 0) {
    // Two calls can count the same thing (Security Hub regions): each kind of evidence is said once.
    const byNoun = new Map<string, Tally>();
    for (const t of seen) if ((byNoun.get(t.noun[1])?.count ?? -1) < t.count) byNoun.set(t.noun[1], t);
    return { ...base, status: 'in-use', evidence: [...byNoun.values()].map(describe).join('; ') };
  }
  const failed = tallies.find((t) => t.failure)?.failure;
  if (failed) {
    return { ...base, status: 'unknown', evidence: `Could not read ${failed.call} in ${failed.region} (${failed.code}).`, reason: failed };
  }
  if (!tallies.some((t) => t.collected)) {
    const call = (USAGE[s.service] ?? [])[0]?.datasets[0] ?? '';
    return { ...base, status: 'unknown', evidence: `${call} was not collected in this scan.`, reason: { call, region: '', kind: 'not-collected', code: 'NotCollected' } };
  }
  return { ...base, status: 'not-in-use', evidence: 'Read in every scanned region: nothing found.' };
}

export function responsibilityMatrix(snap: Snapshot): ResponsibilityMatrix {
  const all = SERVICES.map((s) => row(s, snap));
  return {
    rows: [...all.filter((r) => r.status === 'in-use'), ...all.filter((r) => r.status === 'unknown')],
    notInUse: all.filter((r) => r.status === 'not-in-use').map((r) => ({ service: r.service, title: r.title })),
  };
}
