/**
 * Right-to-left text in the report follows the Unicode Bidirectional Algorithm (UAX #9): a
 * Hebrew or Arabic resource name with numbers, brackets and Latin words reads as it would in a
 * browser. The cases below are worked out from the rules (the comment on each says which decide
 * it); Chromium, whose bidi is ICU's, is a second reference on generated strings; fontkit shows
 * that Arabic is still shaped; a rendered report shows the order on the page.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { bidiClass, displayOrder, lineLevels, mirror, resolve, resolveText, visualOrder, type BaseDirection, type BidiClass } from '../../main/core/report/bidi.ts';
import { renderPdf } from '../../main/core/report/pdf.ts';
import { cleanLine } from '../../main/core/report/sanitize.ts';
import { flowLines, type FlowMetrics, type Line } from '../../main/core/report/textflow.ts';
import { CHROMIUM_ARGS, findChromium } from '../support/e2e-harness.ts';
import { finding, runTool, sampleChecks, sampleReportModel } from '../support/report-fixtures.ts';
import { seededRandom } from '../support/random.ts';
import { REPO_ROOT } from '../support/temp.ts';

const fontsDir = join(REPO_ROOT, 'assets', 'fonts');
// pdfkit's shaper; it ships no types.
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): { layout(text: string): { advanceWidth: number; glyphs: { name: string }[] } } };
// The page's globals used by pageOrders, which runs in Chromium: the Node project has no DOM library.
interface DomNode {
  dir: string;
  style: { whiteSpace: string };
  textContent: string;
  firstChild: DomNode;
  appendChild(node: DomNode): void;
  remove(): void;
}
declare const document: {
  body: DomNode;
  createElement(tag: string): DomNode;
  createRange(): { setStart(node: DomNode, at: number): void; setEnd(node: DomNode, at: number): void; getBoundingClientRect(): { left: number; width: number } };
};
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** A Hebrew or Arabic word as it appears on the page: its letters right to left. */
const r = (word: string): string => Array.from(word).reverse().join('');

// [logical text, base direction, what a reader sees left to right]
const CASES: [string, BaseDirection, string, string][] = [
  // Pure right-to-left text: the first strong letter makes the paragraph right to left (P2-P3).
  ['שלום', 'auto', r('שלום'), 'one Hebrew word'],
  ['שלום עולם', 'auto', `${r('עולם')} ${r('שלום')}`, 'the second word goes to the left of the first'],
  ['שלום עולם', 'ltr', `${r('עולם')} ${r('שלום')}`, 'in left-to-right context the space between two R is R (N1): one run'],
  ['abc def', 'rtl', 'abc def', 'Latin in a right-to-left paragraph: one level-2 run, unreversed (I2)'],
  // Numbers keep their left-to-right order (W rules, I1-I2).
  ['שרת 12', 'auto', `12 ${r('שרת')}`, 'EN after R stays EN at level 2'],
  ['12 שרת', 'auto', `${r('שרת')} 12`, 'base from the first strong letter, not the first character'],
  ['שרת 12 ב-eu-west-1', 'auto', `eu-west-1-ב 12 ${r('שרת')}`, 'W7 makes the 1 of eu-west-1 L; the hyphen between R and L takes the embedding direction R (N2)'],
  ['שרת 12 ב-eu-west-1', 'ltr', `ב 12 ${r('שרת')}-eu-west-1`, 'same text in an LTR paragraph: the hyphen between R and L is L (N2)'],
  ['גרסה 1.2.3', 'auto', `1.2.3 ${r('גרסה')}`, 'a CS between two EN joins them (W4)'],
  ['מחיר: 100%', 'auto', `100% :${r('מחיר')}`, '% next to a number is part of it (W5); ": " between R and a number is R (N1)'],
  ['#1 שרת', 'auto', `${r('שרת')} #1`, 'ET before EN (W5)'],
  ['€20 לחודש', 'auto', `${r('לחודש')} €20`, 'a currency sign is ET (W5)'],
  ['הנחה -5', 'auto', `5- ${r('הנחה')}`, 'a lone ES before a number is not part of it (W4 needs a number on both sides; W6 makes it ON)'],
  ['1+2 שרת', 'auto', `${r('שרת')} 1+2`, 'an ES between two EN is EN (W4)'],
  // Arabic: Arabic-Indic digits are AN; European digits after Arabic letters become AN (W2).
  ['مرحبا ١٢٣ عالم', 'auto', `${r('عالم')} ١٢٣ ${r('مرحبا')}`, 'AN at level 2 keeps its order'],
  ['مرحبا 123 عالم', 'auto', `${r('عالم')} 123 ${r('مرحبا')}`, 'EN after AL is AN (W2)'],
  ['رقم 1,234', 'auto', `1,234 ${r('رقم')}`, 'a CS between two AN joins them (W4)'],
  ['من 1-2', 'auto', `2-1 ${r('من')}`, 'after W2 the hyphen is between two AN: not joined (only CS joins AN), so the two numbers swap'],
  ['سعر ١٢٫٥', 'auto', `١٢٫٥ ${r('سعر')}`, 'the Arabic decimal separator is AN'],
  ['قيمة ۱۲ و 34', 'auto', `34 ${r('و')} ۱۲ ${r('قيمة')}`, 'Extended Arabic-Indic digits are EN, then AN after AL (W2)'],
  // Right-to-left names inside left-to-right sentences.
  ['Server שרת 12 is open', 'auto', `Server 12 ${r('שרת')} is open`, 'the number after a Hebrew name belongs to it: EN with R before it (N1)'],
  ['Bucket שלום עולם is public', 'auto', `Bucket ${r('עולם')} ${r('שלום')} is public`, 'a two-word name reverses as a unit'],
  ['Tag שם: ערך', 'auto', `Tag ${r('ערך')} :${r('שם')}`, '": " between two R is R (N1)'],
  ['see "שלום" now', 'auto', `see "${r('שלום')}" now`, 'quotes between L and R take the embedding direction (N2)'],
  ['name מסד-נתונים-1 ok', 'auto', `name 1-${r('נתונים')}-${r('מסד')} ok`, 'hyphens between R are R; the trailing number is EN at level 2'],
  // Brackets: pairs resolved together (N0) and mirrored at odd levels (L4).
  ['(שלום)', 'auto', `(${r('שלום')})`, 'brackets at level 1 are mirrored, so they still open and close'],
  ['שלום (abc)', 'auto', `(abc) ${r('שלום')}`, 'N0: the pair holds L only, but the R before it keeps the pair R'],
  ['abc (שלום) def', 'auto', `abc (${r('שלום')}) def`, 'N0: pair holds R only, L before it: the pair takes the embedding direction L'],
  ['abc (שלום)', 'rtl', `(${r('שלום')}) abc`, 'N0: the pair holds the embedding direction R'],
  ['ש abc (def)', 'rtl', 'abc (def) ש', 'N0 (c): pair holds L only and L precedes it: the pair is L, no mirroring'],
  ['שלום (abc', 'auto', `abc) ${r('שלום')}`, 'an unpaired bracket is a neutral, still mirrored at level 1'],
  ['שם [x] <y>', 'auto', `<y> [x] ${r('שם')}`, 'square brackets pair (N0); < > do not, but they are mirrored (L4)'],
  ['«שלום»', 'auto', `«${r('שלום')}»`, 'guillemets are mirrored'],
  ['ab(cd[&ef]!)gh', 'rtl', 'ab(cd[&ef]!)gh', 'nested brackets inside Latin in an RTL paragraph: each pair preceded by L and holding L is L (N0)'],
  // Whitespace at the end of a line goes back to the paragraph level (L1).
  ['abc ', 'rtl', ' abc', 'the trailing space takes the paragraph level: the left end of a right-to-left line'],
  ['שלום ', 'ltr', `${r('שלום')} `, 'in LTR the trailing space stays at the right end'],
  ['שלום\tעולם', 'ltr', `${r('שלום')}\t${r('עולם')}`, 'a tab (S) is reset to the paragraph level, splitting the run (L1)'],
  // Explicit controls (a "Trojan Source" name) are neutralised: X9 removes them, nothing is reordered.
  // (The controls themselves are left out of the expected text: they have no glyph.)
  ['abc\u202Edef ghi', 'auto', 'abcdef ghi', 'RLO does not reverse what follows'],
  ['abc \u202Bשלום\u202C def', 'auto', `abc ${r('שלום')} def`, 'RLE/PDF change no level: the Hebrew word is reversed, as without them'],
  ['\u2067abc\u2069 שלום', 'auto', `abc ${r('שלום')}`, 'RLI/PDI isolate nothing: the first strong letter (a) sets LTR'],
  ['שלום \u202Dabc def\u202C עולם', 'auto', `${r('עולם')} abc def ${r('שלום')}`, 'LRO: the Latin words are L on their own merit, no override'],
];

test('visual order follows UAX #9 for Hebrew, Arabic, numbers, brackets and controls', () => {
  for (const [text, base, expected, why] of CASES) assert.equal(displayOrder(text, base).replace(BIDI_CONTROLS, ''), expected, `${JSON.stringify(text)} (${base}): ${why}`);
  assert.equal(CASES.length, 41);
});

// BidiTest.txt style: classes only, no characters (so no N0), levels per class.
const TYPE_CASES: [string, BaseDirection, string][] = [
  ['L EN', 'ltr', '0 0'],
  ['R EN', 'auto', '1 2'],
  ['AL EN', 'auto', '1 2'],
  ['EN ES EN', 'ltr', '0 0 0'],
  ['AN CS AN', 'ltr', '2 2 2'],
  ['AN ES AN', 'ltr', '2 1 2'],
  ['ET ET EN', 'rtl', '2 2 2'],
  ['EN ET ET', 'rtl', '2 2 2'],
  ['R ON L', 'ltr', '1 0 0'],
  ['R ON L', 'rtl', '1 1 2'],
  ['R WS EN WS L', 'ltr', '1 1 2 0 0'],
  ['NSM', 'rtl', '1'],
  ['AL NSM EN', 'auto', '1 1 2'],
  ['L NSM R NSM', 'ltr', '0 0 1 1'],
  ['EN CS AN', 'ltr', '0 0 2'],
  ['R BN EN', 'auto', '1 1 2'],
  ['R RLO L PDF R', 'ltr', '1 1 0 0 1'],
  ['L B R', 'auto', '0 0 1'],
];

test('levels of class sequences (W1-W7, N1-N2, I1-I2, X9 removal, one paragraph per B)', () => {
  for (const [classes, base, expected] of TYPE_CASES) {
    const bidi = resolve({ classes: classes.split(' ') as BidiClass[] }, base);
    assert.equal(bidi.levels.join(' '), expected, `${classes} (${base})`);
  }
  const bidi = resolve({ classes: ['L', 'WS', 'R', 'WS'] }, 'ltr');
  assert.deepEqual(lineLevels(bidi, 0, 4), [0, 0, 1, 0], 'L1: trailing whitespace at the paragraph level');
  assert.deepEqual(visualOrder([0, 0, 1, 1, 2, 2, 1, 0]), [0, 1, 6, 4, 5, 3, 2, 7], 'L2: reverse from the highest level down');
});

test('the UAX #9 worked example (BidiCharacterTest.txt, first lines)', () => {
  const cps = [0x05d0, 0x05d1, 0x28, 0x05d2, 0x05d3, 0x5b, 0x26, 0x65, 0x66, 0x5d, 0x2e, 0x29, 0x67, 0x68];
  const ltr = resolve({ codePoints: cps }, 'ltr');
  assert.equal(ltr.levels.join(' '), '1 1 0 1 1 0 0 0 0 0 0 0 0 0');
  assert.equal(visualOrder(ltr.levels).join(' '), '1 0 2 4 3 5 6 7 8 9 10 11 12 13');
  for (const base of ['rtl', 'auto'] as const) {
    const rtl = resolve({ codePoints: cps }, base);
    assert.equal(rtl.levels.join(' '), '1 1 1 1 1 1 1 2 2 1 1 1 2 2', base);
    assert.equal(visualOrder(rtl.levels).join(' '), '12 13 11 10 9 7 8 6 5 4 3 2 1 0', base);
  }
});

test('bidi classes of the characters resource names are made of', () => {
  const expected: [string, BidiClass][] = [
    ['a', 'L'], ['Ж', 'L'], ['生', 'L'], ['क', 'L'], ['א', 'R'], ['ב', 'R'], ['ا', 'AL'], ['ܐ', 'AL'], ['ހ', 'AL'], ['ߊ', 'R'],
    ['1', 'EN'], ['۱', 'EN'], ['²', 'EN'], ['١', 'AN'], ['٫', 'AN'], ['+', 'ES'], ['-', 'ES'], ['−', 'ES'], ['%', 'ET'], ['$', 'ET'],
    ['€', 'ET'], ['°', 'ET'], ['٪', 'ET'], [',', 'CS'], ['.', 'CS'], [':', 'CS'], ['/', 'CS'], ['\u00A0', 'CS'], ['،', 'CS'],
    ['\u05B8', 'NSM'], ['\u064E', 'NSM'], ['\u0301', 'NSM'], ['\u200D', 'BN'], ['\uFEFF', 'BN'], ['\n', 'B'], ['\t', 'S'],
    [' ', 'WS'], ['\u3000', 'WS'], ['(', 'ON'], ['!', 'ON'], ['🔥', 'ON'], ['\u202E', 'RLO'], ['\u2068', 'FSI'], ['\u200F', 'R'],
  ];
  for (const [ch, cls] of expected) assert.equal(bidiClass(ch.codePointAt(0)!), cls, `U+${ch.codePointAt(0)!.toString(16).toUpperCase()}`);
  assert.equal(mirror('('), ')');
  assert.equal(mirror('»'), '«');
  assert.equal(mirror('≤'), '≥');
  assert.equal(mirror('a'), 'a');
  assert.deepEqual(resolveText('שָׁלוֹם').levels, [1, 1, 1, 1, 1, 1, 1], 'niqqud marks take their letter\u2019s level (W1)');
});

// Line layout with a fake font: every character is 1 unit wide.
const metrics: FlowMetrics = { width: (_f, text) => Array.from(text).length, font: () => ({ font: { hasGlyphForCodePoint: () => true }, ascender: 800, descender: -200, lineHeight: () => 10 }) };
const words = (line: Line): string[] => line.segments.filter((s) => !s.space).map((s) => s.text);

test('a long mixed string is broken on logical text, then each line is ordered on its own', () => {
  // RTL paragraph: reordering the whole text first would have put גמא on the first line.
  const rtl = flowLines([{ file: 'a', text: 'שלום עולם abc def גמא' }], 'a', 10, metrics);
  assert.deepEqual(rtl.map(words), [['עולם', 'שלום'], ['abc', 'def'], ['גמא']]);
  // LTR paragraph with a Hebrew name and number spanning a break.
  const ltr = flowLines([{ file: 'a', text: 'Server שרת 12 ב-eu-west-1 is open now' }], 'a', 14, metrics);
  assert.deepEqual(ltr.map(words), [['Server', '12', 'שרת'], ['ב', '-', 'eu', '-', 'west', '-', '1', 'is'], ['open', 'now']]);
  // Arabic letters go to fontkit in logical order (it shapes and reverses them); brackets at level 1 arrive mirrored and reversed.
  const [arabic] = flowLines([{ file: 'a', text: 'قاعدة (١٢) بيانات' }], 'a', 100, metrics);
  assert.deepEqual(words(arabic!), ['بيانات', '(', '٢١', ')', 'قاعدة']);
  // A cut line keeps its ellipsis at its logical end: the left of a right-to-left line.
  const [cut] = flowLines([{ file: 'a', text: 'שלום עולם גמא דלת' }], 'a', 10, metrics, { maxLines: 1 });
  assert.deepEqual(words(cut!), ['…', 'עולם', 'שלום']);
  // A Trojan Source override is not drawn and reorders nothing.
  const [trojan] = flowLines([{ file: 'a', text: 'access\u202E denied' }], 'a', 100, metrics);
  assert.deepEqual(words(trojan!), ['access', 'denied']);
  assert.equal(cleanLine('abc\u202Edef\u2067ghi'), 'abcdefghi', 'the report strips bidi controls from client text');
});

test('Arabic is still shaped: fontkit joins letters given in logical order and reverses them itself', () => {
  const file = join(fontsDir, 'DejaVuSans.ttf');
  const font = fontkit.openSync(file);
  const fk: FlowMetrics = { ...metrics, width: (_f, text) => font.layout(text).advanceWidth };
  const [line] = flowLines([{ file, text: 'مرحبا ١٢٣' }], file, 1e6, fk);
  const glyphs = line!.segments.filter((s) => !s.space).map((s) => font.layout(s.text).glyphs.map((g) => g.name));
  // Left to right: the digits in reading order, then the word, its initial form (meem) rightmost.
  assert.deepEqual(glyphs[0], ['uni0661', 'uni0662', 'uni0663'], 'Arabic-Indic digits read 1 2 3');
  assert.deepEqual(glyphs[1], ['uniFE8E', 'uniFE92', 'uniFEA3', 'uniFEAE', 'uniFEE3'], 'final alef … initial meem: joined forms');
  // The reason for logical order: a pre-reversed word comes out unjoined.
  assert.ok(font.layout(r('مرحبا')).glyphs.some((g) => g.name === 'uni0645'), 'reversed input gives an isolated meem');
});

test('agrees with Chromium (ICU bidi) on generated mixed strings', async (t) => {
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch {
    t.skip('no Chromium');
    return;
  }
  if (!existsSync(executablePath)) return t.skip('no Chromium');
  const alphabet = Array.from('אבגדש بتحر abcX 0123 ١٢٣ ۱۲ ()[]{}<>«» .,:/+-%$#€°!?"&*=_  ');
  const random = seededRandom(20260314);
  const strings = Array.from({ length: 400 }, () => {
    const n = 2 + Math.floor(random() * 14);
    return Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('').trim() || 'a';
  });
  const bases = ['auto', 'ltr', 'rtl'] as const;
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // Each character's box, in the browser's layout of a one-line div with the given dir.
    const theirs = await page.evaluate(pageOrders, { strings, bases: [...bases] });
    const differ: string[] = [];
    strings.forEach((s, i) =>
      bases.forEach((base, j) => {
        const mine = visualOrder(lineLevels(resolveText(s, base), 0, s.length));
        if (mine.join() !== theirs[i]?.[j]?.join()) differ.push(`${JSON.stringify(s)} (${base}): ${mine.join(' ')} vs ${theirs[i]?.[j]?.join(' ')}`);
      }),
    );
    assert.deepEqual(differ, [], `${differ.length} of ${strings.length * 3} orders differ from Chromium's`);
  } finally {
    await browser.close();
  }
});

test('a rendered report shows a Hebrew resource name with a number in reading order', async (t) => {
  const name = 'שרת 12 ב-eu-west-1';
  const meta = sampleChecks()[0]!;
  const model = sampleReportModel({ findings: [finding(meta, { status: 'FAIL', name, message: 'Encryption at rest is off.', excerpt: '{}' })] });
  const pdf = await renderPdf(model, { fontsDir });
  const boxes = runTool(t, 'pdftotext', (f) => ['-bbox', f, '-'], pdf);
  if (!boxes) return;
  type Word = { x: number; y: number; text: string };
  const found: Word[] = [...boxes.stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! }));
  // pdftotext -bbox gives each word's glyphs left to right: the Hebrew word comes out as on the page.
  const hebrew = found.filter((w) => w.text === r('שרת'));
  assert.ok(hebrew.length > 0, 'the name is on a page');
  for (const h of hebrew) {
    const line = found.filter((w) => Math.abs(w.y - h.y) < 1);
    const number = line.find((w) => w.text === '12');
    const latin = line.find((w) => w.text.startsWith('eu-west-1'));
    assert.ok(number && latin, `the whole name is on one line: ${line.map((w) => w.text).join(' ')}`);
    assert.ok(latin.x < number.x && number.x < h.x, `read right to left: "eu-west-1", then 12, then שרת rightmost (got ${line.map((w) => w.text).join(' ')})`);
  }
});

/** Runs in the browser: the logical indices of each string's characters, left to right, laid out in a one-line div with each dir. */
function pageOrders({ strings, bases }: { strings: string[]; bases: string[] }): number[][][] {
  return strings.map((s) =>
    bases.map((dir) => {
      const div = document.createElement('div');
      div.dir = dir;
      div.style.whiteSpace = 'pre';
      div.textContent = s;
      document.body.appendChild(div);
      const xs = Array.from(s, (_, i) => {
        const range = document.createRange();
        range.setStart(div.firstChild, i);
        range.setEnd(div.firstChild, i + 1);
        const box = range.getBoundingClientRect();
        return box.left + box.width / 2;
      });
      div.remove();
      return xs.map((_, i) => i).sort((a, b) => (xs[a] as number) - (xs[b] as number));
    }),
  );
}

test("a check's message that opens with a Hebrew name stays an English sentence, read left to right", async (t) => {
  const meta = sampleChecks()[0]!;
  const message = 'שרת is not encrypted at rest.';
  const model = sampleReportModel({ findings: [finding(meta, { status: 'FAIL', name: 'vol-0abc', message, excerpt: '{}' })] });
  const pdf = await renderPdf(model, { fontsDir });
  const boxes = runTool(t, 'pdftotext', (f) => ['-bbox', f, '-'], pdf);
  if (!boxes) return;
  const found = [...boxes.stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! }));
  const lines = found
    .filter((w) => w.text === 'encrypted')
    .map((e) => found.filter((w) => Math.abs(w.y - e.y) < 1))
    .filter((line) => line.some((w) => w.text === 'not'));
  assert.ok(lines.length > 0, 'the message is on a page');
  for (const line of lines) {
    const at = (text: string) => line.find((w) => w.text === text)?.x ?? NaN;
    const order = [at(r('שרת')), at('is'), at('not'), at('encrypted')];
    assert.ok(order.every((x, i) => i === 0 || x > (order[i - 1] as number)), `the name, then "is not encrypted", left to right (got ${line.map((w) => w.text).join(' ')})`);
  }
});
