/**
 * The PDF report: document setup, the variant's sections in order, security and archiving.
 *
 * Deterministic: every date comes from the scan, pdfkit's file ID is an MD5 of the document info
 * (so it follows the scan), fonts are embedded by path in the order they are first used, and
 * nothing reads the clock or a random source, so the same model and options give the same bytes.
 * The exception is the password-protected variant: AES-256 needs a fresh random file key, salts
 * and initialisation vectors, so its bytes differ on every render while its decrypted content is
 * the same (see README.md, "Determinism").
 */
import PDFDocument from 'pdfkit';
import { AREAS, type Area } from '../../../shared/model/area.ts';
import type { Finding } from '../../../shared/model/finding.ts';
import { drawAppendix } from './appendix.ts';
import { drawChrome } from './chrome.ts';
import { drawComparison } from './comparison.ts';
import { drawCover, type ReportKind } from './cover.ts';
import { drawCoverage } from './coverage.ts';
import { drawArea } from './findings.ts';
import { fontSet } from './fonts.ts';
import { frameworkLabels } from './frameworks.ts';
import { createCtx, newPage, openSection, pageIndex, type Ctx } from './layout.ts';
import { compareFindings, type ReportModel } from './model.ts';
import { drawManualControls, drawRiskRegister } from './register.ts';
import { drawRoadmap } from './roadmap.ts';
import { addPdfaDates, checkPdfaLogos, escapeInfoInXmp, metadataText } from './pdfa.ts';
import { parseDate, safeLine } from './sanitize.ts';
import { drawSecurityHub } from './securityhub.ts';
import { drawResponsibility } from './srm.ts';
import { drawSummary } from './summary.ts';
import { PAGE, SECTION } from './theme.ts';
import { drawContents, type ReservedToc } from './toc.ts';

export type ReportVariant = 'full' | 'executive';

export interface RenderOptions {
  /** Folder holding the DejaVu fonts and the optional fallback fonts. */
  fontsDir: string;
  /** full (default) or executive: summary, responsibility, roadmap and coverage, no per-finding pages. */
  variant?: ReportVariant;
  /** Encrypt with AES-256 (PDF 1.7 extension level 3); the password opens the file. */
  password?: string;
  /** PDF/A-2b for archiving. Not combinable with a password. */
  pdfa?: boolean;
}

export const PDFA_PASSWORD_CONFLICT = 'A PDF/A file cannot be password-protected (PDF/A forbids encryption): choose a password or PDF/A, not both.';

export function checkRenderOptions(opts: Pick<RenderOptions, 'password' | 'pdfa'>): void {
  if (opts.password !== undefined && opts.pdfa) throw new Error(PDFA_PASSWORD_CONFLICT);
  if (opts.password !== undefined && opts.password.length === 0) throw new Error('The report password must not be empty.');
}

export function reportKind(model: ReportModel, opts: RenderOptions): ReportKind {
  return model.comparison ? 'comparison' : opts.variant === 'executive' ? 'executive' : 'full';
}

const KIND_NAME: Readonly<Record<ReportKind, string>> = { full: 'Full report', executive: 'Executive summary', comparison: 'Scan comparison' };

export async function renderPdf(model: ReportModel, opts: RenderOptions): Promise<Buffer> {
  checkRenderOptions(opts);
  if (opts.pdfa) checkPdfaLogos(model);
  const fonts = fontSet(opts.fontsDir);
  const kind = reportKind(model, opts);
  // The scan's end (or start) stands in for "now": a re-render must not change the file.
  const date = parseDate(model.scan.endedAt) ?? parseDate(model.scan.startedAt) ?? new Date(0);
  const client = safeLine(model.clientName, 120, '');
  const title = safeLine(model.title, 120);
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginX, right: PAGE.marginX },
    pdfVersion: opts.password !== undefined ? '1.7ext3' : '1.7',
    ...(opts.password !== undefined
      ? {
          userPassword: opts.password,
          ownerPassword: opts.password,
          permissions: { printing: 'highResolution', copying: true, contentAccessibility: true, documentAssembly: true, annotating: false, modifying: false, fillingForms: false },
        }
      : {}),
    ...(opts.pdfa ? { subset: 'PDF/A-2b' as const } : {}),
    bufferPages: true,
    tagged: true,
    lang: 'en',
    displayTitle: true,
    // Without this pdfkit loads Helvetica, a non-embedded WinAnsi-only standard font.
    font: fonts.regular,
    info: {
      // pdfkit also copies these into the XMP packet (escaped there by escapeInfoInXmp); the tool version comes from the store, maybe from an imported file.
      Title: metadataText(client ? `${title}: ${client}` : title),
      Author: metadataText(safeLine([model.consultant, model.firm].filter(Boolean).join(', '), 160, '') || 'Leasehold'),
      Subject: metadataText(`${KIND_NAME[kind]}: customer-side AWS controls of account ${safeLine(model.scan.accountId, 40)}`),
      Creator: 'Leasehold',
      Producer: metadataText(`Leasehold ${safeLine(model.scan.toolVersion, 20, '')} (PDFKit)`.replace('  ', ' ')),
      CreationDate: date,
      ModDate: date,
    },
  });
  escapeInfoInXmp(doc);
  coalesceContent(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const ctx = createCtx(doc, fonts, root);
  drawCover(ctx, model, kind);
  let toc: ReservedToc | undefined;
  if (kind !== 'executive') {
    newPage(ctx);
    toc = { page: pageIndex(ctx), section: openSection(ctx, SECTION.contents) };
  }
  if (kind === 'comparison' && model.comparison) {
    newPage(ctx);
    drawComparison(ctx, model, model.comparison, { lists: opts.variant !== 'executive' });
  } else {
    drawBody(ctx, model, kind);
  }
  newPage(ctx);
  drawAppendix(ctx, model, { full: kind === 'full', variant: `${KIND_NAME[kind]}${opts.pdfa ? ', PDF/A-2b' : ''}${opts.password !== undefined ? ', AES-256 encrypted' : ''}` });

  if (toc) drawContents(ctx, toc, ctx.anchors);
  drawChrome(ctx, {
    client: model.clientName,
    title,
    footer: `Confidential · ${model.firm ? `prepared by ${safeLine(model.firm, 60)} with Leasehold` : 'prepared with Leasehold'}`,
  });
  if (opts.pdfa) addPdfaDates(doc, date);
  root.end();
  doc.end();
  return done;
}

function drawBody(ctx: Ctx, model: ReportModel, kind: ReportKind): void {
  const full = kind === 'full';
  newPage(ctx);
  drawSummary(ctx, model, { links: full });
  newPage(ctx);
  drawResponsibility(ctx, model, { matrixTable: full });
  if (full) {
    const byArea = groupByArea(model.findings);
    const checks = new Map(model.checks.map((c) => [c.id, c]));
    const frameworks = frameworkLabels(model);
    const inScope = new Set<string>(model.scan.areas);
    for (const area of AREAS) {
      newPage(ctx);
      drawArea(ctx, model, { area, findings: byArea.get(area) ?? [], inScope: inScope.has(area), checks, frameworks });
    }
    newPage(ctx);
    drawSecurityHub(ctx, model);
    newPage(ctx);
    drawRiskRegister(ctx, model);
    ctx.y += 16;
    drawManualControls(ctx, model);
  }
  newPage(ctx);
  drawRoadmap(ctx, model, { links: full, ...(full ? {} : { maxRows: 8 }) });
  newPage(ctx);
  drawCoverage(ctx, model, { detail: full });
}

interface ContentStream {
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
}

/**
 * pdfkit turns every drawing operator into its own small byte array and, with buffered pages,
 * keeps them all until the end: about 230 bytes each, 280 MB for the million operators of a
 * 5,000-finding report. Operators are gathered here as text and handed over in 32 KB pieces;
 * the bytes written are the same.
 */
function coalesceContent(doc: PDFKit.PDFDocument): void {
  const patch = (): void => {
    const content = (doc as unknown as { page: { content: ContentStream } }).page.content;
    const write = content.write.bind(content);
    const end = content.end.bind(content);
    let pending: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (pending.length) write(pending.join('\n'));
      pending = [];
      size = 0;
    };
    content.write = (chunk) => {
      if (typeof chunk !== 'string') {
        flush();
        write(chunk);
        return;
      }
      pending.push(chunk);
      size += chunk.length;
      if (size > 32_768) flush();
    };
    content.end = (chunk) => {
      flush();
      end(chunk);
    };
  };
  patch();
  doc.on('pageAdded', patch);
}

function groupByArea(findings: readonly Finding[]): Map<Area, Finding[]> {
  const map = new Map<Area, Finding[]>(AREAS.map((a) => [a, []]));
  for (const f of [...findings].sort(compareFindings)) map.get(f.area)?.push(f);
  return map;
}
