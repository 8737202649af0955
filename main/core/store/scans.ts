/** Scans and the engagement/account rows they hang from. */
import type { Area } from '../../../shared/model/area.ts';
import type { StatusCounts, ScanStatus, ScanSummary } from '../../../shared/model/scan.ts';
import { getAppSettings } from './settings.ts';
import type { Db } from './open.ts';

interface ScanRow {
  id: string;
  engagement_id: string;
  profile: string;
  account_id: string;
  caller_arn: string;
  regions: string;
  areas: string;
  status: ScanStatus;
  started_at: string;
  ended_at: string | null;
  tool_version: string;
  checks_version: string;
  label: string;
  calls: number;
  access: string | null;
}

/**
 * How a scan signs in when its profile's own credentials are not its account's: the role the
 * profile assumes (an organization member's scan). Kept so a resume signs in the same way;
 * never credentials (see migrations/0004_scan_access.sql).
 */
export interface ScanAccess {
  roleArn: string;
  /** Sent with AssumeRole when the role's trust policy asks for one. */
  externalId?: string;
}

export interface NewScan {
  id: string;
  profile: string;
  accountId: string;
  callerArn: string;
  regions: string[];
  areas: Area[];
  startedAt: string;
  toolVersion: string;
  checksVersion: string;
  label?: string;
  /** Engagement the scan belongs to; the default engagement is created on demand. */
  engagementId?: string;
  access?: ScanAccess;
}

const DEFAULT_ENGAGEMENT = 'default';

export function insertScan(db: Db, scan: NewScan): void {
  const engagementId = scan.engagementId ?? DEFAULT_ENGAGEMENT;
  db.transaction(() => {
    // An engagement made on demand starts, like one made in the UI, from the saved defaults.
    const defaults = getAppSettings(db);
    db.prepare(
      `INSERT INTO engagements (id, client, consultant, settings, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(
      engagementId,
      engagementId === DEFAULT_ENGAGEMENT ? 'Unassigned' : engagementId,
      defaults.consultant,
      JSON.stringify({ authorizedPorts: defaults.defaultAuthorizedPorts }),
      scan.startedAt,
    );
    db.prepare(`INSERT INTO accounts (engagement_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(
      engagementId,
      scan.accountId,
    );
    const account = db
      .prepare('SELECT id FROM accounts WHERE engagement_id = ? AND account_id = ?')
      .get(engagementId, scan.accountId) as { id: number };
    db.prepare(
      `INSERT INTO scans (id, account_ref, profile, account_id, caller_arn, regions, areas, status, started_at,
         tool_version, checks_version, label, owner_pid, access)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)`,
    ).run(
      scan.id,
      account.id,
      scan.profile,
      scan.accountId,
      scan.callerArn,
      JSON.stringify(scan.regions),
      JSON.stringify(scan.areas),
      scan.startedAt,
      scan.toolVersion,
      scan.checksVersion,
      scan.label ?? '',
      process.pid,
      scan.access ? JSON.stringify({ roleArn: scan.access.roleArn, externalId: scan.access.externalId }) : null,
    );
  })();
}

/** How the scan signed in; undefined for a scan with its profile's own credentials (or a row that says nothing usable). */
export function getScanAccess(db: Db, id: string): ScanAccess | undefined {
  const row = db.prepare('SELECT access FROM scans WHERE id = ?').get(id) as { access: string | null } | undefined;
  return parseAccess(row?.access ?? null);
}

const ROLE_ARN = /^arn:[\w-]+:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** The column may come from an imported engagement file: only a role ARN and a string external ID count. */
function parseAccess(text: string | null): ScanAccess | undefined {
  if (text === null) return undefined;
  const value = JSON.parse(text) as unknown;
  if (typeof value !== 'object' || value === null) return undefined;
  const { roleArn, externalId } = value as { roleArn?: unknown; externalId?: unknown };
  if (typeof roleArn !== 'string' || !ROLE_ARN.test(roleArn)) return undefined;
  return typeof externalId === 'string' ? { roleArn, externalId } : { roleArn };
}

export function finishScan(db: Db, id: string, status: ScanStatus, endedAt: string, calls: number, error?: string): void {
  db.prepare('UPDATE scans SET status = ?, ended_at = ?, calls = ?, error = ? WHERE id = ?').run(
    status,
    endedAt,
    calls,
    error ?? null,
    id,
  );
}

export function recordEndpoints(db: Db, id: string, endpoints: ReadonlyMap<string, string>): void {
  const row = db.prepare('SELECT endpoints FROM scans WHERE id = ?').get(id) as { endpoints: string } | undefined;
  const merged = { ...(JSON.parse(row?.endpoints ?? '{}') as Record<string, string>), ...Object.fromEntries(endpoints) };
  db.prepare('UPDATE scans SET endpoints = ? WHERE id = ?').run(JSON.stringify(merged), id);
}

export function scanEndpoints(db: Db, id: string): Record<string, string> {
  const row = db.prepare('SELECT endpoints FROM scans WHERE id = ?').get(id) as { endpoints: string } | undefined;
  return JSON.parse(row?.endpoints ?? '{}') as Record<string, string>;
}

/** A resumed scan runs again, owned by this process. */
export function markScanRunning(db: Db, id: string): void {
  db.prepare(`UPDATE scans SET status = 'running', ended_at = NULL, error = NULL, owner_pid = ? WHERE id = ?`).run(process.pid, id);
}

/** Scans left "running" by a process that no longer exists are interrupted, not running. */
export function markOrphanedScansInterrupted(db: Db, isAlive: (pid: number) => boolean = processAlive): number {
  const rows = db.prepare(`SELECT id, owner_pid FROM scans WHERE status = 'running'`).all() as { id: string; owner_pid: number | null }[];
  const mark = db.prepare(`UPDATE scans SET status = 'interrupted' WHERE id = ? AND status = 'running'`);
  let changed = 0;
  for (const r of rows) {
    if (r.owner_pid !== null && r.owner_pid !== process.pid && isAlive(r.owner_pid)) continue;
    changed += mark.run(r.id).changes;
  }
  return changed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function deleteScan(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM scans WHERE id = ?').run(id).changes > 0;
}

const SELECT_SCANS = 'SELECT s.*, a.engagement_id FROM scans s JOIN accounts a ON a.id = s.account_ref';

const COUNTS_SQL = `SELECT scan_id, status, COUNT(*) AS n FROM findings WHERE scan_id IN (SELECT value FROM json_each(?))
  GROUP BY scan_id, status`;

export function listScans(db: Db): ScanSummary[] {
  const rows = db.prepare(`${SELECT_SCANS} ORDER BY s.started_at DESC, s.id DESC`).all() as ScanRow[];
  return withCounts(db, rows);
}

export function getScan(db: Db, id: string): ScanSummary | undefined {
  const row = db.prepare(`${SELECT_SCANS} WHERE s.id = ?`).get(id) as ScanRow | undefined;
  return row ? withCounts(db, [row])[0] : undefined;
}

export function latestScanId(db: Db): string | undefined {
  const row = db.prepare('SELECT id FROM scans ORDER BY started_at DESC, id DESC LIMIT 1').get() as
    | { id: string }
    | undefined;
  return row?.id;
}

function withCounts(db: Db, rows: ScanRow[]): ScanSummary[] {
  const counts = new Map<string, StatusCounts>();
  const tallies = db.prepare(COUNTS_SQL).all(JSON.stringify(rows.map((r) => r.id))) as {
    scan_id: string;
    status: keyof StatusCounts;
    n: number;
  }[];
  for (const t of tallies) {
    const c = counts.get(t.scan_id) ?? emptyCounts();
    c[t.status] = t.n;
    counts.set(t.scan_id, c);
  }
  return rows.map((r) => toSummary(r, counts.get(r.id) ?? emptyCounts()));
}

export function emptyCounts(): StatusCounts {
  return { PASS: 0, FAIL: 0, NOT_ASSESSED: 0, NOT_APPLICABLE: 0 };
}

function toSummary(r: ScanRow, counts: StatusCounts): ScanSummary {
  const viaRole = parseAccess(r.access);
  return {
    id: r.id,
    profile: r.profile,
    accountId: r.account_id,
    callerArn: r.caller_arn,
    regions: JSON.parse(r.regions) as string[],
    areas: JSON.parse(r.areas) as Area[],
    status: r.status,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    toolVersion: r.tool_version,
    label: r.label,
    engagementId: r.engagement_id,
    counts,
    calls: r.calls,
    ...(viaRole ? { viaRoleArn: viaRole.roleArn } : {}),
  };
}
