/**
 * What the PDF/A-2b variant needs beyond pdfkit's `subset: 'PDF/A-2b'` (which writes the XMP
 * identification and an sRGB output intent). Each rule here answers a clause that the audit in
 * test/unit/report-pdfa.test.ts found failing or at risk on real reports:
 * - ISO 19005-2 6.2.4.3: with an sRGB (RGB) output intent, DeviceCMYK may not be drawn, and pdfkit
 *   embeds a CMYK JPEG as DeviceCMYK. Without a CMYK profile to convert with, such a logo is refused.
 * - 6.6.2.1: the XMP packet must be well-formed XML, and pdfkit copies the document information
 *   into it unescaped, so it is XML-escaped for that copy (`escapeInfoInXmp`), for every variant.
 * - Info and XMP must agree: pdfkit writes xmp:CreateDate only, so xmp:ModifyDate is added here.
 */
import PDFDocument from 'pdfkit';
import { ApiFailure } from '../api.ts';
import type { ReportModel } from './model.ts';

// U+FFFE and U+FFFF are the only characters XML 1.0 forbids that a cleaned line can still hold
// (controls and lone surrogates are already gone); one of them makes the whole packet unreadable.
const NOT_XML = /[\uFFFE\uFFFF]/g;

/** Text for the document information dictionary (kept as typed: "Smith & Sons" stays so). */
export function metadataText(text: string): string {
  return text.replace(NOT_XML, '');
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * pdfkit copies the document information into the XMP packet unescaped (its _addInfo), after it
 * has written the information dictionary itself. For that step only, the values are XML-escaped,
 * so the packet stays well-formed and reads back as the very text of the dictionary (6.6.2.1, and
 * Info equal to XMP). Call once, right after creating the document.
 */
export function escapeInfoInXmp(doc: PDFKit.PDFDocument): void {
  const target = doc as unknown as { _addInfo(): void; info: Record<string, unknown> };
  const addInfo = target._addInfo.bind(target);
  target._addInfo = () => {
    const typed = { ...target.info };
    for (const [key, value] of Object.entries(typed)) {
      if (typeof value === 'string') target.info[key] = value.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
    }
    try {
      addInfo();
    } finally {
      Object.assign(target.info, typed);
    }
  };
}

interface PdfkitImage {
  colorSpace?: string;
}

const ROLE: Readonly<Record<'client' | 'firm', string>> = { client: 'The client logo', firm: 'The logo of the firm' };

/** Refuses, in one line, a logo PDF/A-2b with an sRGB output intent cannot carry. */
export function checkPdfaLogos(model: ReportModel): void {
  for (const role of ['client', 'firm'] as const) {
    const logo = model.logos?.[role];
    if (logo?.format !== 'jpeg') continue;
    // openImage parses without drawing and reports the colour space pdfkit would embed.
    const image = (new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): PdfkitImage }).openImage(logo.data);
    if (image.colorSpace === 'DeviceCMYK') {
      throw new ApiFailure('bad-request', `${ROLE[role]} is a CMYK JPEG, which a PDF/A-2b report (sRGB) cannot carry: save it as an RGB PNG or JPEG, or export without PDF/A.`);
    }
  }
}

/** XMP dates matching the document information (pdfkit writes xmp:CreateDate only). Call before doc.end(). */
export function addPdfaDates(doc: PDFKit.PDFDocument, date: Date): void {
  const iso = `${date.toISOString().split('.')[0]}Z`;
  doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${iso}</xmp:ModifyDate>
            <xmp:MetadataDate>${iso}</xmp:MetadataDate>
        </rdf:Description>
        `);
}
