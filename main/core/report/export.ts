/**
 * Machine-readable exports of a scan's findings. JSON is the native Finding shape; CSV is one
 * row per finding for spreadsheets, with formula injection neutralised because resource names
 * and messages come from the client's (possibly compromised) AWS account.
 */
import type { Finding } from '../../../shared/model/finding.ts';

/**
 * Pretty-printed JSON array of findings, exactly as stored, each with `frameworks`: the requirement
 * ids its check tests ("FSBP EC2.7", "CIS 3.0 5.2"), so a finding can be matched to a control.
 */
export function toJson(findings: readonly Finding[], frameworks: ReadonlyMap<string, readonly string[]> = new Map()): string {
  return `${JSON.stringify(withFrameworks(findings, frameworks), null, 2)}\n`;
}

export function withFrameworks(findings: readonly Finding[], frameworks: ReadonlyMap<string, readonly string[]>): Array<Finding & { frameworks: string[] }> {
  return findings.map((f) => ({ ...f, frameworks: [...(frameworks.get(f.checkId) ?? [])] }));
}

export const CSV_COLUMNS = [
  'checkId',
  'title',
  'area',
  'service',
  'severity',
  'status',
  'message',
  'resourceId',
  'resourceArn',
  'resourceName',
  'region',
  'accountId',
  'reasonKind',
  'reasonCode',
  'acceptance',
  'acceptanceExpiresAt',
  'frameworks',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

function csvValue(f: Finding, column: CsvColumn, frameworks: ReadonlyMap<string, readonly string[]>): string {
  if (column === 'reasonKind') return f.reason?.kind ?? '';
  if (column === 'reasonCode') return f.reason?.code ?? '';
  if (column === 'acceptance') return f.acceptance ? (f.acceptance.active ? 'accepted' : 'expired') : '';
  if (column === 'acceptanceExpiresAt') return f.acceptance?.expiresAt ?? '';
  if (column === 'frameworks') return (frameworks.get(f.checkId) ?? []).join('; ');
  const value: unknown = f[column];
  return value === null || value === undefined ? '' : String(value);
}

// Spreadsheets evaluate a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: formula-neutralised with a leading apostrophe, quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 CSV: header row, one row per finding, CRLF line ends. `acceptance` is "accepted" (an
 * active risk acceptance covers the failure), "expired" (one did, and has expired) or empty;
 * `frameworks` lists the requirement ids the check tests ("FSBP EC2.7; CIS 3.0 5.2").
 */
export function toCsv(findings: readonly Finding[], frameworks: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const f of findings) lines.push(CSV_COLUMNS.map((c) => csvField(csvValue(f, c, frameworks))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
