/**
 * A scan's findings as a file: JSON (the native Finding shape), CSV (one row per finding) or OCSF
 * (Compliance Finding events). Accepted risks are marked as of the scan's end, as in the report,
 * and redaction masks the same values the report's redaction does.
 */
import type { CheckMeta } from '../../../shared/model/check.ts';
import { ApiFailure } from '../api.ts';
import { partitionOf } from '../aws/partition.ts';
import { applyAcceptances, listAcceptances } from '../store/acceptances.ts';
import { engagementOfScan } from '../store/engagements.ts';
import { listFindings } from '../store/findings.ts';
import type { Db } from '../store/open.ts';
import { PART_HOOKS, scanDetailOf } from '../report/build-model.ts';
import { toCsv, toJson } from '../report/export.ts';
import { frameworkShort } from '../report/frameworks.ts';
import { reportFileName } from '../report/index.ts';
import { Redactor } from '../report/redact.ts';
import { toOcsf } from './ocsf.ts';

export const EXPORT_FORMATS = ['json', 'csv', 'ocsf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  scanId: string;
  format: ExportFormat;
  redact?: boolean;
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

/** Per check: the requirement ids it tests ("FSBP EC2.7") and the titles of their standards. */
export async function checkFrameworks(): Promise<{ requirements: Map<string, string[]>; standards: Map<string, string[]> }> {
  const requirements = new Map<string, string[]>();
  const standards = new Map<string, string[]>();
  try {
    const crosswalk = await PART_HOOKS.crosswalk();
    for (const r of crosswalk.requirements) {
      for (const check of r.checks) {
        requirements.set(check, [...(requirements.get(check) ?? []), `${frameworkShort(r.framework)} ${r.id}`]);
        const title = crosswalk.frameworks[r.framework] ?? r.framework;
        const list = standards.get(check) ?? [];
        if (!list.includes(title)) standards.set(check, [...list, title]);
      }
    }
  } catch {
    // Without the crosswalk the exports simply carry no framework ids.
  }
  return { requirements, standards };
}

export async function renderExport(db: Db, req: ExportRequest, checks: readonly CheckMeta[]): Promise<ExportFile> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(req.format)) {
    throw new ApiFailure('bad-request', `Unknown export format ${String(req.format).slice(0, 20)}; use json, csv or ocsf.`);
  }
  const scan = scanDetailOf(db, req.scanId);
  const asOf = scan.endedAt ?? scan.startedAt;
  const engagementId = engagementOfScan(db, scan.id);
  let findings = listFindings(db, scan.id);
  if (engagementId && !Number.isNaN(Date.parse(asOf))) findings = applyAcceptances(findings, listAcceptances(db, engagementId), new Date(asOf));
  const { requirements, standards } = await checkFrameworks();
  const redactor = req.redact ? new Redactor([scan.accountId, scan.callerArn]) : undefined;
  if (redactor) findings = redactor.value(findings);
  const name = (ext: string): string =>
    `${reportFileName({ client: redactor ? redactor.text(scan.label) : scan.label, accountId: redactor ? redactor.text(scan.accountId) : scan.accountId, date: asOf, suffix: redactor ? 'redacted' : '' })}.${ext}`;
  if (req.format === 'json') return { fileName: name('json'), mimeType: 'application/json', content: Buffer.from(toJson(findings, requirements)) };
  if (req.format === 'csv') return { fileName: name('csv'), mimeType: 'text/csv', content: Buffer.from(toCsv(findings, requirements)) };
  const partition = scan.callerArn.split(':')[1] || partitionOf(scan.regions[0] ?? 'us-east-1');
  const ocsf = toOcsf(findings, {
    scanId: scan.id,
    toolVersion: scan.toolVersion,
    time: asOf,
    partition,
    checks: new Map(checks.map((c) => [c.id, c])),
    requirements,
    standards,
  });
  return { fileName: name('ocsf.json'), mimeType: 'application/json', content: Buffer.from(ocsf) };
}
