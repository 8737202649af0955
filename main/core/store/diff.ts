/**
 * Comparing two scans of an account by each finding's stable key (check, region, resource), and
 * the pass-rate trend per area across an account's scans. Done in SQL so it stays fast at 50,000
 * findings a scan.
 */
import { AREAS } from '../../../shared/model/area.ts';
import { DIFF_KINDS, type DiffEntry, type DiffKind, type ScanDiff, type TrendPoint } from '../../../shared/model/engagement.ts';
import type { Db } from './open.ts';

interface PairRow {
  check_id: string;
  title: string;
  resource_id: string;
  resource_name: string;
  region: string;
  a_status: string | null;
  a_severity: string | null;
  b_status: string | null;
  b_severity: string | null;
}

const PAIRS = `
  WITH a AS (SELECT * FROM findings WHERE scan_id = @from), b AS (SELECT * FROM findings WHERE scan_id = @to)
  SELECT a.check_id, a.title, a.resource_id, a.resource_name, a.region, a.status AS a_status, a.severity AS a_severity,
         b.status AS b_status, b.severity AS b_severity
    FROM a LEFT JOIN b ON b.finding_key = a.finding_key
  UNION ALL
  SELECT b.check_id, b.title, b.resource_id, b.resource_name, b.region, NULL, NULL, b.status, b.severity
    FROM b WHERE NOT EXISTS (SELECT 1 FROM a WHERE a.finding_key = b.finding_key)`;

export function classify(before: string | null, after: string | null, sevBefore: string | null, sevAfter: string | null): DiffKind | null {
  const failed = (s: string | null): boolean => s === 'FAIL';
  if (before === 'NOT_ASSESSED' || after === 'NOT_ASSESSED') return failed(before) || failed(after) ? 'not-comparable' : null;
  if (failed(after)) {
    if (before === null) return 'new';
    if (!failed(before)) return 'regressed';
    return sevBefore !== sevAfter ? 'severity-changed' : 'unchanged';
  }
  if (failed(before)) return 'resolved';
  return null;
}

export function diffScans(db: Db, fromScanId: string, toScanId: string): ScanDiff {
  const rows = db.prepare(PAIRS).all({ from: fromScanId, to: toScanId }) as PairRow[];
  // A finding missing from the later scan is resolved only if that scan assessed its check there:
  // a list call that failed leaves one account-level NOT_ASSESSED row for the region, not one per
  // resource, so the resources it would have listed are unknown, not gone.
  const laterChecks = new Set((db.prepare('SELECT DISTINCT check_id FROM findings WHERE scan_id = ?').all(toScanId) as { check_id: string }[]).map((r) => r.check_id));
  const laterUnassessed = new Set(
    (db.prepare(`SELECT DISTINCT check_id, region FROM findings WHERE scan_id = ? AND status = 'NOT_ASSESSED' AND resource_id = account_id`).all(toScanId) as { check_id: string; region: string }[]).map(
      (r) => `${r.check_id}|${r.region}`,
    ),
  );
  const counts = Object.fromEntries(DIFF_KINDS.map((k) => [k, 0])) as Record<DiffKind, number>;
  const entries: DiffEntry[] = [];
  for (const r of rows) {
    let kind = classify(r.a_status, r.b_status, r.a_severity, r.b_severity);
    if (kind === 'resolved' && r.b_status === null && (!laterChecks.has(r.check_id) || laterUnassessed.has(`${r.check_id}|${r.region}`))) {
      kind = 'not-comparable';
    }
    if (!kind) continue;
    counts[kind] += 1;
    entries.push({
      kind,
      checkId: r.check_id,
      title: r.title,
      resourceId: r.resource_id,
      resourceName: r.resource_name,
      region: r.region,
      before: r.a_status === null ? null : { status: r.a_status, severity: r.a_severity ?? '' },
      after: r.b_status === null ? null : { status: r.b_status, severity: r.b_severity ?? '' },
    });
  }
  const order = new Map(DIFF_KINDS.map((k, i) => [k, i]));
  entries.sort((x, y) => (order.get(x.kind) ?? 0) - (order.get(y.kind) ?? 0) || x.checkId.localeCompare(y.checkId) || x.resourceId.localeCompare(y.resourceId));
  return { fromScanId, toScanId, counts, entries };
}

/** Pass rate per area for every finished scan of the account, oldest first. */
export function passRateTrend(db: Db, accountId: string): TrendPoint[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.started_at, f.area, SUM(f.status = 'PASS') AS pass, SUM(f.status = 'FAIL') AS fail
         FROM scans s LEFT JOIN findings f ON f.scan_id = s.id
        WHERE s.account_id = ? AND s.status IN ('complete', 'cancelled', 'interrupted')
        GROUP BY s.id, f.area ORDER BY s.started_at, s.id`,
    )
    .all(accountId) as { id: string; started_at: string; area: string | null; pass: number; fail: number }[];
  const points = new Map<string, TrendPoint>();
  for (const r of rows) {
    const point = points.get(r.id) ?? { scanId: r.id, startedAt: r.started_at, passRate: Object.fromEntries(AREAS.map((a) => [a, null])) };
    if (r.area !== null && r.pass + r.fail > 0) point.passRate[r.area] = r.pass / (r.pass + r.fail);
    points.set(r.id, point);
  }
  return [...points.values()];
}
