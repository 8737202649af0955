/**
 * Compact lists for the results that need no remediation text: not-assessed results collapsed
 * by cause (one row per reason, not per resource), and passed / not-applicable results as a grid.
 */
import { CALL_ERROR_TITLES, type Finding, type NotAssessedReason } from '../../../shared/model/finding.ts';
import { resourceLabel } from './finding-block.ts';
import { badge, ensureSpace, measure, write, type Ctx } from './layout.ts';
import type { CheckGroup } from './model.ts';
import { formatCount, safeLine } from './sanitize.ts';
import { drawTable, type Cell, type CellInput } from './table.ts';
import { COLOR, CONTENT_WIDTH, PAGE, STATUS_COLOR, STATUS_LABEL, TYPE } from './theme.ts';

const LISTED_RESOURCES = 30;
const GRID_COLUMNS = 3;

/** Check title with a status badge and a result count; keeps at least one row with it. */
export function groupTitle(ctx: Ctx, title: string, label: string, color: string, count: number): void {
  const x = PAGE.marginX;
  const h = measure(ctx, title, 0, { face: 'bold', size: 9.5, width: CONTENT_WIDTH - 150 });
  ensureSpace(ctx, h + 60);
  const bw = badge(ctx, label.toUpperCase(), x, ctx.y, color);
  write(ctx, title, x + bw + 8, ctx.y, { face: 'bold', size: 9.5, color: COLOR.ink, width: CONTENT_WIDTH - 150, tag: 'H3' });
  write(ctx, `${formatCount(count)} result${count === 1 ? '' : 's'}`, x, ctx.y + 1, { size: TYPE.small, color: COLOR.muted, width: CONTENT_WIDTH, align: 'right' });
  ctx.y += Math.max(h, 11) + 6;
}

export function drawNotAssessed(ctx: Ctx, group: CheckGroup): void {
  groupTitle(ctx, safeLine(group.check.title, 200), STATUS_LABEL.NOT_ASSESSED, STATUS_COLOR.NOT_ASSESSED, group.findings.length);
  const causes = new Map<string, { reason: NotAssessedReason | undefined; findings: Finding[] }>();
  for (const f of group.findings) {
    const r = f.reason;
    const key = r ? `${r.kind}\u0000${r.code}\u0000${r.call}\u0000${r.message}` : `none\u0000${f.message}`;
    const cause = causes.get(key) ?? { reason: r, findings: [] };
    cause.findings.push(f);
    causes.set(key, cause);
  }
  const rows = [...causes.values()].map(({ reason, findings }): CellInput[] => {
    const regions = [...new Set(findings.map((f) => safeLine(f.region, 30, 'global')))].sort();
    return [causeCell(reason, findings[0]), safeLine(regions.join(', '), 300), resourceList(findings)];
  });
  drawTable(ctx, [
    { title: 'Why it could not be assessed', width: 200 },
    { title: 'Regions', width: 80 },
    { title: 'Resources', width: CONTENT_WIDTH - 280 },
  ], rows, undefined, { size: TYPE.small, padY: 4 });
  ctx.y += 12;
}

function causeCell(reason: NotAssessedReason | undefined, first: Finding | undefined): Cell {
  if (!reason) return { text: 'No reason was recorded', bold: true, note: safeLine(first?.message, 300, '') || undefined, noteIsSentence: true };
  const detail = [safeLine(reason.code, 80, ''), safeLine(reason.call, 80, ''), safeLine(reason.message, 300, '')].filter(Boolean).join(' · ');
  return { text: CALL_ERROR_TITLES[reason.kind] ?? CALL_ERROR_TITLES.unknown, bold: true, note: detail || undefined, noteIsSentence: true };
}

function resourceList(findings: Finding[]): string {
  const names = findings.slice(0, LISTED_RESOURCES).map((f) => resourceLabel(f, 80));
  const more = findings.length - names.length;
  return more > 0 ? `${names.join(', ')} and ${formatCount(more)} more` : names.join(', ');
}

/** Passed or not-applicable results of one check, as a grid of "resource · region" cells. */
export function drawGrid(ctx: Ctx, group: CheckGroup, status: 'PASS' | 'NOT_APPLICABLE'): void {
  groupTitle(ctx, safeLine(group.check.title, 200), STATUS_LABEL[status], STATUS_COLOR[status], group.findings.length);
  const cells = group.findings.map((f): Cell => ({
    text: `${resourceLabel(f, 90)}  ·  ${safeLine(f.region, 30, 'global')}`,
    note: status === 'NOT_APPLICABLE' ? safeLine(f.message, 160, '') || undefined : undefined,
    noteIsSentence: true,
  }));
  const rows: Cell[][] = [];
  for (let i = 0; i < cells.length; i += GRID_COLUMNS) rows.push(cells.slice(i, i + GRID_COLUMNS));
  const width = CONTENT_WIDTH / GRID_COLUMNS;
  drawTable(ctx, Array.from({ length: GRID_COLUMNS }, () => ({ title: '', width })), rows, undefined, { size: TYPE.small, padY: 3, header: false });
  ctx.y += 12;
}
