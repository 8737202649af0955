/**
 * Coverage and limitations: what the scan could not read and why, grouped by cause, so the
 * client can see which results are missing rather than silently absent.
 */
import { AREA_TITLES, AREAS } from '../../../shared/model/area.ts';
import { CALL_ERROR_KINDS, CALL_ERROR_TITLES, type CallErrorKind, type Finding } from '../../../shared/model/finding.ts';
import { heading, openSection, paragraph, subheading, unavailable, type Ctx } from './layout.ts';
import type { ScanCoverage } from '../../../shared/model/coverage.ts';
import type { ReportModel } from './model.ts';
import { formatCount, safeLine } from './sanitize.ts';
import { drawTable } from './table.ts';
import { CONTENT_WIDTH, SECTION, TYPE } from './theme.ts';

export const COVERAGE_TITLE = SECTION.coverage;

interface Gap {
  kind: CallErrorKind | 'none';
  results: number;
  checks: Set<string>;
  calls: Set<string>;
  regions: Set<string>;
}

/** Not-assessed results grouped by cause, in the order of CALL_ERROR_KINDS. */
export function coverageGaps(findings: readonly Finding[]): Gap[] {
  const gaps = new Map<string, Gap>();
  for (const f of findings) {
    if (f.status !== 'NOT_ASSESSED') continue;
    const kind = f.reason && f.reason.kind in CALL_ERROR_TITLES ? f.reason.kind : f.reason ? 'unknown' : 'none';
    let gap = gaps.get(kind);
    if (!gap) gaps.set(kind, (gap = { kind, results: 0, checks: new Set(), calls: new Set(), regions: new Set() }));
    gap.results++;
    gap.checks.add(f.checkId);
    if (f.reason?.call) gap.calls.add(safeLine(f.reason.call, 80));
    gap.regions.add(safeLine(f.region, 30, 'global'));
  }
  const order = [...CALL_ERROR_KINDS, 'none'];
  return [...gaps.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

export function drawCoverage(ctx: Ctx, model: ReportModel, opts: { detail: boolean } = { detail: true }): void {
  openSection(ctx, COVERAGE_TITLE);
  heading(ctx, COVERAGE_TITLE, ctx.doc.outline, 1, 'coverage');
  const para = (text: string): void => paragraph(ctx, text, { size: 9, lineGap: 2.5 }, 10);
  const sub = (text: string): void => subheading(ctx, text, 80);

  const gaps = coverageGaps(model.findings);
  para(
    'A result marked Not assessed is not evidence of compliance: the data the check needs could not be read. ' +
      'Leasehold only reads configuration; it never changes the account. Granting the missing read-only permissions, ' +
      'or enabling the region or service, and scanning again closes these gaps.',
  );
  sub('What was not assessed, and why');
  if (gaps.length === 0) {
    para('Every check in scope could be assessed.');
  } else {
    const sorted = (s: Set<string>, max: number): string => safeLine([...s].sort().join(', '), max);
    drawTable(ctx, [
      { title: 'Cause', width: 150 },
      { title: 'Results', width: 44, align: 'right' },
      { title: 'Checks', width: 42, align: 'right' },
      { title: 'API calls affected', width: CONTENT_WIDTH - 150 - 44 - 42 - 90 },
      { title: 'Regions', width: 90 },
    ], gaps.map((g) => [
      { text: g.kind === 'none' ? 'No reason recorded' : CALL_ERROR_TITLES[g.kind], bold: true },
      formatCount(g.results),
      formatCount(g.checks.size),
      g.calls.size ? sorted(g.calls, 600) : '—',
      sorted(g.regions, 300),
    ]), undefined, { size: TYPE.small, padY: 4 });
    ctx.y += 12;
  }

  drawPermissions(ctx, model, sub, para);
  if (!opts.detail) return;
  if (model.coverage) drawCallCoverage(ctx, model.coverage, sub, para);

  const inScope = new Set<string>(model.scan.areas);
  const outOfScope = AREAS.filter((a) => !inScope.has(a)).map((a) => AREA_TITLES[a]);
  sub('Scope and regions');
  para(outOfScope.length ? `Areas not in the scope of this scan: ${outOfScope.join(', ')}.` : 'All six areas were in the scope of this scan.');
  const regions = model.scan.regions;
  para(
    regions.length
      ? `Regions scanned (${formatCount(regions.length)}): ${safeLine(regions.join(', '), 1200)}. Global services (IAM, S3's bucket list, Organizations) are read once. ` +
          'Regions not enabled in the account were not scanned; resources there, if any, are not in this report.'
      : 'No region was recorded for this scan.',
  );
}

/** The IAM actions the scan lacked, from the failed calls (each dataset declares the actions it needs). */
function drawPermissions(ctx: Ctx, model: ReportModel, sub: (t: string) => void, para: (t: string) => void): void {
  sub('Permissions the scan was missing');
  const part = model.permissions;
  if (!part?.available) return unavailable(ctx, 'The list of missing permissions', part ? part.reason : 'it was not part of this report\u2019s input.');
  if (part.value.length === 0) {
    para('No call failed for lack of a permission or because of an explicit deny.');
    return;
  }
  para(
    'Granting these read-only actions to the identity the scan used (or lifting the explicit deny, often a service control policy or a permissions boundary) ' +
      'lets the next scan assess what is missing. `leasehold policy` prints the complete least-privilege policy.',
  );
  drawTable(ctx, [
    { title: 'IAM action', width: 150 },
    { title: 'Cause', width: 90 },
    { title: 'Calls that failed', width: CONTENT_WIDTH - 150 - 90 - 110 - 44 },
    { title: 'Regions', width: 110 },
    { title: 'Failures', width: 44, align: 'right' },
  ], part.value.map((p) => [
    { text: safeLine(p.action, 80), bold: true },
    p.kind === 'explicit-deny' ? 'Explicit deny' : 'Not granted',
    safeLine(p.calls.join(', '), 400),
    safeLine(p.regions.join(', '), 400),
    formatCount(p.failures),
  ]), undefined, { size: TYPE.small, padY: 4 });
  ctx.y += 12;
}

/** Per service: regions read in full, regions with failed calls, and the endpoint used. */
function drawCallCoverage(ctx: Ctx, coverage: ScanCoverage, sub: (t: string) => void, para: (t: string) => void): void {
  const services = [...new Set(coverage.cells.map((c) => c.service))].sort();
  if (services.length === 0) return;
  sub('Services and regions read');
  para('What the scan read, by service: results returned (one per call, region and resource), results that failed, and the regions where they failed.');
  drawTable(ctx, [
    { title: 'Service', width: 84 },
    { title: 'Read', width: 40, align: 'right' },
    { title: 'Failed', width: 40, align: 'right' },
    { title: 'Regions with failures (cause)', width: CONTENT_WIDTH - 84 - 40 - 40 - 150 },
    { title: 'Endpoint', width: 150 },
  ], services.map((service) => {
    const cells = coverage.cells.filter((c) => c.service === service);
    const failed = cells.filter((c) => c.failed > 0);
    const endpoint = coverage.endpoints[service];
    return [
      { text: safeLine(service, 30), bold: true },
      formatCount(cells.reduce((n, c) => n + c.ok, 0)),
      formatCount(cells.reduce((n, c) => n + c.failed, 0)),
      failed.length
        ? safeLine(failed.map((c) => `${c.region} (${Object.keys(c.reasons).map((k) => CALL_ERROR_TITLES[k as CallErrorKind] ?? k).join(', ')})`).join('; '), 600)
        : 'none',
      endpoint === undefined || endpoint === 'default' ? 'AWS default' : safeLine(endpoint, 120),
    ];
  }), undefined, { size: TYPE.small, padY: 4 });
  ctx.y += 12;
}
