/**
 * One section per area: what the customer is responsible for, failed checks by severity (most
 * severe first), then what could not be assessed and why, then passed and not-applicable results
 * as compact lists, and the area's own views (patching per instance, internet exposure).
 */
import { AREA_TITLES, type Area } from '../../../shared/model/area.ts';
import type { CheckMeta } from '../../../shared/model/check.ts';
import type { Finding, Severity, Status } from '../../../shared/model/finding.ts';
import { AREA_RESPONSIBILITY } from './area-text.ts';
import { drawGrid, drawNotAssessed } from './compact.ts';
import { drawExposure } from './exposure.ts';
import { drawFailGroup } from './finding-block.ts';
import { artifact, ensureSpace, heading, hRule, measure, openSection, write, type Ctx } from './layout.ts';
import { drawMaintenance } from './maintenance.ts';
import { groupByCheck, type CheckGroup, type ReportModel } from './model.ts';
import { isAccepted } from './posture.ts';
import { formatCount, safeLine } from './sanitize.ts';
import { areaAnchor } from './summary.ts';
import { COLOR, CONTENT_WIDTH, PAGE, SEVERITY_COLOR, SEVERITY_LABEL, STATUS_LABEL, TYPE } from './theme.ts';

export const SUBSECTION_TITLES: Readonly<Record<Status, string>> = {
  FAIL: 'Failed checks',
  NOT_ASSESSED: 'Not assessed',
  PASS: 'Passed checks',
  NOT_APPLICABLE: 'Not applicable',
};

export interface AreaInput {
  area: Area;
  findings: Finding[];
  inScope: boolean;
  checks: ReadonlyMap<string, CheckMeta>;
  frameworks: ReadonlyMap<string, string[]>;
}

export function drawArea(ctx: Ctx, model: ReportModel, input: AreaInput): void {
  const title = AREA_TITLES[input.area];
  openSection(ctx, title);
  const outline = heading(ctx, title, ctx.doc.outline, 1, areaAnchor(input.area));
  const by = (status: Status): Finding[] => input.findings.filter((f) => f.status === status);
  const accepted = input.findings.filter(isAccepted).length;
  const line =
    (['FAIL', 'PASS', 'NOT_ASSESSED', 'NOT_APPLICABLE'] as const).map((s) => `${formatCount(by(s).length)} ${STATUS_LABEL[s].toLowerCase()}`).join('   ·   ') +
    (accepted ? `   ·   ${formatCount(accepted)} failed but accepted` : '');
  const note = !input.inScope ? 'This area was not in the scope of the scan.' : input.findings.length === 0 ? 'No results were recorded for this area.' : line;
  ctx.y += write(ctx, note, PAGE.marginX, ctx.y, { size: 9, color: COLOR.muted }) + 12;
  drawDuties(ctx, model, input.area);

  if (input.findings.length === 0) {
    drawAreaViews(ctx, model, input.area, outline);
    return;
  }
  const fail = by('FAIL');
  if (fail.length) {
    heading(ctx, SUBSECTION_TITLES.FAIL, outline, 2);
    let severity: Severity | undefined;
    const groups = groupByCheck(fail, input.checks);
    for (const group of groups) {
      if (group.severity !== severity) {
        severity = group.severity;
        severityDivider(ctx, severity, groups.filter((g) => g.severity === severity));
      }
      drawFailGroup(ctx, group, input.frameworks.get(group.check.id) ?? []);
    }
  }
  drawAreaViews(ctx, model, input.area, outline);
  const notAssessed = by('NOT_ASSESSED');
  if (notAssessed.length) {
    heading(ctx, SUBSECTION_TITLES.NOT_ASSESSED, outline, 2);
    for (const group of groupByCheck(notAssessed, input.checks)) drawNotAssessed(ctx, group);
  }
  for (const status of ['PASS', 'NOT_APPLICABLE'] as const) {
    const list = by(status);
    if (!list.length) continue;
    heading(ctx, SUBSECTION_TITLES[status], outline, 2);
    for (const group of groupByCheck(list, input.checks)) drawGrid(ctx, group, status);
  }
}

/** The area's own tables, right after its failed checks. */
function drawAreaViews(ctx: Ctx, model: ReportModel, area: Area, outline: PDFKit.PDFOutline): void {
  if (area === 'compute-maintenance') drawMaintenance(ctx, model, outline);
  if (area === 'network') drawExposure(ctx, model, outline);
}

/** "What you are responsible for here": the duties of the services in use, else the general statement. */
function drawDuties(ctx: Ctx, model: ReportModel, area: Area): void {
  const x = PAGE.marginX;
  const matrix = model.responsibility?.available ? model.responsibility.value : undefined;
  const duties: string[] = [];
  if (matrix) {
    const seen = new Set<string>();
    for (const row of matrix.rows) {
      if (row.status !== 'in-use') continue;
      for (const d of row.customerDuties) {
        if (d.area !== area || seen.has(d.text)) continue;
        seen.add(d.text);
        duties.push(`${safeLine(row.title, 40)}: ${safeLine(d.text, 300)}`);
      }
    }
  }
  const intro = duties.length ? 'For the services found in use in this account:' : 'In general terms:';
  const items = duties.length ? duties.slice(0, 10) : [AREA_RESPONSIBILITY[area]];
  const bullet = duties.length ? 10 : 0;
  const w = CONTENT_WIDTH - bullet;
  const style = { size: 8.5, width: w, lineGap: 1.5 };
  const h = 30 + measure(ctx, intro, x, { size: TYPE.small }) + items.reduce((sum, t) => sum + measure(ctx, t, x + bullet, style) + 2, 0);
  ensureSpace(ctx, h);
  write(ctx, 'WHAT YOU ARE RESPONSIBLE FOR', x, ctx.y, { face: 'bold', size: 7, color: COLOR.accent, tag: 'H3' });
  let y = ctx.y + 12;
  y += write(ctx, intro, x, y, { size: TYPE.small, color: COLOR.muted }) + 3;
  for (const item of items) {
    // The bullet is decoration: screen readers get one paragraph per duty.
    if (bullet) artifact(ctx, () => write(ctx, '•', x, y, { size: 8.5, color: COLOR.accent, width: bullet, bare: true }));
    y += write(ctx, item, x + bullet, y, { ...style, color: COLOR.ink }) + 2;
  }
  ctx.y = y + 14;
}

function severityDivider(ctx: Ctx, severity: Severity, groups: CheckGroup[]): void {
  ensureSpace(ctx, 140);
  const resources = groups.reduce((n, g) => n + g.findings.length, 0);
  const text = `${SEVERITY_LABEL[severity].toUpperCase()}  ·  ${formatCount(groups.length)} check${groups.length === 1 ? '' : 's'}, ${formatCount(resources)} resource${resources === 1 ? '' : 's'}`;
  write(ctx, text, PAGE.marginX, ctx.y, { face: 'bold', size: 7.5, color: SEVERITY_COLOR[severity], tag: 'H3' });
  hRule(ctx, ctx.y + 12, SEVERITY_COLOR[severity]);
  ctx.y += 18;
}
