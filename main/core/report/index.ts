/**
 * The report as a file: builds the model from the store, masks it when redaction is asked for,
 * renders the PDF variant and names the file. What the handler and the CLI call.
 */
import type { CheckMeta } from '../../../shared/model/check.ts';
import { ApiFailure } from '../api.ts';
import type { Db } from '../store/open.ts';
import { safeFileName } from '../util/file-names.ts';
import { buildModelFromStore, type ReportRequest } from './build-model.ts';
import type { ReportModel } from './model.ts';
import { checkRenderOptions, renderPdf, reportKind, type RenderOptions } from './pdf.ts';
import { Redactor } from './redact.ts';

export interface ReportFileRequest extends ReportRequest {
  executive?: boolean;
  redact?: boolean;
  password?: string;
  pdfa?: boolean;
}

export function reportFileName(parts: { client: string; accountId: string; date: string; suffix?: string }): string {
  return safeFileName(`leasehold-${parts.client}-${parts.accountId}-${parts.date.slice(0, 10)}${parts.suffix ? `-${parts.suffix}` : ''}`);
}

/** Masks account IDs, ARNs, IP and e-mail addresses everywhere in the model, the scanned account first (account-1). */
export function redactModel(model: ReportModel): ReportModel {
  // Logos are images and the fingerprints are hashes: nothing in them to mask, and a hash must stay intact.
  const { logos, snapshotDigest, checksVersion, ...rest } = model;
  const redactor = new Redactor([model.scan.accountId, model.scan.callerArn]);
  return {
    ...redactor.value(rest),
    ...(logos ? { logos } : {}),
    ...(snapshotDigest ? { snapshotDigest: snapshotDigest.available ? snapshotDigest : redactor.value(snapshotDigest) } : {}),
    ...(checksVersion ? { checksVersion } : {}),
    redacted: true,
  };
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ApiFailure('bad-request', `${name} must be text.`);
  return value;
}

/** Checks a request from the UI or the CLI before any work: types, and options that exclude each other. */
export function validateReportRequest(req: ReportFileRequest): ReportFileRequest {
  for (const key of ['executive', 'redact', 'pdfa'] as const) {
    if (req[key] !== undefined && typeof req[key] !== 'boolean') throw new ApiFailure('bad-request', `${key} must be true or false.`);
  }
  const out: ReportFileRequest = { scanId: req.scanId };
  for (const key of ['compareTo', 'client', 'consultant', 'firm', 'title', 'clientLogo', 'firmLogo', 'logoData', 'firmLogoData', 'password'] as const) {
    const v = optionalString(req[key], key);
    if (v !== undefined) out[key] = v;
  }
  if (req.executive) out.executive = true;
  if (req.redact) out.redact = true;
  if (req.pdfa) out.pdfa = true;
  try {
    checkRenderOptions({ password: out.password, pdfa: out.pdfa });
  } catch (err) {
    throw new ApiFailure('bad-request', (err as Error).message);
  }
  return out;
}

export async function renderReportFile(db: Db, request: ReportFileRequest, deps: { fontsDir: string; checks: CheckMeta[] }): Promise<{ fileName: string; pdf: Buffer }> {
  const req = validateReportRequest(request);
  let model = await buildModelFromStore(db, req, deps.checks);
  if (req.redact) model = redactModel(model);
  const opts: RenderOptions = {
    fontsDir: deps.fontsDir,
    variant: req.executive ? 'executive' : 'full',
    ...(req.password !== undefined ? { password: req.password } : {}),
    ...(req.pdfa ? { pdfa: true } : {}),
  };
  const kind = reportKind(model, opts);
  const suffix = [kind === 'full' ? '' : kind, req.redact ? 'redacted' : ''].filter(Boolean).join('-');
  const pdf = await renderPdf(model, opts);
  return { fileName: `${reportFileName({ client: model.clientName, accountId: model.scan.accountId, date: model.scan.endedAt ?? model.scan.startedAt, suffix })}.pdf`, pdf };
}
