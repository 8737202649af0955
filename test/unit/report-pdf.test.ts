/**
 * The PDF report, checked with the tools a reader's software relies on: qpdf for structure,
 * poppler for text and fonts, pdf.js for the outline and metadata.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AREA_TITLES, AREAS } from '../../shared/model/area.ts';
import { renderPdf } from '../../main/core/report/pdf.ts';
import { cleanBlock, cleanLine, excerptLines } from '../../main/core/report/sanitize.ts';
import { PAGE, REPORT_TITLE } from '../../main/core/report/theme.ts';
import { ACCOUNT_ID, CLIENT_NAME, HOSTILE, KNOWN, finding, largeReportModel, sampleChecks, sampleReportModel } from '../support/report-fixtures.ts';
import { REPO_ROOT, tempDir } from '../support/temp.ts';

const fontsDir = join(REPO_ROOT, 'assets', 'fonts');
const sample = renderPdf(sampleReportModel(), { fontsDir });

function hasTool(tool: string): boolean {
  return !spawnSync(tool, ['-v'], { stdio: 'ignore' }).error;
}

/** Runs a command-line tool on the PDF; skips the test with a reason when the tool is absent. */
function run(t: TestContext, tool: string, args: (file: string) => string[], pdf: Buffer): { status: number | null; stdout: string } | null {
  if (!hasTool(tool)) {
    t.skip(`${tool} not installed`);
    return null;
  }
  const file = join(tempDir(t), 'report.pdf');
  writeFileSync(file, pdf);
  const result = spawnSync(tool, args(file), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout };
}

const text = (t: TestContext, pdf: Buffer): string | null => run(t, 'pdftotext', (f) => [f, '-'], pdf)?.stdout ?? null;
const flat = (s: string): string => s.replace(/\s+/g, ' ');

async function openPdf(pdf: Buffer) {
  return getDocument({ data: new Uint8Array(pdf), verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise;
}

test('the report is a structurally valid PDF (qpdf --check)', async (t) => {
  const out = run(t, 'qpdf', (f) => ['--check', f], await sample);
  if (!out) return;
  assert.equal(out.status, 0, out.stdout);
  assert.match(out.stdout, /No syntax or stream encoding errors/);
});

test('a reader finds the cover, every area and a known finding in the text', async (t) => {
  const raw = text(t, await sample);
  if (raw === null) return;
  const s = flat(raw);
  for (const expected of [REPORT_TITLE, CLIENT_NAME, ACCOUNT_ID, 'northwind-audit', '14 March 2026, 09:30 UTC', 'eu-west-1, eu-central-1, us-east-1', 'Summary', 'Coverage and limitations']) {
    assert.ok(s.includes(expected), `missing "${expected}"`);
  }
  for (const area of AREAS) assert.ok(s.includes(AREA_TITLES[area]), `missing area "${AREA_TITLES[area]}"`);
  assert.ok(s.includes(KNOWN.checkTitle) && s.includes(KNOWN.resourceName), 'known failed finding is listed');
  assert.ok(s.includes('Turn on all four Block Public Access settings'), 'remediation from the check metadata is shown');
  assert.ok(s.includes('Missing permission') && s.includes('Region not enabled'), 'not-assessed reasons use CALL_ERROR_TITLES');
  const pages = raw.split('\f').filter((p) => p.trim()).length;
  assert.ok(s.includes(`Page 2 of ${pages}`) && s.includes(`Page ${pages} of ${pages}`), 'running footer numbers pages');
});

test('fonts are embedded DejaVu subsets, never a non-embedded standard 14 font', async (t) => {
  const out = run(t, 'pdffonts', (f) => [f], await sample);
  if (!out) return;
  const rows = out.stdout.trim().split('\n').slice(2);
  assert.ok(rows.length >= 3, out.stdout);
  for (const row of rows) {
    assert.match(row, /DejaVuSans/, row);
    // Columns: name type encoding emb sub uni object ID
    const cols = row.trim().split(/\s+/);
    assert.equal(cols.at(-5), 'yes', `not embedded: ${row}`);
  }
  assert.doesNotMatch(out.stdout, /Helvetica|Times|Courier|Symbol|ZapfDingbats/);
  assert.match(out.stdout, /DejaVuSansMono/);
});

test('the outline has one bookmark per section, pointing at the right pages', async () => {
  const pdf = await openPdf(await sample);
  const outline = (await pdf.getOutline()) ?? [];
  const titles = outline.map((item) => item.title);
  assert.deepEqual(titles, ['Summary', ...AREAS.map((a) => AREA_TITLES[a]), 'Coverage and limitations']);
  const s3 = outline.find((item) => item.title === AREA_TITLES.s3);
  assert.deepEqual(s3?.items.map((i) => i.title), ['Failed checks', 'Not assessed', 'Passed checks']);
  const dest = outline[0]?.dest;
  assert.ok(Array.isArray(dest) && dest[0], 'Summary bookmark has an explicit destination');
  assert.equal(await pdf.getPageIndex(dest[0] as { num: number; gen: number }), 1, 'Summary is page 2');
  await pdf.destroy();
});

test('document info, tagging and language are set, and dates come from the scan', async (t) => {
  const pdf = await openPdf(await sample);
  const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
  assert.equal(info.Title, `${REPORT_TITLE}: ${CLIENT_NAME}`);
  assert.equal(info.Author, 'Leasehold');
  assert.match(String(info.CreationDate), /^D:20260314094155/);
  assert.match(String(info.ModDate), /^D:20260314094155/);
  assert.equal(info.Language, 'en');
  assert.ok((await pdf.getMarkInfo())?.Marked, 'tagged PDF');
  await pdf.destroy();
  // pdf.js already checked the essentials; pdfinfo is a second opinion when present.
  if (!hasTool('pdfinfo')) return;
  const out = run(t, 'pdfinfo', (f) => [f], await sample);
  assert.match(out?.stdout ?? '', /Tagged:\s+yes/);
});

test('two renders of the same model are byte-identical', async () => {
  const a = await renderPdf(sampleReportModel(), { fontsDir });
  const b = await renderPdf(sampleReportModel(), { fontsDir });
  const sha = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex');
  assert.equal(sha(a), sha(b));
  const other = await renderPdf(sampleReportModel({ scan: { endedAt: '2026-03-15T10:00:00.000Z' } }), { fontsDir });
  assert.notEqual(sha(other), sha(a), 'the file ID follows the scan date');
});

test('hostile names render as text without breaking the file or the layout', async (t) => {
  const meta = sampleChecks()[0]!;
  const evil = Object.values(HOSTILE).join(' ');
  const findings = [
    ...Object.values(HOSTILE).map((name, i) => finding(meta, { status: 'FAIL', name, message: `${name} ${name}` }, i)),
    { ...finding(meta, { status: 'FAIL', name: HOSTILE.long }, 99), resourceId: HOSTILE.long, resourceArn: HOSTILE.long, region: HOSTILE.long },
  ];
  const model = sampleReportModel({ findings, clientName: `${HOSTILE.script}${HOSTILE.controls}` });
  model.scan.profile = evil;
  const pdf = await renderPdf(model, { fontsDir });

  const check = run(t, 'qpdf', (f) => ['--check', f], pdf);
  if (check) assert.equal(check.status, 0, check.stdout);
  const raw = text(t, pdf);
  if (raw === null) return;
  assert.ok(raw.includes(HOSTILE.script), 'markup is shown literally');
  // DejaVu has no CJK or emoji glyphs: they are drawn as U+FFFD, and ActualText keeps them searchable.
  assert.ok(raw.includes(HOSTILE.cjk), 'CJK name is extractable');
  assert.ok(raw.includes(HOSTILE.emoji), 'emoji name is extractable');
  assert.ok(flat(raw).includes('more characters]'), 'the 5,000-character name is cut, and says so');
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(raw.replace(/[\n\f]/g, ''), /[\u0000-\u0008\u000B-\u001F\u202E]/, 'no control or bidi override characters survive');
  const pages = raw.split('\f').filter((p) => p.trim()).length;
  assert.ok(pages <= 15, `long names must not blow up the page count (${pages} pages)`);

  const boxes = run(t, 'pdftotext', (f) => ['-bbox', f, '-'], pdf);
  if (!boxes) return;
  const words = [...boxes.stdout.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));
  assert.ok(words.length > 100);
  for (const [xMin, yMin, xMax, yMax] of words as number[][]) {
    assert.ok(xMin! >= PAGE.marginX - 1 && xMax! <= PAGE.width - PAGE.marginX + 1, `text outside the margins: x ${xMin}..${xMax}`);
    assert.ok(yMin! >= 0 && yMax! <= PAGE.height, `text off the page: y ${yMin}..${yMax}`);
  }
});

test('a scan with no findings, odd dates and areas out of scope still renders', async (t) => {
  const model = sampleReportModel({ findings: [], scan: { startedAt: 'not a date', endedAt: null, areas: ['s3'], regions: [] } });
  const a = await renderPdf(model, { fontsDir });
  const b = await renderPdf(model, { fontsDir });
  assert.ok(a.equals(b));
  const raw = text(t, a);
  if (raw === null) return;
  assert.ok(flat(raw).includes('This area was not in the scope of the scan.'));
  assert.ok(flat(raw).includes('No results were recorded for this area.'));
});

test('a missing font folder is a clear error, not a silent fallback to a standard font', async () => {
  await assert.rejects(renderPdf(sampleReportModel(), { fontsDir: '/nonexistent/fonts' }), /Report font not found: .*DejaVuSans\.ttf/);
});

test('5,000 findings render in well under 10 seconds', async (t) => {
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
  assert.equal(cleanLine(HOSTILE.cjk), HOSTILE.cjk);
  assert.equal(cleanLine(HOSTILE.emoji), HOSTILE.emoji);
  // pdfkit lays out a word in its first letter's direction, so mixed words are split to stay readable.
  assert.equal(cleanLine(HOSTILE.rtl), 'مرحبا evil');
  const lines = excerptLines('{"a":1,"b":[1,2,3]}', 40, 10);
  assert.deepEqual(lines, ['{', '  "a": 1,', '  "b": [', '    1,', '    2,', '    3', '  ]', '}']);
  const long = excerptLines('x'.repeat(1000), 50, 5);
  assert.equal(long.length, 5);
  assert.match(long.at(-1)!, /16 more lines/);
});
