/**
 * Line layout for text pdfkit cannot set on its own: text drawn with more than one font (a
 * resource name in Latin and CJK, emoji inside a bucket name) and right-to-left text. pdfkit
 * wraps and measures one font at a time, and lays out each space-separated word in the direction
 * of its first letter, space included (so the space before "evil" in "مرحبا evil" ends up on the
 * wrong side). Here words are measured in their own fonts, lines break at spaces and around
 * ideographs (long words are cut), spaces are advances rather than glyphs, every run sits on the
 * primary font's baseline, and on each line a stretch of right-to-left words is drawn in
 * right-to-left order (the Unicode bidi rule for such a stretch inside left-to-right text).
 * Measuring and drawing share this code, so a reserved box is always the size of what is drawn.
 */
import { RTL, type PdfFont, type Run } from './fonts.ts';

/** Strong direction of a stretch of text: right-to-left, left-to-right, or neutral (spaces, punctuation, symbols). */
export type Direction = 'rtl' | 'ltr' | 'neutral';

export interface Segment {
  file: string;
  text: string;
  width: number;
  dir: Direction;
  /** A space: an advance, nothing drawn. */
  space: boolean;
}

export interface Line {
  segments: Segment[];
  width: number;
}

export interface FlowMetrics {
  /** Width of `text` in `file` at the current size. */
  width(file: string, text: string): number;
  font(file: string): PdfFont;
}

// Ideographs, kana and Hangul may break anywhere, as in CJK typesetting.
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
const STRONG = /[\p{L}\p{N}]/u;
const MARK = /[\p{M}\u200C\u200D]/u;

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
  kind: 'word' | 'space' | 'break';
  /** A line may break after this piece even without a space. */
  breakAfter: boolean;
}

function pieces(runs: readonly Run[], spaceFile: string): Piece[] {
  const out: Piece[] = [];
  for (const run of runs) {
    let word = '';
    let dir: Direction = 'neutral';
    const flushWord = (breakAfter: boolean): void => {
      if (word) out.push({ file: run.file, text: word, dir, kind: 'word', breakAfter });
      word = '';
    };
    for (const ch of run.text) {
      if (ch === '\n') {
        flushWord(false);
        out.push({ file: spaceFile, text: '', dir: 'neutral', kind: 'break', breakAfter: true });
        continue;
      }
      if (ch === ' ') {
        flushWord(false);
        out.push({ file: spaceFile, text: ' ', dir: 'neutral', kind: 'space', breakAfter: true });
        continue;
      }
      const d = direction(ch, word ? dir : 'neutral');
      if (word && d !== dir) flushWord(false);
      dir = d;
      if (IDEOGRAPHIC.test(ch)) {
        flushWord(true);
        out.push({ file: run.file, text: ch, dir: d, kind: 'word', breakAfter: true });
        continue;
      }
      word += ch;
      if (ch === '-' || ch === '/') flushWord(true);
    }
    flushWord(false);
  }
  return out;
}

/** Lays out runs in lines of at most `maxWidth`, in visual order. */
export function flowLines(runs: readonly Run[], primary: string, maxWidth: number, metrics: FlowMetrics): Line[] {
  // Words are the unbreakable stretches between break opportunities, possibly spanning fonts and directions.
  const words: { segments: Segment[]; width: number; spaceBefore: Segment[]; hardBreak: boolean }[] = [];
  let segments: Segment[] = [];
  let spaces: Segment[] = [];
  const push = (hardBreak: boolean): void => {
    if (segments.length || hardBreak) words.push({ segments, width: segments.reduce((s, x) => s + x.width, 0), spaceBefore: spaces, hardBreak });
    segments = [];
    spaces = [];
  };
  for (const p of pieces(runs, primary)) {
    if (p.kind === 'break') {
      push(false);
      push(true);
      continue;
    }
    if (p.kind === 'space') {
      if (segments.length) push(false);
      spaces.push({ file: p.file, text: ' ', width: metrics.width(p.file, ' '), dir: 'neutral', space: true });
      continue;
    }
    segments.push({ file: p.file, text: p.text, width: metrics.width(p.file, p.text), dir: p.dir, space: false });
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
    const spaceWidth = line.segments.length ? w.spaceBefore.reduce((s, x) => s + x.width, 0) : 0;
    if (line.segments.length && line.width + spaceWidth + w.width > maxWidth) newLine();
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
          continue;
        }
        const part = rest.slice(0, Math.max(lo, 1)).join('');
        add({ ...s, text: part, width: metrics.width(s.file, part) });
        rest = rest.slice(Math.max(lo, 1));
        if (rest.length) newLine();
      }
    }
  }
  if (line.segments.length || lines.length === 0) lines.push(line);
  return lines.map(visualOrder);
}

function append(line: Line, s: Segment, metrics: FlowMetrics): void {
  const last = line.segments.at(-1);
  // Only same-font, same-direction text is merged (and measured again as one string); a space stays its own advance.
  if (last && !last.space && !s.space && last.file === s.file && last.dir === s.dir) {
    const before = last.width;
    last.text += s.text;
    last.width = metrics.width(last.file, last.text);
    line.width += last.width - before;
  } else {
    line.segments.push({ ...s });
    line.width += s.width;
  }
}

/**
 * Reverses each stretch of right-to-left segments (with the spaces and punctuation between them)
 * so it reads right to left. Each segment's own glyphs are already in visual order: fontkit
 * shapes and reverses a right-to-left run.
 */
export function visualOrder(line: Line): Line {
  const segs = line.segments;
  const out: Segment[] = [];
  let i = 0;
  while (i < segs.length) {
    if (segs[i]?.dir !== 'rtl') {
      out.push(segs[i] as Segment);
      i++;
      continue;
    }
    // Extend to the last right-to-left segment reachable through neutrals only.
    let end = i;
    for (let j = i + 1; j < segs.length; j++) {
      const d = segs[j]?.dir;
      if (d === 'ltr') break;
      if (d === 'rtl') end = j;
    }
    out.push(...segs.slice(i, end + 1).reverse());
    i = end + 1;
  }
  return { segments: out, width: line.width };
}

/** Cuts lines to `max`, ending the last one with an ellipsis that fits. */
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
  last.segments.push({ file: primary, text: '…', width: ellipsis, dir: 'neutral', space: false });
  last.width += ellipsis;
  return kept;
}
