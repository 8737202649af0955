/**
 * The comparison report: what changed between a baseline scan and this one, by finding (new,
 * resolved, regressed, severity changed, not comparable) and by area (pass rate before and after).
 */
import { AREA_TITLES } from '../../../shared/model/area.ts';
import { DIFF_KINDS, type DiffEntry, type DiffKind } from '../../../shared/model/engagement.ts';
import type { Severity } from '../../../shared/model/finding.ts';
import { ensureSpace, fillRect, heading, openSection, paragraph, write, type Ctx } from './layout.ts';
import { compareText, naturalCompare, passRate, summarizeAreas, type Comparison, type ReportModel } from './model.ts';
import { formatCount, formatDateTime, safeLine } from './sanitize.ts';
import { drawTable, type Cell } from './table.ts';
import { COLOR, CONTENT_WIDTH, PAGE, SECTION, SEVERITY_COLOR, SEVERITY_LABEL, STATUS_COLOR, STATUS_LABEL, TYPE } from './theme.ts';

const MAX_ROWS = 500;

export const DIFF_TITLES: Readonly<Record<DiffKind, string>> = {
  new: 'New failures',
  resolved: 'Resolved',
  regressed: 'Regressed',
  'severity-changed': 'Severity changed',
  unchanged: 'Still failing',
  'not-comparable': 'Not comparable',
};

const DIFF_COLOR: Readonly<Record<DiffKind, string>> = {
  new: STATUS_COLOR.FAIL,
  resolved: STATUS_COLOR.PASS,
  regressed: SEVERITY_COLOR.high,
  'severity-changed': SEVERITY_COLOR.medium,
  unchanged: COLOR.muted,
  'not-comparable': STATUS_COLOR.NOT_ASSESSED,
};

const DIFF_INTRO: Readonly<Record<DiffKind, string>> = {
  new: 'Failing now, on resources or checks that did not fail in the baseline (new resources included).',
  resolved: 'Failing in the baseline, passing (or gone) now.',
  regressed: 'Passed in the baseline, failing now.',
  'severity-changed': 'Failing in both scans, at a different severity.',
  unchanged: 'Failing in both scans at the same severity.',
  'not-comparable': 'Failing in one scan and not assessed in the other: nothing can be said about a change.',
};

export function drawComparison(ctx: Ctx, model: ReportModel, comparison: Comparison, opts: { lists: boolean }): void {
  openSection(ctx, SECTION.changes);
  const outline = heading(ctx, SECTION.changes, ctx.doc.outline, 1, 'changes');
  const { base, diff } = comparison;
  paragraph(
    ctx,
    `Baseline: scan ${safeLine(base.id, 60)} of ${formatDateTime(base.startedAt)}. Current: scan ${safeLine(model.scan.id, 60)} of ${formatDateTime(model.scan.startedAt)}. ` +
      'Findings are matched by check, region and resource; a resource that no longer exists counts as resolved.',
  );
  tiles(ctx, diff.counts);
  areaTable(ctx, model, comparison);
  if (!opts.lists) return;
  for (const kind of DIFF_KINDS) {
    if (kind === 'unchanged') continue;
    const entries = diff.entries.filter((e) => e.kind === kind).sort(compareEntries);
    if (!entries.length) continue;
    heading(ctx, `${DIFF_TITLES[kind]} (${formatCount(entries.length)})`, outline, 2);
    paragraph(ctx, DIFF_INTRO[kind], { size: 8.5, color: COLOR.muted });
    entryTable(ctx, entries.slice(0, MAX_ROWS));
    if (entries.length > MAX_ROWS) paragraph(ctx, `${formatCount(entries.length - MAX_ROWS)} more are not listed; \`leasehold diff\` lists them all.`, { size: 8, color: COLOR.muted });
    ctx.y += 8;
  }
}

function compareEntries(a: DiffEntry, b: DiffEntry): number {
  return compareText(a.checkId, b.checkId) || naturalCompare(a.resourceName || a.resourceId, b.resourceName || b.resourceId) || compareText(a.region, b.region);
}

function tiles(ctx: Ctx, counts: Record<DiffKind, number>): void {
  const gap = 8;
  const w = (CONTENT_WIDTH - gap * (DIFF_KINDS.length - 1)) / DIFF_KINDS.length;
  ensureSpace(ctx, 70);
  DIFF_KINDS.forEach((kind, i) => {
    const x = PAGE.marginX + i * (w + gap);
    fillRect(ctx, x, ctx.y, w, 56, COLOR.panel, 3);
    fillRect(ctx, x, ctx.y, 3, 56, DIFF_COLOR[kind]);
    write(ctx, formatCount(counts[kind]), x + 10, ctx.y + 9, { face: 'bold', size: 18, color: DIFF_COLOR[kind], width: w - 14, maxLines: 1 });
    write(ctx, DIFF_TITLES[kind], x + 10, ctx.y + 34, { size: 7, color: COLOR.muted, width: w - 14, maxLines: 2, lineGap: 0 });
  });
  ctx.y += 70;
}

function areaTable(ctx: Ctx, model: ReportModel, comparison: Comparison): void {
  const before = new Map(summarizeAreas([]).map((s) => [s.area, s]));
  for (const s of comparison.base.areaSummaries) before.set(s.area, s);
  const after = summarizeAreas(model.findings);
  const pct = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 100)}%`);
  drawTable(
    ctx,
    [
      { title: 'Area', width: 160 },
      { title: 'Failed before', width: 60, align: 'right' },
      { title: 'Failed now', width: 60, align: 'right' },
      { title: 'Pass rate before', width: 70, align: 'right' },
      { title: 'Pass rate now', width: 70, align: 'right' },
      { title: 'Change', width: CONTENT_WIDTH - 420, align: 'right' },
    ],
    after.map((s) => {
      const b = before.get(s.area);
      const rb = b ? passRate(b.counts) : null;
      const ra = passRate(s.counts);
      const delta = rb === null || ra === null ? null : Math.round((ra - rb) * 100);
      const change: Cell =
        delta === null ? { text: '—', color: COLOR.faint } : { text: `${delta > 0 ? '+' : ''}${delta} points`, color: delta > 0 ? STATUS_COLOR.PASS : delta < 0 ? STATUS_COLOR.FAIL : COLOR.muted, bold: delta !== 0 };
      return [{ text: AREA_TITLES[s.area], bold: true }, formatCount(b?.counts.FAIL ?? 0), formatCount(s.counts.FAIL), pct(rb), pct(ra), change];
    }),
    undefined,
    { size: TYPE.body - 0.3, padY: 4 },
  );
  ctx.y += 14;
}

function side(v: DiffEntry['before']): Cell {
  if (!v) return { text: 'absent', color: COLOR.faint };
  const status = STATUS_LABEL[v.status as keyof typeof STATUS_LABEL] ?? safeLine(v.status, 20);
  const sev = SEVERITY_LABEL[v.severity as Severity];
  return { text: status, color: v.status === 'FAIL' ? STATUS_COLOR.FAIL : v.status === 'PASS' ? STATUS_COLOR.PASS : COLOR.muted, note: v.status === 'FAIL' && sev ? sev : undefined };
}

function entryTable(ctx: Ctx, entries: DiffEntry[]): void {
  drawTable(
    ctx,
    [
      { title: 'Check', width: 180 },
      { title: 'Resource', width: CONTENT_WIDTH - 180 - 70 - 60 - 60 },
      { title: 'Region', width: 70 },
      { title: 'Before', width: 60 },
      { title: 'Now', width: 60 },
    ],
    entries.map((e) => [
      { text: safeLine(e.title, 160), note: safeLine(e.checkId, 80) },
      { text: safeLine(e.resourceName || e.resourceId, 160, 'Account-wide'), note: e.resourceName && e.resourceId !== e.resourceName ? safeLine(e.resourceId, 160) : undefined },
      safeLine(e.region, 30, 'global'),
      side(e.before),
      side(e.after),
    ]),
    undefined,
    { size: TYPE.small, padY: 3.5 },
  );
}
