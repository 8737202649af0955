/**
 * One section per area: failed checks first (most severe first), then what could not be
 * assessed and why, then passed and not-applicable results as compact lists.
 */
import { AREA_TITLES, type Area } from '../../../shared/model/area.ts';
import type { CheckMeta } from '../../../shared/model/check.ts';
import type { Finding, Status } from '../../../shared/model/finding.ts';
import type { AreaSummary } from '../../../shared/model/scan.ts';
import { drawGrid, drawNotAssessed } from './compact.ts';
import { drawFailGroup } from './finding-block.ts';
import { heading, openSection, write, type Ctx } from './layout.ts';
import { groupByCheck } from './model.ts';
import { formatCount } from './sanitize.ts';
import { COLOR, PAGE, STATUS_LABEL } from './theme.ts';

export const SUBSECTION_TITLES: Readonly<Record<Status, string>> = {
  FAIL: 'Failed checks',
  NOT_ASSESSED: 'Not assessed',
  PASS: 'Passed checks',
  NOT_APPLICABLE: 'Not applicable',
};

export interface AreaInput {
  area: Area;
  findings: Finding[];
  summary: AreaSummary;
  inScope: boolean;
  checks: ReadonlyMap<string, CheckMeta>;
}

export function drawArea(ctx: Ctx, input: AreaInput): void {
  const title = AREA_TITLES[input.area];
  openSection(ctx, title);
  const outline = heading(ctx, title, ctx.doc.outline);
  const { counts } = input.summary;
  const line = (['FAIL', 'PASS', 'NOT_ASSESSED', 'NOT_APPLICABLE'] as const)
    .map((s) => `${formatCount(counts[s])} ${STATUS_LABEL[s].toLowerCase()}`)
    .join('   ·   ');
  const note = !input.inScope ? 'This area was not in the scope of the scan.' : input.findings.length === 0 ? 'No results were recorded for this area.' : line;
  ctx.y += write(ctx, note, PAGE.marginX, ctx.y, { size: 9, color: COLOR.muted }) + 14;
  if (input.findings.length === 0) return;

  const by = (status: Status): Finding[] => input.findings.filter((f) => f.status === status);
  const fail = by('FAIL');
  if (fail.length) {
    heading(ctx, SUBSECTION_TITLES.FAIL, outline, 2);
    for (const group of groupByCheck(fail, input.checks)) drawFailGroup(ctx, group);
  }
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
