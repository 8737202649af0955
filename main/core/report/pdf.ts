/**
 * The PDF report. Deterministic: every date comes from the scan, and pdfkit's file ID is a hash
 * of the document info, so the same model always renders to the same bytes.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { AREAS, type Area } from '../../../shared/model/area.ts';
import type { Finding } from '../../../shared/model/finding.ts';
import { drawChrome } from './chrome.ts';
import { drawCover } from './cover.ts';
import { drawCoverage } from './coverage.ts';
import { drawArea } from './findings.ts';
import { createCtx, fontFiles, newPage } from './layout.ts';
import { compareFindings, summarizeAreas, type ReportModel } from './model.ts';
import { parseDate, safeLine, xmpSafe } from './sanitize.ts';
import { drawSummary } from './summary.ts';
import { PAGE, REPORT_TITLE } from './theme.ts';

export interface RenderOptions {
  /** Folder holding DejaVuSans.ttf, DejaVuSans-Bold.ttf and DejaVuSansMono.ttf. */
  fontsDir: string;
}

export async function renderPdf(model: ReportModel, opts: RenderOptions): Promise<Buffer> {
  const fonts = fontFiles(opts.fontsDir);
  for (const file of Object.values(fonts)) {
    if (!existsSync(file)) throw new Error(`Report font not found: ${file}`);
  }
  // The scan's end (or start) stands in for "now": a re-render must not change the file.
  const date = parseDate(model.scan.endedAt) ?? parseDate(model.scan.startedAt) ?? new Date(0);
  const client = safeLine(model.clientName, 120, '');
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginX, right: PAGE.marginX },
    pdfVersion: '1.7',
    bufferPages: true,
    tagged: true,
    lang: 'en',
    displayTitle: true,
    // Without this pdfkit loads Helvetica, a non-embedded WinAnsi-only standard font.
    font: fonts.regular,
    info: {
      Title: xmpSafe(client ? `${REPORT_TITLE}: ${client}` : REPORT_TITLE),
      Author: 'Leasehold',
      Subject: xmpSafe(`Customer-side AWS controls of account ${safeLine(model.scan.accountId, 40)}`),
      Creator: 'Leasehold',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const ctx = createCtx(doc, fonts, root);

  drawCover(ctx, model);
  newPage(ctx);
  const summaries = summarizeAreas(model.findings);
  drawSummary(ctx, model, summaries);

  const byArea = groupByArea(model.findings);
  const checks = new Map(model.checks.map((c) => [c.id, c]));
  const inScope = new Set<string>(model.scan.areas);
  for (const summary of summaries) {
    newPage(ctx);
    drawArea(ctx, {
      area: summary.area,
      findings: byArea.get(summary.area) ?? [],
      summary,
      inScope: inScope.has(summary.area),
      checks,
    });
  }
  newPage(ctx);
  drawCoverage(ctx, model);

  drawChrome(ctx, model.clientName);
  root.end();
  doc.end();
  return done;
}

function groupByArea(findings: readonly Finding[]): Map<Area, Finding[]> {
  const map = new Map<Area, Finding[]>(AREAS.map((a) => [a, []]));
  for (const f of [...findings].sort(compareFindings)) map.get(f.area)?.push(f);
  return map;
}
