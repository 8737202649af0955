/**
 * The full PDF report, checked with the tools a reader's software relies on: qpdf for structure,
 * poppler for text and fonts, pdf.js for the outline, links and metadata.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { AREA_TITLES, AREAS } from '../../shared/model/area.ts';
import { notAvailable } from '../../main/core/report/model.ts';
import { renderPdf } from '../../main/core/report/pdf.ts';
import { cleanBlock, cleanLine, excerptLines } from '../../main/core/report/sanitize.ts';
import { REPORT_TITLE, SECTION } from '../../main/core/report/theme.ts';
import { ACCOUNT_ID, CLIENT_NAME, KNOWN, flat, fullReportModel, largeReportModel, openPdf, pages, pdfText, runTool, sampleReportModel } from '../support/report-fixtures.ts';
import { REPO_ROOT } from '../support/temp.ts';

const fontsDir = join(REPO_ROOT, 'assets', 'fonts');
const sample = renderPdf(fullReportModel(), { fontsDir });
const sha = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex');

/** The report's sections, in order, as the outline and the contents page list them. */
const SECTIONS = [SECTION.summary, SECTION.srm, ...AREAS.map((a) => AREA_TITLES[a]), SECTION.securityHub, SECTION.risks, SECTION.manual, SECTION.roadmap, SECTION.coverage, SECTION.appendix];

test('the report is a structurally valid PDF (qpdf --check)', async (t) => {
  const out = runTool(t, 'qpdf', (f) => ['--check', f], await sample);
  if (!out) return;
  assert.equal(out.status, 0, out.stdout + out.stderr);
  assert.match(out.stdout, /No syntax or stream encoding errors/);
});

test('every section is there, with what a reader looks for in it', async (t) => {
  const raw = pdfText(t, await sample);
  if (raw === null) return;
  const s = flat(raw);
  const expected = [
    REPORT_TITLE, CLIENT_NAME, ACCOUNT_ID, 'northwind-audit', '14 March 2026, 09:30 UTC', 'eu-west-1, eu-central-1, us-east-1', 'A. Auditor, Harbour Security Partners',
    SECTION.contents, ...SECTIONS,
    // Executive summary: posture, per-area status, charts, top risks, changes since the last scan, trend.
    'OVERALL POSTURE', 'Critical risk', 'Status by area', 'Open failures by severity', 'Pass rate by area', 'Top risks', 'Since the previous scan',
    '3 new failures, 2 resolved, 1 regressed', 'Pass rate across scans',
    // Who secures what: both diagrams and the matrix.
    'security IN the cloud', 'security OF the cloud', 'Facilities and physical security', 'Virtualisation', 'Infrastructure', 'Abstracted', 'Service by service', 'Amazon EKS',
    // Area sections: responsibility, findings with evidence, fix and framework ids, accepted and reopened risks.
    'WHAT YOU ARE RESPONSIBLE FOR', 'Patch the guest operating system of every instance.', KNOWN.checkTitle, KNOWN.resourceName, 'Turn on all four Block Public Access settings',
    'aws s3api put-public-access-block', 'FSBP S3.8', 'Risk accepted by CISO', 'open again', 'Evidence',
    SECTION.maintenance, 'Not managed', 'support ended', SECTION.exposure, 'Exposed', 'bastion-ssh',
    // Security Hub, register, manual controls, roadmap, coverage, appendix.
    'Where Security Hub was read', 'EBS default encryption should be enabled', 'Where Security Hub and Leasehold disagree',
    'Legacy integration, replaced in Q3.', 'Expired', 'A security contact is registered', 'Not answered',
    'Quick wins', 'Projects', 'Why this effort', 'Permissions the scan was missing', 'rds:DescribeDBInstances', 'Services and regions read',
    SECTION.metadata, 'ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12', 'RFC 8785', 'Guest operating system releases', SECTION.checkList, SECTION.crosswalk,
    'AWS Foundational Security Best Practices v1.0.0',
  ];
  for (const e of expected) assert.ok(s.includes(e), `missing "${e}"`);
  const all = pages(raw);
  assert.ok(s.includes(`Page 2 of ${all.length}`) && s.includes(`Page ${all.length} of ${all.length}`), 'running footer numbers pages');
  assert.ok(all.slice(1).every((p) => p.includes(CLIENT_NAME)), 'running header names the client on every page after the cover');
});

test('the outline mirrors the sections and points at the right pages', async (t) => {
  const pdf = await openPdf(await sample);
  const outline = (await pdf.getOutline()) ?? [];
  assert.deepEqual(outline.map((i) => i.title), SECTIONS);
  const child = (title: string) => outline.find((i) => i.title === title)?.items.map((i) => i.title) ?? [];
  assert.deepEqual(child(AREA_TITLES.s3), ['Failed checks', 'Not assessed', 'Passed checks']);
  assert.ok(child(AREA_TITLES['compute-maintenance']).includes(SECTION.maintenance));
  assert.ok(child(AREA_TITLES.network).includes(SECTION.exposure));
  assert.deepEqual(child(SECTION.appendix), [SECTION.metadata, SECTION.checkList, SECTION.crosswalk]);
  // Each bookmark lands on the page whose text starts that section.
  const raw = pdfText(t, await sample);
  if (raw === null) return pdf.destroy();
  const text = pages(raw);
  for (const item of outline) {
    assert.ok(Array.isArray(item.dest) && item.dest[0], `${item.title} has an explicit destination`);
    const index = await pdf.getPageIndex(item.dest[0] as { num: number; gen: number });
    assert.ok(text[index]?.includes(item.title), `"${item.title}" bookmark points at page ${index + 1}`);
  }
  await pdf.destroy();
});

test('the contents page lists every section with its page number, each line a link', async (t) => {
  const pdf = await openPdf(await sample);
  const raw = pdfText(t, await sample, ['-layout']);
  if (raw === null) return pdf.destroy();
  const contents = pages(raw)[1] ?? '';
  assert.match(contents, /Contents/);
  const outline = (await pdf.getOutline()) ?? [];
  for (const item of outline) {
    const index = await pdf.getPageIndex((item.dest as [{ num: number; gen: number }])[0]);
    const line = contents.split('\n').find((l) => l.trim().startsWith(item.title));
    assert.ok(line, `contents lists "${item.title}"`);
    assert.match(line, new RegExp(`\\s${index + 1}\\s*$`), `"${item.title}" is on page ${index + 1}`);
  }
  const links = (await (await pdf.getPage(2)).getAnnotations()).filter((a) => a.subtype === 'Link');
  assert.ok(links.length >= SECTIONS.length, `${links.length} links on the contents page`);
  const destinations = await pdf.getDestinations();
  for (const link of links) assert.ok(typeof link.dest === 'string' && destinations[link.dest], `link to a defined destination (${String(link.dest)})`);
  await pdf.destroy();
});

test('the summary links each area to its section', async () => {
  const pdf = await openPdf(await sample);
  const destinations = await pdf.getDestinations();
  const links = (await (await pdf.getPage(3)).getAnnotations()).filter((a) => a.subtype === 'Link').map((a) => String(a.dest));
  for (const area of AREAS) {
    assert.ok(links.includes(`area-${area}`), `summary links to ${area}`);
    const dest = destinations[`area-${area}`] as [{ num: number; gen: number }];
    const page = await pdf.getPage((await pdf.getPageIndex(dest[0])) + 1);
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
    assert.ok(text.includes(AREA_TITLES[area]), `area-${area} lands on the ${AREA_TITLES[area]} page`);
  }
  await pdf.destroy();
});

test('fonts are embedded subsets (DejaVu plus the CJK fallback), never a standard 14 font', async (t) => {
  const out = runTool(t, 'pdffonts', (f) => [f], await sample);
  if (!out) return;
  const rows = out.stdout.trim().split('\n').slice(2);
  for (const row of rows) {
    // Columns: name type encoding emb sub uni object ID
    const cols = row.trim().split(/\s+/);
    assert.equal(cols.at(-5), 'yes', `not embedded: ${row}`);
    assert.equal(cols.at(-4), 'yes', `not a subset: ${row}`);
  }
  for (const font of ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSansMono', 'DroidSansFallback']) assert.match(out.stdout, new RegExp(`\\+${font}\\s`), `${font} embedded`);
  assert.doesNotMatch(out.stdout, /Helvetica|Times|Courier|ZapfDingbats/);
});

test('document info, tagging and language are set, and dates come from the scan', async (t) => {
  const pdf = await openPdf(await sample);
  const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
  assert.equal(info.Title, `${REPORT_TITLE}: ${CLIENT_NAME}`);
  assert.equal(info.Author, 'A. Auditor, Harbour Security Partners');
  assert.match(String(info.CreationDate), /^D:20260314094155/);
  assert.match(String(info.ModDate), /^D:20260314094155/);
  assert.equal(info.Language, 'en');
  assert.ok((await pdf.getMarkInfo())?.Marked, 'tagged PDF');
  await pdf.destroy();
  const out = runTool(t, 'pdfinfo', (f) => [f], await sample);
  if (out) assert.match(out.stdout, /Tagged:\s+yes/);
});

test('two renders of the same model are byte-identical; a different scan date gives a different file', async () => {
  const a = await renderPdf(fullReportModel(), { fontsDir });
  const b = await renderPdf(fullReportModel(), { fontsDir });
  assert.equal(sha(a), sha(b));
  assert.equal(sha(a), sha(await sample));
  const other = await renderPdf(sampleReportModel({ scan: { endedAt: '2026-03-15T10:00:00.000Z' } }), { fontsDir });
  const same = await renderPdf(sampleReportModel(), { fontsDir });
  assert.notEqual(sha(other), sha(same), 'the file ID follows the scan date');
});

test('a part that is missing prints a short "not available" note; a bare model still renders', async (t) => {
  const model = fullReportModel();
  for (const key of ['responsibility', 'maintenance', 'exposure', 'securityHub', 'acceptances', 'manualControls', 'permissions', 'trend', 'changes', 'referenceData', 'snapshotDigest', 'frameworks'] as const) {
    model[key] = notAvailable('the module that provides it is not installed.');
  }
  const pdf = await renderPdf(model, { fontsDir });
  const raw = pdfText(t, pdf);
  if (raw !== null) {
    const s = flat(raw);
    for (const what of ['The service-by-service responsibility matrix', 'The per-instance maintenance table', 'The internet exposure table', 'The Security Hub import', 'The accepted-risk register', 'The manual controls', 'The list of missing permissions', 'The trend across scans', 'The comparison with the previous scan', 'The framework crosswalk']) {
      assert.ok(s.includes(`${what} is not available in this report: the module that provides it is not installed.`), `note for ${what}`);
    }
    assert.ok(s.includes('security IN the cloud'), 'the generic model is drawn without the matrix');
  }
  // The model as the old report knew it, with none of the optional parts at all.
  const bare = sampleReportModel();
  const out = await renderPdf(bare, { fontsDir });
  const check = runTool(t, 'qpdf', (f) => ['--check', f], out);
  if (check) assert.equal(check.status, 0, check.stdout);
});

test('a scan with no findings, odd dates and areas out of scope still renders', async (t) => {
  const model = sampleReportModel({ findings: [], scan: { startedAt: 'not a date', endedAt: null, areas: ['s3'], regions: [] } });
  const a = await renderPdf(model, { fontsDir });
  const b = await renderPdf(model, { fontsDir });
  assert.ok(a.equals(b));
  const raw = pdfText(t, a);
  if (raw === null) return;
  assert.ok(flat(raw).includes('This area was not in the scope of the scan.'));
  assert.ok(flat(raw).includes('No results were recorded for this area.'));
  assert.ok(flat(raw).includes('Nothing to fix: there is no open failure.'));
});

test('a missing font folder is a clear error, not a silent fallback to a standard font', async () => {
  await assert.rejects(renderPdf(sampleReportModel(), { fontsDir: '/nonexistent/fonts' }), /Report font not found: .*DejaVuSans\.ttf/);
});

test('5,000 findings render in under 10 seconds, every page inside the margins', async (t) => {
  const model = largeReportModel(5000);
  const started = performance.now();
  const pdf = await renderPdf(model, { fontsDir });
  const ms = performance.now() - started;
  t.diagnostic(`5,000 findings: ${Math.round(ms)} ms, ${(pdf.length / 1e6).toFixed(1)} MB`);
  assert.ok(ms < 10_000, `took ${Math.round(ms)} ms`);
  const doc = await openPdf(pdf);
  t.diagnostic(`${doc.numPages} pages`);
  assert.ok(doc.numPages > 50);
  await doc.destroy();
});

test('sanitising keeps the text but drops controls and bidi overrides', () => {
  assert.equal(cleanLine('a\u0000b\u0007c\u001Fd\u007Fe\u009Ff'), 'abcdef');
  assert.equal(cleanLine('  two\nlines\tand\r\nmore  '), 'two lines and more');
  assert.equal(cleanBlock('line 1\r\nline 2\rline 3'), 'line 1\nline 2\nline 3');
  assert.equal(cleanLine('abc\u202Edef'), 'abcdef');
  assert.equal(cleanLine('\uD800x'), '\uFFFDx', 'lone surrogates become U+FFFD');
  assert.equal(cleanLine('生产数据库'), '生产数据库');
  // The override goes; the mixed word stays as written (textflow.ts orders it by UAX #9).
  assert.equal(cleanLine('مرحبا\u202Eevil'), 'مرحباevil');
  const lines = excerptLines('{"a":1,"b":[1,2,3]}', 40, 10);
  assert.deepEqual(lines, ['{', '  "a": 1,', '  "b": [', '    1,', '    2,', '    3', '  ]', '}']);
  const long = excerptLines('x'.repeat(1000), 50, 5);
  assert.equal(long.length, 5);
  assert.match(long.at(-1)!, /16 more lines/);
});
