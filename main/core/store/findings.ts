/** Findings of a scan; finding_key (check, resource, region) recognises the same problem across scans. */
import type { Area } from '../../../shared/model/area.ts';
import { ACCEPTANCE_FILTERS, type AcceptanceFilter, type Evidence, type Finding, type FindingPage, type FindingQuery, type NotAssessedReason, type Severity, type Status } from '../../../shared/model/finding.ts';
import { engagementOfScan } from './engagements.ts';
import type { Db } from './open.ts';

interface FindingRow {
  id: number;
  check_id: string;
  title: string;
  area: Area;
  service: string;
  severity: Severity;
  status: Status;
  message: string;
  resource_id: string;
  resource_arn: string;
  resource_name: string;
  region: string;
  account_id: string;
  evidence: string;
  reason: string | null;
}

export function findingKey(f: Pick<Finding, 'checkId' | 'resourceId' | 'region'>): string {
  return `${f.checkId}|${f.region}|${f.resourceId}`;
}

export function replaceFindings(db: Db, scanId: string, findings: Finding[]): void {
  const insert = db.prepare(
    `INSERT INTO findings (scan_id, finding_key, check_id, title, area, service, severity, status, message,
       resource_id, resource_arn, resource_name, region, account_id, evidence, reason, status_rank, severity_rank, search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (scan_id, finding_key) DO NOTHING`,
  );
  db.transaction(() => {
    db.prepare('DELETE FROM findings WHERE scan_id = ?').run(scanId);
    for (const f of findings) {
      insert.run(
        scanId,
        findingKey(f),
        f.checkId,
        f.title,
        f.area,
        f.service,
        f.severity,
        f.status,
        f.message,
        f.resourceId,
        f.resourceArn,
        f.resourceName,
        f.region,
        f.accountId,
        JSON.stringify(f.evidence),
        f.reason ? JSON.stringify(f.reason) : null,
        STATUS_RANK[f.status],
        SEVERITY_RANK[f.severity],
        [f.title, f.message, f.checkId, f.resourceId, f.resourceName, f.resourceArn].join(' ').toLowerCase(),
      );
    }
  })();
  // Fresh statistics after a large batch, so the explorer's queries pick the right index.
  if (findings.length >= 1000) {
    db.pragma('analysis_limit = 400');
    db.exec('ANALYZE findings');
  }
}

const STATUS_RANK: Record<Status, number> = { FAIL: 0, NOT_ASSESSED: 1, PASS: 2, NOT_APPLICABLE: 3 };
const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

export interface FindingFilter {
  status?: Status;
  area?: Area;
}

const SEVERITY_ORDER = `CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END`;
const STATUS_ORDER = `CASE status WHEN 'FAIL' THEN 0 WHEN 'NOT_ASSESSED' THEN 1 WHEN 'PASS' THEN 2 ELSE 3 END`;

export function listFindings(db: Db, scanId: string, filter: FindingFilter = {}): Finding[] {
  const rows = db
    .prepare(
      `SELECT * FROM findings WHERE scan_id = @scanId
         AND (@status IS NULL OR status = @status) AND (@area IS NULL OR area = @area)
       ORDER BY ${STATUS_ORDER}, ${SEVERITY_ORDER}, check_id, region, resource_id`,
    )
    .all({ scanId, status: filter.status ?? null, area: filter.area ?? null }) as FindingRow[];
  return rows.map(toFinding);
}

function toFinding(r: FindingRow): Finding {
  const f: Finding = {
    checkId: r.check_id,
    title: r.title,
    area: r.area,
    service: r.service,
    severity: r.severity,
    status: r.status,
    message: r.message,
    resourceId: r.resource_id,
    resourceArn: r.resource_arn,
    resourceName: r.resource_name,
    region: r.region,
    accountId: r.account_id,
    evidence: JSON.parse(r.evidence) as Evidence[],
  };
  if (r.reason) f.reason = JSON.parse(r.reason) as NotAssessedReason;
  return f;
}

const SORTS: Record<NonNullable<FindingQuery['sort']>, string> = {
  severity: 'status_rank, severity_rank, check_id, resource_id',
  check: 'check_id, resource_id, region',
  resource: 'resource_name, resource_id, check_id',
  region: 'region, check_id, resource_id',
};

/**
 * The acceptance filter as SQL, the same rule as applyAcceptances (acceptances.ts): only a FAIL is
 * ever accepted; an acceptance covers it when the check matches and its account, region and
 * resource are null or equal; revoked ones never count; one in force wins over an expired one.
 * expires_at is always written by Date#toISOString, so comparing it as text with `now` in the same
 * format is the same as comparing the instants. Returns null when nothing is filtered out.
 */
function acceptanceCondition(values: readonly AcceptanceFilter[], engagementId: string | undefined, now: Date, params: Record<string, unknown>): string | null {
  const wanted = new Set(ACCEPTANCE_FILTERS.filter((v) => values.includes(v)));
  if (wanted.size === 0 || wanted.size === ACCEPTANCE_FILTERS.length) return null;
  // A scan outside any engagement has no acceptances: every finding is "none".
  if (!engagementId) return wanted.has('none') ? null : '0';
  params.accEngagement = engagementId;
  params.accNow = now.toISOString();
  // Driven from the acceptances (a few hundred) into the rank index, never a probe per finding: a
  // per-row EXISTS cost 150-200 ms on 50,000 findings. CROSS JOIN keeps that loop order, and
  // listing every severity rank lets the index seek on check_id (and resource_id) behind it.
  const match = `f.scan_id = @scanId AND f.status_rank = ${STATUS_RANK.FAIL} AND f.severity_rank IN (${Object.values(SEVERITY_RANK).join(', ')})
    AND f.check_id = a.check_id AND (a.account_id IS NULL OR f.account_id = a.account_id) AND (a.region IS NULL OR f.region = a.region)`;
  const pick = `SELECT f.id AS id, (a.expires_at IS NULL OR a.expires_at > @accNow) AS in_force FROM risk_acceptances a CROSS JOIN findings f`;
  const live = 'a.engagement_id = @accEngagement AND a.revoked_at IS NULL';
  const covered = `${pick} ON ${match} AND f.resource_id = a.resource_id WHERE ${live} AND a.resource_id IS NOT NULL
    UNION ALL ${pick} ON ${match} WHERE ${live} AND a.resource_id IS NULL`;
  // Every combination is one set of covered findings, kept or left out: with 'none', the covered
  // states not asked for are left out; without it, the ones asked for are kept.
  const states = (['accepted', 'expired'] as const).filter((state) => wanted.has(state) !== wanted.has('none'));
  const set =
    states.length === 2
      ? `SELECT id FROM (${covered})`
      : `SELECT id FROM (${covered}) GROUP BY id HAVING MAX(in_force) = ${states[0] === 'accepted' ? 1 : 0}`;
  return `id ${wanted.has('none') ? 'NOT IN' : 'IN'} (${set})`;
}

/**
 * One page of a scan's findings for the explorer: filters and sort in SQL, counted once. `now`
 * decides which acceptances are in force for the acceptance filter.
 */
export function queryFindings(db: Db, scanId: string, q: FindingQuery = {}, now: Date = new Date()): FindingPage {
  const where = ['scan_id = @scanId'];
  const params: Record<string, unknown> = { scanId };
  const inList = (column: string, values: readonly (string | number)[] | undefined, name: string): void => {
    if (!values || values.length === 0) return;
    const names = values.slice(0, 50).map((v, i) => {
      params[`${name}${i}`] = v;
      return `@${name}${i}`;
    });
    where.push(`${column} IN (${names.join(', ')})`);
  };
  // Two plans, chosen here rather than left to the planner: with only status/severity filters the
  // page is read in order from the rank index; with narrower filters the rows are found by filter
  // and then sorted (a unary + keeps the planner from walking the whole scan in sort order).
  const narrow = Boolean(q.area?.length || q.service?.length || q.region?.length || q.text?.trim());
  if (narrow) {
    // Free text with only a status: the text index (no row read) beats the status index (a row read
    // per failure), 30 instead of 90 ms over 50,000. With an area or a severity, that index wins.
    const viaText = Boolean(q.text?.trim()) && !q.area?.length && !q.severity?.length;
    inList(viaText ? '+status' : 'status', q.status, 'status');
    inList('severity', q.severity, 'severity');
  } else {
    inList('status_rank', q.status?.map((x) => STATUS_RANK[x]), 'status');
    inList('severity_rank', q.severity?.map((x) => SEVERITY_RANK[x]), 'severity');
  }
  inList('area', q.area, 'area');
  inList('service', q.service, 'service');
  inList('region', q.region, 'region');
  if (q.text && q.text.trim() !== '') {
    // instr() on the pre-lowered text: no LIKE pattern to escape, and one column to scan.
    where.push('instr(search_text, @text) > 0');
    params.text = q.text.trim().toLowerCase();
  }
  if (q.acceptance?.length) {
    const condition = acceptanceCondition(q.acceptance, engagementOfScan(db, scanId), now, params);
    if (condition) where.push(condition);
  }
  const clause = where.join(' AND ');
  const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
  const offset = Math.max(q.offset ?? 0, 0);
  const order = narrow ? `+${SORTS[q.sort ?? 'severity']}` : SORTS[q.sort ?? 'severity'];
  if (params.text !== undefined) {
    // Free text is the costly filter (instr over every row's text): match once, sorted ids only,
    // count them, then read the page's rows by id, instead of one scan to count and another to page.
    const ids = db.prepare(`SELECT id FROM findings WHERE ${clause} ORDER BY ${order}`).pluck().all(params) as number[];
    const page = ids.slice(offset, offset + limit);
    const byId = new Map((db.prepare(`SELECT * FROM findings WHERE id IN (${page.map(() => '?').join(', ') || 'NULL'})`).all(...page) as FindingRow[]).map((r) => [r.id, r]));
    return { total: ids.length, rows: page.map((id) => toFinding(byId.get(id) as FindingRow)) };
  }
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM findings WHERE ${clause}`).get(params) as { n: number }).n;
  const rows = db.prepare(`SELECT * FROM findings WHERE ${clause} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`).all(params) as FindingRow[];
  return { total, rows: rows.map(toFinding) };
}
