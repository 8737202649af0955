/**
 * Security Hub findings imported with the scan: where Security Hub was on, the open findings it
 * (and the products it aggregates) reported that Leasehold did not already, and the controls on
 * which the two disagree. Both sides of a disagreement are kept; the reader decides.
 */
import { AREA_TITLES } from '../../../shared/model/area.ts';
import type { ImportedFinding } from '../../../shared/model/securityhub.ts';
import { heading, openSection, paragraph, subheading, unavailable, type Ctx } from './layout.ts';
import { compareText, naturalCompare, severityRank, type ReportModel } from './model.ts';
import { formatCount, safeLine } from './sanitize.ts';
import { drawTable } from './table.ts';
import { COLOR, CONTENT_WIDTH, SECTION, SEVERITY_COLOR, SEVERITY_LABEL, STATUS_COLOR, STATUS_LABEL, TYPE } from './theme.ts';

const MAX_ROWS = 300;
const isOpen = (f: ImportedFinding): boolean => f.compliance === null || f.compliance === 'FAILED' || f.compliance === 'WARNING';

export function drawSecurityHub(ctx: Ctx, model: ReportModel): void {
  openSection(ctx, SECTION.securityHub);
  heading(ctx, SECTION.securityHub, ctx.doc.outline, 1, 'securityhub');
  const part = model.securityHub;
  if (!part?.available) return unavailable(ctx, 'The Security Hub import', part ? part.reason : 'it was not part of this report\u2019s input.');
  const hub = part.value;
  const open = hub.findings.filter(isOpen).sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || compareText(a.area, b.area) || compareText(a.title, b.title) || naturalCompare(a.id, b.id),
  );
  paragraph(
    ctx,
    `Security Hub gathers findings from AWS's own detectors (GuardDuty, Inspector, Config, its security standards) and partner products. ` +
      `${formatCount(open.length)} open finding${open.length === 1 ? '' : 's'} are listed here beside Leasehold's own; ` +
      `${formatCount(hub.duplicates)} that repeat a Leasehold finding on the same control and resource are not repeated` +
      (hub.otherAccounts ? `, and ${formatCount(hub.otherAccounts)} about other accounts were left out` : '') +
      '. They are Security Hub\u2019s verdicts, imported as they were at the scan; Leasehold did not re-test them.',
  );
  subheading(ctx, 'Where Security Hub was read', 80);
  drawTable(
    ctx,
    [
      { title: 'Region', width: 90 },
      { title: 'Security Hub', width: 80 },
      { title: 'Imported', width: 50, align: 'right' },
      { title: 'Note', width: CONTENT_WIDTH - 220 },
    ],
    [...hub.perRegion].sort((a, b) => compareText(a.region, b.region)).map((r) => [
      { text: safeLine(r.region, 30), bold: true },
      r.enabled === null ? { text: 'unknown', color: COLOR.faint } : r.enabled ? { text: 'enabled', color: STATUS_COLOR.PASS } : { text: 'not enabled', color: STATUS_COLOR.FAIL },
      formatCount(r.imported),
      safeLine(r.reason, 300, ''),
    ]),
    undefined,
    { size: TYPE.small, padY: 3.5 },
  );
  ctx.y += 10;
  subheading(ctx, 'Open findings', 80);
  if (open.length === 0) paragraph(ctx, 'No open Security Hub finding beyond those Leasehold reports itself.');
  else {
    drawTable(
      ctx,
      [
        { title: 'Severity', width: 52 },
        { title: 'Finding', width: 190 },
        { title: 'Resource', width: 150 },
        { title: 'Area', width: CONTENT_WIDTH - 392 },
      ],
      open.slice(0, MAX_ROWS).map((f) => [
        { text: SEVERITY_LABEL[f.severity], color: SEVERITY_COLOR[f.severity], bold: true },
        { text: safeLine(f.title, 200), note: [safeLine(f.productName, 40, ''), f.control ? safeLine(f.control, 30) : '', f.compliance ? safeLine(f.compliance, 20) : 'detection'].filter(Boolean).join(' · ') },
        { text: safeLine(f.resources.map((r) => r.id).join(', '), 240), note: safeLine(f.region, 30) },
        AREA_TITLES[f.area] ?? safeLine(f.area, 40),
      ]),
      undefined,
      { size: TYPE.small - 0.3, padY: 3.5 },
    );
    ctx.y += 8;
    if (open.length > MAX_ROWS) paragraph(ctx, `${formatCount(open.length - MAX_ROWS)} more, less severe findings are not listed.`, { size: 8, color: COLOR.muted });
  }
  if (hub.disagreements.length) {
    subheading(ctx, 'Where Security Hub and Leasehold disagree', 80);
    drawTable(
      ctx,
      [
        { title: 'Control', width: 60 },
        { title: 'Resource', width: 190 },
        { title: 'Leasehold check', width: 130 },
        { title: 'Leasehold', width: 50 },
        { title: 'Security Hub', width: CONTENT_WIDTH - 430 },
      ],
      hub.disagreements.map((d) => [
        { text: safeLine(d.control, 20), bold: true },
        { text: safeLine(d.resourceId, 200), note: safeLine(d.region, 30) },
        safeLine(d.checkId, 80),
        STATUS_LABEL[d.leasehold] ?? d.leasehold,
        safeLine(d.securityHub, 20),
      ]),
      undefined,
      { size: TYPE.small, padY: 3.5 },
    );
    ctx.y += 8;
  }
}
