/**
 * Running header and footer, drawn after all content (pages are buffered) so the footer can say
 * "Page X of Y". Marked as pagination artifacts: screen readers skip them.
 */
import { displayable, type Ctx } from './layout.ts';
import { safeLine } from './sanitize.ts';
import { COLOR, CONTENT_WIDTH, PAGE, REPORT_TITLE } from './theme.ts';

export function drawChrome(ctx: Ctx, clientName: string): void {
  const { doc } = ctx;
  const range = doc.bufferedPageRange();
  const client = safeLine(clientName, 90, '');
  const x = PAGE.marginX;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const pageNo = i + 1;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.save();
    if (pageNo > 1) {
      text(ctx, client, x, 34, CONTENT_WIDTH * 0.6, 'left', 'bold');
      text(ctx, REPORT_TITLE, x + CONTENT_WIDTH * 0.4, 34, CONTENT_WIDTH * 0.6, 'right', 'regular');
      doc.moveTo(x, 48).lineTo(x + CONTENT_WIDTH, 48).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    }
    const footY = PAGE.height - 40;
    doc.moveTo(x, footY - 8).lineTo(x + CONTENT_WIDTH, footY - 8).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    text(ctx, 'Confidential · prepared with Leasehold', x, footY, CONTENT_WIDTH / 2, 'left', 'regular');
    text(ctx, `Page ${pageNo} of ${range.count}`, x + CONTENT_WIDTH / 2, footY, CONTENT_WIDTH / 2, 'right', 'regular');
    doc.restore();
    doc.endMarkedContent();
  }
}

function text(ctx: Ctx, value: string, x: number, y: number, width: number, align: 'left' | 'right', face: 'regular' | 'bold'): void {
  // A one-line box with an ellipsis: pdfkit neither wraps nor adds a page in the margin area.
  ctx.doc.font(ctx.fonts[face]).fontSize(7).fillColor(COLOR.muted);
  ctx.doc.text(displayable(ctx, value, face), x, y, { width, height: 10, align, ellipsis: true });
}
