/** The PDF report's options as the UI collects them, and the report:render request they become. */
import type { ApiRequest } from '../../../shared/api.ts';

export type Variant = 'full' | 'executive';
export type Protection = 'none' | 'password' | 'pdfa';

export interface ReportForm {
  variant: Variant;
  compare: string;
  redact: boolean;
  protection: Protection;
  password: string;
  client: string;
  consultant: string;
  firm: string;
}

export function reportRequest(scanId: string, form: ReportForm): ApiRequest<'report:render'> {
  const req: ApiRequest<'report:render'> = { scanId };
  if (form.variant === 'executive') req.executive = true;
  if (form.compare) req.compare = form.compare;
  if (form.redact) req.redact = true;
  if (form.protection === 'password') req.password = form.password;
  if (form.protection === 'pdfa') req.pdfa = true;
  if (form.client.trim()) req.client = form.client.trim();
  if (form.consultant.trim()) req.consultant = form.consultant.trim();
  if (form.firm.trim()) req.firm = form.firm.trim();
  // No logos: the core takes them from the engagement (see CoverLogos).
  return req;
}

/** A password must be long enough to be worth the encryption. */
export function passwordProblem(form: ReportForm): string | null {
  if (form.protection !== 'password') return null;
  return form.password.length < 8 ? 'Use at least 8 characters.' : null;
}

export const DATA_FORMATS = [
  { format: 'json', label: 'JSON', help: 'Every finding with its evidence, as Leasehold stores it.' },
  { format: 'csv', label: 'CSV', help: 'One row per finding, for spreadsheets.' },
  { format: 'ocsf', label: 'OCSF', help: 'OCSF 1.1 Compliance Finding events, for a SIEM or data lake.' },
] as const satisfies ReadonlyArray<{ format: ApiRequest<'export:render'>['format']; label: string; help: string }>;
export type DataFormat = (typeof DATA_FORMATS)[number]['format'];
