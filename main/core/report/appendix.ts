/**
 * The appendix: scan metadata and the snapshot fingerprint (so the report can be tied to its
 * data), the versions of the tool, checks and reference data, every check with its result, and
 * the framework crosswalk.
 */
import { AREA_TITLES, AREAS } from '../../../shared/model/area.ts';
import type { ScanDetail } from '../../../shared/api.ts';
import { STATUSES, type Status } from '../../../shared/model/finding.ts';
import { SNAPSHOT_DIGEST_METHOD } from './digest.ts';
import { frameworkLabels, frameworkShort } from './frameworks.ts';
import { heading, openSection, paragraph, subheading, unavailable, type Ctx } from './layout.ts';
import { compareText, naturalCompare, severityRank, type ReportModel } from './model.ts';
import { cleanBlock, clip, formatCount, formatDateTime, safeLine } from './sanitize.ts';
import { drawTable, type Cell, type CellInput } from './table.ts';
import { COLOR, CONTENT_WIDTH, SECTION, SEVERITY_COLOR, SEVERITY_LABEL, STATUS_COLOR, STATUS_LABEL, TYPE } from './theme.ts';

export interface AppendixOptions {
  /** The check list and crosswalk (left out of the executive variant). */
  full: boolean;
  variant: string;
}

export function drawAppendix(ctx: Ctx, model: ReportModel, opts: AppendixOptions): void {
  openSection(ctx, SECTION.appendix);
  const outline = heading(ctx, SECTION.appendix, ctx.doc.outline, 1, 'appendix');
  drawMetadata(ctx, model, outline, opts);
  if (!opts.full) return;
  drawCheckList(ctx, model, outline);
  drawCrosswalk(ctx, model, outline);
}

function scanRows(scan: ScanDetail): [string, string][] {
  return [
    ['Scan ID', safeLine(scan.id, 80)],
    ['Scan status', safeLine(scan.status, 20)],
    ['Started', safeLine(formatDateTime(scan.startedAt), 60)],
    ['Ended', scan.endedAt ? formatDateTime(scan.endedAt) : '—'],
    ['AWS account', safeLine(scan.accountId, 40)],
    ['Caller identity', safeLine(scan.callerArn, 300)],
    ['Profile', safeLine(scan.profile, 120)],
    ['Regions scanned', scan.regions.length ? `${scan.regions.length}: ${safeLine(scan.regions.join(', '), 800)}` : '—'],
    ['Areas', scan.areas.map((a) => AREA_TITLES[a] ?? a).join(', ') || '—'],
    ['API calls made', formatCount(scan.calls)],
    ['Leasehold version', safeLine(scan.toolVersion, 20)],
  ];
}

function drawMetadata(ctx: Ctx, model: ReportModel, outline: PDFKit.PDFOutline, opts: AppendixOptions): void {
  heading(ctx, SECTION.metadata, outline, 2, 'appendix-metadata');
  const rows: [string, string][] = scanRows(model.scan);
  rows.push(['Check catalogue version', model.checksVersion ? safeLine(model.checksVersion, 40) : 'not recorded']);
  const ref = model.referenceData;
  rows.push([
    'Reference data',
    ref?.available
      ? ref.value.map((r) => `${safeLine(r.title || r.name, 80)}: as of ${safeLine(r.asOf, 20)}`).join('\n') || 'none'
      : `not available${ref ? `: ${ref.reason}` : ''}`,
  ]);
  rows.push(['Report', `${opts.variant}${model.redacted ? '; account IDs, ARNs, IP and e-mail addresses masked' : ''}; findings as of ${formatDateTime(model.asOf)}`]);
  const digest = model.snapshotDigest;
  rows.push(['Snapshot SHA-256', digest?.available ? digest.value.sha256 : `not available${digest ? `: ${digest.reason}` : ''}`]);
  if (digest?.available) rows.push(['Snapshot records', `${formatCount(digest.value.records)} (${digest.value.algorithm})`]);
  kv(ctx, rows);
  if (model.comparison) {
    subheading(ctx, 'Baseline scan of the comparison', 100);
    kv(ctx, scanRows(model.comparison.base));
  }
  subheading(ctx, 'Verifying the snapshot fingerprint', 60);
  paragraph(ctx, SNAPSHOT_DIGEST_METHOD, { size: 8.5 });
  if (opts.full && ref?.available && ref.value.length) {
    subheading(ctx, 'Reference data sources', 60);
    drawTable(
      ctx,
      [
        { title: 'Data', width: 150 },
        { title: 'As of', width: 60 },
        { title: 'Sources', width: CONTENT_WIDTH - 210 },
      ],
      ref.value.map((r) => [{ text: safeLine(r.title || r.name, 100), bold: true, note: safeLine(r.name, 60) }, safeLine(r.asOf, 20), clip(cleanBlock(r.source.join('\n')), 1200)]),
      undefined,
      { size: TYPE.small, padY: 3.5 },
    );
    ctx.y += 8;
  }
}

function kv(ctx: Ctx, rows: [string, string][]): void {
  drawTable(
    ctx,
    [
      { title: 'Detail', width: 130 },
      { title: 'Value', width: CONTENT_WIDTH - 130 },
    ],
    rows.map(([k, v]): CellInput[] => [k, k === 'Snapshot SHA-256' ? { text: v, bold: true } : v]),
    undefined,
    { size: TYPE.small, padY: 3.5, header: false, labelColumn: true },
  );
  ctx.y += 10;
}

type Tally = Record<Status, number>;

function tallies(model: ReportModel): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const f of model.findings) {
    const t = out.get(f.checkId) ?? { FAIL: 0, PASS: 0, NOT_ASSESSED: 0, NOT_APPLICABLE: 0 };
    if (f.status in t) t[f.status]++;
    out.set(f.checkId, t);
  }
  return out;
}

function resultCell(t: Tally | undefined, inScope: boolean): Cell {
  if (!t) return { text: inScope ? 'No result' : 'Not in scope', color: COLOR.faint };
  const worst = (['FAIL', 'NOT_ASSESSED', 'PASS', 'NOT_APPLICABLE'] as const).find((s) => t[s] > 0) ?? 'NOT_APPLICABLE';
  const parts = STATUSES.filter((s) => t[s] > 0).map((s) => `${formatCount(t[s])} ${STATUS_LABEL[s].toLowerCase()}`);
  return { text: STATUS_LABEL[worst], color: STATUS_COLOR[worst], bold: worst === 'FAIL', note: parts.join(', ') };
}

function drawCheckList(ctx: Ctx, model: ReportModel, outline: PDFKit.PDFOutline): void {
  heading(ctx, SECTION.checkList, outline, 2, 'appendix-checks');
  const t = tallies(model);
  const inScope = new Set<string>(model.scan.areas);
  const labels = frameworkLabels(model);
  const known = new Set(model.checks.map((c) => c.id));
  const extra = [...t.keys()].filter((id) => !known.has(id)).sort(compareText);
  paragraph(ctx, `Every check in the catalogue used for this report (${formatCount(model.checks.length)}), with its result: the most serious status over its resources, then the count of each.`, { size: 8.5 });
  const checks = [...model.checks].sort((a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area) || severityRank(a.severity) - severityRank(b.severity) || compareText(a.id, b.id));
  drawTable(
    ctx,
    [
      { title: 'Check', width: 190 },
      { title: 'Area', width: 80 },
      { title: 'Severity', width: 46 },
      { title: 'Result', width: 90 },
      { title: 'Frameworks', width: CONTENT_WIDTH - 406 },
    ],
    [
      ...checks.map((c): CellInput[] => [
        { text: safeLine(c.title, 160), note: safeLine(c.id, 80) },
        AREA_TITLES[c.area] ?? c.area,
        { text: SEVERITY_LABEL[c.severity], color: SEVERITY_COLOR[c.severity] },
        resultCell(t.get(c.id), inScope.has(c.area)),
        safeLine((labels.get(c.id) ?? []).join(', '), 300, '—'),
      ]),
      ...extra.map((id): CellInput[] => [{ text: safeLine(id, 80), note: 'not in the current catalogue' }, '—', '—', resultCell(t.get(id), true), '—']),
    ],
    undefined,
    { size: TYPE.small - 0.5, padY: 3 },
  );
  ctx.y += 10;
}

function drawCrosswalk(ctx: Ctx, model: ReportModel, outline: PDFKit.PDFOutline): void {
  heading(ctx, SECTION.crosswalk, outline, 2, 'appendix-crosswalk');
  const part = model.frameworks;
  if (!part?.available) return unavailable(ctx, 'The framework crosswalk', part ? part.reason : 'it was not part of this report\u2019s input.');
  paragraph(
    ctx,
    'Which checks test each framework requirement, and their combined result (the most serious status of the checks). A requirement passes here only as far as ' +
      'the checks listed test it; requirements no API can test are among the manual controls.',
    { size: 8.5 },
  );
  const t = tallies(model);
  const inScope = new Set<string>(model.scan.areas);
  const area = new Map(model.checks.map((c) => [c.id, c.area]));
  for (const [framework, title] of Object.entries(part.value.frameworks)) {
    const reqs = part.value.requirements.filter((r) => r.framework === framework).sort((a, b) => naturalCompare(a.id, b.id));
    if (!reqs.length) continue;
    subheading(ctx, `${safeLine(title, 120)} (${frameworkShort(framework)})`, 80);
    drawTable(
      ctx,
      [
        { title: 'Requirement', width: 70 },
        { title: 'Checks', width: CONTENT_WIDTH - 70 - 100 },
        { title: 'Result', width: 100 },
      ],
      reqs.map((r): CellInput[] => {
        const merged: Tally = { FAIL: 0, PASS: 0, NOT_ASSESSED: 0, NOT_APPLICABLE: 0 };
        let any = false;
        for (const id of r.checks) {
          const c = t.get(id);
          if (!c) continue;
          any = true;
          for (const s of STATUSES) merged[s] += c[s];
        }
        return [{ text: safeLine(r.id, 30), bold: true }, safeLine(r.checks.join(', '), 600), resultCell(any ? merged : undefined, r.checks.some((id) => inScope.has(area.get(id) ?? '')))];
      }),
      undefined,
      { size: TYPE.small - 0.5, padY: 3 },
    );
    ctx.y += 10;
  }
}
