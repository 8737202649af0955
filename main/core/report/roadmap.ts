/** The remediation roadmap: quick wins, projects, housekeeping, each linked to its area's section. */
import { AREA_TITLES } from '../../../shared/model/area.ts';
import { heading, linkTo, openSection, paragraph, subheading, type Ctx } from './layout.ts';
import type { ReportModel } from './model.ts';
import { ROADMAP_RULE, roadmap, type Phase, type RoadmapItem } from './roadmap-rules.ts';
import { formatCount, safeLine } from './sanitize.ts';
import { areaAnchor } from './summary.ts';
import { drawTable } from './table.ts';
import { COLOR, CONTENT_WIDTH, PAGE, SECTION, SEVERITY_COLOR, SEVERITY_LABEL, TYPE } from './theme.ts';

const PHASES: readonly { phase: Phase; title: string; intro: string }[] = [
  { phase: 'quick-wins', title: 'Quick wins', intro: 'Settings changed in place: hours of work, little risk of disruption.' },
  { phase: 'projects', title: 'Projects', intro: 'Fixes that rebuild, migrate or coordinate with the people who use the resources: plan them.' },
  { phase: 'housekeeping', title: 'Housekeeping', intro: 'Low and informational findings: fold them into routine work.' },
];

export function drawRoadmap(ctx: Ctx, model: ReportModel, opts: { links: boolean; maxRows?: number }): void {
  openSection(ctx, SECTION.roadmap);
  heading(ctx, SECTION.roadmap, ctx.doc.outline, 1, 'roadmap');
  const items = roadmap(model);
  paragraph(ctx, ROADMAP_RULE, { size: 8.5, color: COLOR.muted });
  if (items.length === 0) {
    paragraph(ctx, 'Nothing to fix: there is no open failure.');
    return;
  }
  for (const { phase, title, intro } of PHASES) {
    const list = items.filter((i) => i.phase === phase);
    if (!list.length) continue;
    subheading(ctx, `${title} (${formatCount(list.length)})`, 90);
    paragraph(ctx, intro, { size: 8.5 });
    const shown = opts.maxRows ? list.slice(0, opts.maxRows) : list;
    table(ctx, shown, opts.links);
    if (shown.length < list.length) paragraph(ctx, `${formatCount(list.length - shown.length)} more in the full report.`, { size: 8, color: COLOR.muted });
    ctx.y += 6;
  }
}

function table(ctx: Ctx, items: RoadmapItem[], links: boolean): void {
  drawTable(
    ctx,
    [
      { title: '#', width: 18, align: 'right' },
      { title: 'Action', width: CONTENT_WIDTH - 18 - 50 - 50 - 96 - 96 },
      { title: 'Severity', width: 50 },
      { title: 'Resources', width: 50, align: 'right' },
      { title: 'Why this effort', width: 96 },
      { title: 'Area', width: 96 },
    ],
    items.map((item, i) => [
      String(i + 1),
      { text: safeLine(item.check.title, 200), bold: true, note: safeLine(item.check.id, 80) },
      { text: SEVERITY_LABEL[item.severity], color: SEVERITY_COLOR[item.severity], bold: true },
      { text: formatCount(item.resources), note: item.regions.length > 1 ? `${item.regions.length} regions` : safeLine(item.regions[0], 30, '') },
      safeLine(item.effortReason, 120),
      { text: AREA_TITLES[item.check.area] ?? '', color: links ? COLOR.accent : COLOR.ink },
    ]),
    links
      ? (i, _x, y, h) => {
          const item = items[i];
          if (item) linkTo(ctx, PAGE.marginX + CONTENT_WIDTH - 96, y, 96, h, areaAnchor(item.check.area));
        }
      : undefined,
    { size: TYPE.small + 0.3, padY: 4 },
  );
}
