/**
 * Resource names in any script: hostile names (right-to-left overrides, emoji, CJK, very long,
 * control characters) render without breaking the file or the layout, and scripts DejaVu lacks
 * are drawn with real glyphs from the fallback fonts, so a reader sees and can copy them.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { flowLines, visualOrder, type FlowMetrics, type Segment } from '../../main/core/report/textflow.ts';
import { FALLBACK_FILES } from '../../main/core/report/fonts.ts';
import { renderPdf } from '../../main/core/report/pdf.ts';
import { PAGE } from '../../main/core/report/theme.ts';
import { HOSTILE, finding, flat, pages, pdfText, runTool, sampleChecks, sampleReportModel } from '../support/report-fixtures.ts';
import { REPO_ROOT } from '../support/temp.ts';

const fontsDir = join(REPO_ROOT, 'assets', 'fonts');

/** Names a client's account may hold, one per script the fallback fonts cover. */
const SCRIPTS = {
  cjk: '生产数据库',
  japanese: 'カタカナのバケット',
  korean: '한국어버킷',
  hebrew: 'שלום',
  arabic: 'قاعدة',
  persian: 'پایگاه',
  thai: 'ฐานข้อมูล',
  hindi: 'डेटाबेस',
  emoji: '🔥🚀',
  symbols: '✓★⚠',
} as const;
/** No font has Egyptian hieroglyphs: drawn as U+FFFD, kept in ActualText. */
const NO_FONT = '𓀀𓁐';

// pdftotext wraps right-to-left words in bidi embedding marks.
const plain = (s: string): string => s.replace(/[\u202A-\u202E\u200E\u200F]/g, '');

async function hostileReport(plainNames = false) {
  const meta = sampleChecks()[0]!;
  const hostileNames = [...Object.values(HOSTILE), ...Object.values(SCRIPTS), `mixed-${SCRIPTS.cjk}-${SCRIPTS.emoji}-${SCRIPTS.arabic}`, `glyphless-${NO_FONT}`];
  const names = plainNames ? hostileNames.map((_, i) => `plain-name-${i}`) : hostileNames;
  const findings = [
    ...names.map((name, i) => finding(meta, { status: 'FAIL', name, message: `${name} ${name}`, excerpt: JSON.stringify({ Name: name }) }, i)),
    ...(plainNames ? [] : [{ ...finding(meta, { status: 'FAIL', name: HOSTILE.long }, 99), resourceId: HOSTILE.long, resourceArn: HOSTILE.long, region: HOSTILE.long }]),
  ];
  const model = sampleReportModel({ findings, clientName: plainNames ? 'Plain client' : `${HOSTILE.script}${HOSTILE.controls}${SCRIPTS.cjk}` });
  model.scan.profile = names.join(' ');
  return renderPdf(model, { fontsDir });
}
const hostile = hostileReport();

test('hostile names leave a valid file, a bounded page count and text inside the margins', async (t) => {
  const pdf = await hostile;
  const check = runTool(t, 'qpdf', (f) => ['--check', f], pdf);
  if (check) assert.equal(check.status, 0, check.stdout + check.stderr);
  const raw = pdfText(t, pdf);
  if (raw === null) return;
  assert.ok(raw.includes(HOSTILE.script), 'markup is shown literally');
  assert.ok(flat(raw).includes('more characters]'), 'the 5,000-character name is cut, and says so');
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(raw.replace(/[\n\f]/g, ''), /[\u0000-\u0008\u000B-\u001F\u202E\u2066-\u2069]/, 'no control or bidi override characters survive');
  const baseline = pdfText(t, await hostileReport(true));
  const extra = pages(raw).length - pages(baseline ?? '').length;
  assert.ok(extra <= 3, `long names must not blow up the page count (${extra} pages more than with plain names)`);

  const boxes = runTool(t, 'pdftotext', (f) => ['-bbox', f, '-'], pdf);
  if (!boxes) return;
  const words = [...boxes.stdout.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));
  assert.ok(words.length > 100);
  for (const [xMin, yMin, xMax, yMax] of words as number[][]) {
    assert.ok(xMin! >= PAGE.marginX - 1 && xMax! <= PAGE.width - PAGE.marginX + 1, `text outside the margins: x ${xMin}..${xMax}`);
    assert.ok(yMin! >= 0 && yMax! <= PAGE.height, `text off the page: y ${yMin}..${yMax}`);
  }
});

test('CJK, Hangul, Hebrew, Arabic, Thai, Devanagari and emoji are drawn with real glyphs and come back out as text', async (t) => {
  const pdf = await hostile;
  const fonts = runTool(t, 'pdffonts', (f) => [f], pdf);
  if (!fonts) return;
  for (const font of ['DroidSansFallback', 'NanumGothicCoding', 'NotoSansHebrew-Regular', 'NotoSansThai-Regular', 'NotoSansDevanagari-Regular', 'Symbola']) {
    assert.match(fonts.stdout, new RegExp(`\\+${font}\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes`), `${font} embedded as a subset with a ToUnicode map`);
  }
  const raw = pdfText(t, pdf);
  if (raw === null) return;
  const text = plain(raw);
  for (const [script, name] of Object.entries(SCRIPTS)) assert.ok(text.includes(name), `${script} name "${name}" is extractable`);
  // Glyphs from a font, not U+FFFD boxes with ActualText: the replacement character only stands for what no font has.
  const boxes = runTool(t, 'pdftotext', (f) => ['-raw', f, '-'], pdf);
  assert.ok(boxes && !plain(boxes.stdout).replace(NO_FONT, '').includes('\uFFFD'), 'no replacement glyph outside the glyphless name');
  assert.ok(text.includes(NO_FONT), 'a character no font has is still searchable (ActualText)');
});

test('every fallback font file ships with the app', async () => {
  const { existsSync } = await import('node:fs');
  for (const file of FALLBACK_FILES) assert.ok(existsSync(join(fontsDir, file)), `${file} is in assets/fonts`);
});

// Line layout with a fake font: every character is 1 unit wide.
const metrics: FlowMetrics = { width: (_f, text) => Array.from(text).length, font: () => ({ font: { hasGlyphForCodePoint: () => true }, ascender: 800, descender: -200, lineHeight: () => 10 }) };
const text = (segments: Segment[]): string => segments.map((s) => s.text).join('');

test('lines break at spaces, around ideographs and inside over-long words', () => {
  const lines = flowLines([{ file: 'a', text: 'alpha beta gamma' }], 'a', 11, metrics);
  assert.deepEqual(lines.map((l) => text(l.segments)), ['alpha beta', 'gamma']);
  const cjk = flowLines([{ file: 'a', text: 'db-' }, { file: 'cjk', text: '生产数据库' }], 'a', 5, metrics);
  assert.deepEqual(cjk.map((l) => text(l.segments)), ['db-生产', '数据库'], 'ideographs break anywhere');
  const long = flowLines([{ file: 'a', text: 'x'.repeat(25) }], 'a', 10, metrics);
  assert.deepEqual(long.map((l) => l.width), [10, 10, 5]);
  const hard = flowLines([{ file: 'a', text: 'one\ntwo' }], 'a', 50, metrics);
  assert.deepEqual(hard.map((l) => text(l.segments)), ['one', 'two']);
  assert.ok(cjk[0]!.segments.some((s) => s.file === 'cjk') && cjk[0]!.segments.some((s) => s.file === 'a'), 'each run keeps its font');
});

test('a stretch of right-to-left words is drawn right to left; spaces are advances, not glyphs', () => {
  const [line] = flowLines([{ file: 'a', text: 'see שלום עולם now' }], 'a', 100, metrics);
  const order = line!.segments.filter((s) => !s.space).map((s) => s.text);
  assert.deepEqual(order, ['see', 'עולם', 'שלום', 'now'], 'the second Hebrew word sits to the left of the first');
  assert.ok(line!.segments.filter((s) => s.space).every((s) => s.text === ' '));
  const [mixed] = flowLines([{ file: 'a', text: '"مرحبا"' }], 'a', 100, metrics);
  assert.deepEqual(mixed!.segments.map((s) => s.text), ['"', 'مرحبا', '"'], 'quotes stay outside the right-to-left word');
  assert.deepEqual(visualOrder({ segments: [], width: 0 }).segments, []);
});
