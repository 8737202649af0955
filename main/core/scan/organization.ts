/**
 * Every account of an AWS Organization in one run: from the management (or a delegated
 * administrator) account, list the accounts, scan the caller's own with its own credentials and
 * each active member through the named role, each its own scan, all in one engagement. A member
 * that can't be signed in to is reported, never stops the others; a few accounts collect at once.
 * A member's scan keeps the role it signed in through, so it can be resumed on its own.
 */
import type { SkippedAccount } from '../../../shared/api.ts';
import { ApiFailure } from '../api.ts';
import { accountState, assumeRoleDenied, describeOrganization, memberAccess, memberSession, roleSessionName, validateMemberRole, type MemberAccess } from '../aws/org-session.ts';
import { AwsSession } from '../aws/session.ts';
import { listEngagements, saveEngagement } from '../store/engagements.ts';
import type { Db } from '../store/open.ts';
import { withNewEngagementDefaults } from '../store/settings.ts';
import { startScan, type RunningScan, type ScanDeps, type ScanRequest } from './run-scan.ts';

/** Accounts collecting at once; each scan already runs many calls in parallel. */
export const ACCOUNTS_AT_ONCE = 4;
/** Sign-ins (AssumeRole, GetCallerIdentity, DescribeRegions) in flight at once. */
const SIGN_INS_AT_ONCE = 8;

export interface OrganizationScanRequest extends Omit<ScanRequest, 'session' | 'turn'> {
  /** The role's name in every member account, e.g. OrganizationAccountAccessRole. */
  role: string;
  externalId?: string;
  /** Only these account ids (the caller's own included only if listed). */
  accounts?: string[];
}

export interface OrganizationScanResult {
  engagementId: string;
  scanIds: string[];
  skipped: SkippedAccount[];
}

export interface OrganizationScanOptions {
  /** Called as each scan starts, so it can be followed and cancelled before the others start. */
  onStarted: (scan: RunningScan) => void;
  accountsAtOnce?: number;
}

/** Resolves once every account has started (queued for its turn to collect) or been skipped. */
export async function startOrganizationScan(deps: ScanDeps, req: OrganizationScanRequest, opts: OrganizationScanOptions): Promise<OrganizationScanResult> {
  validateMemberRole(req.role, req.externalId);
  const wanted = req.accounts === undefined ? undefined : new Set(req.accounts);
  const bad = req.accounts?.find((a) => typeof a !== 'string' || !/^\d{12}$/.test(a));
  if (bad !== undefined) throw new ApiFailure('bad-request', `"${String(bad).slice(0, 40)}" is not an AWS account id (12 digits).`);
  if (req.engagementId !== undefined && (typeof req.engagementId !== 'string' || !deps.db.prepare('SELECT 1 FROM engagements WHERE id = ?').get(req.engagementId))) {
    throw new ApiFailure('not-found', `No engagement with id "${String(req.engagementId).slice(0, 60)}".`);
  }
  const now = deps.now ?? (() => new Date());
  const parent = await AwsSession.open({ profile: req.profile, env: deps.env, mfaCodeProvider: req.mfaCodeProvider, onCredentialsExpired: req.onCredentialsExpired });
  let parentScanned = false;
  try {
    const caller = await parent.identity();
    const org = await describeOrganization(parent, caller);
    const skipped: SkippedAccount[] = [];
    const targets: string[] = [];
    for (const account of org.accounts) {
      const id = account.Id ?? '';
      if (wanted && !wanted.has(id)) continue;
      const state = accountState(account);
      if (state === 'ACTIVE') targets.push(id);
      else skipped.push({ accountId: id, code: 'not-active', reason: `The account is ${state} in the organization: nothing to scan.` });
    }
    for (const id of wanted ?? []) {
      if (!org.accounts.some((a) => a.Id === id)) skipped.push({ accountId: id, code: 'not-in-organization', reason: `Not an account of organization ${org.id || 'listed by this profile'}.` });
    }
    const engagementId = req.engagementId ?? organizationEngagement(deps.db, org.id || `organization of ${caller.accountId}`, org.managementAccountId, now());
    const sessionName = roleSessionName(now());
    const turn = turns(opts.accountsAtOnce ?? ACCOUNTS_AT_ONCE);
    const scanIds = new Map<string, string>();
    await eachBounded(targets, SIGN_INS_AT_ONCE, async (accountId) => {
      const own = accountId === caller.accountId;
      if (own) parentScanned = true;
      const access = own ? undefined : memberAccess(parent, accountId, req.role, req.externalId);
      const session = access ? memberSession(parent, access, sessionName) : parent;
      try {
        const running = await startScan(deps, { profile: req.profile, regions: req.regions, areas: req.areas, engagementId, session, access, turn });
        scanIds.set(accountId, running.scanId);
        opts.onStarted(running);
      } catch (err) {
        skipped.push(access ? memberNotStarted(accountId, err, access, caller.arn) : notStarted(accountId, err));
      }
    });
    return { engagementId, scanIds: targets.flatMap((id) => scanIds.get(id) ?? []), skipped: sortSkipped(skipped, org.accounts.map((a) => a.Id ?? '')) };
  } finally {
    // A scan of the caller's own account closes the parent when it ends; members only borrow its credentials.
    if (!parentScanned) parent.close();
  }
}

/** The engagement named after the organization, reused by later runs. */
function organizationEngagement(db: Db, name: string, managementAccountId: string, at: Date): string {
  const existing = listEngagements(db).find((e) => e.client === name);
  if (existing) return existing.id;
  const notes = `AWS Organization ${name}${managementAccountId ? `, management account ${managementAccountId}` : ''}.`;
  return saveEngagement(db, withNewEngagementDefaults(db, { client: name, notes }), at).id;
}

function memberNotStarted(accountId: string, err: unknown, access: MemberAccess, callerArn: string): SkippedAccount {
  if (err instanceof ApiFailure && err.code === 'aws-assume-role-denied') return { accountId, code: 'assume-role-denied', reason: assumeRoleDenied(access, callerArn) };
  return notStarted(accountId, err);
}

function notStarted(accountId: string, err: unknown): SkippedAccount {
  const code = err instanceof ApiFailure ? err.code : 'error';
  return { accountId, code: 'not-started', reason: `${code}: ${String((err as Error)?.message ?? err).split('\n', 1)[0]}` };
}

function sortSkipped(skipped: SkippedAccount[], order: string[]): SkippedAccount[] {
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  return skipped.sort((a, b) => rank(a.accountId) - rank(b.accountId));
}

async function eachBounded<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** At most `limit` holders at once, first come first served; a holder cancelled while waiting leaves the queue. */
function turns(limit: number): NonNullable<ScanRequest['turn']> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    active -= 1;
    waiting.shift()?.();
  };
  return (signal) =>
    new Promise((resolve) => {
      const start = (): void => {
        signal.removeEventListener('abort', cancel);
        active += 1;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          release();
        });
      };
      const cancel = (): void => {
        const i = waiting.indexOf(start);
        if (i >= 0) waiting.splice(i, 1);
        resolve(() => {});
      };
      if (signal.aborted) resolve(() => {});
      else if (active < limit) start();
      else {
        waiting.push(start);
        signal.addEventListener('abort', cancel, { once: true });
      }
    });
}
