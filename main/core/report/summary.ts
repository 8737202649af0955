/**
 * The executive summary: overall posture, one status per area with open failures by severity,
 * charts, the top risks in plain language, what changed since the previous scan, and the trend.
 */
import { AREA_TITLES, type Area } from '../../../shared/model/area.ts';
import { SEVERITIES, type Severity } from '../../../shared/model/finding.ts';
import { passRateChart, severityChart, shortDate, trendChart } from './charts.ts';
import { badge, ensureSpace, fillRect, heading, linkTo, measure, openSection, paragraph, subheading, unavailable, write, type Ctx } from './layout.ts';
import { compareText, severityRank, type ReportModel } from './model.ts';
import { areaStatuses, emptySeverities, firstSentence, isAccepted, openGroups, overallPosture, POSTURE_COLOR, POSTURE_LABEL, POSTURE_RULE, type AreaStatus } from './posture.ts';
import { formatCount, formatDate, safeLine } from './sanitize.ts';
import { drawTable, type Column } from './table.ts';
import { COLOR, CONTENT_WIDTH, PAGE, SECTION, SEVERITY_COLOR, SEVERITY_LABEL, STATUS_COLOR, TYPE } from './theme.ts';

export const areaAnchor = (area: Area): string => `area-${area}`;
const TOP_RISKS = 5;
const CHANGES_LISTED = 6;

export function drawSummary(ctx: Ctx, model: ReportModel, opts: { links: boolean }): void {
  openSection(ctx, SECTION.summary);
  heading(ctx, SECTION.summary, ctx.doc.outline, 1, 'summary');
  const statuses = areaStatuses(model);
  drawPosture(ctx, model, statuses);
  drawAreaTable(ctx, statuses, opts.links);
  drawCharts(ctx, statuses, opts.links);
  drawTopRisks(ctx, model, opts.links);
  drawChanges(ctx, model);
  drawTrend(ctx, model);
}

function drawPosture(ctx: Ctx, model: ReportModel, statuses: AreaStatus[]): void {
  const x = PAGE.marginX;
  const posture = overallPosture(statuses);
  const f = model.findings;
  const count = (s: string): number => f.filter((x) => x.status === s).length;
  const accepted = f.filter(isAccepted).length;
  const failed = count('FAIL');
  const checks = new Set(f.map((x) => x.checkId)).size;
  const regions = model.scan.regions.length;
  const text =
    f.length === 0
      ? `No results were recorded for the scan of ${formatDate(model.scan.startedAt)}.`
      : `On ${formatDate(model.scan.startedAt)} Leasehold ran ${formatCount(checks)} checks over ${formatCount(regions)} region${regions === 1 ? '' : 's'} ` +
        `of AWS account ${safeLine(model.scan.accountId, 40)}, giving ${formatCount(f.length)} results: ${formatCount(failed)} failed` +
        (accepted ? ` (${formatCount(accepted)} of them covered by an accepted risk)` : '') +
        `, ${formatCount(count('PASS'))} passed and ${formatCount(count('NOT_ASSESSED'))} could not be assessed. ` +
        (count('NOT_ASSESSED') > 0 ? 'Results that could not be assessed are never counted as passed; Coverage and limitations says why they are missing.' : 'Every check could be assessed.');
  const boxW = 132;
  const textW = CONTENT_WIDTH - boxW - 14;
  const h = Math.max(measure(ctx, text, x + boxW + 14, { size: 9, width: textW, lineGap: 2.5 }), 62);
  ensureSpace(ctx, h + 20);
  const color = POSTURE_COLOR[posture];
  fillRect(ctx, x, ctx.y, boxW, h, color, 3);
  write(ctx, 'OVERALL POSTURE', x + 10, ctx.y + 10, { face: 'bold', size: 6.8, color: '#F2F5F9', width: boxW - 20 });
  write(ctx, POSTURE_LABEL[posture], x + 10, ctx.y + 24, { face: 'bold', size: 14, color: COLOR.white, width: boxW - 20, lineGap: 0 });
  write(ctx, text, x + boxW + 14, ctx.y, { size: 9, width: textW, lineGap: 2.5 });
  ctx.y += h + 8;
  paragraph(ctx, POSTURE_RULE, { size: 7.5, color: COLOR.muted, lineGap: 1.5 }, 12);
}

const AREA_W = 122;
const SEV_W = 28;
const SEVERITY_SHORT = { critical: 'Crit.', high: 'High', medium: 'Med.', low: 'Low', info: 'Info' } as const;

function drawAreaTable(ctx: Ctx, statuses: AreaStatus[], links: boolean): void {
  subheading(ctx, 'Status by area', 120);
  const num = (n: number, color: string = COLOR.ink) => ({ text: formatCount(n), color: n > 0 ? color : COLOR.faint, bold: n > 0 });
  const columns: Column[] = [
    { title: 'Area', width: AREA_W },
    { title: 'Status', width: 72 },
    ...SEVERITIES.map((s): Column => ({ title: SEVERITY_SHORT[s], width: SEV_W, align: 'right', color: SEVERITY_COLOR[s] })),
    { title: 'Accepted', width: 50, align: 'right' },
    { title: 'Passed', width: 42, align: 'right' },
    { title: 'Not assessed', width: CONTENT_WIDTH - AREA_W - 72 - SEV_W * SEVERITIES.length - 92, align: 'right' },
  ];
  drawTable(
    ctx,
    columns,
    statuses.map((s) => [
      { text: AREA_TITLES[s.area], bold: true, color: links ? COLOR.accent : COLOR.ink },
      { text: POSTURE_LABEL[s.posture], color: POSTURE_COLOR[s.posture], bold: true },
      ...SEVERITIES.map((sev) => num(s.open[sev], SEVERITY_COLOR[sev])),
      num(s.accepted),
      num(s.counts.PASS),
      num(s.counts.NOT_ASSESSED, STATUS_COLOR.NOT_ASSESSED),
    ]),
    links ? (i, _x, y, h) => {
      const s = statuses[i];
      if (s) linkTo(ctx, PAGE.marginX, y, AREA_W, h, areaAnchor(s.area));
    } : undefined,
    { size: TYPE.body - 0.3, padY: 4 },
  );
  ctx.y += 6;
  write(ctx, 'Severity columns count open failures (failed and not covered by an accepted risk).' + (links ? ' Area names link to their sections.' : ''), PAGE.marginX, ctx.y, { size: TYPE.small, color: COLOR.muted });
  ctx.y += 18;
}

function drawCharts(ctx: Ctx, statuses: AreaStatus[], links: boolean): void {
  const x = PAGE.marginX;
  const gap = 24;
  const w = (CONTENT_WIDTH - gap) / 2;
  const h = 150;
  ensureSpace(ctx, h + 24);
  write(ctx, 'Open failures by severity', x, ctx.y, { face: 'bold', size: 9, color: COLOR.ink, tag: 'H3', width: w });
  write(ctx, 'Pass rate by area', x + w + gap, ctx.y, { face: 'bold', size: 9, color: COLOR.ink, tag: 'H3', width: w });
  ctx.y += 16;
  const open = emptySeverities();
  for (const s of statuses) for (const sev of SEVERITIES) open[sev] += s.open[sev];
  severityChart(ctx, x, ctx.y, w, h - 16, open);
  passRateChart(ctx, x + w + gap, ctx.y + 6, w, statuses, links ? areaAnchor : undefined);
  ctx.y += h;
}

function drawTopRisks(ctx: Ctx, model: ReportModel, links: boolean): void {
  const groups = openGroups(model).slice(0, TOP_RISKS);
  subheading(ctx, 'Top risks', 90);
  if (groups.length === 0) {
    paragraph(ctx, 'No open failures: every failed check is covered by an accepted risk, or nothing failed.');
    return;
  }
  const x = PAGE.marginX;
  groups.forEach((g, i) => {
    const n = g.findings.length;
    const title = `${i + 1}. ${safeLine(g.check.title, 160)}`;
    const why = firstSentence(safeLine(g.check.risk, 600, '')) || 'See the area section for why it matters.';
    const where = `${formatCount(n)} resource${n === 1 ? '' : 's'} · ${AREA_TITLES[g.check.area] ?? ''}`;
    const indent = 56;
    const w = CONTENT_WIDTH - indent;
    const h = measure(ctx, title, x + indent, { face: 'bold', size: 9, width: w }) + measure(ctx, why, x + indent, { size: 8.5, width: w }) + 16;
    ensureSpace(ctx, h);
    const top = ctx.y;
    badge(ctx, SEVERITY_LABEL[g.severity].toUpperCase(), x, top + 1, SEVERITY_COLOR[g.severity]);
    let y = top;
    y += write(ctx, title, x + indent, y, { face: 'bold', size: 9, width: w, color: COLOR.ink }) + 1;
    y += write(ctx, why, x + indent, y, { size: 8.5, width: w, color: COLOR.ink }) + 1;
    write(ctx, where, x + indent, y, { size: TYPE.small, width: w, color: COLOR.muted });
    if (links) linkTo(ctx, x, top, CONTENT_WIDTH, h - 6, areaAnchor(g.check.area));
    ctx.y = top + h;
  });
}

function drawChanges(ctx: Ctx, model: ReportModel): void {
  subheading(ctx, 'Since the previous scan', 60);
  const changes = model.changes;
  if (!changes) return unavailable(ctx, 'The comparison with the previous scan', 'it was not part of this report\u2019s input.');
  if (!changes.available) return unavailable(ctx, 'The comparison with the previous scan', changes.reason);
  if (changes.value === null) {
    paragraph(ctx, 'This is the first complete scan of this account, so there is nothing to compare with yet. The next report will show what was fixed and what is new.');
    return;
  }
  const { previous, diff } = changes.value;
  const c = diff.counts;
  paragraph(
    ctx,
    `Compared with the scan of ${formatDate(previous.startedAt)} (${safeLine(previous.id, 60)}): ${formatCount(c.new)} new failure${c.new === 1 ? '' : 's'}, ` +
      `${formatCount(c.resolved)} resolved, ${formatCount(c.regressed)} regressed (passed before, failing now), ${formatCount(c['severity-changed'])} with a changed severity, ` +
      `${formatCount(c.unchanged)} still failing, and ${formatCount(c['not-comparable'])} that cannot be compared because one of the two scans could not assess them.`,
  );
  const worse = diff.entries
    .filter((e) => e.kind === 'new' || e.kind === 'regressed')
    .sort((a, b) => severityRank(a.after?.severity as Severity) - severityRank(b.after?.severity as Severity) || compareText(a.checkId, b.checkId) || compareText(a.resourceId, b.resourceId));
  if (!worse.length) return;
  const shown = worse.slice(0, CHANGES_LISTED);
  drawTable(
    ctx,
    [
      { title: 'New or regressed failure', width: CONTENT_WIDTH - 150 - 70 - 56 },
      { title: 'Resource', width: 150 },
      { title: 'Region', width: 70 },
      { title: 'Severity', width: 56 },
    ],
    shown.map((e) => {
      const sev = (e.after?.severity ?? 'info') as Severity;
      return [
        { text: safeLine(e.title, 160), note: e.kind === 'regressed' ? 'passed in the previous scan' : undefined },
        safeLine(e.resourceName || e.resourceId, 120, 'Account-wide'),
        safeLine(e.region, 30, 'global'),
        { text: SEVERITY_LABEL[sev] ?? safeLine(sev, 20), color: SEVERITY_COLOR[sev] ?? COLOR.ink, bold: true },
      ];
    }),
    undefined,
    { size: TYPE.small, padY: 3.5 },
  );
  ctx.y += 6;
  if (worse.length > shown.length) paragraph(ctx, `${formatCount(worse.length - shown.length)} more in the area sections.`, { size: TYPE.small, color: COLOR.muted });
}

function drawTrend(ctx: Ctx, model: ReportModel): void {
  subheading(ctx, 'Pass rate across scans', 180);
  const trend = model.trend;
  if (!trend) return unavailable(ctx, 'The trend across scans', 'it was not part of this report\u2019s input.');
  if (!trend.available) return unavailable(ctx, 'The trend across scans', trend.reason);
  if (trend.value.length < 2) {
    paragraph(ctx, 'A trend appears once this account has been scanned at least twice.');
    return;
  }
  const areas = model.scan.areas.filter((a): a is Area => a in AREA_TITLES);
  ensureSpace(ctx, 170);
  trendChart(ctx, PAGE.marginX, ctx.y, CONTENT_WIDTH, 160, trend.value, areas);
  ctx.y += 164;
  paragraph(ctx, `Pass rate per area, scan by scan, from ${shortDate(trend.value[0]?.startedAt ?? '')} to this scan (at most the last 12).`, { size: TYPE.small, color: COLOR.muted });
}
