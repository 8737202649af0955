/**
 * The report model: everything the PDF and the exports need, gathered once from the store, so
 * rendering is a pure function of stored data (a report never needs AWS again).
 */
import type { ScanDetail } from '../../../shared/api.ts';
import { AREAS, type Area } from '../../../shared/model/area.ts';
import type { CheckMeta } from '../../../shared/model/check.ts';
import type { ScanCoverage } from '../../../shared/model/coverage.ts';
import { SEVERITIES, STATUSES, type Finding, type Severity, type Status } from '../../../shared/model/finding.ts';
import type { AreaSummary } from '../../../shared/model/scan.ts';

export interface ReportModel {
  scan: ScanDetail;
  /** Calls per service and region and the endpoints used; absent for reports built without it. */
  coverage?: ScanCoverage;
  findings: Finding[];
  checks: CheckMeta[];
  /** Shown on the cover and in the running header. */
  clientName: string;
  /** Who prepared the report, shown on the cover when given. */
  consultant?: string;
}

export interface ReportInput {
  scan: ScanDetail;
  coverage?: ScanCoverage;
  findings: Finding[];
  checks: CheckMeta[];
  /** Defaults to the demo label, then to the account ID. */
  clientName?: string;
  consultant?: string;
}

/** Builds the model with a stable finding order, so the same data always gives the same report. */
export function buildReportModel(input: ReportInput): ReportModel {
  const clientName = input.clientName?.trim() || input.scan.label.trim() || `AWS account ${input.scan.accountId}`;
  const model: ReportModel = {
    scan: input.scan,
    findings: [...input.findings].sort(compareFindings),
    checks: input.checks,
    clientName,
  };
  if (input.coverage) model.coverage = input.coverage;
  if (input.consultant?.trim()) model.consultant = input.consultant.trim();
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
function compareText(a: string, b: string): number {
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
