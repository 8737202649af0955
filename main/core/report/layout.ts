/**
 * Drawing primitives shared by the report's pages: a cursor (`ctx.y`) that moves down the page,
 * text that is always tagged for screen readers, decorations marked as artifacts, and explicit
 * page breaks. Every text call passes a `height`, so pdfkit never breaks a page on its own and
 * the layout code stays in control of where content goes.
 */
import { join } from 'node:path';
import { COLOR, CONTENT_BOTTOM, PAGE, TYPE } from './theme.ts';

export type Doc = PDFKit.PDFDocument;
export type StructElement = PDFKit.PDFStructureElement;
export type Face = 'regular' | 'bold' | 'mono';

export interface Ctx {
  doc: Doc;
  /** Font file paths. pdfkit caches a font per path; an alias would re-parse the file per table cell. */
  fonts: Record<Face, string>;
  /** Top of the free space on the current page. */
  y: number;
  /** Root of the structure tree; every section hangs under it. */
  root: StructElement;
  /** Structure element that receives the next text. */
  section: StructElement;
  /** Per font face: whether the font has a glyph for a code point. */
  coverage: Record<Face, Map<number, boolean>>;
}

export function createCtx(doc: Doc, fonts: Record<Face, string>, root: StructElement): Ctx {
  return { doc, fonts, y: PAGE.marginTop, root, section: root, coverage: { regular: new Map(), bold: new Map(), mono: new Map() } };
}

export function fontFiles(fontsDir: string): Record<Face, string> {
  return {
    regular: join(fontsDir, 'DejaVuSans.ttf'),
    bold: join(fontsDir, 'DejaVuSans-Bold.ttf'),
    mono: join(fontsDir, 'DejaVuSansMono.ttf'),
  };
}

export interface TextStyle {
  face?: Face;
  size?: number;
  color?: string;
  /** Defaults to the full content width from x. */
  width?: number;
  align?: 'left' | 'right' | 'center';
  /** Structure type for screen readers: P, H1, H2, TD, ... */
  tag?: string;
  lineGap?: number;
}

function applyStyle(ctx: Ctx, style: TextStyle): void {
  ctx.doc.font(ctx.fonts[style.face ?? 'regular']).fontSize(style.size ?? TYPE.body);
}

function textOptions(style: TextStyle, x: number): PDFKit.Mixins.TextOptions {
  return {
    width: style.width ?? PAGE.width - PAGE.marginX - x,
    align: style.align ?? 'left',
    lineGap: style.lineGap ?? TYPE.lineGap,
  };
}

interface GlyphSource {
  _font: { font: { hasGlyphForCodePoint(codePoint: number): boolean } };
}

// Zero-width format characters (joiners, variation selectors) can be dropped when the font lacks them.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * The text as the current font can draw it: characters without a glyph (CJK and emoji in DejaVu)
 * become U+FFFD. pdfkit 0.20 writes the missing-glyph width unscaled into the font's /W array, so
 * a drawn .notdef box is wider than the layout assumed and pushes the rest of the line past the
 * margin. Call after the font is selected.
 */
export function displayable(ctx: Ctx, text: string, face: Face): string {
  if (/^[\n\x20-\x7E]*$/.test(text)) return text;
  // pdfkit exposes no public glyph-coverage query; its fontkit font is the authority.
  const font = (ctx.doc as unknown as GlyphSource)._font.font;
  const cache = ctx.coverage[face];
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    let ok = cp < 0x7f ? true : cache.get(cp);
    if (ok === undefined) cache.set(cp, (ok = font.hasGlyphForCodePoint(cp)));
    out += ok ? ch : IGNORABLE.test(ch) ? '' : '\uFFFD';
  }
  return out;
}

/** Height the text will take, without drawing it. */
export function measure(ctx: Ctx, text: string, x: number, style: TextStyle = {}): number {
  applyStyle(ctx, style);
  return ctx.doc.heightOfString(displayable(ctx, text, style.face ?? 'regular'), textOptions(style, x));
}

/** Draws text at (x, y), tagged under the current section; returns the height used. */
export function write(ctx: Ctx, text: string, x: number, y: number, style: TextStyle = {}): number {
  if (!text) return 0;
  const { doc } = ctx;
  applyStyle(ctx, style);
  doc.fillColor(style.color ?? COLOR.ink);
  const shown = displayable(ctx, text, style.face ?? 'regular');
  // A bounded box: pdfkit never starts a page by itself.
  const options = { ...textOptions(style, x), height: Math.max(PAGE.height - y, 1) };
  if (shown === text) {
    doc.text(text, x, y, { ...options, structParent: ctx.section, structType: style.tag ?? 'P' });
  } else {
    // ActualText carries the original characters, so copy, search and pdftotext still get them.
    const content = doc.markStructureContent('Span', { actual: text });
    doc.text(shown, x, y, options);
    doc.endMarkedContent();
    ctx.section.add(doc.struct(style.tag ?? 'P', {}, [content]));
  }
  return doc.y - y;
}

/** Draws decoration (rules, fills, bars) marked as an artifact, so screen readers skip it. */
export function artifact(ctx: Ctx, draw: (doc: Doc) => void): void {
  ctx.doc.markContent('Artifact', { type: 'Layout' });
  ctx.doc.save();
  draw(ctx.doc);
  ctx.doc.restore();
  ctx.doc.endMarkedContent();
}

export function newPage(ctx: Ctx): void {
  ctx.doc.endPageMarkings(ctx.doc.page);
  ctx.doc.addPage();
  ctx.y = PAGE.marginTop;
}

/** Starts a new page when `height` does not fit below the cursor; true when it did. */
export function ensureSpace(ctx: Ctx, height: number): boolean {
  if (ctx.y + height <= CONTENT_BOTTOM || ctx.y <= PAGE.marginTop) return false;
  newPage(ctx);
  return true;
}

/** A new tagged section (Sect) under the document root. */
export function openSection(ctx: Ctx, title: string): StructElement {
  const section = ctx.doc.struct('Sect', { title });
  ctx.root.add(section);
  ctx.section = section;
  return section;
}

/** An outline (bookmark) entry pointing at the cursor on the current page. */
export function bookmark(ctx: Ctx, parent: PDFKit.PDFOutline, title: string): PDFKit.PDFOutline {
  // pdfkit computes the destination's left edge as page width minus `left`, so pass the width to land on x = 0.
  const options = { top: Math.max(ctx.y - 12, 0), left: PAGE.width, expanded: false } as { expanded?: boolean };
  return parent.addItem(title, options);
}

export function hRule(ctx: Ctx, y: number, color: string = COLOR.rule, x = PAGE.marginX, width = PAGE.width - 2 * PAGE.marginX): void {
  artifact(ctx, (doc) => {
    doc.moveTo(x, y).lineTo(x + width, y).lineWidth(0.6).strokeColor(color).stroke();
  });
}

export function fillRect(ctx: Ctx, x: number, y: number, w: number, h: number, color: string, radius = 0): void {
  artifact(ctx, (doc) => {
    if (radius > 0) doc.roundedRect(x, y, w, h, radius).fill(color);
    else doc.rect(x, y, w, h).fill(color);
  });
}

/** A small filled label (severity, status); returns its width. */
export function badge(ctx: Ctx, label: string, x: number, y: number, color: string, align: 'left' | 'right' = 'left'): number {
  const size = 6.3;
  ctx.doc.font(ctx.fonts.bold).fontSize(size);
  const w = ctx.doc.widthOfString(label) + 8;
  const left = align === 'right' ? x - w : x;
  fillRect(ctx, left, y, w, 11, color, 2);
  write(ctx, label, left, y + 2.2, { face: 'bold', size, color: COLOR.white, width: w, align: 'center', tag: 'Span', lineGap: 0 });
  return w;
}

/** A horizontal bar showing `fraction` (0..1) of its width filled. */
export function meter(ctx: Ctx, x: number, y: number, w: number, h: number, fraction: number, color: string): void {
  artifact(ctx, (doc) => {
    doc.roundedRect(x, y, w, h, h / 2).fill(COLOR.rule);
    const filled = Math.max(0, Math.min(1, fraction)) * w;
    if (filled > 0) doc.roundedRect(x, y, Math.max(filled, h), h, h / 2).fill(color);
  });
}

/** Section heading with its bookmark; returns the outline entry for child bookmarks. */
export function heading(ctx: Ctx, text: string, outlineParent: PDFKit.PDFOutline, level: 1 | 2 = 1): PDFKit.PDFOutline {
  const size = level === 1 ? TYPE.h1 : TYPE.h2;
  ensureSpace(ctx, level === 1 ? 80 : 60);
  const item = bookmark(ctx, outlineParent, text);
  ctx.y += write(ctx, text, PAGE.marginX, ctx.y, { face: 'bold', size, color: COLOR.accent, tag: level === 1 ? 'H1' : 'H2', lineGap: 2 });
  if (level === 1) {
    hRule(ctx, ctx.y + 2, COLOR.accent);
    ctx.y += 12;
  } else {
    ctx.y += 5;
  }
  return item;
}
