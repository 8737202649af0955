/**
 * Reading the IAM credential report as AWS writes it. Values are tri-state: "true"/"false" are
 * known, "not_supported" or a missing column is unknown; "N/A" and "no_information" on a date
 * column mean there is no such date (never used, or no such credential), never "unknown".
 */
import type { Finding } from '../../../../../shared/model/finding.ts';
import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { CredentialReportRow, StoredCredentialReport } from '../../../collect/iam-credentials.ts';
import { GLOBAL, type Read, type Snapshot } from '../../../engine/snapshot.ts';
import { accountResource, evidence, finding, missingField, notAssessed, type Resource } from '../../helpers.ts';
import { unreadable } from './unreadable.ts';

export { unreadable };

export const ROOT_USER = '<root_account>';
export const REPORT = 'iam:GetCredentialReport';

type ReportRead = Extract<Read<StoredCredentialReport>, { ok: true }>;

export type Moment = { kind: 'date'; date: Date } | { kind: 'none' } | { kind: 'unknown'; raw: string };

export function flag(row: CredentialReportRow, column: string): boolean | undefined {
  const v = row[column]?.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

export function moment(row: CredentialReportRow, column: string): Moment {
  const raw = row[column]?.trim();
  if (raw === undefined || raw === '') return { kind: 'unknown', raw: raw ?? '(missing)' };
  if (raw === 'N/A' || raw.toLowerCase() === 'no_information') return { kind: 'none' };
  const ms = /^\d{4}-\d\d-\d\dT/.test(raw) ? Date.parse(raw) : NaN;
  return Number.isNaN(ms) ? { kind: 'unknown', raw } : { kind: 'date', date: new Date(ms) };
}

export const daysBetween = (earlier: Date, later: Date): number => Math.floor((later.getTime() - earlier.getTime()) / 86_400_000);

export const day = (d: Date): string => d.toISOString().slice(0, 10);

export function userResource(row: CredentialReportRow): Resource {
  return { id: row.user ?? '', arn: row.arn ?? '', name: row.user ?? '', region: GLOBAL };
}

export function pick(row: CredentialReportRow, columns: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(columns.map((c) => [c, row[c]]));
}

/** The report's rows, or the one finding that explains why they cannot be judged. */
export function reportRows(meta: CheckMeta, snap: Snapshot, columns: readonly string[]): { read: ReportRead; rows: CredentialReportRow[] } | Finding {
  const read = snap.read<StoredCredentialReport>(REPORT, GLOBAL);
  const resource = accountResource(snap, GLOBAL, 'IAM credential report');
  if (!read.ok) return notAssessed(meta, snap, resource, read);
  const missing = ['user', 'arn', ...columns].filter((c) => !read.data.columns.includes(c));
  if (missing.length > 0) return missingField(meta, snap, resource, read, `credential report column ${missing.join(', ')}`);
  return { read, rows: read.data.rows };
}

export interface Verdict {
  status: 'PASS' | 'FAIL' | 'NOT_ASSESSED' | 'NOT_APPLICABLE';
  message: string;
}

/** One finding per IAM user (root excluded); `judge` sees the row and the collection time. */
export function perUser(meta: CheckMeta, snap: Snapshot, columns: readonly string[], judge: (row: CredentialReportRow, now: Date) => Verdict): Finding[] {
  const got = reportRows(meta, snap, columns);
  if (!('read' in got)) return [got];
  const { read, rows } = got;
  const users = rows.filter((r) => r.user !== ROOT_USER);
  if (users.length === 0) {
    return [finding(meta, snap, accountResource(snap, GLOBAL), 'NOT_APPLICABLE', 'The account has no IAM users.', [evidence(read, { users: 0 })])];
  }
  const now = new Date(read.at);
  return users.map((row) => {
    const verdict = judge(row, now);
    const resource = userResource(row);
    if (verdict.status === 'NOT_ASSESSED') return unreadable(meta, snap, resource, read, verdict.message);
    return finding(meta, snap, resource, verdict.status, verdict.message, [evidence(read, pick(row, ['user', ...columns]))]);
  });
}

/** The date a credential was last used, or when it came to be if it was never used. */
export function lastActivity(row: CredentialReportRow, used: string, since: string[]): Moment {
  const m = moment(row, used);
  if (m.kind !== 'none') return m;
  for (const column of since) {
    const s = moment(row, column);
    if (s.kind !== 'none') return s;
  }
  return { kind: 'none' };
}
