/**
 * Line layout for text pdfkit cannot set on its own: text drawn with more than one font (a
 * resource name in Latin and CJK, emoji inside a bucket name) and right-to-left text. pdfkit
 * wraps and measures one font at a time, has no bidi algorithm, and lays out each space-separated
 * word in the direction of its first letter. Here words are measured in their own fonts, lines
 * break at spaces and around ideographs (long words are cut), spaces are advances rather than
 * glyphs, and every run sits on the primary font's baseline.
 *
 * Direction follows the Unicode Bidirectional Algorithm (bidi.ts): levels are resolved on the
 * whole logical text (each paragraph's base direction from its first strong letter unless the
 * caller fixes it), lines are broken and cut on logical text, then each line is reordered on its
 * own (L1, L2) with brackets mirrored (L4). fontkit shapes and reverses a run of Arabic or Hebrew
 * letters itself, so such a segment is handed over in logical order (joining forms need it);
 * every other segment is handed over already in visual order. Explicit bidi controls have no
 * effect (see bidi.ts), and the layout stays left to right: alignment is the caller's, whatever
 * the text's direction.
 * Measuring and drawing share this code, so a reserved box is always the size of what is drawn.
 */
import { bidiClass, mirror, resolveText, visualOrder as reorder, type BaseDirection, type BidiClass } from './bidi.ts';
import { RTL, type PdfFont, type Run } from './fonts.ts';

/**
 * Script class of a stretch of text: letters of a right-to-left script (which fontkit shapes and
 * reverses), other letters and digits, or neutral (spaces, punctuation, symbols). Where it is
 * drawn on the line is the bidi level's business, not this.
 */
export type Direction = 'rtl' | 'ltr' | 'neutral';

export interface Segment {
  file: string;
  /** The string pdfkit draws: logical order until `visualOrder`, then what fontkit turns into visual order. */
  text: string;
  width: number;
  dir: Direction;
  /** Resolved bidi embedding level: odd is right to left. */
  level: number;
  /** A space: an advance, nothing drawn. */
  space: boolean;
}

export interface Line {
  segments: Segment[];
  width: number;
  /** Base level of the line's paragraph (0 when absent). */
  level?: number;
}

export interface FlowMetrics {
  /** Width of `text` in `file` at the current size. */
  width(file: string, text: string): number;
  font(file: string): PdfFont;
}

export interface FlowOptions {
  /** Cut after this many lines, ending the last one with an ellipsis. */
  maxLines?: number;
  direction?: BaseDirection;
}

// Ideographs, kana and Hangul may break anywhere, as in CJK typesetting.
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
const STRONG = /[\p{L}\p{N}]/u;
const MARK = /[\p{M}\u200C\u200D]/u;
// fontkit reverses a run whose first letter (by Script, not Script_Extensions) is of one of these scripts.
const SHAPER_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const EXPLICIT: ReadonlySet<BidiClass> = new Set(['LRE', 'RLE', 'LRO', 'RLO', 'PDF', 'LRI', 'RLI', 'FSI', 'PDI']);

function direction(ch: string, previous: Direction): Direction {
  if (RTL.test(ch)) return 'rtl';
  // Marks and joiners belong to the letter before them.
  if (MARK.test(ch)) return previous;
  return STRONG.test(ch) ? 'ltr' : 'neutral';
}

interface Piece {
  file: string;
  text: string;
  dir: Direction;
  level: number;
  paragraphLevel: number;
  kind: 'word' | 'space' | 'break';
  /** A line may break after this piece even without a space. */
  breakAfter: boolean;
}

function pieces(runs: readonly Run[], spaceFile: string, base: BaseDirection): Piece[] {
  const bidi = resolveText(runs.map((r) => r.text).join(''), base);
  const out: Piece[] = [];
  let i = 0;
  for (const run of runs) {
    let word = '';
    let dir: Direction = 'neutral';
    let level = 0;
    let paragraphLevel = 0;
    const flushWord = (breakAfter: boolean): void => {
      if (word) out.push({ file: run.file, text: word, dir, level, paragraphLevel, kind: 'word', breakAfter });
      word = '';
    };
    for (const ch of run.text) {
      const at = i++;
      const l = bidi.levels[at] ?? 0;
      const p = bidi.paragraphLevels[at] ?? 0;
      // Explicit bidi controls have no effect (bidi.ts) and nothing to draw.
      if (EXPLICIT.has(bidi.classes[at] as BidiClass)) continue;
      if (ch === '\n') {
        flushWord(false);
        out.push({ file: spaceFile, text: '', dir: 'neutral', level: p, paragraphLevel: p, kind: 'break', breakAfter: true });
        continue;
      }
      if (ch === ' ') {
        flushWord(false);
        out.push({ file: spaceFile, text: ' ', dir: 'neutral', level: l, paragraphLevel: p, kind: 'space', breakAfter: true });
        continue;
      }
      const d = direction(ch, word ? dir : 'neutral');
      if (word && (d !== dir || l !== level)) flushWord(false);
      dir = d;
      level = l;
      paragraphLevel = p;
      if (IDEOGRAPHIC.test(ch)) {
        flushWord(true);
        out.push({ file: run.file, text: ch, dir: d, level: l, paragraphLevel: p, kind: 'word', breakAfter: true });
        continue;
      }
      word += ch;
      if (ch === '-' || ch === '/') flushWord(true);
    }
    flushWord(false);
  }
  return out;
}

/** Lays out runs in lines of at most `maxWidth`, each in visual order. */
export function flowLines(runs: readonly Run[], primary: string, maxWidth: number, metrics: FlowMetrics, options: FlowOptions = {}): Line[] {
  const lines = breakLines(runs, primary, maxWidth, metrics, options.direction ?? 'auto');
  const kept = options.maxLines ? limitLines(lines, options.maxLines, maxWidth, primary, metrics) : lines;
  return kept.map((line) => visualOrder(line, metrics));
}

/** Breaks the logical text into lines; the segments stay in logical order. */
function breakLines(runs: readonly Run[], primary: string, maxWidth: number, metrics: FlowMetrics, base: BaseDirection): Line[] {
  // Words are the unbreakable stretches between break opportunities, possibly spanning fonts and directions.
  type Word = { segments: Segment[]; width: number; spaceBefore: Segment[]; hardBreak: boolean; level: number };
  const words: Word[] = [];
  let segments: Segment[] = [];
  let spaces: Segment[] = [];
  let paragraphLevel = 0;
  const push = (hardBreak: boolean): void => {
    if (segments.length || hardBreak) words.push({ segments, width: segments.reduce((s, x) => s + x.width, 0), spaceBefore: spaces, hardBreak, level: paragraphLevel });
    segments = [];
    spaces = [];
  };
  for (const p of pieces(runs, primary, base)) {
    if (p.kind === 'break') {
      push(false);
      push(true);
      continue;
    }
    paragraphLevel = p.paragraphLevel;
    if (p.kind === 'space') {
      if (segments.length) push(false);
      spaces.push({ file: p.file, text: ' ', width: metrics.width(p.file, ' '), dir: 'neutral', level: p.level, space: true });
      continue;
    }
    segments.push({ file: p.file, text: p.text, width: metrics.width(p.file, p.text), dir: p.dir, level: p.level, space: false });
    if (p.breakAfter) push(false);
  }
  push(false);

  const lines: Line[] = [];
  let line: Line = { segments: [], width: 0 };
  const newLine = (): void => {
    lines.push(line);
    line = { segments: [], width: 0 };
  };
  const add = (s: Segment): void => append(line, s, metrics);
  for (const w of words) {
    if (w.hardBreak) {
      newLine();
      continue;
    }
    if (!line.segments.length) line.level = w.level;
    const spaceWidth = line.segments.length ? w.spaceBefore.reduce((s, x) => s + x.width, 0) : 0;
    if (line.segments.length && line.width + spaceWidth + w.width > maxWidth) {
      newLine();
      line.level = w.level;
    }
    if (line.segments.length) w.spaceBefore.forEach(add);
    if (w.width <= maxWidth - line.width) {
      w.segments.forEach(add);
      continue;
    }
    // Longer than a line: cut it where it stops fitting (measured as drawn: widths do not simply add up).
    for (const s of w.segments) {
      let rest = Array.from(s.text);
      while (rest.length) {
        const room = maxWidth - line.width;
        let lo = 0;
        let hi = rest.length;
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          if (metrics.width(s.file, rest.slice(0, mid).join('')) <= room) lo = mid;
          else hi = mid - 1;
        }
        if (lo === 0 && line.segments.length) {
          newLine();
          line.level = w.level;
          continue;
        }
        const part = rest.slice(0, Math.max(lo, 1)).join('');
        add({ ...s, text: part, width: metrics.width(s.file, part) });
        rest = rest.slice(Math.max(lo, 1));
        if (rest.length) {
          newLine();
          line.level = w.level;
        }
      }
    }
  }
  if (line.segments.length || lines.length === 0) lines.push(line);
  return lines;
}

function append(line: Line, s: Segment, metrics: FlowMetrics): void {
  const last = line.segments.at(-1);
  // Only same-font, same-script, same-level text is merged (and measured again as one string); a space stays its own advance.
  if (last && !last.space && !s.space && last.file === s.file && last.dir === s.dir && last.level === s.level) {
    const before = last.width;
    last.text += s.text;
    last.width = metrics.width(last.file, last.text);
    line.width += last.width - before;
  } else {
    line.segments.push({ ...s });
    line.width += s.width;
  }
}

const TRAILING = new Set(['WS', 'S', 'BN']);
const isWhitespace = (s: Segment): boolean => s.space || Array.from(s.text).every((ch) => TRAILING.has(bidiClass(ch.codePointAt(0) ?? 0)));

/**
 * Orders one logical line for drawing: trailing whitespace back to the paragraph level (L1),
 * segments reordered by level (L2), and inside each segment the characters reversed and mirrored
 * (L4) where the level is odd, unless fontkit reverses the segment itself. With `metrics`,
 * a segment whose string changed is measured again.
 */
export function visualOrder(line: Line, metrics?: FlowMetrics): Line {
  const base = line.level ?? 0;
  const segs = line.segments.map((s) => ({ ...s }));
  for (let i = segs.length - 1; i >= 0 && isWhitespace(segs[i] as Segment); i--) (segs[i] as Segment).level = base;
  let width = 0;
  const out = reorder(segs.map((s) => s.level)).map((i) => {
    const s = segs[i] as Segment;
    // A mirrored bracket is drawn in the font chosen for the original one, if that font has it.
    const text = drawnText(s, (ch) => !metrics || metrics.font(s.file).font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0));
    const changed = text !== s.text;
    const seg = changed ? { ...s, text, width: metrics ? metrics.width(s.file, text) : s.width } : s;
    width += seg.width;
    return seg;
  });
  return { segments: out, width: line.segments.length ? width : line.width, level: base };
}

/** What pdfkit must be given so that fontkit's output reads correctly left to right. */
function drawnText(s: Segment, drawable: (ch: string) => boolean): string {
  if (s.space) return s.text;
  const odd = s.level % 2 === 1;
  const shaperReverses = s.dir === 'rtl' && SHAPER_RTL.test(s.text);
  // Clusters keep a combining mark after its letter when the order is reversed.
  const clusters: string[] = [];
  for (const ch of s.text) {
    if (clusters.length && MARK.test(ch)) clusters[clusters.length - 1] += ch;
    else clusters.push(odd && drawable(mirror(ch)) ? mirror(ch) : ch);
  }
  return (odd === shaperReverses ? clusters : clusters.reverse()).join('');
}

/** Cuts logical lines to `max`, ending the last one with an ellipsis that fits (at its logical end). */
export function limitLines(lines: Line[], max: number, maxWidth: number, primary: string, metrics: FlowMetrics): Line[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, Math.max(1, max));
  const last = kept[kept.length - 1] as Line;
  const ellipsis = metrics.width(primary, '…');
  while (last.segments.length && last.width + ellipsis > maxWidth) {
    const seg = last.segments[last.segments.length - 1] as Segment;
    const before = seg.width;
    seg.text = Array.from(seg.text).slice(0, -1).join('');
    seg.width = seg.text ? metrics.width(seg.file, seg.text) : 0;
    last.width -= before - seg.width;
    if (!seg.text) last.segments.pop();
  }
  last.segments.push({ file: primary, text: '…', width: ellipsis, dir: 'neutral', level: last.level ?? 0, space: false });
  last.width += ellipsis;
  return kept;
}
