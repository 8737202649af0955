/** The summary page: overall counts, failures by severity, and one row per area with its pass rate. */
import { AREA_TITLES, type Area } from '../../../shared/model/area.ts';
import { SEVERITIES, type Status } from '../../../shared/model/finding.ts';
import type { AreaSummary } from '../../../shared/model/scan.ts';
import { ensureSpace, fillRect, heading, hRule, meter, openSection, write, type Ctx } from './layout.ts';
import { groupByCheck, passRate, severityRank, type ReportModel } from './model.ts';
import { formatCount, formatDate, safeLine } from './sanitize.ts';
import { COLOR, CONTENT_WIDTH, PAGE, SEVERITY_COLOR, SEVERITY_LABEL, STATUS_COLOR, STATUS_LABEL, TYPE } from './theme.ts';
import { drawTable, type Column } from './table.ts';

export const SUMMARY_TITLE = 'Summary';

export function drawSummary(ctx: Ctx, model: ReportModel, summaries: AreaSummary[]): void {
  openSection(ctx, SUMMARY_TITLE);
  heading(ctx, SUMMARY_TITLE, ctx.doc.outline);
  const total = totals(summaries);
  const x = PAGE.marginX;
  const checks = new Set(model.findings.map((f) => f.checkId)).size;
  const regions = model.scan.regions.length;
  const intro =
    model.findings.length === 0
      ? `No results were recorded for the scan of ${formatDate(model.scan.startedAt)}.`
      : `On ${formatDate(model.scan.startedAt)} Leasehold ran ${formatCount(checks)} checks over ${formatCount(regions)} ` +
        `region${regions === 1 ? '' : 's'}, giving ${formatCount(model.findings.length)} results. ` +
        `${formatCount(total.FAIL)} failed and ${formatCount(total.PASS)} passed. ` +
        (total.NOT_ASSESSED > 0
          ? `${formatCount(total.NOT_ASSESSED)} could not be assessed because the data they need could not be read; they are listed per area and under Coverage and limitations, and are never counted as passed.`
          : 'Every check could be assessed.');
  ctx.y += write(ctx, intro, x, ctx.y, { size: 9.5, color: COLOR.ink, lineGap: 3 }) + 16;

  drawTiles(ctx, total);
  drawSeverityStrip(ctx, summaries);
  ctx.y += 22;
  write(ctx, 'Results by area', x, ctx.y, { face: 'bold', size: TYPE.h2, color: COLOR.accent, tag: 'H2' });
  ctx.y += 20;
  drawAreaTable(ctx, model, summaries);
  ctx.y += 8;
  write(
    ctx,
    'Pass rate = passed ÷ (passed + failed). Severity columns count failed results. An area with nothing assessed shows no rate.',
    x,
    ctx.y,
    { size: TYPE.small, color: COLOR.muted },
  );
  ctx.y += 24;
  drawPriorities(ctx, model);
}

const PRIORITY_ROWS = 10;

/** The failed checks to fix first: most severe, then most resources affected. */
function drawPriorities(ctx: Ctx, model: ReportModel): void {
  const fails = model.findings.filter((f) => f.status === 'FAIL');
  if (fails.length === 0) return;
  const groups = groupByCheck(fails, new Map(model.checks.map((c) => [c.id, c])))
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.findings.length - a.findings.length)
    .slice(0, PRIORITY_ROWS);
  ensureSpace(ctx, 90);
  write(ctx, 'Fix first', PAGE.marginX, ctx.y, { face: 'bold', size: TYPE.h2, color: COLOR.accent, tag: 'H2' });
  ctx.y += 20;
  drawTable(ctx, [
    { title: 'Severity', width: 58 },
    { title: 'Failed check', width: CONTENT_WIDTH - 58 - 150 - 60 },
    { title: 'Area', width: 150 },
    { title: 'Resources', width: 60, align: 'right' },
  ], groups.map((g) => [
    { text: SEVERITY_LABEL[g.severity], color: SEVERITY_COLOR[g.severity], bold: true },
    safeLine(g.check.title, 160),
    AREA_TITLES[g.check.area] ?? '',
    formatCount(g.findings.length),
  ]), undefined, { size: TYPE.body - 0.5, padY: 4 });
}

function totals(summaries: AreaSummary[]): Record<Status, number> {
  const t: Record<Status, number> = { FAIL: 0, PASS: 0, NOT_ASSESSED: 0, NOT_APPLICABLE: 0 };
  for (const s of summaries) for (const k of Object.keys(t) as Status[]) t[k] += s.counts[k];
  return t;
}

function drawTiles(ctx: Ctx, total: Record<Status, number>): void {
  const statuses: Status[] = ['FAIL', 'PASS', 'NOT_ASSESSED', 'NOT_APPLICABLE'];
  const gap = 10;
  const w = (CONTENT_WIDTH - gap * (statuses.length - 1)) / statuses.length;
  statuses.forEach((status, i) => {
    const x = PAGE.marginX + i * (w + gap);
    fillRect(ctx, x, ctx.y, w, 58, COLOR.panel, 3);
    fillRect(ctx, x, ctx.y, 3, 58, STATUS_COLOR[status]);
    write(ctx, formatCount(total[status]), x + 12, ctx.y + 10, { face: 'bold', size: 20, color: STATUS_COLOR[status], width: w - 16 });
    write(ctx, STATUS_LABEL[status], x + 12, ctx.y + 38, { size: 8, color: COLOR.muted, width: w - 16 });
  });
  ctx.y += 58 + 12;
}

function drawSeverityStrip(ctx: Ctx, summaries: AreaSummary[]): void {
  const x = PAGE.marginX;
  write(ctx, 'Failed by severity', x, ctx.y + 1, { face: 'bold', size: 8, color: COLOR.muted, width: 90 });
  let cx = x + 92;
  for (const sev of SEVERITIES) {
    const n = summaries.reduce((sum, s) => sum + s.failBySeverity[sev], 0);
    fillRect(ctx, cx, ctx.y + 2.5, 7, 7, SEVERITY_COLOR[sev], 1.5);
    const label = `${SEVERITY_LABEL[sev]} ${formatCount(n)}`;
    const face = n > 0 ? 'bold' : 'regular';
    ctx.doc.font(ctx.fonts[face]).fontSize(8);
    const w = ctx.doc.widthOfString(label) + 1;
    write(ctx, label, cx + 11, ctx.y + 1, { face, size: 8, color: n > 0 ? COLOR.ink : COLOR.faint, width: w });
    cx += 11 + w + 18;
  }
  ctx.y += 12;
}

const AREA_W = 122;
const SEV_W = 28;
const SEVERITY_SHORT = { critical: 'Crit.', high: 'High', medium: 'Med', low: 'Low', info: 'Info' } as const;

function drawAreaTable(ctx: Ctx, model: ReportModel, summaries: AreaSummary[]): void {
  const inScope = new Set<Area>(model.scan.areas);
  const num = (n: number, color: string = COLOR.ink) => ({ text: n > 0 ? formatCount(n) : '0', color: n > 0 ? color : COLOR.faint, bold: n > 0 });
  const columns: Column[] = [
    { title: 'Area', width: AREA_W },
    { title: 'Failed', width: 36, align: 'right' },
    { title: 'Passed', width: 38, align: 'right' },
    { title: 'Not assessed', width: 50, align: 'right' },
    { title: 'N/A', width: 26, align: 'right' },
    ...SEVERITIES.map((s): Column => ({ title: SEVERITY_SHORT[s], width: SEV_W, align: 'right', color: SEVERITY_COLOR[s] })),
    { title: 'Pass rate', width: CONTENT_WIDTH - AREA_W - 36 - 38 - 50 - 26 - SEV_W * SEVERITIES.length, align: 'right' },
  ];
  const rows = summaries.map((s) => {
    const rate = passRate(s.counts);
    const scoped = inScope.has(s.area);
    return {
      cells: [
        { text: AREA_TITLES[s.area], bold: true, note: scoped ? undefined : 'Not in scope of this scan' },
        num(s.counts.FAIL, STATUS_COLOR.FAIL),
        num(s.counts.PASS),
        num(s.counts.NOT_ASSESSED),
        num(s.counts.NOT_APPLICABLE),
        ...SEVERITIES.map((sev) => num(s.failBySeverity[sev], SEVERITY_COLOR[sev])),
        { text: rate === null ? '—' : `${Math.round(rate * 100)}%`, color: rate === null ? COLOR.faint : COLOR.ink },
      ],
      rate,
    };
  });
  drawTable(ctx, columns, rows.map((r) => r.cells), (rowIndex, cellX, cellY, rowH) => {
    const rate = rows[rowIndex]?.rate;
    if (rate === null || rate === undefined) return;
    meter(ctx, cellX + 6, cellY + rowH / 2 - 2.5, 34, 5, rate, rate >= 0.8 ? STATUS_COLOR.PASS : rate >= 0.5 ? SEVERITY_COLOR.medium : STATUS_COLOR.FAIL);
  });
  hRule(ctx, ctx.y, COLOR.rule);
}
