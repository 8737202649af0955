/**
 * Drawing primitives shared by the report's pages: a cursor (`ctx.y`) that moves down the page,
 * text that is always tagged for screen readers, decorations marked as artifacts, and explicit
 * page breaks. Every text call passes a `height`, so pdfkit never breaks a page on its own and
 * the layout code stays in control of where content goes.
 */
import type { BaseDirection } from './bidi.ts';
import { GlyphChooser, type Face, type FontSet, type PdfFont, type RunSplit } from './fonts.ts';
import { flowLines, type FlowMetrics, type Line } from './textflow.ts';
import { COLOR, CONTENT_BOTTOM, PAGE, TYPE } from './theme.ts';

export type { Face };
export type Doc = PDFKit.PDFDocument;
export type StructElement = PDFKit.PDFStructureElement;

/** A place a link, the contents page or a bookmark can point at. */
export interface Anchor {
  id: string;
  title: string;
  level: 1 | 2;
  /** Zero-based page index. */
  page: number;
}

export interface Ctx {
  doc: Doc;
  /** Font file paths. pdfkit caches a font per path; an alias would re-parse the file per table cell. */
  fonts: FontSet;
  glyphs: GlyphChooser;
  /** Top of the free space on the current page. */
  y: number;
  /** Root of the structure tree; every section hangs under it. */
  root: StructElement;
  /** Structure element that receives the next text. */
  section: StructElement;
  /** Section and subsection starts, in document order, for the contents page. */
  anchors: Anchor[];
}

export function createCtx(doc: Doc, fonts: FontSet, root: StructElement): Ctx {
  const glyphs = new GlyphChooser(fonts, (file) => {
    doc.font(file);
    return (doc as unknown as { _font: PdfFont })._font;
  });
  return { doc, fonts, glyphs, y: PAGE.marginTop, root, section: root, anchors: [] };
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
  /** Cut after this many lines, ending with an ellipsis. */
  maxLines?: number;
  /** Drawn without structure of its own: the caller marked the content (an artifact, a figure). */
  bare?: boolean;
  /**
   * Base direction for right-to-left text. 'auto' (the default) suits a field such as a resource
   * name: it reads in the direction of its first letter. The report's own sentences are 'ltr'.
   */
  direction?: BaseDirection;
}

function widthFor(style: TextStyle, x: number): number {
  return Math.max(style.width ?? PAGE.width - PAGE.marginX - x, 1);
}

function metrics(ctx: Ctx, size: number): FlowMetrics {
  return {
    width: (file, text) => ctx.doc.font(file).fontSize(size).widthOfString(text),
    font: (file) => ctx.glyphs.font(file),
  };
}

/** The split of `text` into font runs, or the single string the face's font draws (U+FFFD for what no font has). */
function plan(ctx: Ctx, text: string, face: Face): { single: string; split: RunSplit | null } | { single: null; split: RunSplit } {
  const split = ctx.glyphs.split(text, face);
  if (split === null) return { single: text, split: null };
  const only = split.runs.length === 1 ? split.runs[0] : undefined;
  // Right-to-left text goes through the flow layout, which orders it by the bidi algorithm.
  if (only && only.file === ctx.fonts[face] && !split.rtl) return { single: only.text, split };
  return { single: null, split };
}

function lineHeight(ctx: Ctx, face: Face, size: number, lineGap: number): number {
  return ctx.glyphs.font(ctx.fonts[face]).lineHeight(size, true) + lineGap;
}

function flow(ctx: Ctx, split: RunSplit, face: Face, size: number, width: number, style: TextStyle): Line[] {
  return flowLines(split.runs, ctx.fonts[face], width, metrics(ctx, size), { maxLines: style.maxLines, direction: style.direction });
}

/** Height the text will take, without drawing it. */
export function measure(ctx: Ctx, text: string, x: number, style: TextStyle = {}): number {
  if (!text) return 0;
  const face = style.face ?? 'regular';
  const size = style.size ?? TYPE.body;
  const lineGap = style.lineGap ?? TYPE.lineGap;
  const p = plan(ctx, text, face);
  if (p.single === null) return flow(ctx, p.split, face, size, widthFor(style, x), style).length * lineHeight(ctx, face, size, lineGap);
  ctx.doc.font(ctx.fonts[face]).fontSize(size);
  const h = ctx.doc.heightOfString(p.single, { width: widthFor(style, x), align: style.align ?? 'left', lineGap });
  return style.maxLines ? Math.min(h, style.maxLines * lineHeight(ctx, face, size, lineGap)) : h;
}

/** Draws text at (x, y), tagged under the current section; returns the height used. */
export function write(ctx: Ctx, text: string, x: number, y: number, style: TextStyle = {}): number {
  if (!text) return 0;
  const { doc } = ctx;
  const face = style.face ?? 'regular';
  const size = style.size ?? TYPE.body;
  const lineGap = style.lineGap ?? TYPE.lineGap;
  const width = widthFor(style, x);
  const tag = style.tag ?? 'P';
  const p = plan(ctx, text, face);
  // ActualText carries the original characters when some were drawn as U+FFFD, so copy and search still get them.
  const replaced = p.split?.replaced === true;
  const content = style.bare ? null : replaced ? doc.markStructureContent('Span', { actual: text }) : p.single === null ? doc.markStructureContent(tag) : null;
  let height: number;
  if (p.single !== null) {
    doc.font(ctx.fonts[face]).fontSize(size).fillColor(style.color ?? COLOR.ink);
    const lh = lineHeight(ctx, face, size, lineGap);
    // A bounded box: pdfkit never starts a page by itself.
    const box = Math.max(Math.min(PAGE.height - y, style.maxLines ? style.maxLines * lh : Infinity), 1);
    const options = { width, align: style.align ?? 'left', lineGap, height: box, ellipsis: style.maxLines ? true : undefined };
    if (content || style.bare) doc.text(p.single, x, y, options);
    else doc.text(p.single, x, y, { ...options, structParent: ctx.section, structType: tag });
    height = doc.y - y;
  } else {
    const lines = flow(ctx, p.split, face, size, width, style);
    const primary = ctx.glyphs.font(ctx.fonts[face]);
    const lh = lineHeight(ctx, face, size, lineGap);
    doc.fillColor(style.color ?? COLOR.ink);
    lines.forEach((line, i) => {
      let cx = x + (style.align === 'right' ? width - line.width : style.align === 'center' ? (width - line.width) / 2 : 0);
      for (const seg of line.segments) {
        if (seg.space) {
          cx += seg.width;
          continue;
        }
        const font = ctx.glyphs.font(seg.file);
        // Every run sits on the primary font's baseline.
        const dy = ((primary.ascender - font.ascender) / 1000) * size;
        doc.font(seg.file).fontSize(size).text(seg.text, cx, y + i * lh + dy, { lineBreak: false });
        cx += seg.width;
      }
    });
    height = lines.length * lh;
  }
  if (content) {
    doc.endMarkedContent();
    ctx.section.add(doc.struct(tag, {}, [content]));
  }
  return height;
}

/** Draws decoration (rules, fills, bars) marked as an artifact, so screen readers skip it. */
export function artifact(ctx: Ctx, draw: (doc: Doc) => void): void {
  ctx.doc.markContent('Artifact', { type: 'Layout' });
  ctx.doc.save();
  draw(ctx.doc);
  ctx.doc.restore();
  ctx.doc.endMarkedContent();
}

/**
 * A chart or diagram: its drawing is one Figure with a text alternative. Inside `draw`, use the
 * document directly and write(..., { bare: true }): an artifact mark would end the figure's.
 */
export function figure(ctx: Ctx, alt: string, draw: (doc: Doc) => void): void {
  const content = ctx.doc.markStructureContent('Figure');
  ctx.doc.save();
  draw(ctx.doc);
  ctx.doc.restore();
  ctx.doc.endMarkedContent();
  ctx.section.add(ctx.doc.struct('Figure', { alt }, [content]));
}

/** Pages between two clearings of pdfkit's word layout cache (measured: 20 keeps the speed, drops ~80 MB). */
const LAYOUT_CACHE_PAGES = 20;

export function newPage(ctx: Ctx): void {
  ctx.doc.endPageMarkings(ctx.doc.page);
  ctx.doc.addPage();
  ctx.y = PAGE.marginTop;
  // pdfkit caches the layout of every distinct word for the life of the document; a large scan's
  // ARNs and IDs are nearly all distinct, so the cache grows by ~100 MB at 5,000 findings. Cleared
  // every 20 pages it still serves the words that repeat, and the report is as fast as with it whole.
  if (pageIndex(ctx) % LAYOUT_CACHE_PAGES !== 0) return;
  const families = (ctx.doc as unknown as { _fontFamilies: Record<string, { layoutCache?: Record<string, unknown> }> })._fontFamilies;
  for (const font of Object.values(families)) if (font.layoutCache) font.layoutCache = Object.create(null) as Record<string, unknown>;
}

/** Zero-based index of the page being drawn. */
export function pageIndex(ctx: Ctx): number {
  return ctx.doc.bufferedPageRange().count - 1;
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

/** A named destination at the cursor, for internal links and the contents page. */
export function anchor(ctx: Ctx, id: string, title: string, level: 1 | 2): void {
  ctx.doc.addNamedDestination(id, 'XYZ', 0, Math.max(ctx.y - 12, 0), 0);
  ctx.anchors.push({ id, title, level, page: pageIndex(ctx) });
}

/** A clickable area that jumps to an anchor (a named destination defined anywhere in the file). */
export function linkTo(ctx: Ctx, x: number, y: number, w: number, h: number, id: string): void {
  ctx.doc.goTo(x, y, w, h, id);
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

/**
 * Section heading with its bookmark (and, with an id, a named destination the contents page and
 * links use); returns the outline entry for child bookmarks.
 */
export function heading(ctx: Ctx, text: string, outlineParent: PDFKit.PDFOutline, level: 1 | 2 = 1, id?: string): PDFKit.PDFOutline {
  const size = level === 1 ? TYPE.h1 : TYPE.h2;
  // Keep a heading with what follows it: room for an intro line and a table's first rows.
  ensureSpace(ctx, level === 1 ? 90 : 110);
  const item = bookmark(ctx, outlineParent, text);
  if (id) anchor(ctx, id, text, level);
  ctx.y += write(ctx, text, PAGE.marginX, ctx.y, { face: 'bold', size, color: COLOR.accent, tag: level === 1 ? 'H1' : 'H2', lineGap: 2, direction: 'ltr' });
  if (level === 1) {
    hRule(ctx, ctx.y + 2, COLOR.accent);
    ctx.y += 12;
  } else {
    ctx.y += 5;
  }
  return item;
}

/** A paragraph at the left margin; moves the cursor below it. */
export function paragraph(ctx: Ctx, text: string, style: TextStyle = {}, after = 8): void {
  const h = measure(ctx, text, PAGE.marginX, { size: 9, lineGap: 2.5, direction: 'ltr', ...style });
  ensureSpace(ctx, h);
  ctx.y += write(ctx, text, PAGE.marginX, ctx.y, { size: 9, color: COLOR.ink, lineGap: 2.5, direction: 'ltr', ...style }) + after;
}

/** A third-level title inside a section (no bookmark). */
export function subheading(ctx: Ctx, text: string, keepWith = 90): void {
  ensureSpace(ctx, keepWith);
  ctx.y += 4;
  ctx.y += write(ctx, text, PAGE.marginX, ctx.y, { face: 'bold', size: 10, color: COLOR.ink, tag: 'H3', direction: 'ltr' }) + 6;
}

/** The short note a section shows when one of its inputs is missing. */
export function unavailable(ctx: Ctx, what: string, reason: string): void {
  const text = `${what} is not available in this report: ${reason}`;
  const style: TextStyle = { size: 8.5, width: PAGE.width - 2 * PAGE.marginX - 24, direction: 'ltr' };
  const h = measure(ctx, text, PAGE.marginX + 12, style) + 14;
  ensureSpace(ctx, h);
  fillRect(ctx, PAGE.marginX, ctx.y, PAGE.width - 2 * PAGE.marginX, h, COLOR.panel, 3);
  fillRect(ctx, PAGE.marginX, ctx.y, 3, h, COLOR.faint);
  write(ctx, text, PAGE.marginX + 12, ctx.y + 7, { ...style, color: COLOR.muted });
  ctx.y += h + 10;
}
