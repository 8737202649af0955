/**
 * The Unicode Bidirectional Algorithm (UAX #9) for the report's text: pure functions, no pdfkit.
 *
 * Each string given here is one field (a table cell, a line of a finding, a title): its
 * paragraphs (split at newlines) take their base direction from their first strong letter (P2-P3,
 * like HTML's dir="auto") unless the caller fixes it. Implemented: W1-W7, N0 (bracket pairs),
 * N1-N2, I1-I2, then per line L1 (trailing whitespace), L2 (reordering) and L4 (mirrored glyphs).
 *
 * Not implemented, on purpose: explicit embeddings, overrides and isolates (X1-X8). The report
 * strips those characters from the client's text (sanitize.ts); any that reach this module are
 * treated as removed by X9, so a hostile name can never reorder the text around it. Without
 * them every paragraph is one isolating run sequence at its base level. L3 (combining marks) is
 * left to the font shaper, which receives right-to-left letters in logical order.
 *
 * JavaScript regexps have no Bidi_Class property: the class is derived from General_Category and
 * Script, with a table of the code points where that gives the wrong answer. Checked against
 * Chromium's (ICU) classes for the BMP's letters, digits, punctuation and symbols; a few historic
 * scripts' numbers and symbols outside it may be off.
 */

export type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'ES' | 'ET' | 'AN' | 'CS' | 'NSM' | 'BN' | 'B' | 'S' | 'WS' | 'ON' | 'LRE' | 'LRO' | 'RLE' | 'RLO' | 'PDF' | 'LRI' | 'RLI' | 'FSI' | 'PDI';

/** 'auto': from the first strong letter of each paragraph, left to right when there is none. */
export type BaseDirection = 'auto' | 'ltr' | 'rtl';

type Range = readonly [first: number, last: number, cls: BidiClass];

// Sorted, non-overlapping: ASCII in full, then every code point whose class category and script get wrong.
const EXCEPTIONS: readonly Range[] = [
  [0x0, 0x8, 'BN'], [0x9, 0x9, 'S'], [0xa, 0xa, 'B'], [0xb, 0xb, 'S'], [0xc, 0xc, 'WS'], [0xd, 0xd, 'B'], [0xe, 0x1b, 'BN'],
  [0x1c, 0x1e, 'B'], [0x1f, 0x1f, 'S'], [0x20, 0x20, 'WS'], [0x21, 0x22, 'ON'], [0x23, 0x25, 'ET'], [0x26, 0x2a, 'ON'], [0x2b, 0x2b, 'ES'],
  [0x2c, 0x2c, 'CS'], [0x2d, 0x2d, 'ES'], [0x2e, 0x2f, 'CS'], [0x30, 0x39, 'EN'], [0x3a, 0x3a, 'CS'], [0x3b, 0x40, 'ON'],
  [0x41, 0x5a, 'L'], [0x5b, 0x60, 'ON'], [0x61, 0x7a, 'L'], [0x7b, 0x7e, 'ON'], [0x7f, 0x84, 'BN'], [0x85, 0x85, 'B'], [0x86, 0x9f, 'BN'],
  [0xa0, 0xa0, 'CS'], [0xb0, 0xb1, 'ET'], [0xb2, 0xb3, 'EN'], [0xb9, 0xb9, 'EN'], [0x2b9, 0x2ba, 'ON'], [0x2c2, 0x2cf, 'ON'],
  [0x2d2, 0x2df, 'ON'], [0x2e5, 0x2ed, 'ON'], [0x2ef, 0x2ff, 'ON'], [0x374, 0x375, 'ON'], [0x384, 0x385, 'ON'], [0x3f6, 0x3f6, 'ON'],
  [0x589, 0x589, 'L'], [0x58a, 0x58a, 'ON'], [0x58d, 0x58e, 'ON'], [0x600, 0x605, 'AN'], [0x606, 0x607, 'ON'], [0x609, 0x60a, 'ET'],
  [0x60c, 0x60c, 'CS'], [0x60e, 0x60f, 'ON'], [0x61c, 0x61c, 'AL'], [0x660, 0x669, 'AN'], [0x66a, 0x66a, 'ET'], [0x66b, 0x66c, 'AN'],
  [0x6dd, 0x6dd, 'AN'], [0x6de, 0x6de, 'ON'], [0x6e9, 0x6e9, 'ON'], [0x6f0, 0x6f9, 'EN'], [0x70f, 0x70f, 'AL'], [0x7f6, 0x7f9, 'ON'],
  [0x890, 0x891, 'AN'], [0x8e2, 0x8e2, 'AN'], [0x964, 0x965, 'L'], [0xbf3, 0xbf8, 'ON'], [0xbfa, 0xbfa, 'ON'], [0xc78, 0xc7e, 'ON'],
  [0xf3a, 0xf3d, 'ON'], [0xfd5, 0xfd8, 'L'], [0x10fb, 0x10fb, 'L'], [0x1390, 0x1399, 'ON'], [0x1400, 0x1400, 'ON'], [0x169b, 0x169c, 'ON'],
  [0x16eb, 0x16ed, 'L'], [0x1735, 0x1736, 'L'], [0x17f0, 0x17f9, 'ON'], [0x1800, 0x180a, 'ON'], [0x1940, 0x1940, 'ON'],
  [0x1944, 0x1945, 'ON'], [0x19de, 0x19ff, 'ON'], [0x1cd3, 0x1cd3, 'L'], [0x1fbd, 0x1fbd, 'ON'], [0x1fbf, 0x1fc1, 'ON'],
  [0x1fcd, 0x1fcf, 'ON'], [0x1fdd, 0x1fdf, 'ON'], [0x1fed, 0x1fef, 'ON'], [0x1ffd, 0x1ffe, 'ON'], [0x200e, 0x200e, 'L'],
  [0x200f, 0x200f, 'R'], [0x202a, 0x202a, 'LRE'], [0x202b, 0x202b, 'RLE'], [0x202c, 0x202c, 'PDF'], [0x202d, 0x202d, 'LRO'],
  [0x202e, 0x202e, 'RLO'], [0x202f, 0x202f, 'CS'], [0x2030, 0x2034, 'ET'], [0x2044, 0x2044, 'CS'], [0x2066, 0x2066, 'LRI'],
  [0x2067, 0x2067, 'RLI'], [0x2068, 0x2068, 'FSI'], [0x2069, 0x2069, 'PDI'], [0x2070, 0x2070, 'EN'], [0x2074, 0x2079, 'EN'],
  [0x207a, 0x207b, 'ES'], [0x2080, 0x2089, 'EN'], [0x208a, 0x208b, 'ES'], [0x212e, 0x212e, 'ET'], [0x214f, 0x214f, 'L'],
  [0x2212, 0x2212, 'ES'], [0x2213, 0x2213, 'ET'], [0x2336, 0x237a, 'L'], [0x2395, 0x2395, 'L'], [0x2488, 0x249b, 'EN'],
  [0x249c, 0x24e9, 'L'], [0x26ac, 0x26ac, 'L'], [0x2ce5, 0x2cea, 'ON'], [0x2cf9, 0x2cff, 'ON'], [0x2e2f, 0x2e2f, 'ON'],
  [0x2e80, 0x2fdf, 'ON'], [0x3190, 0x319f, 'L'], [0x3200, 0x321c, 'L'], [0x321d, 0x321e, 'ON'], [0x3220, 0x324f, 'L'],
  [0x3260, 0x327b, 'L'], [0x327c, 0x327e, 'ON'], [0x327f, 0x32b0, 'L'], [0x32c0, 0x32cb, 'L'], [0x32d0, 0x3376, 'L'],
  [0x337b, 0x33dd, 'L'], [0x33e0, 0x33fe, 'L'], [0xa490, 0xa4c6, 'ON'], [0xa60d, 0xa60f, 'ON'], [0xa673, 0xa673, 'ON'],
  [0xa67e, 0xa67f, 'ON'], [0xa700, 0xa721, 'ON'], [0xa788, 0xa788, 'ON'], [0xa789, 0xa78a, 'L'], [0xa828, 0xa82b, 'ON'],
  [0xa830, 0xa837, 'L'], [0xa838, 0xa839, 'ET'], [0xa874, 0xa877, 'ON'], [0xa92e, 0xa92e, 'L'], [0xab5b, 0xab5b, 'L'],
  [0xfb29, 0xfb29, 'ES'], [0xfbc3, 0xfbd2, 'ON'], [0xfd3e, 0xfd4f, 'ON'], [0xfd90, 0xfd91, 'ON'], [0xfdc8, 0xfdce, 'ON'],
  [0xfdcf, 0xfdcf, 'ON'], [0xfdd0, 0xfdef, 'BN'], [0xfdfd, 0xfdff, 'ON'], [0xfe50, 0xfe50, 'CS'], [0xfe52, 0xfe52, 'CS'],
  [0xfe55, 0xfe55, 'CS'], [0xfe5f, 0xfe5f, 'ET'], [0xfe62, 0xfe63, 'ES'], [0xfe69, 0xfe6a, 'ET'], [0xff03, 0xff05, 'ET'],
  [0xff0b, 0xff0b, 'ES'], [0xff0c, 0xff0c, 'CS'], [0xff0d, 0xff0d, 'ES'], [0xff0e, 0xff0f, 'CS'], [0xff10, 0xff19, 'EN'],
  [0xff1a, 0xff1a, 'CS'], [0xfff9, 0xfffb, 'ON'], [0x10100, 0x10100, 'L'], [0x10101, 0x10101, 'ON'], [0x10102, 0x10102, 'L'],
  [0x10107, 0x10133, 'L'], [0x10137, 0x1013f, 'L'], [0x10140, 0x1018c, 'ON'], [0x10190, 0x1019c, 'ON'], [0x101a0, 0x101a0, 'ON'], [0x101d0, 0x101fc, 'L'],
  [0x102e1, 0x102fb, 'EN'], [0x1091f, 0x1091f, 'ON'], [0x10b39, 0x10b3f, 'ON'], [0x10d30, 0x10d39, 'AN'], [0x10e60, 0x10e7e, 'AN'],
  [0x11052, 0x11065, 'ON'], [0x11660, 0x1166c, 'ON'], [0x11fd5, 0x11fdc, 'ON'], [0x11fe1, 0x11ff1, 'ON'], [0x16fe2, 0x16fe2, 'ON'],
  [0x1ccf0, 0x1ccf9, 'EN'], [0x1cf50, 0x1cfc3, 'L'], [0x1d000, 0x1d0f5, 'L'], [0x1d100, 0x1d126, 'L'], [0x1d129, 0x1d164, 'L'],
  [0x1d16a, 0x1d16c, 'L'], [0x1d183, 0x1d184, 'L'], [0x1d18c, 0x1d1a9, 'L'], [0x1d1ae, 0x1d1e8, 'L'], [0x1d200, 0x1d241, 'ON'],
  [0x1d245, 0x1d245, 'ON'], [0x1d2c0, 0x1d2f3, 'L'], [0x1d360, 0x1d378, 'L'], [0x1d7ce, 0x1d7ff, 'EN'], [0x1eef0, 0x1eef1, 'ON'],
  [0x1f100, 0x1f10a, 'EN'], [0x1f110, 0x1f12e, 'L'], [0x1f130, 0x1f169, 'L'], [0x1f170, 0x1f1ac, 'L'], [0x1f1e6, 0x1f202, 'L'],
  [0x1f210, 0x1f23b, 'L'], [0x1f240, 0x1f248, 'L'], [0x1f250, 0x1f251, 'L'], [0x1fbf0, 0x1fbf9, 'EN'],
];

// Blocks of right-to-left scripts: their letters, most of their punctuation and their unassigned code points.
const RTL_BLOCKS: readonly Range[] = [
  [0x590, 0x5ff, 'R'], [0x600, 0x7bf, 'AL'], [0x7c0, 0x85f, 'R'], [0x860, 0x8ff, 'AL'], [0xfb1d, 0xfb4f, 'R'], [0xfb50, 0xfdcf, 'AL'],
  [0xfdf0, 0xfdff, 'AL'], [0xfe70, 0xfeff, 'AL'], [0x10800, 0x10cff, 'R'], [0x10d00, 0x10d3f, 'AL'], [0x10d40, 0x10ebf, 'R'],
  [0x10ec0, 0x10eff, 'AL'], [0x10f00, 0x10f2f, 'R'], [0x10f30, 0x10f6f, 'AL'], [0x10f70, 0x10fff, 'R'], [0x1e800, 0x1ec6f, 'R'],
  [0x1ec70, 0x1ecbf, 'AL'], [0x1ecc0, 0x1ecff, 'R'], [0x1ed00, 0x1ed4f, 'AL'], [0x1ed50, 0x1edff, 'R'], [0x1ee00, 0x1eeff, 'AL'], [0x1ef00, 0x1efff, 'R'],
];

function find(ranges: readonly Range[], cp: number): BidiClass | null {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last, cls] = ranges[mid] as Range;
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return cls;
  }
  return null;
}

const NONSPACING = /[\p{Mn}\p{Me}]/u;
const FORMAT = /\p{Cf}/u;
const SPACE = /[\p{Zs}\p{Zl}]/u;
const CURRENCY = /\p{Sc}/u;
const LETTER_LIKE = /[\p{L}\p{Mc}\p{Nd}\p{Nl}\p{Co}\p{Cs}\p{Cn}]/u;
const COMMON = /[\p{Script=Common}\p{Script=Inherited}]/u;
const cache = new Map<number, BidiClass>();

/** Bidi_Class of a code point. */
export function bidiClass(cp: number): BidiClass {
  let cls = find(EXCEPTIONS, cp) ?? cache.get(cp);
  if (cls) return cls;
  const ch = String.fromCodePoint(cp);
  if (NONSPACING.test(ch)) cls = 'NSM';
  else if (FORMAT.test(ch)) cls = 'BN';
  else if (SPACE.test(ch)) cls = 'WS';
  else if (cp === 0x2029) cls = 'B';
  else cls = find(RTL_BLOCKS, cp) ?? (CURRENCY.test(ch) ? 'ET' : LETTER_LIKE.test(ch) || !COMMON.test(ch) ? 'L' : 'ON');
  cache.set(cp, cls);
  return cls;
}

// Bidi_Paired_Bracket pairs (BidiBrackets.txt), opening first; all are mirrored too.
const BRACKETS: readonly (readonly [number, number])[] = [
  [0x28, 0x29], [0x5b, 0x5d], [0x7b, 0x7d], [0xf3a, 0xf3b], [0xf3c, 0xf3d], [0x169b, 0x169c], [0x2045, 0x2046], [0x207d, 0x207e],
  [0x208d, 0x208e], [0x2308, 0x2309], [0x230a, 0x230b], [0x2329, 0x232a], [0x2768, 0x2769], [0x276a, 0x276b], [0x276c, 0x276d],
  [0x276e, 0x276f], [0x2770, 0x2771], [0x2772, 0x2773], [0x2774, 0x2775], [0x27c5, 0x27c6], [0x27e6, 0x27e7], [0x27e8, 0x27e9],
  [0x27ea, 0x27eb], [0x27ec, 0x27ed], [0x27ee, 0x27ef], [0x2983, 0x2984], [0x2985, 0x2986], [0x2987, 0x2988], [0x2989, 0x298a],
  [0x298b, 0x298c], [0x298d, 0x2990], [0x298f, 0x298e], [0x2991, 0x2992], [0x2993, 0x2994], [0x2995, 0x2996], [0x2997, 0x2998],
  [0x29d8, 0x29d9], [0x29da, 0x29db], [0x29fc, 0x29fd], [0x2e22, 0x2e23], [0x2e24, 0x2e25], [0x2e26, 0x2e27], [0x2e28, 0x2e29],
  [0x2e55, 0x2e56], [0x2e57, 0x2e58], [0x2e59, 0x2e5a], [0x2e5b, 0x2e5c], [0x3008, 0x3009], [0x300a, 0x300b], [0x300c, 0x300d],
  [0x300e, 0x300f], [0x3010, 0x3011], [0x3014, 0x3015], [0x3016, 0x3017], [0x3018, 0x3019], [0x301a, 0x301b], [0xfe59, 0xfe5a],
  [0xfe5b, 0xfe5c], [0xfe5d, 0xfe5e], [0xff08, 0xff09], [0xff3b, 0xff3d], [0xff5b, 0xff5d], [0xff5f, 0xff60], [0xff62, 0xff63],
];

// Other Bidi_Mirroring_Glyph pairs (BidiMirroring.txt): quotes, comparison and set operators.
const MIRRORED: readonly (readonly [number, number])[] = [
  [0x3c, 0x3e], [0xab, 0xbb], [0x2039, 0x203a], [0x2208, 0x220b], [0x2209, 0x220c], [0x220a, 0x220d], [0x2215, 0x29f5], [0x223c, 0x223d],
  [0x2243, 0x22cd], [0x2252, 0x2253], [0x2254, 0x2255], [0x2264, 0x2265], [0x2266, 0x2267], [0x2268, 0x2269], [0x226a, 0x226b],
  [0x226e, 0x226f], [0x2270, 0x2271], [0x2272, 0x2273], [0x2274, 0x2275], [0x2276, 0x2277], [0x2278, 0x2279], [0x227a, 0x227b],
  [0x227c, 0x227d], [0x227e, 0x227f], [0x2280, 0x2281], [0x2282, 0x2283], [0x2284, 0x2285], [0x2286, 0x2287], [0x2288, 0x2289],
  [0x228a, 0x228b], [0x228f, 0x2290], [0x2291, 0x2292], [0x2298, 0x29b8], [0x22a2, 0x22a3], [0x22b0, 0x22b1], [0x22b2, 0x22b3],
  [0x22b4, 0x22b5], [0x22b6, 0x22b7], [0x22c9, 0x22ca], [0x22cb, 0x22cc], [0x22d0, 0x22d1], [0x22d6, 0x22d7], [0x22d8, 0x22d9],
  [0x22da, 0x22db], [0x22dc, 0x22dd], [0x22de, 0x22df], [0x22e0, 0x22e1], [0x22e2, 0x22e3], [0x22e4, 0x22e5], [0x22e6, 0x22e7],
  [0x22e8, 0x22e9], [0x22ea, 0x22eb], [0x22ec, 0x22ed], [0x22f0, 0x22f1], [0x27c3, 0x27c4], [0x29c0, 0x29c1], [0x29c4, 0x29c5],
  [0x2e02, 0x2e03], [0x2e04, 0x2e05], [0x2e09, 0x2e0a], [0x2e0c, 0x2e0d], [0x2e1c, 0x2e1d], [0x2e20, 0x2e21], [0xfe64, 0xfe65], [0xff1c, 0xff1e],
];

const OPENING = new Map(BRACKETS.map(([open, close]) => [open, close]));
const CLOSING = new Set(BRACKETS.map(([, close]) => close));
const MIRROR = new Map([...BRACKETS, ...MIRRORED].flatMap(([a, b]) => [[a, b], [b, a]] as [number, number][]));
// N0 matches brackets up to canonical equivalence: U+2329/232A decompose to U+3008/3009.
const canonical = (cp: number): number => (cp === 0x2329 ? 0x3008 : cp === 0x232a ? 0x3009 : cp);

/** The mirrored glyph a character shows at an odd (right-to-left) level (L4), or the character itself. */
export function mirror(ch: string): string {
  const m = MIRROR.get(ch.codePointAt(0) ?? 0);
  return m === undefined ? ch : String.fromCodePoint(m);
}

/** Classes X9 removes: boundary neutrals and, since X1-X8 are not applied, every explicit control. */
const REMOVED: ReadonlySet<BidiClass> = new Set(['BN', 'LRE', 'RLE', 'LRO', 'RLO', 'PDF', 'LRI', 'RLI', 'FSI', 'PDI']);
const STRONG: ReadonlySet<BidiClass> = new Set(['L', 'R', 'AL']);
/** Whitespace for L1: reset to the paragraph level at the end of a line. */
const TRAILING: ReadonlySet<BidiClass> = new Set(['WS', 'S', ...REMOVED]);

export interface Bidi {
  classes: BidiClass[];
  /** Resolved embedding level of each code point (before L1, which depends on the line). */
  levels: number[];
  /** Base level of the paragraph each code point belongs to. */
  paragraphLevels: number[];
}

/** Resolves the levels of a text given as code points (N0 needs them) or as classes alone. */
export function resolve(input: { codePoints: readonly number[] } | { classes: readonly BidiClass[] }, base: BaseDirection = 'auto'): Bidi {
  const codePoints = 'codePoints' in input ? input.codePoints : null;
  const classes = 'codePoints' in input ? input.codePoints.map(bidiClass) : [...input.classes];
  const levels: number[] = Array.from(classes, () => 0);
  const paragraphLevels = levels.slice();
  let start = 0;
  for (let i = 0; i <= classes.length; i++) {
    if (i < classes.length && classes[i] !== 'B') continue;
    const end = Math.min(i + 1, classes.length);
    const level = base === 'rtl' ? 1 : base === 'ltr' ? 0 : firstStrong(classes, start, end);
    resolveParagraph(classes, codePoints, start, end, level, levels);
    paragraphLevels.fill(level, start, end);
    start = end;
  }
  return { classes, levels, paragraphLevels };
}

/** The levels of a string, per code point. */
export function resolveText(text: string, base: BaseDirection = 'auto'): Bidi {
  return resolve({ codePoints: Array.from(text, (ch) => ch.codePointAt(0) ?? 0) }, base);
}

// P2-P3. Isolates are not applied, so nothing is skipped.
function firstStrong(classes: readonly BidiClass[], start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = classes[i];
    if (c === 'L') return 0;
    if (c === 'R' || c === 'AL') return 1;
  }
  return 0;
}

type Strong = 'L' | 'R';
/** Direction a resolved class counts as for N0 and N1: numbers count as R. */
const strongOf = (c: BidiClass): Strong | null => (c === 'L' ? 'L' : c === 'R' || c === 'EN' || c === 'AN' ? 'R' : null);

function resolveParagraph(all: readonly BidiClass[], codePoints: readonly number[] | null, start: number, end: number, level: number, out: number[]): void {
  // X9: the removed characters take no part; they get the level of the character before them.
  const index: number[] = [];
  for (let i = start; i < end; i++) if (!REMOVED.has(all[i] as BidiClass)) index.push(i);
  const original = index.map((i) => all[i] as BidiClass);
  const t = original.slice();
  const n = t.length;
  const e: Strong = level % 2 ? 'R' : 'L';
  // W1: a mark takes the class of what it is on.
  for (let k = 0; k < n; k++) if (t[k] === 'NSM') t[k] = k ? (t[k - 1] as BidiClass) : e;
  // W2-W3: European digits after Arabic letters are Arabic numbers; Arabic letters are then R.
  let last: BidiClass = e;
  for (let k = 0; k < n; k++) {
    const c = t[k] as BidiClass;
    if (STRONG.has(c)) last = c;
    else if (c === 'EN' && last === 'AL') t[k] = 'AN';
  }
  for (let k = 0; k < n; k++) if (t[k] === 'AL') t[k] = 'R';
  // W4: one separator between two numbers of a kind joins them.
  for (let k = 1; k < n - 1; k++) {
    const [before, c, after] = [t[k - 1], t[k], t[k + 1]];
    if (before === 'EN' && after === 'EN' && (c === 'ES' || c === 'CS')) t[k] = 'EN';
    else if (before === 'AN' && after === 'AN' && c === 'CS') t[k] = 'AN';
  }
  // W5: terminators (%, $, #, °) next to a European number are part of it.
  for (let k = 0; k < n; k++) {
    if (t[k] !== 'ET') continue;
    let j = k;
    while (j < n && t[j] === 'ET') j++;
    if ((k > 0 && t[k - 1] === 'EN') || t[j] === 'EN') t.fill('EN', k, j);
    k = j - 1;
  }
  // W6, then W7: European numbers in left-to-right context are L.
  for (let k = 0; k < n; k++) if (t[k] === 'ES' || t[k] === 'ET' || t[k] === 'CS') t[k] = 'ON';
  last = e;
  for (let k = 0; k < n; k++) {
    const c = t[k];
    if (c === 'L' || c === 'R') last = c;
    else if (c === 'EN' && last === 'L') t[k] = 'L';
  }
  if (codePoints) pairBrackets(t, original, index.map((i) => codePoints[i] ?? 0), e);
  // N1-N2: neutrals between two of the same direction take it, the others the embedding direction.
  for (let k = 0; k < n; k++) {
    if (strongOf(t[k] as BidiClass)) continue;
    let j = k;
    while (j < n && !strongOf(t[j] as BidiClass)) j++;
    const before = k > 0 ? strongOf(t[k - 1] as BidiClass) : e;
    const after = j < n ? strongOf(t[j] as BidiClass) : e;
    t.fill(before === after ? (before as Strong) : e, k, j);
    k = j - 1;
  }
  // I1-I2.
  let previous = level;
  let k = 0;
  for (let i = start; i < end; i++) {
    if (index[k] !== i) {
      out[i] = previous;
      continue;
    }
    const c = t[k++];
    out[i] = previous = level % 2 === 0 ? (c === 'R' ? level + 1 : c === 'L' ? level : level + 2) : c === 'R' ? level : level + 1;
  }
}

// BD16 and N0: a bracket pair takes the direction of what it encloses, judged against the embedding direction.
function pairBrackets(t: BidiClass[], original: readonly BidiClass[], cps: readonly number[], e: Strong): void {
  const stack: { close: number; at: number }[] = [];
  const pairs: [number, number][] = [];
  for (let k = 0; k < t.length; k++) {
    if (t[k] !== 'ON') continue;
    const cp = cps[k] ?? 0;
    const close = OPENING.get(cp);
    if (close !== undefined) {
      if (stack.length === 63) break;
      stack.push({ close: canonical(close), at: k });
    } else if (CLOSING.has(cp)) {
      const j = stack.findLastIndex((s) => s.close === canonical(cp));
      if (j < 0) continue;
      pairs.push([(stack[j] as { at: number }).at, k]);
      stack.length = j;
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  for (const [open, close] of pairs) {
    let inside: Strong | null = null;
    for (let k = open + 1; k < close && inside !== e; k++) inside = strongOf(t[k] as BidiClass) ?? inside;
    if (!inside) continue;
    let dir: Strong = e;
    if (inside !== e) {
      let before: Strong = e;
      for (let k = open - 1; k >= 0; k--) {
        const s = strongOf(t[k] as BidiClass);
        if (s) {
          before = s;
          break;
        }
      }
      dir = before === inside ? inside : e;
    }
    for (const at of [open, close]) {
      t[at] = dir;
      // Marks on a bracket follow it (W1 made them ON).
      for (let k = at + 1; k < t.length && original[k] === 'NSM'; k++) t[k] = dir;
    }
  }
}

/**
 * L1 for one line, `start` to `end` of a resolved text: the line's trailing whitespace (and
 * tabs, and the whitespace before them) goes back to the paragraph level.
 */
export function lineLevels(bidi: Bidi, start: number, end: number): number[] {
  const levels = bidi.levels.slice(start, end);
  let trailing = true;
  for (let i = end - 1; i >= start; i--) {
    const c = bidi.classes[i] as BidiClass;
    const reset = c === 'S' || c === 'B';
    if (reset) trailing = true;
    else if (!TRAILING.has(c)) trailing = false;
    if (reset || trailing) levels[i - start] = bidi.paragraphLevels[i] ?? 0;
  }
  return levels;
}

/** L2: the logical indices of a line's characters, left to right on the page. */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  let max = 0;
  let lowestOdd = Infinity;
  for (const l of levels) {
    max = Math.max(max, l);
    if (l % 2 === 1) lowestOdd = Math.min(lowestOdd, l);
  }
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; i++) {
      if ((levels[order[i] as number] ?? 0) < level) continue;
      let j = i;
      while (j < order.length && (levels[order[j] as number] ?? 0) >= level) j++;
      const run = order.slice(i, j).reverse();
      order.splice(i, run.length, ...run);
      i = j;
    }
  }
  return order;
}

/** A single line of text as it reads left to right on the page, with mirrored brackets: for tests and plain-text uses. */
export function displayOrder(text: string, base: BaseDirection = 'auto'): string {
  const chars = Array.from(text);
  const bidi = resolveText(text, base);
  const levels = lineLevels(bidi, 0, chars.length);
  return visualOrder(levels)
    .map((i) => (levels[i] as number) % 2 ? mirror(chars[i] as string) : (chars[i] as string))
    .join('');
}
