/**
 * Reading the compute-maintenance datasets back from a snapshot, joined by instance id. Shared by
 * the checks and the per-instance view so both read the same facts the same way.
 */
import type { Instance } from '@aws-sdk/client-ec2';
import type { AccountState, FailedAccount } from '@aws-sdk/client-inspector2';
import type { StoredInspectorFinding } from '../collect/inspector2.ts';
import type { Read, Snapshot } from '../engine/snapshot.ts';

export type OkRead<T> = Extract<Read<T>, { ok: true }>;

/** Instances that exist: terminated ones linger in DescribeInstances for about an hour. */
export function isLive(i: Instance): boolean {
  const state = i.State?.Name;
  return state !== 'terminated' && state !== 'shutting-down';
}

export function liveInstances(snap: Snapshot, region: string): Read<Instance[]> {
  const read = snap.read<Instance[]>('ec2:DescribeInstances', region);
  return read.ok ? { ...read, data: read.data.filter(isLive) } : read;
}

export function indexBy<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (k && !map.has(k)) map.set(k, item);
  }
  return map;
}

/**
 * Milliseconds since the epoch of an API timestamp: a Date fresh from the SDK, the ISO string it
 * becomes once the snapshot has been stored, or milliseconds already. null when absent or unreadable.
 */
export function timeOf(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value) {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

export const DAY_MS = 86_400_000;

export function isoOf(value: unknown): string | null {
  const t = timeOf(value);
  return t === null ? null : new Date(t).toISOString();
}

export interface InspectorAccountStatus {
  accounts: AccountState[];
  failedAccounts: FailedAccount[];
}

export type InspectorScanType = 'ec2' | 'ecr' | 'lambda' | 'lambdaCode';

/** What the checks say when the status is inferred from an empty answer (see inspectorScanStatus). */
export const INSPECTOR_NEVER_ACTIVATED = 'Inspector answered with no status at all for the account, which is how an emulator (moto) reports an account that never activated Inspector there; AWS itself lists such an account as DISABLED';

/**
 * One scan type's status for this account, as BatchGetAccountStatus reports it. `failed` when AWS
 * could not say (failedAccounts), `missing` when the account or the scan type is absent.
 * An answer with neither accounts nor failedAccounts at all is DISABLED, `inferred`: AWS answers
 * for every account asked for (API_BatchGetAccountStatus: "for each of the requested accounts"),
 * listing one that never activated Inspector as DISABLED, so only an emulator sends that, and moto
 * (5.x) sends it exactly when Inspector was never activated in the region.
 */
export function inspectorScanStatus(
  data: InspectorAccountStatus,
  accountId: string,
  type: InspectorScanType,
): { kind: 'status'; status: string; account: AccountState; inferred?: true } | { kind: 'failed'; failed: FailedAccount } | { kind: 'missing' } {
  if (data.accounts.length === 0 && data.failedAccounts.length === 0) {
    return { kind: 'status', status: 'DISABLED', account: { accountId, state: { status: 'DISABLED', errorCode: undefined, errorMessage: undefined }, resourceState: undefined }, inferred: true };
  }
  const failed = data.failedAccounts.find((f) => f.accountId === accountId);
  if (failed) return { kind: 'failed', failed };
  const account = data.accounts.find((a) => a.accountId === accountId);
  const status = account?.resourceState?.[type]?.status;
  return account && status ? { kind: 'status', status, account } : { kind: 'missing' };
}

/** Active findings by the EC2 instance they are about. */
export function findingsByInstance(findings: readonly StoredInspectorFinding[]): Map<string, StoredInspectorFinding[]> {
  const map = new Map<string, StoredInspectorFinding[]>();
  for (const f of findings) {
    if (f.status !== undefined && f.status !== 'ACTIVE') continue;
    for (const r of f.resources) {
      if (r.type !== 'AWS_EC2_INSTANCE' || !r.id) continue;
      map.set(r.id, [...(map.get(r.id) ?? []), f]);
    }
  }
  return map;
}

export interface FindingCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
  other: number;
  fixAvailable: number;
  exploitAvailable: number;
}

export function countFindings(findings: readonly StoredInspectorFinding[]): FindingCounts {
  const c: FindingCounts = { critical: 0, high: 0, medium: 0, low: 0, other: 0, fixAvailable: 0, exploitAvailable: 0 };
  for (const f of findings) {
    if (f.severity === 'CRITICAL') c.critical += 1;
    else if (f.severity === 'HIGH') c.high += 1;
    else if (f.severity === 'MEDIUM') c.medium += 1;
    else if (f.severity === 'LOW') c.low += 1;
    else c.other += 1;
    if (f.fixAvailable === 'YES' || f.fixAvailable === 'PARTIAL') c.fixAvailable += 1;
    if (f.exploitAvailable === 'YES') c.exploitAvailable += 1;
  }
  return c;
}
