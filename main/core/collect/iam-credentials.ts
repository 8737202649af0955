/**
 * The IAM credential report (one CSV for the root user and every IAM user) and the account
 * password policy. Both are account-wide, so global datasets sent to the home region.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetCredentialReportCommand,
  type GenerateCredentialReportCommandOutput,
  type GetAccountPasswordPolicyCommandOutput,
  type GetCredentialReportCommandOutput,
  type PasswordPolicy,
} from '@aws-sdk/client-iam';
import { classifyError } from '../engine/classify.ts';
import { absenceCode, orAbsent } from './absence.ts';
import type { CollectContext, DatasetDef } from './types.ts';

/** One CSV row, every value exactly as AWS wrote it ("N/A", "no_information", "not_supported", ISO times). */
export type CredentialReportRow = Record<string, string>;

export interface StoredCredentialReport {
  GeneratedTime: string | null;
  /** The header line, so a check can tell a missing column from an empty value. */
  columns: string[];
  rows: CredentialReportRow[];
}

export interface StoredPasswordPolicy {
  /** null: the account has no password policy (NoSuchEntity), so IAM's defaults apply. */
  PasswordPolicy: PasswordPolicy | null;
  /** The code that said so ("NoSuchEntity"); absent in snapshots taken before it was kept. */
  NotFound?: string;
}

/** IAM usually builds a report in seconds; 12 polls with backoff stay under a minute in all. */
const POLL_DELAYS_MS = [250, 500, 1000, 1000, 2000, 2000, 4000, 4000, 8000, 8000, 10_000, 10_000];

export const iamCredentialDatasets: DatasetDef[] = [
  {
    id: 'iam:GetCredentialReport',
    service: 'iam',
    scope: 'global',
    iamActions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
    async collect(ctx): Promise<StoredCredentialReport> {
      const out = await fetchReport(ctx);
      const text = Buffer.from(out.Content ?? new Uint8Array()).toString('utf8');
      const [columns = [], ...records] = parseCsv(text);
      const rows = records
        .filter((r) => r.some((v) => v !== ''))
        .map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? ''])) as CredentialReportRow);
      return { GeneratedTime: out.GeneratedTime?.toISOString() ?? null, columns, rows };
    },
  },
  {
    id: 'iam:GetAccountPasswordPolicy',
    service: 'iam',
    scope: 'global',
    iamActions: ['iam:GetAccountPasswordPolicy'],
    collect(ctx): Promise<StoredPasswordPolicy> {
      // NoSuchEntity (404) is IAM's documented answer for "no policy set"; anything else stays an error.
      return orAbsent(
        ['NoSuchEntity'],
        async () => {
          const out = await ctx.send<GetAccountPasswordPolicyCommandOutput>(ctx.session.client('iam', ctx.homeRegion), new GetAccountPasswordPolicyCommand({}));
          return { PasswordPolicy: out.PasswordPolicy ?? null };
        },
        (code) => ({ PasswordPolicy: null, NotFound: code }),
      );
    },
  },
];

/**
 * Asks IAM to build the report (GenerateCredentialReport changes no configuration; the read-only
 * allowlist names it) and reads it once COMPLETE. A principal refused GenerateCredentialReport may
 * still read a report someone built in the last four hours, so that is tried before giving up.
 */
async function fetchReport(ctx: CollectContext): Promise<GetCredentialReportCommandOutput> {
  const client = ctx.session.client('iam', ctx.homeRegion);
  for (let attempt = 0; ; attempt++) {
    let generated: GenerateCredentialReportCommandOutput;
    try {
      generated = await ctx.send<GenerateCredentialReportCommandOutput>(client, new GenerateCredentialReportCommand({}));
    } catch (err) {
      if (attempt > 0 || !DENIED.has(classifyError(err).kind)) throw err;
      return existingReport(ctx, err);
    }
    if (generated.State === 'COMPLETE') {
      try {
        return await ctx.send<GetCredentialReportCommandOutput>(client, new GetCredentialReportCommand({}));
      } catch (err) {
        // A report that expired or is being rebuilt between the two calls: ask again.
        if (!absenceCode(err, REPORT_NOT_READY)) throw err;
      }
    }
    const delay = POLL_DELAYS_MS[attempt];
    if (delay === undefined) {
      throw Object.assign(new Error(`The credential report was not ready after ${POLL_DELAYS_MS.length} polls (last state ${generated.State ?? 'unknown'})`), { name: 'RequestTimeout' });
    }
    await sleep(delay, undefined, { signal: ctx.signal });
  }
}

const DENIED = new Set(['permission-denied', 'explicit-deny']);
/** ReportInProgress is 404, ReportExpired and ReportNotPresent 410 (IAM API reference; the SDK's model agrees). */
const REPORT_NOT_READY = ['ReportInProgress', 'ReportExpired', 'ReportNotPresent'];

/** GenerateCredentialReport was refused: read the current report if there is one, else report the refusal. */
async function existingReport(ctx: CollectContext, refused: unknown): Promise<GetCredentialReportCommandOutput> {
  try {
    return await ctx.send<GetCredentialReportCommandOutput>(ctx.session.client('iam', ctx.homeRegion), new GetCredentialReportCommand({}));
  } catch (err) {
    const absent = absenceCode(err, REPORT_NOT_READY);
    if (!absent) throw err;
    // The refusal stays the reason (a missing permission); the message adds why reading alone did not help.
    const e = refused as { message?: string };
    e.message = `${e.message ?? 'GenerateCredentialReport was refused'} (and there is no current credential report to read instead: ${absent})`;
    throw refused;
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
