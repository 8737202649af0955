/**
 * The judgements the executive summary makes, as plain rules: what counts as an open failure,
 * the posture of an area and of the account, and which risks come first. Pure functions of the
 * model, so the summary, the roadmap and the tests agree.
 */
import { AREAS, type Area } from '../../../shared/model/area.ts';
import { SEVERITIES, type Finding, type Severity } from '../../../shared/model/finding.ts';
import type { StatusCounts } from '../../../shared/model/scan.ts';
import { emptyStatusCounts, groupByCheck, passRate, severityRank, type CheckGroup, type ReportModel } from './model.ts';
import { SEVERITY_COLOR, STATUS_COLOR } from './theme.ts';

/** A failure an active risk acceptance covers: shown, but not counted as open. */
export const isAccepted = (f: Finding): boolean => f.status === 'FAIL' && f.acceptance?.active === true;
export const isOpenFailure = (f: Finding): boolean => f.status === 'FAIL' && f.acceptance?.active !== true;

export type Posture = 'critical' | 'high' | 'moderate' | 'low' | 'good' | 'not-assessed' | 'out-of-scope';

export const POSTURE_LABEL: Readonly<Record<Posture, string>> = {
  critical: 'Critical risk',
  high: 'High risk',
  moderate: 'Moderate risk',
  low: 'Low risk',
  good: 'No open failures',
  'not-assessed': 'Not assessed',
  'out-of-scope': 'Not in scope',
};

export const POSTURE_COLOR: Readonly<Record<Posture, string>> = {
  critical: SEVERITY_COLOR.critical,
  high: SEVERITY_COLOR.high,
  moderate: SEVERITY_COLOR.medium,
  low: SEVERITY_COLOR.low,
  good: STATUS_COLOR.PASS,
  'not-assessed': STATUS_COLOR.NOT_ASSESSED,
  'out-of-scope': STATUS_COLOR.NOT_APPLICABLE,
};

export const POSTURE_RULE =
  'Posture is set by the most severe open failure (a failed check not covered by an accepted risk): critical, high, ' +
  'medium (moderate risk) or low and informational (low risk). Accepted risks are listed but do not set the posture. ' +
  'An area where nothing could be assessed is "not assessed", never "good".';

export interface AreaStatus {
  area: Area;
  inScope: boolean;
  posture: Posture;
  counts: StatusCounts;
  /** Open failures by severity. */
  open: Record<Severity, number>;
  accepted: number;
  passRate: number | null;
}

function postureOf(open: Record<Severity, number>, assessed: number): Posture {
  if (open.critical) return 'critical';
  if (open.high) return 'high';
  if (open.medium) return 'moderate';
  if (open.low || open.info) return 'low';
  return assessed > 0 ? 'good' : 'not-assessed';
}

export function areaStatuses(model: ReportModel): AreaStatus[] {
  const inScope = new Set<string>(model.scan.areas);
  const byArea = new Map<Area, AreaStatus>(
    AREAS.map((area) => [
      area,
      { area, inScope: inScope.has(area), posture: 'not-assessed', counts: emptyStatusCounts(), open: emptySeverities(), accepted: 0, passRate: null },
    ]),
  );
  for (const f of model.findings) {
    const s = byArea.get(f.area);
    if (!s || !(f.status in s.counts)) continue;
    s.counts[f.status]++;
    if (isAccepted(f)) s.accepted++;
    else if (f.status === 'FAIL' && f.severity in s.open) s.open[f.severity]++;
  }
  for (const s of byArea.values()) {
    s.passRate = passRate(s.counts);
    s.posture = !s.inScope && s.counts.PASS + s.counts.FAIL + s.counts.NOT_ASSESSED === 0 ? 'out-of-scope' : postureOf(s.open, s.counts.PASS + s.counts.FAIL);
  }
  return [...byArea.values()];
}

export function overallPosture(statuses: readonly AreaStatus[]): Posture {
  const open = emptySeverities();
  let assessed = 0;
  for (const s of statuses) {
    for (const sev of SEVERITIES) open[sev] += s.open[sev];
    assessed += s.counts.PASS + s.counts.FAIL;
  }
  return postureOf(open, assessed);
}

export function emptySeverities(): Record<Severity, number> {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

/** Open failures grouped by check: most severe first, then the most resources affected. */
export function openGroups(model: ReportModel): CheckGroup[] {
  const checks = new Map(model.checks.map((c) => [c.id, c]));
  return groupByCheck(model.findings.filter(isOpenFailure), checks).sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || b.findings.length - a.findings.length || (a.check.id < b.check.id ? -1 : a.check.id > b.check.id ? 1 : 0),
  );
}

/** The first sentence of a longer text, for a plain-language one-liner. */
export function firstSentence(text: string, max = 240): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const m = /^(.{20,}?[.!?])(\s|$)/.exec(clean);
  const sentence = m?.[1] ?? clean;
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}
