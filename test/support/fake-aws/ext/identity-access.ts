/**
 * Fake AWS operations and services added for the identity-access checks: the IAM credential
 * report (GenerateCredentialReport / GetCredentialReport, a base64 CSV with AWS's exact columns
 * and value conventions), ListVirtualMFADevices, ListServerCertificates, and IAM Access Analyzer.
 */
import {
  GenerateCredentialReportResponse$,
  GetCredentialReportResponse$,
  ListServerCertificatesResponse$,
  ListVirtualMFADevicesResponse$,
  type ServerCertificateMetadata,
  type VirtualMFADevice,
} from '@aws-sdk/client-iam';
import type { FakeAccount } from '../account.ts';
import { paginate } from '../params.ts';
import { AwsError, type OperationContext } from '../protocol.ts';
import { accessAnalyzer, type AccessAnalyzerFixture } from './accessanalyzer.ts';
import type { FakeAwsExtension } from './types.ts';

/** The credential report's columns, in AWS's order. */
export const REPORT_COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed', 'password_next_rotation',
  'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_1_last_used_region',
  'access_key_1_last_used_service', 'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date',
  'access_key_2_last_used_region', 'access_key_2_last_used_service', 'cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

/** One report row; a Date is written as AWS does (2024-05-01T09:30:00+00:00), a boolean as true/false. */
export type ReportRow = Partial<Record<ReportColumn, string | Date | boolean>> & { user: string; arn: string };

/** This area's part of a FakeAccount (account.ext.identityAccess). */
export interface IdentityAccessFixture {
  /** Absent: a report with only the root row, derived from the account summary. */
  credentialReport?: { generatedTime?: Date; rows: ReportRow[] };
  /** GenerateCredentialReport answers STARTED, then INPROGRESS, this many times before COMPLETE. */
  credentialReportPendingPolls?: number;
  virtualMfaDevices?: VirtualMFADevice[];
  serverCertificates?: ServerCertificateMetadata[];
  accessAnalyzer?: AccessAnalyzerFixture;
}

const fixture = (account: FakeAccount): IdentityAccessFixture => account.ext?.identityAccess ?? {};

export const ROOT = '<root_account>';

/** What AWS writes when a column has nothing to say: false for flags, N/A for dates and places. */
function defaultValue(column: ReportColumn, root: boolean): string {
  if (root && ['password_enabled', 'password_last_changed', 'password_next_rotation'].includes(column)) return 'not_supported';
  if (column.endsWith('_active')) return 'false';
  return 'N/A';
}

const awsTime = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');

function cell(value: string | Date | boolean): string {
  const text = value instanceof Date ? awsTime(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function credentialReportCsv(account: FakeAccount): string {
  const rows = fixture(account).credentialReport?.rows ?? [
    {
      user: ROOT,
      arn: `arn:aws:iam::${account.accountId}:root`,
      user_creation_time: new Date('2019-01-01T00:00:00Z'),
      mfa_active: account.iam.accountSummary.AccountMFAEnabled === 1,
      access_key_1_active: account.iam.accountSummary.AccountAccessKeysPresent === 1,
    },
  ];
  const lines = rows.map((row) => REPORT_COLUMNS.map((c) => cell(row[c] ?? defaultValue(c, row.user === ROOT))).join(','));
  return `${[REPORT_COLUMNS.join(','), ...lines].join('\n')}\n`;
}

/** Report generation state per account object (AWS keeps one report per account for four hours). */
const generation = new WeakMap<FakeAccount, { polls: number }>();

function generateCredentialReport({ account }: OperationContext) {
  const state = generation.get(account) ?? { polls: 0 };
  generation.set(account, state);
  state.polls += 1;
  const pending = fixture(account).credentialReportPendingPolls ?? 0;
  if (state.polls === 1 && pending > 0) return { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' };
  if (state.polls <= pending) return { State: 'INPROGRESS' };
  return { State: 'COMPLETE' };
}

function getCredentialReport({ account }: OperationContext) {
  const state = generation.get(account);
  if (!state) throw new AwsError('ReportNotPresent', 'Credential report does not exist. Use GenerateCredentialReport to generate a report.', 410);
  if (state.polls <= (fixture(account).credentialReportPendingPolls ?? 0)) {
    throw new AwsError('ReportInProgress', 'Credential report is being generated.', 404);
  }
  return {
    Content: credentialReportCsv(account),
    ReportFormat: 'text/csv',
    GeneratedTime: fixture(account).credentialReport?.generatedTime ?? new Date(),
  };
}

const validation = (message: string) => new AwsError('ValidationError', message, 400);

function maxItems(raw: string | null): number {
  const n = raw === null ? 100 : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw validation(`1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`);
  }
  return n;
}

function listVirtualMfaDevices({ account, params }: OperationContext) {
  const status = params.get('AssignmentStatus') ?? 'Any';
  if (!['Assigned', 'Unassigned', 'Any'].includes(status)) {
    throw validation(`1 validation error detected: Value '${status}' at 'assignmentStatus' failed to satisfy constraint: Member must satisfy enum value set: [Unassigned, Any, Assigned]`);
  }
  const all = (fixture(account).virtualMfaDevices ?? []).filter((d) => status === 'Any' || (status === 'Assigned') === Boolean(d.User));
  const page = paginate(all, { scope: `iam:ListVirtualMFADevices:${status}`, limit: maxItems(params.get('MaxItems')), token: params.get('Marker'), tokenError: validation('Invalid Marker.') });
  return { VirtualMFADevices: page.items, IsTruncated: page.nextToken !== undefined, Marker: page.nextToken };
}

function listServerCertificates({ account, params }: OperationContext) {
  const prefix = params.get('PathPrefix') ?? '/';
  const all = (fixture(account).serverCertificates ?? []).filter((c) => (c.Path ?? '/').startsWith(prefix));
  const page = paginate(all, { scope: `iam:ListServerCertificates:${prefix}`, limit: maxItems(params.get('MaxItems')), token: params.get('Marker'), tokenError: validation('Invalid Marker.') });
  return { ServerCertificateMetadataList: page.items, IsTruncated: page.nextToken !== undefined, Marker: page.nextToken };
}

export const identityAccessExtension: FakeAwsExtension = {
  services: [accessAnalyzer],
  operations: {
    iam: {
      GenerateCredentialReport: { output: GenerateCredentialReportResponse$, handle: generateCredentialReport },
      GetCredentialReport: { output: GetCredentialReportResponse$, handle: getCredentialReport },
      ListVirtualMFADevices: { output: ListVirtualMFADevicesResponse$, handle: listVirtualMfaDevices },
      ListServerCertificates: { output: ListServerCertificatesResponse$, handle: listServerCertificates },
    },
  },
};
