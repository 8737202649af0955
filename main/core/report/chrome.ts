/**
 * Running header and footer, drawn after all content (pages are buffered) so the footer can say
 * "Page X of Y". Marked as pagination artifacts: screen readers skip them.
 */
import { write, type Ctx } from './layout.ts';
import { safeLine } from './sanitize.ts';
import { COLOR, CONTENT_WIDTH, PAGE } from './theme.ts';

export interface ChromeText {
  client: string;
  title: string;
  /** "Confidential · prepared by Firm with Leasehold". */
  footer: string;
}

export function drawChrome(ctx: Ctx, chrome: ChromeText): void {
  const { doc } = ctx;
  const range = doc.bufferedPageRange();
  const client = safeLine(chrome.client, 90, '');
  const x = PAGE.marginX;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const pageNo = i + 1;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.save();
    if (pageNo > 1) {
      text(ctx, client, x, 34, CONTENT_WIDTH * 0.48, 'left', 'bold');
      text(ctx, chrome.title, x + CONTENT_WIDTH * 0.5, 34, CONTENT_WIDTH * 0.5, 'right', 'regular');
      doc.moveTo(x, 48).lineTo(x + CONTENT_WIDTH, 48).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    }
    const footY = PAGE.height - 40;
    doc.moveTo(x, footY - 8).lineTo(x + CONTENT_WIDTH, footY - 8).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    text(ctx, chrome.footer, x, footY, CONTENT_WIDTH * 0.75, 'left', 'regular');
    text(ctx, `Page ${pageNo} of ${range.count}`, x + CONTENT_WIDTH * 0.75, footY, CONTENT_WIDTH * 0.25, 'right', 'regular');
    doc.restore();
    doc.endMarkedContent();
  }
}

function text(ctx: Ctx, value: string, x: number, y: number, width: number, align: 'left' | 'right', face: 'regular' | 'bold'): void {
  // One line with an ellipsis: pdfkit neither wraps nor adds a page in the margin area.
  write(ctx, value, x, y, { face, size: 7, color: COLOR.muted, width, align, maxLines: 1, lineGap: 0, bare: true });
}
