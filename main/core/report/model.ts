/**
 * The report model: everything the PDF and the exports need, gathered once from the store, so
 * rendering is a pure function of stored data (a report never needs AWS again).
 */
import type { ScanDetail } from '../../../shared/api.ts';
import { AREAS, type Area } from '../../../shared/model/area.ts';
import type { CheckMeta } from '../../../shared/model/check.ts';
import type { ScanCoverage } from '../../../shared/model/coverage.ts';
import type { ManualControl, RiskAcceptance, ScanDiff, TrendPoint } from '../../../shared/model/engagement.ts';
import { SEVERITIES, STATUSES, type CallErrorKind, type Finding, type Severity, type Status } from '../../../shared/model/finding.ts';
import type { ResponsibilityMatrix } from '../../../shared/model/responsibility.ts';
import type { AreaSummary, ScanSummary } from '../../../shared/model/scan.ts';
import type { SecurityHubImport } from '../../../shared/model/securityhub.ts';
import type { ExposureView, InstanceMaintenanceRow, ReferenceDataVersion } from '../../../shared/model/views.ts';
import { REPORT_TITLE } from './theme.ts';

/**
 * An input the report takes from another module or another query. A part the builder could not
 * produce carries the reason, and its section prints a short "not available" note instead.
 */
export type Part<T> = { available: true; value: T } | { available: false; reason: string };

export const available = <T>(value: T): Part<T> => ({ available: true, value });
export const notAvailable = <T>(reason: string): Part<T> => ({ available: false, reason });

/** A logo, checked to be a PNG or JPEG file. */
export interface ReportImage {
  data: Buffer;
  format: 'png' | 'jpeg';
}

/** What changed since the previous complete scan of the same account. */
export interface ScanChanges {
  previous: ScanSummary;
  diff: ScanDiff;
}

/** The comparison report: the scan of the model against an earlier (or later) one. */
export interface Comparison {
  base: ScanDetail;
  diff: ScanDiff;
}

/** An IAM action whose absence (or an explicit deny) stopped calls the scan needed. */
export interface MissingPermission {
  action: string;
  kind: Extract<CallErrorKind, 'permission-denied' | 'explicit-deny'>;
  /** API calls ("service:Operation") that failed for it. */
  calls: string[];
  regions: string[];
  /** Failed records (one per call, region and resource). */
  failures: number;
}

/** The SHA-256 of the stored snapshot, in the canonical serialisation described by `algorithm`. */
export interface SnapshotDigest {
  algorithm: string;
  sha256: string;
  records: number;
}

export interface FrameworkCrosswalk {
  /** Framework id to its full title, e.g. fsbp: "AWS Foundational Security Best Practices v1.0.0". */
  frameworks: Record<string, string>;
  /** One entry per requirement, in framework then requirement order. */
  requirements: { framework: string; id: string; checks: string[] }[];
}

export interface ReportModel {
  /** Report title on the cover and in the document info. */
  title: string;
  scan: ScanDetail;
  /** Sorted with compareFindings; accepted risks are marked on them (`acceptance`). */
  findings: Finding[];
  checks: CheckMeta[];
  /** Shown on the cover and in the running header. */
  clientName: string;
  /** Who prepared the report, shown on the cover when given. */
  consultant?: string;
  firm?: string;
  logos?: { client?: ReportImage; firm?: ReportImage };
  /** ISO time accepted risks are judged at (the scan's end): an acceptance expired by then re-opens its findings. */
  asOf: string;
  /** Version fingerprint of the check catalogue that produced the findings. */
  checksVersion?: string;
  /** True when account IDs, ARNs, IP and e-mail addresses were masked. */
  redacted?: boolean;
  /** Calls per service and region and the endpoints used. */
  coverage?: ScanCoverage;
  // The parts below come from other modules and queries; each may be missing, never fatal.
  /** Null value: this is the account's first complete scan. */
  changes?: Part<ScanChanges | null>;
  comparison?: Comparison;
  /** Pass rate per area of this account's scans up to this one, oldest first. */
  trend?: Part<TrendPoint[]>;
  responsibility?: Part<ResponsibilityMatrix>;
  maintenance?: Part<InstanceMaintenanceRow[]>;
  exposure?: Part<ExposureView>;
  securityHub?: Part<SecurityHubImport>;
  acceptances?: Part<RiskAcceptance[]>;
  manualControls?: Part<ManualControl[]>;
  permissions?: Part<MissingPermission[]>;
  referenceData?: Part<ReferenceDataVersion[]>;
  snapshotDigest?: Part<SnapshotDigest>;
  frameworks?: Part<FrameworkCrosswalk>;
}

type Derived = 'title' | 'scan' | 'findings' | 'checks' | 'clientName' | 'asOf';

export interface ReportInput extends Partial<Omit<ReportModel, Derived>> {
  scan: ScanDetail;
  findings: Finding[];
  checks: CheckMeta[];
  /** Defaults to the demo label, then to the account ID. */
  clientName?: string;
  title?: string;
  asOf?: string;
}

/** Builds the model with a stable finding order, so the same data always gives the same report. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { scan, findings, checks, clientName, title, asOf, consultant, firm, ...parts } = input;
  const model: ReportModel = {
    ...parts,
    title: title?.trim() || REPORT_TITLE,
    scan,
    findings: [...findings].sort(compareFindings),
    checks,
    clientName: clientName?.trim() || scan.label.trim() || `AWS account ${scan.accountId}`,
    asOf: asOf ?? scan.endedAt ?? scan.startedAt,
  };
  if (consultant?.trim()) model.consultant = consultant.trim();
  if (firm?.trim()) model.firm = firm.trim();
  return model;
}

const rank = <T>(list: readonly T[], value: T): number => {
  const i = list.indexOf(value);
  return i < 0 ? list.length : i;
};

export const severityRank = (s: Severity): number => rank(SEVERITIES, s);

/** Area, then status (FAIL first), then severity, check and resource. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    rank(AREAS, a.area) - rank(AREAS, b.area) ||
    rank(STATUSES, a.status) - rank(STATUSES, b.status) ||
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.checkId, b.checkId) ||
    naturalCompare(a.resourceName, b.resourceName) ||
    naturalCompare(a.resourceId, b.resourceId) ||
    compareText(a.region, b.region)
  );
}

// Code-unit order, not localeCompare: the order must not depend on the machine's locale.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "web-2" before "web-10": digit runs compare as numbers, everything else by code unit. */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const nx = x.replace(/^0+(?=\d)/, '');
      const ny = y.replace(/^0+(?=\d)/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return compareText(nx, ny);
    }
    return compareText(x, y);
  }
  return pa.length - pb.length || compareText(a, b);
}

export function emptyStatusCounts(): Record<Status, number> {
  return { FAIL: 0, PASS: 0, NOT_ASSESSED: 0, NOT_APPLICABLE: 0 };
}

function emptySeverityCounts(): Record<Severity, number> {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

/**
 * Per-area counts computed from the findings the report lists, so the summary page always adds
 * up to the pages that follow it.
 */
export function summarizeAreas(findings: readonly Finding[]): AreaSummary[] {
  const byArea = new Map<Area, AreaSummary>(
    AREAS.map((area) => [area, { area, counts: emptyStatusCounts(), failBySeverity: emptySeverityCounts() }]),
  );
  for (const f of findings) {
    const summary = byArea.get(f.area);
    if (!summary || !(f.status in summary.counts)) continue;
    summary.counts[f.status]++;
    if (f.status === 'FAIL' && f.severity in summary.failBySeverity) summary.failBySeverity[f.severity]++;
  }
  return [...byArea.values()];
}

/** Passed share of the assessed (PASS + FAIL) results, or null when nothing was assessed. */
export function passRate(counts: Record<Status, number>): number | null {
  const assessed = counts.PASS + counts.FAIL;
  return assessed === 0 ? null : counts.PASS / assessed;
}

/** The findings of one check (at one severity), with the check's metadata. */
export interface CheckGroup {
  check: CheckMeta;
  severity: Severity;
  findings: Finding[];
}

/** Groups findings by check, most severe first; unknown check ids get metadata built from the finding. */
export function groupByCheck(findings: readonly Finding[], checks: ReadonlyMap<string, CheckMeta>): CheckGroup[] {
  const groups = new Map<string, CheckGroup>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.checkId}`;
    let group = groups.get(key);
    if (!group) {
      group = { check: checks.get(f.checkId) ?? fallbackCheck(f), severity: f.severity, findings: [] };
      groups.set(key, group);
    }
    group.findings.push(f);
  }
  return [...groups.values()].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || compareText(a.check.title, b.check.title) || compareText(a.check.id, b.check.id),
  );
}

function fallbackCheck(f: Finding): CheckMeta {
  return {
    id: f.checkId,
    title: f.title,
    area: f.area,
    service: f.service,
    severity: f.severity,
    responsibility: '',
    risk: '',
    remediation: { console: '' },
    references: [],
  };
}
