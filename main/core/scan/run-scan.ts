/**
 * One scan, start to finish: sign in, plan regions, collect (stored unit by unit), evaluate,
 * store findings. Errors before collection are one-line ApiFailures for the caller; once the
 * scan runs, it always ends with a status. An interrupted or cancelled scan resumes from what
 * it had already stored.
 */
import { AREAS, type Area } from '../../../shared/model/area.ts';
import type { ScanStatus, ScanSummary } from '../../../shared/model/scan.ts';
import { ApiFailure, type EmitEvent } from '../api.ts';
import { reopenMemberSession, roleSessionName } from '../aws/org-session.ts';
import { AwsSession, type CallerIdentity } from '../aws/session.ts';
import { CHECKS } from '../checks/index.ts';
import type { Check } from '../checks/types.ts';
import { scanDatasets } from './plan.ts';
import { collectSnapshot, type CollectProgress } from '../engine/collect.ts';
import { checksForAreas, evaluateChecks } from '../engine/evaluate.ts';
import { planRegions } from '../engine/regions.ts';
import { Snapshot } from '../engine/snapshot.ts';
import { authorizedPortsOf } from '../store/engagements.ts';
import { replaceFindings } from '../store/findings.ts';
import type { Db } from '../store/open.ts';
import { finishScan, getScan, getScanAccess, insertScan, markScanRunning, recordEndpoints, type ScanAccess } from '../store/scans.ts';
import { readRecords, writeRecords } from '../store/snapshot.ts';
import { CHECKS_VERSION } from './checks-version.ts';
import { newScanId } from './ids.ts';

export interface ScanDeps {
  db: Db;
  env: NodeJS.ProcessEnv;
  emit: EmitEvent;
  toolVersion: string;
  checks?: readonly Check[];
  now?: () => Date;
  concurrency?: number;
}

export interface ScanRequest {
  profile: string;
  regions?: string[] | 'all';
  areas?: Area[];
  mfaCodeProvider?: (serial: string) => Promise<string>;
  /** Asked when credentials expire mid-scan; see SessionOptions. */
  onCredentialsExpired?: (profile: string, message: string) => Promise<void>;
  /** The engagement (client) the scan belongs to; the "Unassigned" engagement when absent. */
  engagementId?: string;
  /** An open session to scan with instead of opening `profile` (an organization member's role); closed when the scan ends. */
  session?: AwsSession;
  /** The role `session` assumed from `profile`, kept with the scan so that a resume signs in the same way. */
  access?: ScanAccess;
  /** Waits for the scan's turn to collect (an organization scan bounds how many accounts collect at once); resolves to the release. */
  turn?: (signal: AbortSignal) => Promise<() => void>;
}

export interface RunningScan {
  scanId: string;
  cancel(): void;
  done: Promise<ScanStatus>;
}

export async function startScan(deps: ScanDeps, req: ScanRequest): Promise<RunningScan> {
  const now = deps.now ?? (() => new Date());
  const areas = req.areas && req.areas.length > 0 ? req.areas : [...AREAS];
  if (req.engagementId !== undefined && !deps.db.prepare('SELECT 1 FROM engagements WHERE id = ?').get(req.engagementId)) {
    throw new ApiFailure('not-found', `No engagement with id "${req.engagementId.slice(0, 60)}".`);
  }
  const session = req.session ?? (await AwsSession.open({ profile: req.profile, env: deps.env, mfaCodeProvider: req.mfaCodeProvider, onCredentialsExpired: req.onCredentialsExpired }));
  const startedAt = now();
  try {
    const identity = await session.identity();
    const plan = await planRegions(session, req.regions, startedAt);
    const scanId = newScanId(startedAt);
    insertScan(deps.db, {
      id: scanId,
      profile: req.profile,
      accountId: identity.accountId,
      callerArn: identity.arn,
      regions: plan.regions,
      areas,
      startedAt: startedAt.toISOString(),
      toolVersion: deps.toolVersion,
      checksVersion: CHECKS_VERSION,
      engagementId: req.engagementId,
      access: req.access,
    });
    writeRecords(deps.db, scanId, [plan.record]);
    const snapshot = new Snapshot({ accountId: identity.accountId, partition: session.partition, regions: plan.regions }, [plan.record]);
    return run(deps, session, scanId, areas, snapshot, req.turn);
  } catch (err) {
    session.close();
    throw err;
  }
}

/**
 * Continues an interrupted, cancelled or failed scan: stored units are kept, the rest collected.
 * A member's scan signs in as it first did, through its role assumed from the parent profile; it
 * collects at once (the organization's turns were for the run that started it).
 */
export async function resumeScan(
  deps: ScanDeps,
  scanId: string,
  mfaCodeProvider?: (serial: string) => Promise<string>,
  onCredentialsExpired?: ScanRequest['onCredentialsExpired'],
): Promise<RunningScan> {
  const scan = getScan(deps.db, scanId);
  if (!scan) throw new ApiFailure('not-found', `No scan with id "${scanId.slice(0, 60)}".`);
  if (scan.status === 'complete' || scan.status === 'running') {
    throw new ApiFailure('not-resumable', `Scan ${scanId} is ${scan.status}; only interrupted, cancelled or failed scans can be resumed.`);
  }
  const access = getScanAccess(deps.db, scanId);
  const profile = await AwsSession.open({ profile: scan.profile, env: deps.env, mfaCodeProvider, onCredentialsExpired });
  let session = profile;
  try {
    const member = access ? await memberSignIn(deps, scan, profile, access) : undefined;
    session = member?.session ?? profile;
    const identity = member?.identity ?? (await profile.identity());
    if (identity.accountId !== scan.accountId) {
      const how = access ? `Role ${access.roleArn} assumed from profile "${scan.profile}"` : `Profile "${scan.profile}"`;
      throw new ApiFailure('account-mismatch', `${how} now signs in to account ${identity.accountId}, but scan ${scanId} is of ${scan.accountId}.`);
    }
    markScanRunning(deps.db, scanId);
    const snapshot = new Snapshot({ accountId: scan.accountId, partition: session.partition, regions: scan.regions }, readRecords(deps.db, scanId));
    const running = run(deps, session, scanId, scan.areas, snapshot);
    // The member's session only borrows the profile's credentials: close the profile's clients after it.
    if (session !== profile) void running.done.finally(() => profile.close());
    return running;
  } catch (err) {
    session.close();
    profile.close();
    throw err;
  }
}

/** Signs in to the member again through its stored role; a refusal says which scan cannot resume, and why. */
async function memberSignIn(deps: ScanDeps, scan: ScanSummary, profile: AwsSession, access: ScanAccess): Promise<{ session: AwsSession; identity: CallerIdentity }> {
  if (access.roleArn.split(':')[4] !== scan.accountId) {
    throw new ApiFailure('account-mismatch', `Scan ${scan.id} is of ${scan.accountId}, but its stored role ${access.roleArn} is in another account.`);
  }
  try {
    return await reopenMemberSession(profile, access, roleSessionName(deps.now?.() ?? new Date()));
  } catch (err) {
    if (err instanceof ApiFailure && err.code === 'aws-assume-role-denied') throw new ApiFailure(err.code, `Scan ${scan.id} of account ${scan.accountId} cannot resume: ${err.message}`);
    throw err;
  }
}

function run(deps: ScanDeps, session: AwsSession, scanId: string, areas: Area[], snapshot: Snapshot, turn?: ScanRequest['turn']): RunningScan {
  const now = deps.now ?? (() => new Date());
  const checks = checksForAreas(deps.checks ?? CHECKS, areas);
  const controller = new AbortController();
  const began = Date.now();
  let last: CollectProgress = { unitsDone: 0, unitsTotal: 0, errors: 0, calls: 0, service: '', region: '' };

  const done = (async (): Promise<ScanStatus> => {
    let status: ScanStatus = 'complete';
    let error: string | undefined;
    let release: (() => void) | undefined;
    try {
      release = await turn?.(controller.signal);
      await collectSnapshot({
        session,
        datasets: scanDatasets(checks),
        regions: snapshot.meta.regions,
        snapshot,
        signal: controller.signal,
        concurrency: deps.concurrency,
        now,
        onRecords: (records) => writeRecords(deps.db, scanId, records),
        onProgress: (p) => {
          last = p;
          const elapsed = (Date.now() - began) / 1000;
          const eta = p.unitsDone > 0 ? Math.round((elapsed / p.unitsDone) * (p.unitsTotal - p.unitsDone)) : null;
          deps.emit('scan:progress', { scanId, phase: 'collecting', ...p, calls: session.calls, etaSeconds: eta });
        },
      });
      if (controller.signal.aborted) status = 'cancelled';
      deps.emit('scan:progress', { scanId, phase: 'evaluating', ...last, service: '', region: '', calls: session.calls, etaSeconds: 0 });
      replaceFindings(deps.db, scanId, evaluateChecks(checks, snapshot, { authorizedPorts: authorizedPortsOf(deps.db, scanId) }));
    } catch (err) {
      status = 'failed';
      error = (err as Error).message.split('\n', 1)[0];
    } finally {
      release?.();
      recordEndpoints(deps.db, scanId, session.endpoints);
      session.close();
    }
    const previousCalls = getScan(deps.db, scanId)?.calls ?? 0;
    finishScan(deps.db, scanId, status, now().toISOString(), previousCalls + session.calls, error);
    deps.emit('scan:finished', error ? { scanId, status, error } : { scanId, status });
    return status;
  })();

  return { scanId, cancel: () => controller.abort(), done };
}
