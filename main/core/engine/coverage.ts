/**
 * What a scan could and could not see: per service and region, how many calls returned data and
 * which failed, and why. The report's coverage section and `leasehold scan`'s summary use it.
 */
import type { CoverageCell } from '../../../shared/model/coverage.ts';

export type { CoverageCell };
import type { SnapshotRecord } from './snapshot.ts';

export function coverageOf(records: Iterable<SnapshotRecord>): CoverageCell[] {
  const cells = new Map<string, CoverageCell>();
  for (const r of records) {
    const service = r.dataset.split(':', 1)[0] ?? r.dataset;
    const key = `${service}|${r.region}`;
    const cell = cells.get(key) ?? { service, region: r.region, ok: 0, failed: 0, reasons: {} };
    if (r.ok) cell.ok += 1;
    else {
      cell.failed += 1;
      const reason = (cell.reasons[r.error.kind] ??= { count: 0, call: r.dataset, code: r.error.code, message: r.error.message });
      reason.count += 1;
    }
    cells.set(key, cell);
  }
  return [...cells.values()].sort((a, b) => a.service.localeCompare(b.service) || a.region.localeCompare(b.region));
}
