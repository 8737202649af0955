/** Findings of a scan; finding_key (check, resource, region) recognises the same problem across scans. */
import type { Area } from '../../../shared/model/area.ts';
import type { Evidence, Finding, NotAssessedReason, Severity, Status } from '../../../shared/model/finding.ts';
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
       resource_id, resource_arn, resource_name, region, account_id, evidence, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
      );
    }
  })();
}

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
