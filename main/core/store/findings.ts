/** Findings of a scan; finding_key (check, resource, region) recognises the same problem across scans. */
import type { Area } from '../../../shared/model/area.ts';
import type { Evidence, Finding, FindingPage, FindingQuery, NotAssessedReason, Severity, Status } from '../../../shared/model/finding.ts';
import type { Db } from './open.ts';

interface FindingRow {
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

/** One page of a scan's findings for the explorer: filters and sort in SQL, counted once. */
export function queryFindings(db: Db, scanId: string, q: FindingQuery = {}): FindingPage {
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
    inList('status', q.status, 'status');
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
  const clause = where.join(' AND ');
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM findings WHERE ${clause}`).get(params) as { n: number }).n;
  const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
  const offset = Math.max(q.offset ?? 0, 0);
  const rows = db
    .prepare(`SELECT * FROM findings WHERE ${clause} ORDER BY ${narrow ? `+${SORTS[q.sort ?? 'severity']}` : SORTS[q.sort ?? 'severity']} LIMIT ${limit} OFFSET ${offset}`)
    .all(params) as FindingRow[];
  return { total, rows: rows.map(toFinding) };
}
