/**
 * The contents page. Its page is reserved right after the cover and filled in last, once every
 * section knows its page; each line links to its section's named destination.
 */
import { fillRect, write, type Anchor, type Ctx, type StructElement } from './layout.ts';
import { COLOR, CONTENT_WIDTH, PAGE, SECTION, TYPE } from './theme.ts';

export interface ReservedToc {
  page: number;
  section: StructElement;
}

/** How many entries fit on the one reserved page; level-2 entries are dropped first. */
const MAX_LINES = 44;

export function drawContents(ctx: Ctx, reserved: ReservedToc, anchors: readonly Anchor[]): void {
  const { doc } = ctx;
  doc.switchToPage(reserved.page);
  const previous = ctx.section;
  ctx.section = reserved.section;
  const x = PAGE.marginX;
  let y = PAGE.marginTop;
  y += write(ctx, SECTION.contents, x, y, { face: 'bold', size: TYPE.h1, color: COLOR.accent, tag: 'H1', lineGap: 2 }) + 2;
  fillRect(ctx, x, y + 2, CONTENT_WIDTH, 0.8, COLOR.accent);
  y += 20;
  const list = anchors.length > MAX_LINES ? anchors.filter((a) => a.level === 1) : anchors;
  const toc = doc.struct('TOC');
  reserved.section.add(toc);
  ctx.section = toc;
  for (const a of list) {
    const level1 = a.level === 1;
    if (level1 && y > PAGE.marginTop + 40) y += 5;
    const indent = level1 ? 0 : 16;
    const size = level1 ? 10 : 8.8;
    const face = level1 ? 'bold' : 'regular';
    const page = String(a.page + 1);
    doc.font(ctx.fonts[face]).fontSize(size);
    const titleW = Math.min(doc.widthOfString(a.title) + 4, CONTENT_WIDTH - indent - 60);
    const item = doc.struct('TOCI');
    toc.add(item);
    ctx.section = item;
    write(ctx, a.title, x + indent, y, { face, size, color: level1 ? COLOR.ink : COLOR.muted, width: titleW, maxLines: 1, lineGap: 0 });
    write(ctx, page, x + CONTENT_WIDTH - 40, y, { face, size, color: COLOR.ink, width: 40, align: 'right', lineGap: 0 });
    // Dotted leader between the title and its page number.
    const leaderY = y + size * 0.85;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.save().moveTo(x + indent + titleW + 4, leaderY).lineTo(x + CONTENT_WIDTH - 44 - doc.widthOfString(page), leaderY).lineWidth(0.6).dash(0.6, { space: 2.4 }).strokeColor(COLOR.faint).stroke().undash().restore();
    doc.endMarkedContent();
    doc.goTo(x, y - 2, CONTENT_WIDTH, size + 5, a.id);
    y += size + (level1 ? 9 : 6);
  }
  ctx.section = previous;
}
