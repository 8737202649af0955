/**
 * PDF/A-2b on real reports, clause by clause. veraPDF cannot run here (no Maven Central), so
 * test/support/pdfa-audit.ts applies the ISO 19005-2 rules veraPDF most often fails on
 * JavaScript-generated PDFs, reading each file with qpdf's JSON and its raw bytes. The archival
 * copy of the demo scan, with a transparent PNG logo, a grayscale JPEG logo and hostile text in
 * every script, must pass them all. The same audit fails the ordinary report exactly where it is
 * not PDF/A, and fails files with one violation planted in their bytes: it can fail.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createCore } from '../../main/core/core.ts';
import { renderPdf } from '../../main/core/report/pdf.ts';
import { jpeg, png } from '../support/images.ts';
import { auditPdfA2b, CLAUSES, type Audit, type Clause } from '../support/pdfa-audit.ts';
import { HOSTILE, fullReportModel, hasTool, pdfText, runTool } from '../support/report-fixtures.ts';
import { REPO_ROOT } from '../support/temp.ts';

const fontsDir = join(REPO_ROOT, 'assets', 'fonts');
const skip = hasTool('qpdf') ? false : 'qpdf not installed';

/** Resource names an attacker with write access to the account could set, one script or trick each. */
const NAMES = [
  `\uFDFD ${HOSTILE.rtl}`,
  `${HOSTILE.cjk} 한국어-볼륨 שלום-עולם`,
  HOSTILE.emoji,
  'team-👩‍💻-🇫🇷-👍🏽 क्षत्रिय ภาษาไทย',
  'e\u0301\u0302 lone \u0301 marks 𝐀 \u{1FAE8} \uE000 \u0378',
  `${HOSTILE.script} & "quotes" \uFFFF\uFFFE`,
];
const CLIENT = 'Société <Ærø> & Fils 生产 مرحبا 🔥\uFFFF';

interface Reports {
  pdfa: Buffer;
  again: Buffer;
  plain: Buffer;
  executive: Buffer;
  audit: Audit;
}

let dir = '';
let reports: Reports;

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'leasehold-pdfa-'));
  const core = createCore({ rootDir: REPO_ROOT, dbPath: join(dir, 'db.sqlite'), dataDir: dir, env: {} });
  try {
    const { scanId } = await core.handlers['demo:open']({});
    const failed = core.db.prepare("SELECT id FROM findings WHERE scan_id = ? AND status = 'FAIL'").all(scanId) as Array<{ id: number }>;
    const rename = core.db.prepare('UPDATE findings SET resource_name = ? WHERE id = ?');
    failed.forEach((row, i) => rename.run(NAMES[i % NAMES.length], row.id));
    const logos = { logoData: png(40, 20, { alpha: true }).toString('base64'), firmLogoData: jpeg(24, 16).toString('base64') };
    const request = { scanId, ...logos, client: CLIENT, consultant: 'Zoë Ünal', firm: 'Ærø & Partners', title: 'Revue <sécurité> 🚀' };
    const render = async (extra: object): Promise<Buffer> => Buffer.from((await core.handlers['report:render']({ ...request, ...extra })).base64, 'base64');
    const pdfa = await render({ pdfa: true });
    reports = { pdfa, again: await render({ pdfa: true }), plain: await render({}), executive: await render({ pdfa: true, executive: true }), audit: auditPdfA2b(pdfa) };
  } finally {
    core.close();
  }
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function passes(audit: Audit, clauses: readonly Clause[]): void {
  for (const clause of clauses) assert.deepEqual(audit.failures.get(clause) ?? [], [], `ISO 19005-2 ${clause}: ${CLAUSES[clause]}`);
}

test('the archival report of the demo scan draws the hostile names and the logos it is meant to', { skip }, (t) => {
  const text = pdfText(t, reports.pdfa);
  if (text === null) return;
  // Shaped scripts (Devanagari) come back reordered from text extraction; the fonts test shows they were drawn.
  for (const drawn of ['生产数据库', '한국어-볼륨', 'ภาษาไทย', 'مرحبا', 'Société', '<script>alert(1)</script>']) assert.ok(text.includes(drawn), `"${drawn}" is on a page`);
  const { facts } = reports.audit;
  assert.equal(facts.images, 2, 'both cover logos');
  assert.equal(facts.softMasks, 1, 'the PNG logo keeps its transparency');
  assert.ok(facts.glyphs > 100_000, `${facts.glyphs} glyphs audited`);
  assert.ok(reports.pdfa.equals(reports.again), 'the same inputs give the same bytes');
});

test('file structure: header, trailer, cross-reference table, objects, streams, limits (6.1)', { skip }, (t) => {
  passes(reports.audit, ['6.1.2', '6.1.3', '6.1.4', '6.1.6', '6.1.7.1', '6.1.7.2', '6.1.9', '6.1.10', '6.1.12', '6.1.13']);
  assert.ok(reports.audit.facts.maxNesting <= 28, '6.1.13: q nesting within 28');
  const check = runTool(t, 'qpdf', (f) => ['--check', f], reports.pdfa);
  assert.equal(check?.status, 0, `qpdf --check: ${check?.stdout}`);
  assert.doesNotMatch(runTool(t, 'qpdf', (f) => ['--show-encryption', f], reports.pdfa)?.stdout ?? '', /R = /, '6.1.3: not encrypted');
});

test('metadata: XMP well-formed, PDF/A-2B identified, document information equal to XMP (6.6)', { skip }, () => {
  passes(reports.audit, ['6.6.2.1', '6.6.2.3.1', '6.6.4', 'info=xmp']);
  const { info, xmp } = reports.audit.facts;
  assert.equal(xmp['pdfaid:part'], '2', '6.6.4: pdfaid:part');
  assert.equal(xmp['pdfaid:conformance'], 'B', '6.6.4: pdfaid:conformance');
  // Each pair the audit compared, present on both sides (an absent pair would pass vacuously).
  for (const [key, prop] of [['Title', 'dc:title'], ['Author', 'dc:creator'], ['Subject', 'dc:description'], ['Creator', 'xmp:CreatorTool'], ['Producer', 'pdf:Producer']] as const) {
    assert.ok(info[key] && xmp[prop], `Info ${key} and ${prop} both present`);
  }
  assert.ok(info.CreationDate && info.ModDate && xmp['xmp:CreateDate'] && xmp['xmp:ModifyDate'], 'both dates on both sides');
  // As typed (only U+FFFF, which XML cannot hold, is gone), on both sides: escaped in the XMP, not replaced.
  assert.match(info.Title ?? '', /Société <Ærø> & Fils 生产 مرحبا 🔥$/, 'the client name as typed, without U+FFFF');
  assert.equal(xmp['dc:title'], info.Title);
  assert.equal(info.Author, 'Zoë Ünal, Ærø & Partners');
  assert.equal(xmp['dc:creator'], info.Author);
});

test('colour: an sRGB output intent, and only the device colour spaces it covers (6.2.3, 6.2.4.3)', { skip }, () => {
  passes(reports.audit, ['6.2.3', '6.2.4.3']);
  const { outputIntent, deviceSpaces } = reports.audit.facts;
  assert.equal(outputIntent, 'RGB ', '6.2.3: GTS_PDFA1 output intent with an RGB monitor profile');
  assert.deepEqual(deviceSpaces, ['DeviceGray', 'DeviceRGB'], '6.2.4.3: text and charts in DeviceRGB, the grayscale JPEG in DeviceGray, no DeviceCMYK');
});

test('fonts: all embedded, CIDToGIDMap, widths equal to the font programs, no .notdef (6.2.11)', { skip }, (t) => {
  passes(reports.audit, ['6.2.11.2', '6.2.11.3.2', '6.2.11.3.3', '6.2.11.4.1', '6.2.11.4.2', '6.2.11.5', '6.2.11.8']);
  const fonts = reports.audit.facts.fonts;
  for (const family of ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSansMono', 'Symbola', 'DroidSansFallback', 'NotoSansArabic', 'NotoSansDevanagari', 'NotoSansThai', 'NanumGothicCoding']) {
    const font = fonts.find((f) => f.name.replace(/^[A-Z]{6}\+/, '').replace(/-Regular$/, '') === family);
    assert.ok(font && font.glyphs > 0, `${family} draws glyphs that were checked`);
  }
  assert.ok(fonts.every((f) => f.embedded && f.subtype === 'Type0'), '6.2.11.4.1: every font is an embedded composite font');
  const listed = runTool(t, 'pdffonts', (f) => [f], reports.pdfa);
  if (!listed) return;
  const rows = listed.stdout.trim().split('\n').slice(2);
  assert.equal(rows.length, fonts.length, 'pdffonts sees the same fonts');
  for (const row of rows) assert.match(row, /CID TrueType\s+Identity-H\s+yes/, `6.2.11.4.1 (pdffonts): ${row}`);
});

test('links: printable annotations with GoTo actions only, no additional actions (6.3, 6.5)', { skip }, () => {
  passes(reports.audit, ['6.3.1', '6.3.2', '6.3.3', '6.5.1', '6.5.2']);
  const links = reports.audit.facts.annotations;
  assert.ok(links.length > 20, `${links.length} links (contents, summary, roadmap)`);
  assert.ok(links.every((a) => a.subtype === 'Link' && a.flags === 4 && a.action === 'GoTo'), '6.3.2 and 6.5.1: Print flag only, GoTo actions');
});

test('images, transparency, forms, attachments, optional content, presentations (6.2.5 to 6.2.10, 6.4, 6.8 to 6.11)', { skip }, () => {
  passes(reports.audit, ['6.2.2', '6.2.5', '6.2.6', '6.2.8', '6.2.9', '6.2.10', '6.4', '6.8', '6.9', '6.10', '6.11']);
  assert.equal(reports.audit.facts.transparentPages, 1, '6.2.10: the cover has transparency (the PNG logo) and is covered by the output intent');
});

test('no clause of the audit fails, in the full report or the executive summary', { skip }, () => {
  const failed = (audit: Audit): string[] => [...audit.failures].map(([clause, list]) => `${clause} ${CLAUSES[clause]}: ${list.join('; ')}`);
  assert.deepEqual(failed(reports.audit), []);
  const executive = auditPdfA2b(reports.executive);
  assert.deepEqual(failed(executive), []);
  assert.equal(executive.facts.images, 2);
});

test('the ordinary report fails the audit exactly where it is not PDF/A', { skip }, () => {
  const audit = auditPdfA2b(reports.plain);
  assert.match(audit.failures.get('6.6.4')?.[0] ?? '', /no PDF\/A identification/, '6.6.4: no pdfaid in its XMP');
  assert.deepEqual(audit.failures.get('6.2.4.3'), ['page 1 (first use): DeviceRGB with no PDF/A output intent', 'page 1 (first use): DeviceGray with no PDF/A output intent']);
  assert.match(audit.failures.get('6.2.10')?.[0] ?? '', /page 1: transparency, but neither an output intent nor a page group colour space/);
  assert.deepEqual(audit.failures.get('info=xmp'), ['Info ModDate, but xmp:ModifyDate is missing']);
  assert.deepEqual([...audit.failures.keys()].sort(), ['6.2.10', '6.2.4.3', '6.6.4', 'info=xmp'], 'structure, fonts and links are the same as in the PDF/A copy');
});

/** A PDF/A copy with the first `from` replaced by `to` (same length, so every offset stays right). */
function planted(from: string | Buffer, to: string | Buffer, pdf = reports.executive): Buffer {
  const src = Buffer.isBuffer(from) ? from : Buffer.from(from, 'latin1');
  const dst = Buffer.isBuffer(to) ? to : Buffer.from(to, 'latin1');
  assert.equal(src.length, dst.length);
  const out = Buffer.from(pdf);
  const at = out.indexOf(src);
  assert.ok(at >= 0, `${src.toString('latin1')} is in the file`);
  dst.copy(out, at);
  return out;
}

test('the audit catches one violation planted in the bytes', { skip }, () => {
  // The Info Producer as a literal string in the file, with "PDFKit" spelt as given.
  const producer = (spelling: string): string => `(${(reports.audit.facts.info.Producer ?? '').replace('PDFKit', spelling).replace(/[()\\]/g, '\\$&')})`;
  const cases: Array<[Clause, Buffer, RegExp]> = [
    ['6.1.2', planted(Buffer.from([0x25, 0xff, 0xff, 0xff, 0xff]), Buffer.from([0x25, 0xff, 0x41, 0xff, 0xff])), /four bytes above 127/],
    ['6.1.7.1', planted('/Filter /DCTDecode\n/Length 142', '/Filter /DCTDecode\n/Length 143'), /Length 143 does not end at an EOL/],
    ['6.3.2', planted('/F 4\n', '/F 6\n', reports.pdfa), /flags 6: Print must be set, Invisible, Hidden/],
    ['6.5.1', planted('/S /GoTo', '/S /Hide', reports.pdfa), /a Hide action/],
    ['6.2.4.3', planted('/ColorSpace /DeviceGray\n/Filter /DCTDecode', '/ColorSpace /DeviceCMYK\n/Filter /DCTDecode'), /DeviceCMYK with a RGB output intent/],
    ['6.6.4', planted('<pdfaid:conformance>B<', '<pdfaid:conformance>A<'), /pdfaid:conformance is A, not B/],
    ['6.6.2.1', planted('</dc:title>', '</dc:titl_>'), /not well-formed XML/],
    ['info=xmp', planted(producer('PDFKit'), producer('PDFkit')), /Info Producer "Leasehold .* \(PDFkit\)" differs from XMP "Leasehold .* \(PDFKit\)"/],
  ];
  for (const [clause, pdf, message] of cases) {
    const { failures } = auditPdfA2b(pdf);
    assert.match((failures.get(clause) ?? []).join('\n'), message, `ISO 19005-2 ${clause}: ${CLAUSES[clause]}`);
  }
});

/** A baseline four-component (CMYK) JPEG: every block flat, as in test/support/images.ts. */
function cmykJpeg(size: number): Buffer {
  const segment = (marker: number, body: number[]): number[] => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const blocks = (size / 8) ** 2 * 4;
  const bits = '00'.repeat(blocks).padEnd(Math.ceil(blocks / 4) * 8, '1');
  const scan = Array.from({ length: bits.length / 8 }, (_, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2));
  const table = [1, ...new Array<number>(15).fill(0)];
  const components = [1, 2, 3, 4].flatMap((id) => [id, 0x11, 0]);
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, 0, size, 0, size, 4, ...components]),
    ...segment(0xc4, [0x00, ...table, 0]),
    ...segment(0xc4, [0x10, ...table, 0]),
    ...segment(0xda, [4, 1, 0, 2, 0, 3, 0, 4, 0, 0, 63, 0]),
    ...scan,
    0xff, 0xd9,
  ]);
}

test('a CMYK JPEG logo is refused for PDF/A in one line; drawn anyway it would break 6.2.4.3', { skip }, async () => {
  const model = { ...fullReportModel(), logos: { firm: { data: cmykJpeg(16), format: 'jpeg' as const } } };
  await assert.rejects(renderPdf(model, { fontsDir, pdfa: true }), (err: Error) => {
    assert.equal(err.message, 'The logo of the firm is a CMYK JPEG, which a PDF/A-2b report (sRGB) cannot carry: save it as an RGB PNG or JPEG, or export without PDF/A.');
    return true;
  });
  const plain = auditPdfA2b(await renderPdf(model, { fontsDir }));
  assert.ok(plain.facts.deviceSpaces.includes('DeviceCMYK'), 'pdfkit embeds it as DeviceCMYK, which an sRGB output intent does not cover');
});
