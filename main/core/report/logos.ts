/**
 * The cover's logos and where each comes from, first found wins: the image sent with the request
 * (UI), a file path (CLI), the logo kept with the engagement. Every one is checked the same way
 * (intact PNG or JPEG, then opened by pdfkit) before the renderer sees it.
 */
import { readFileSync, statSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Engagement } from '../../../shared/model/engagement.ts';
import { ApiFailure } from '../api.ts';
import { LOGO_ROLES, checkLogo, logoBytesFrom, type EngagementLogos } from '../store/engagement-logos.ts';
import { inspectImage, pngWithoutMetadata } from '../util/image-check.ts';
import type { ReportImage, ReportModel } from './model.ts';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface PdfkitImages {
  openImage(src: Buffer): { width: number; height: number };
}

/** Bytes that pass the image check and that pdfkit opens with the same size; `what` starts the refusal. */
export function pdfImage(data: Buffer, what: string, fix = ''): ReportImage {
  const refuse = (why: string): ApiFailure => new ApiFailure('bad-request', `${what} ${why}${fix}.`);
  let info;
  try {
    info = inspectImage(data);
  } catch (err) {
    throw refuse((err as Error).message);
  }
  // What reaches the PDF is the picture only: a PNG's text, EXIF or ICC chunks stay out.
  const image = info.format === 'png' ? pngWithoutMetadata(data) : data;
  let opened: { width: number; height: number };
  try {
    // openImage parses without drawing; @types/pdfkit does not declare it.
    opened = (new PDFDocument({ autoFirstPage: false }) as unknown as PdfkitImages).openImage(image);
  } catch (err) {
    // pdfkit throws bare strings as well as Errors.
    throw refuse(`cannot be opened by the PDF renderer (${String(err instanceof Error ? err.message : err).split('\n', 1)[0]?.slice(0, 120)})`);
  }
  if (opened.width !== info.width || opened.height !== info.height) throw refuse('cannot be read consistently by the PDF renderer');
  return { data: image, format: info.format };
}

/** A logo file: PNG or JPEG, at most 5 MB; anything else is a clear error. */
export function readLogoFile(path: string): ReportImage {
  let data: Buffer;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) throw new ApiFailure('bad-request', `The logo ${path} is larger than 5 MB.`);
    data = readFileSync(path);
  } catch (err) {
    if (err instanceof ApiFailure) throw err;
    throw new ApiFailure('bad-request', `Cannot read the logo ${path}: ${(err as NodeJS.ErrnoException).code ?? 'unknown error'}.`);
  }
  return pdfImage(data, `The logo ${path}`);
}

/** engagements:save with logos: what the store checks, and that pdfkit opens each one. */
export function checkLogosRenderable(logos: unknown): void {
  if (typeof logos !== 'object' || logos === null) return;
  for (const role of LOGO_ROLES) {
    const logo = (logos as Record<string, unknown>)[role];
    if (logo === undefined || logo === null) continue;
    const { base64 } = checkLogo(logo, role);
    pdfImage(Buffer.from(base64, 'base64'), `The ${role} logo`);
  }
}

export interface LogoSources {
  /** base64 PNG or JPEG from the request. */
  clientData?: string;
  firmData?: string;
  /** Paths of PNG or JPEG files. */
  clientPath?: string;
  firmPath?: string;
}

function fromData(base64: string, what: string): ReportImage {
  return pdfImage(logoBytesFrom(base64, what), what);
}

function fromEngagement(logos: EngagementLogos | undefined, role: keyof EngagementLogos): ReportImage | undefined {
  const logo = logos?.[role];
  if (!logo) return undefined;
  return pdfImage(Buffer.from(logo.base64, 'base64'), `The ${role} logo kept with the engagement`, '; choose it again or remove it in the engagement form');
}

/** The engagement's consultant logo is the cover's "prepared by" (firm) logo. */
export function coverLogos(req: LogoSources, engagement: Engagement | undefined): ReportModel['logos'] | undefined {
  const stored = engagement?.settings.logos;
  const client = req.clientData !== undefined ? fromData(req.clientData, 'The logo data (logoData)') : req.clientPath ? readLogoFile(req.clientPath) : fromEngagement(stored, 'client');
  const firm = req.firmData !== undefined ? fromData(req.firmData, 'The firm logo data (firmLogoData)') : req.firmPath ? readLogoFile(req.firmPath) : fromEngagement(stored, 'consultant');
  return client || firm ? { ...(client ? { client } : {}), ...(firm ? { firm } : {}) } : undefined;
}
