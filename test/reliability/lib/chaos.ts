/**
 * Chaos scans: the seeded account scanned by the real CLI through the chaos proxy at several
 * fault rates. Wherever the data behind a check could be read, its findings must equal the clean
 * scan's; everywhere else a finding is NOT_ASSESSED with a reason; no run crashes or hangs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../shared/model/finding.ts';
import { CHECKS } from '../../../main/core/checks/index.ts';
import { datasetsFor } from '../../../main/core/collect/index.ts';
import type { SnapshotRecord } from '../../../main/core/engine/snapshot.ts';
import { listFindings } from '../../../main/core/store/findings.ts';
import { openDatabase } from '../../../main/core/store/open.ts';
import { listScans } from '../../../main/core/store/scans.ts';
import { readRecords } from '../../../main/core/store/snapshot.ts';
import { seeded } from '../../support/fake-aws/accounts/seeded.ts';
import { startFakeAws, writeAwsProfile } from '../../support/fake-aws/index.ts';
import { MIGRATIONS_DIR } from '../../support/temp.ts';
import { FAULT_KINDS, startChaosProxy, type FaultKind } from './chaos-proxy.ts';
import { cleanEnv, judgeCli, pool, runLeasehold, scratch, timed, type Mode, type Row, type SuiteResult } from './suite.ts';

interface ScanOutcome {
  findings: Finding[];
  records: SnapshotRecord[];
  status: string;
}

const findingKey = (f: Finding): string => `${f.checkId}|${f.region}|${f.resourceId}`;
const recordKey = (r: SnapshotRecord): string => `${r.dataset}|${r.region}|${r.resourceKey}`;

/** Every dataset a check reads, with the lists it depends on and the region plan. */
const CHECK_DATASETS = new Map(CHECKS.map((c) => [c.meta.id, new Set(['ec2:DescribeRegions', ...datasetsFor(c.needs).map((d) => d.id)])]));

function readScan(dbPath: string): ScanOutcome | undefined {
  const db = openDatabase(dbPath, MIGRATIONS_DIR);
  try {
    const scan = listScans(db)[0];
    if (!scan) return undefined;
    return { findings: listFindings(db, scan.id), records: readRecords(db, scan.id), status: scan.status };
  } finally {
    db.close();
  }
}

export interface Comparison {
  problems: string[];
  assessed: number;
  notAssessed: number;
  reasons: Record<string, number>;
  readableChecks: number;
  checks: number;
  /** Findings whose calls "succeeded" with mangled bodies that the check itself recognised as unreadable. */
  caughtByCheck: number;
}

/**
 * Two invariants. (1) Any PASS or FAIL given under chaos is the clean scan's status for that
 * resource, and any other finding is NOT_ASSESSED with a reason. (2) A check whose every record
 * (same keys as the clean scan's, all read) came through has exactly the clean scan's findings.
 */
export function compareScans(clean: ScanOutcome, chaos: ScanOutcome): Comparison {
  const problems: string[] = [];
  const cleanByKey = new Map(clean.findings.map((f) => [findingKey(f), f]));
  const reasons: Record<string, number> = {};
  let assessed = 0;
  for (const f of chaos.findings) {
    if (f.status === 'NOT_ASSESSED') {
      if (!f.reason?.kind || !f.reason.message) problems.push(`${findingKey(f)}: NOT_ASSESSED without a reason`);
      else reasons[f.reason.kind] = (reasons[f.reason.kind] ?? 0) + 1;
      continue;
    }
    assessed += 1;
    const c = cleanByKey.get(findingKey(f));
    if (!c) problems.push(`${findingKey(f)}: ${f.status} under chaos, absent from the clean scan`);
    else if (c.status !== f.status) problems.push(`${findingKey(f)}: ${f.status} under chaos, ${c.status} in the clean scan`);
  }
  let readableChecks = 0;
  let caughtByCheck = 0;
  const checkIds = new Set([...clean.findings, ...chaos.findings].map((f) => f.checkId));
  for (const checkId of checkIds) {
    const datasets = CHECK_DATASETS.get(checkId);
    if (!datasets) continue;
    const mine = (rs: SnapshotRecord[]) => rs.filter((r) => datasets.has(r.dataset));
    const chaosRecords = mine(chaos.records);
    const keys = (rs: SnapshotRecord[]) => rs.map(recordKey).sort().join('\n');
    if (!chaosRecords.every((r) => r.ok) || keys(chaosRecords) !== keys(mine(clean.records))) continue;
    readableChecks += 1;
    // A mangled body the SDK cannot tell from data (S3 returns a bucket policy as raw text) is read
    // "successfully"; the check's own validation must then say malformed-response, which is right.
    const unreadable = new Set(chaos.findings.filter((f) => f.checkId === checkId && f.status === 'NOT_ASSESSED' && f.reason?.kind === 'malformed-response').map(findingKey));
    const statuses = (fs: Finding[]) => fs.filter((f) => f.checkId === checkId && !unreadable.has(findingKey(f))).map((f) => `${findingKey(f)}=${f.status}`).sort();
    caughtByCheck += unreadable.size;
    const want = statuses(clean.findings);
    const got = statuses(chaos.findings);
    if (want.join('\n') !== got.join('\n')) {
      const missing = want.filter((x) => !got.includes(x));
      const extra = got.filter((x) => !want.includes(x));
      problems.push(`${checkId}: every call read, yet findings differ (missing ${missing.slice(0, 3).join(', ')}; extra ${extra.slice(0, 3).join(', ')})`);
    }
  }
  return { problems, assessed, notAssessed: chaos.findings.length - assessed, reasons, readableChecks, checks: checkIds.size, caughtByCheck };
}

export interface ChaosPlan {
  rates: number[];
  seeds: number[];
  timeoutMs: number;
  /** Consecutive throttled answers per burst. */
  burst: number;
}

export const CHAOS_PLANS: Record<Mode, ChaosPlan> = {
  // Quick mode keeps throttling bursts short: long bursts stack the SDK's back-off (up to 20 s a retry) on one call.
  quick: { rates: [0.05, 0.2], seeds: [11], timeoutMs: 150_000, burst: 2 },
  full: { rates: [0.05, 0.2, 0.35], seeds: [11, 23, 47], timeoutMs: 300_000, burst: 4 },
};

function fmtReasons(r: Record<string, number>): string {
  const parts = Object.entries(r).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  return parts.length ? parts.join(', ') : 'none';
}

function fmtInjected(i: Record<FaultKind, number>): string {
  return FAULT_KINDS.filter((k) => i[k] > 0).map((k) => `${k} ${i[k]}`).join(', ') || 'none';
}

export async function chaosSuite(mode: Mode, log: (line: string) => void = () => {}): Promise<SuiteResult> {
  const plan = CHAOS_PLANS[mode];
  return timed('chaos', 'Chaos scans (seeded account through a fault-injecting proxy)', async (rows: Row[], notes: string[]) => {
    const fake = await startFakeAws(seeded);
    const tmp = scratch('chaos');
    try {
      const scanThrough = async (name: string, rate: number, seed: number) => {
        const proxy = await startChaosProxy(fake.endpoint, { rate, seed, burst: plan.burst });
        try {
          const dir = join(tmp.dir, name);
          mkdirSync(dir);
          const files = writeAwsProfile(dir, { profile: 'audit', endpoint: proxy.endpoint, region: 'us-east-1' });
          const dbPath = join(dir, 'leasehold.db');
          const env = cleanEnv({ AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile });
          const args = ['scan', '--profile', 'audit', '--db', dbPath];
          const run = await runLeasehold(args, env, plan.timeoutMs);
          log(`chaos ${name}: exit ${run.code} in ${run.ms} ms, ${proxy.requests} requests, injected ${fmtInjected(proxy.injected)}`);
          return { run, problems: judgeCli(run, args), outcome: run.timedOut ? undefined : readScan(dbPath), requests: proxy.requests, injected: { ...proxy.injected } };
        } finally {
          await proxy.close();
        }
      };

      // All scans run side by side (the reference too): they wait on retries and back-off, not on the CPU.
      const plans = plan.rates.flatMap((rate) => plan.seeds.map((seed) => ({ rate, seed, name: `rate-${Math.round(rate * 100)}-seed-${seed}` })));
      const width = mode === 'quick' ? plans.length + 1 : 3;
      const all = await pool([{ rate: 0, seed: 1, name: 'clean' }, ...plans], width, (p) => scanThrough(p.name, p.rate, p.seed));
      const byName = new Map([{ name: 'clean' }, ...plans].map((p, i) => [p.name, all[i]!]));
      const clean = byName.get('clean')!;
      const cleanNa = clean.outcome?.findings.filter((f) => f.status === 'NOT_ASSESSED').length ?? -1;
      const cleanProblems = [...clean.problems];
      if (clean.run.code !== 0 || clean.outcome?.status !== 'complete') cleanProblems.push(`clean scan ended ${clean.outcome?.status ?? 'without a scan'} (exit ${clean.run.code})`);
      if (cleanNa !== 0) cleanProblems.push(`clean scan left ${cleanNa} findings NOT_ASSESSED`);
      rows.push({
        case: 'rate 0% (reference)',
        tried: `full scan of the seeded account through the proxy with no faults (${clean.requests} requests)`,
        outcome: `exit ${clean.run.code} in ${(clean.run.ms / 1000).toFixed(1)} s; ${clean.outcome?.findings.length ?? 0} findings, ${cleanNa} NOT_ASSESSED`,
        trials: 1,
        passed: cleanProblems.length === 0 ? 1 : 0,
        problems: cleanProblems,
      });
      if (!clean.outcome) return;

      for (const rate of plan.rates) {
        const problems: string[] = [];
        let passed = 0;
        const figures: string[] = [];
        const injectedTotal = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
        let requests = 0;
        let maxMs = 0;
        const reasons: Record<string, number> = {};
        for (const seed of plan.seeds) {
          const r = byName.get(`rate-${Math.round(rate * 100)}-seed-${seed}`)!;
          requests += r.requests;
          maxMs = Math.max(maxMs, r.run.ms);
          for (const k of FAULT_KINDS) injectedTotal[k] += r.injected[k];
          const trial: string[] = r.problems.map((p) => `seed ${seed}: ${p}`);
          if (r.outcome && r.run.code === 0) {
            const cmp = compareScans(clean.outcome, r.outcome);
            trial.push(...cmp.problems.map((p) => `seed ${seed}: ${p}`));
            for (const [k, n] of Object.entries(cmp.reasons)) reasons[k] = (reasons[k] ?? 0) + n;
            const caught = cmp.caughtByCheck ? ` (${cmp.caughtByCheck} of them on a mangled body the SDK accepted as text)` : '';
            figures.push(`seed ${seed}: ${cmp.assessed}/${clean.outcome.findings.length} assessed and equal, ${cmp.notAssessed} NOT_ASSESSED${caught}, ${cmp.readableChecks}/${cmp.checks} checks fully read, ${(r.run.ms / 1000).toFixed(1)} s`);
          } else if (r.run.code === 1 && !r.run.timedOut) {
            // A scan that cannot start (sign-in or region discovery failed for good) must say so in one line.
            figures.push(`seed ${seed}: scan refused to start cleanly (${r.run.stderr.trim().slice(0, 120)})`);
          } else trial.push(`seed ${seed}: no scan recorded (exit ${r.run.code})`);
          if (trial.length === 0) passed += 1;
          problems.push(...trial);
        }
        rows.push({
          case: `rate ${Math.round(rate * 100)}%`,
          tried: `${plan.seeds.length} scan(s) of all areas and enabled regions, ${requests} requests; injected ${fmtInjected(injectedTotal)} (throttling in bursts of ${plan.burst})`,
          outcome: `${figures.join('; ')}. NOT_ASSESSED reasons: ${fmtReasons(reasons)}. Slowest run ${(maxMs / 1000).toFixed(1)} s (limit ${plan.timeoutMs / 1000} s)`,
          trials: plan.seeds.length,
          passed,
          problems,
        });
      }
      notes.push(
        'Faults are drawn per request from a seeded generator; under concurrency the order of requests varies, so a seed fixes the rate and mix, not the exact requests hit.',
        'Retryable faults (throttling, 5xx, resets, truncated bodies, slow answers) are mostly absorbed by the SDK retries (5 attempts, adaptive); garbage bodies and AccessDenied are not retried and become NOT_ASSESSED.',
      );
    } finally {
      await fake.close();
      tmp.remove();
    }
  });
}
