/**
 * `npm run bench` for the scanner: scans a synthetic large account (large-account.ts) served by
 * the loopback AWS with per-request latency and AWS's per-API throttling, once with the engine's
 * concurrency and once sequentially, and reports calls, wall time, peak memory and the ratios to
 * the sequential scan and to the floor (calls x latency / concurrency).
 *
 *   node scripts/bench/scan-bench.ts [--quick] [--latency 40] [--seed 1] [--total 32] [--per-region 16]
 *        [--rate-scale 1] [--sequential auto|full|sample|skip] [--json] [--no-write] [--docs FILE]
 *
 * A full run rewrites its section of docs/benchmarks.md; --quick never does unless --docs is given.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONCURRENCY, type ConcurrencyLimits } from '../../main/core/engine/collect.ts';
import { writeAwsProfile } from '../../test/support/fake-aws/profile.ts';
import type { BenchServerConfig, BenchServerMessage, BenchServerRequest } from './fake-server.ts';
import { LARGE, QUICK, type LargeAccountSize } from './large-account.ts';
import { describeMachine, machine, markdownTable, textTable, writeSection } from './report.ts';
import { benchDatasets, runScan, type ScanRunResult } from './scan-run.ts';

const REPO = join(import.meta.dirname, '..', '..');
/** A sequential scan projected to take longer than this is measured on a sample instead. */
const SEQUENTIAL_LIMIT_S = 600;
const SAMPLE_MS = 60_000;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    latency: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    total: { type: 'string', default: String(DEFAULT_CONCURRENCY.total) },
    'per-region': { type: 'string', default: String(DEFAULT_CONCURRENCY.perServiceRegion) },
    'rate-scale': { type: 'string', default: '1' },
    sequential: { type: 'string', default: 'auto' },
    json: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    docs: { type: 'string' },
  },
});

const size: LargeAccountSize = args.quick ? QUICK : LARGE;
const latencyMs = Number(args.latency);
const limits: ConcurrencyLimits = { total: Number(args.total), perServiceRegion: Number(args['per-region']) };
const serverConfig: BenchServerConfig = { size, seed: Number(args.seed), latencyMs, rateScale: Number(args['rate-scale']) };
const log = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);

interface Counts {
  calls: Record<string, number>;
  throttled: Record<string, number>;
}

function startServer(): Promise<{ child: ChildProcess; endpoint: string; ask(req: BenchServerRequest): Promise<Counts> }> {
  const child = fork(join(import.meta.dirname, 'fake-server.ts'), [JSON.stringify(serverConfig)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (req: BenchServerRequest) =>
    new Promise<Counts>((resolve) => {
      child.once('message', (m) => resolve(m as Counts));
      child.send(req);
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fake server exited (${code}) before it was ready`)));
    child.once('message', (m) => resolve({ child, endpoint: (m as Extract<BenchServerMessage, { type: 'ready' }>).endpoint, ask }));
  });
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const n = (x: number) => x.toLocaleString('en-US');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leasehold-bench-'));
  const server = await startServer();
  try {
    const files = writeAwsProfile(dir, { profile: 'bench', endpoint: server.endpoint, region: 'us-east-1' });
    const env = { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
    const { refused } = benchDatasets();
    log(`Scanning ${describeSize(size)} at ${latencyMs} ms per request (${limits.total} in flight, ${limits.perServiceRegion} per service+region)...`);
    const concurrent = await runScan({ profile: 'bench', env, dbPath: join(dir, 'concurrent.db'), limits });
    const counts = await server.ask({ type: 'counts' });
    await server.ask({ type: 'reset' });

    const serverCalls = sum(counts.calls);
    const floorMs = (serverCalls * latencyMs) / limits.total;
    const mode = sequentialMode(args.sequential, serverCalls);
    let sequential: ScanRunResult | undefined;
    let sequentialMs: number | undefined;
    if (mode !== 'skip') {
      log(mode === 'full' ? 'Scanning the same account sequentially...' : `Sampling a sequential scan for ${SAMPLE_MS / 1000} s...`);
      sequential = await runScan({ profile: 'bench', env, dbPath: join(dir, 'sequential.db'), limits: { total: 1, perServiceRegion: 1 }, ...(mode === 'sample' ? { stopAfterMs: SAMPLE_MS } : {}) });
      sequentialMs = sequential.stopped ? (sequential.wallMs / sequential.sessionCalls) * serverCalls : sequential.wallMs;
    }
    const result = {
      account: { ...size, seed: serverConfig.seed },
      latencyMs,
      rateScale: serverConfig.rateScale,
      limits,
      calls: { server: serverCalls, session: concurrent.sessionCalls, recorded: concurrent.recordedCalls, byApi: counts.calls },
      throttled: { total: sum(counts.throttled), byApi: counts.throttled },
      wallMs: Math.round(concurrent.wallMs),
      peakRssMiB: Math.round(concurrent.peakRss / 2 ** 20),
      units: { done: concurrent.units, total: concurrent.unitsTotal },
      errors: concurrent.errorKinds,
      findings: concurrent.findings,
      sequential: sequentialMs === undefined ? null : { wallMs: Math.round(sequentialMs), estimated: sequential?.stopped === true, sampleCalls: sequential?.sessionCalls },
      floorMs: Math.round(floorMs),
      ratioToFloor: round(concurrent.wallMs / floorMs),
      speedup: sequentialMs === undefined ? null : round(sequentialMs / concurrent.wallMs),
      targetMet: concurrent.wallMs / floorMs <= 1.5 && concurrent.wallMs < 90_000 && serverCalls === concurrent.sessionCalls,
      datasetsRefused: refused,
      machine: machine(),
    };
    const rows = tableRows(result);
    log(`\n${textTable(rows)}`);
    if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    const docs = args.docs ?? (args.quick ? undefined : join(REPO, 'docs', 'benchmarks.md'));
    if (docs && !args['no-write']) {
      writeSection(docs, args.quick ? 'scan-quick' : 'scan', docSection(result, rows));
      log(`\nWrote ${docs}`);
    }
    if (serverCalls !== concurrent.sessionCalls) process.exitCode = 1;
  } finally {
    server.child.send({ type: 'close' } satisfies BenchServerRequest);
    rmSync(dir, { recursive: true, force: true });
  }
}

function sequentialMode(asked: string | undefined, calls: number): 'full' | 'sample' | 'skip' {
  if (asked === 'full' || asked === 'sample' || asked === 'skip') return asked;
  // Projected from the floor alone; client overhead only makes the real figure longer.
  return (calls * latencyMs) / 1000 > SEQUENTIAL_LIMIT_S ? 'sample' : 'full';
}

function describeSize(s: LargeAccountSize): string {
  return `${s.regions} regions, ${n(s.buckets)} buckets, ${n(s.securityGroups)} security groups, ${n(s.instances)} instances, ${n(s.roles)} IAM roles`;
}

const round = (x: number) => Math.round(x * 100) / 100;

type Result = {
  account: LargeAccountSize & { seed: number };
  latencyMs: number;
  rateScale: number;
  limits: ConcurrencyLimits;
  calls: { server: number; session: number; recorded: number; byApi: Record<string, number> };
  throttled: { total: number };
  wallMs: number;
  peakRssMiB: number;
  errors: Record<string, number>;
  sequential: { wallMs: number; estimated: boolean; sampleCalls?: number } | null;
  floorMs: number;
  ratioToFloor: number;
  speedup: number | null;
  targetMet: boolean;
  datasetsRefused: string[];
};

function tableRows(r: Result): [string, string][] {
  const errors = Object.entries(r.errors).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const seq = r.sequential
    ? `${seconds(r.sequential.wallMs)}${r.sequential.estimated ? ` (estimated from a ${SAMPLE_MS / 1000} s sample of ${n(r.sequential.sampleCalls ?? 0)} calls)` : ' (measured)'}`
    : 'skipped';
  return [
    ['Account', `${describeSize(r.account)} (seed ${r.account.seed})`],
    ['Latency / throttling', `${r.latencyMs} ms per request; AWS rates x ${r.rateScale}`],
    ['Concurrency', `${r.limits.total} in flight, ${r.limits.perServiceRegion} per service+region`],
    ['Calls (server / session / records)', `${n(r.calls.server)} / ${n(r.calls.session)} / ${n(r.calls.recorded)}${r.calls.server === r.calls.session ? ' (agree)' : ' (DISAGREE)'}`],
    ['Throttled responses', n(r.throttled.total)],
    ['Collection errors', errors],
    ['Wall time', seconds(r.wallMs)],
    ['Peak RSS (scanner process)', `${r.peakRssMiB} MiB`],
    ['Sequential scan', seq],
    ['Speed-up over sequential', r.speedup === null ? 'n/a' : `${r.speedup}x`],
    ['Floor (calls x latency / concurrency)', seconds(r.floorMs)],
    ['Ratio to floor', `${r.ratioToFloor}x`],
    ['Target (<= 1.5x floor, < 90 s)', r.targetMet ? 'met' : 'NOT met'],
    ...(r.datasetsRefused.length > 0 ? [['Left out (not on the read-only allowlist)', r.datasetsRefused.join(', ')] as [string, string]] : []),
  ];
}

function docSection(r: Result & { machine: ReturnType<typeof machine> }, rows: [string, string][]): string {
  const byApi = Object.entries(r.calls.byApi).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${n(v)}`).join(', ');
  return [
    `## Scan of a large account${r.account.regions < LARGE.regions ? ' (quick)' : ''}`,
    '',
    `Measured ${r.machine.date} on ${describeMachine(r.machine)}.`,
    '',
    markdownTable(rows),
    '',
    `Calls by API: ${byApi}.`,
  ].join('\n');
}

await main();
