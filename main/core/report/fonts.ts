/**
 * The report's fonts: DejaVu for the text itself, and fallback fonts for the scripts DejaVu does
 * not cover (CJK, Hangul, Devanagari, Thai, symbols and emoji), all embedded from files in
 * assets/fonts (see assets/fonts/README.md for their licences). Text is split into runs, one per
 * font, choosing for each character the first font of the chain that has a glyph for it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type Face = 'regular' | 'bold' | 'mono';

export interface FontSet {
  regular: string;
  bold: string;
  mono: string;
  /** Fallback font files, in the order they are tried. */
  fallbacks: string[];
}

export const PRIMARY_FILES: Readonly<Record<Face, string>> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
};

/**
 * Tried in this order when the face's own font lacks a glyph. Script fonts come before the
 * broad ones, so Arabic extended letters get a Naskh design rather than Symbola's.
 */
export const FALLBACK_FILES: readonly string[] = [
  'NotoSansArabic-Regular.ttf',
  'NotoSansHebrew-Regular.ttf',
  'NotoSansDevanagari-Regular.ttf',
  'NotoSansThai-Regular.ttf',
  'DroidSansFallbackFull.ttf',
  'NanumGothicCoding.ttf',
  'Symbola.ttf',
];

/** The primary fonts must exist (a silent fallback to a standard font would lose text); fallbacks are optional. */
export function fontSet(fontsDir: string): FontSet {
  const primary = Object.fromEntries(Object.entries(PRIMARY_FILES).map(([face, file]) => [face, join(fontsDir, file)])) as Record<Face, string>;
  for (const file of Object.values(primary)) {
    if (!existsSync(file)) throw new Error(`Report font not found: ${file}`);
  }
  return { ...primary, fallbacks: FALLBACK_FILES.map((f) => join(fontsDir, f)).filter((f) => existsSync(f)) };
}

/** What pdfkit exposes of a loaded font (its EmbeddedFont); not in its public types. */
export interface PdfFont {
  font: { hasGlyphForCodePoint(codePoint: number): boolean };
  ascender: number;
  descender: number;
  lineHeight(size: number, includeGap?: boolean): number;
}

export interface Run {
  /** Font file the run is drawn with. */
  file: string;
  text: string;
}

export interface RunSplit {
  runs: Run[];
  /** Some character had no glyph in any font and was drawn as U+FFFD. */
  replaced: boolean;
  /** Right-to-left letters (Arabic, Hebrew...) are present: the text needs bidi ordering. */
  rtl: boolean;
}

/** Letters (and their marks) written right to left. */
export const RTL = /[\p{Script_Extensions=Arabic}\p{Script_Extensions=Hebrew}\p{Script_Extensions=Syriac}\p{Script_Extensions=Thaana}\p{Script_Extensions=Nko}]/u;

// Zero-width format characters (joiners, variation selectors) can be dropped when no font has them.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const MARK = /\p{M}/u;
const SIMPLE = /^[\n\x20-\x7E]*$/;

/**
 * Chooses a font per character. Glyph coverage is looked up once per code point and font; a
 * fallback font file is only opened when a character needs it.
 */
export class GlyphChooser {
  private readonly loaded = new Map<string, PdfFont>();
  private readonly choice: Record<Face, Map<number, number>> = { regular: new Map(), bold: new Map(), mono: new Map() };
  private readonly set: FontSet;
  private readonly load: (file: string) => PdfFont;

  constructor(set: FontSet, load: (file: string) => PdfFont) {
    this.set = set;
    this.load = load;
  }

  font(file: string): PdfFont {
    let f = this.loaded.get(file);
    if (!f) this.loaded.set(file, (f = this.load(file)));
    return f;
  }

  /** Null when the face's own font draws every character and none is right-to-left: the common, fast case. */
  split(text: string, face: Face): RunSplit | null {
    if (SIMPLE.test(text)) return null;
    const primary = this.set[face];
    const chain = [primary, ...this.set.fallbacks];
    const cache = this.choice[face];
    const runs: Run[] = [];
    let replaced = false;
    let current = -1;
    let buffer = '';
    const flush = (): void => {
      if (buffer) runs.push({ file: chain[current] ?? primary, text: buffer });
      buffer = '';
    };
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      let index: number;
      let shown = ch;
      if (cp < 0x7f) {
        index = 0;
      } else if (MARK.test(ch) && current >= 0 && this.has(chain[current] as string, cp)) {
        // A combining mark stays with its base letter's font.
        index = current;
      } else {
        index = cache.get(cp) ?? this.lookup(chain, cp, cache);
        if (index < 0) {
          if (IGNORABLE.test(ch)) continue;
          replaced = true;
          shown = '\uFFFD';
          index = 0;
        }
      }
      if (index !== current) {
        flush();
        current = index;
      }
      buffer += shown;
    }
    flush();
    const rtl = RTL.test(text);
    if (!replaced && !rtl && runs.every((r) => r.file === primary)) return null;
    return { runs, replaced, rtl };
  }

  private has(file: string, cp: number): boolean {
    return this.font(file).font.hasGlyphForCodePoint(cp);
  }

  private lookup(chain: string[], cp: number, cache: Map<number, number>): number {
    const index = chain.findIndex((file) => this.has(file, cp));
    cache.set(cp, index);
    return index;
  }
}
