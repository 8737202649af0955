/**
 * `npm run bench` for the scanner: scans a synthetic large account (large-account.ts) served by
 * the loopback AWS with per-request latency and AWS's per-API throttling, with the engine's
 * concurrency and sequentially, and reports calls, wall time, peak memory and the ratios to the
 * sequential scan and to the floor (calls x latency / concurrency).
 *
 *   node scripts/bench/scan-bench.ts [--quick] [--latency 40] [--seed 1] [--total 32] [--per-region 16]
 *        [--rate-scale 1] [--runs 3] [--sequential auto|full|sample|skip] [--sweep 16/8,32/16,...]
 *        [--json] [--no-write] [--docs FILE]
 *
 * The concurrent scan runs --runs times (default 3, --quick 1); the fastest run is the figure, with
 * the median beside it (other work on the machine only adds time); the sequential scan runs once, in full
 * unless that would take over 10 minutes (then a 60 s sample is timed and scaled to all calls).
 * --sweep measures several limits (total/per-service+region) instead. A full run rewrites its
 * section of docs/benchmarks.md; --quick never does unless --docs is given.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONCURRENCY, type ConcurrencyLimits } from '../../main/core/engine/collect.ts';
import { writeAwsProfile } from '../../test/support/fake-aws/profile.ts';
import type { BenchServerConfig } from './fake-server.ts';
import { LARGE, QUICK, type LargeAccountSize } from './large-account.ts';
import { describeMachine, machine, markdownTable, textTable, writeSection, type Machine } from './report.ts';
import { measureScans, startServer, sum, type BenchServer, type Counts } from './scan-harness.ts';
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
    runs: { type: 'string' },
    sequential: { type: 'string', default: 'auto' },
    sweep: { type: 'string' },
    json: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    docs: { type: 'string' },
  },
});

const size: LargeAccountSize = args.quick ? QUICK : LARGE;
const latencyMs = Number(args.latency);
const limits: ConcurrencyLimits = { total: Number(args.total), perServiceRegion: Number(args['per-region']) };
const serverConfig: BenchServerConfig = { size, seed: Number(args.seed), latencyMs, rateScale: Number(args['rate-scale']) };
const runs = Math.max(1, Number(args.runs ?? (args.quick ? 1 : 3)));
const docsFile = args['no-write'] ? undefined : (args.docs ?? (args.quick ? undefined : join(REPO, 'docs', 'benchmarks.md')));
const log = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const n = (x: number) => x.toLocaleString('en-US');
const round = (x: number) => Math.round(x * 100) / 100;

/** Taken before measuring: the load average it prints is the one the runs started under. */
const measuredOn = machine();

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leasehold-bench-'));
  const server = await startServer(serverConfig);
  try {
    const files = writeAwsProfile(dir, { profile: 'bench', endpoint: server.endpoint, region: 'us-east-1' });
    const env = { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
    if (args.sweep) await sweep(server, env, dir, args.sweep);
    else await single(server, env, dir);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function single(server: BenchServer, env: NodeJS.ProcessEnv, dir: string): Promise<void> {
  log(`Scanning ${describeSize(size)} at ${latencyMs} ms per request (${limits.total} in flight, ${limits.perServiceRegion} per service+region), ${runs} run(s)...`);
  const m = await measureScans(server, { env, dir, limits, runs, log });
  const { scan: concurrent, counts } = m.fastest;
  const serverCalls = sum(counts.calls);
  const floorMs = (serverCalls * latencyMs) / limits.total;
  const mode = sequentialMode(args.sequential, serverCalls);
  let sequential: ScanRunResult | undefined;
  let sequentialMs: number | undefined;
  if (mode !== 'skip') {
    log(mode === 'full' ? 'Scanning the same account sequentially...' : `Sampling a sequential scan for ${SAMPLE_MS / 1000} s...`);
    const sample = mode === 'sample' ? { stopAfterMs: SAMPLE_MS } : {};
    sequential = await runScan({ profile: 'bench', env, dbPath: join(dir, 'sequential.db'), limits: { total: 1, perServiceRegion: 1 }, ...sample });
    sequentialMs = sequential.stopped ? (sequential.wallMs / sequential.sessionCalls) * serverCalls : sequential.wallMs;
  }
  const result: Result = {
    account: { ...size, seed: serverConfig.seed },
    latencyMs,
    rateScale: serverConfig.rateScale,
    limits,
    datasets: benchDatasets().datasets.length,
    calls: { server: serverCalls, session: concurrent.sessionCalls, recorded: concurrent.recordedCalls, byApi: counts.calls },
    throttled: { total: sum(counts.throttled), byApi: counts.throttled },
    wallMs: Math.round(concurrent.wallMs),
    medianWallMs: Math.round(m.medianMs),
    wallRangeMs: m.wallRangeMs.map(Math.round),
    runs,
    cpuMs: Math.round(concurrent.cpuMs),
    peakRssMiB: Math.round(m.first.peakRss / 2 ** 20),
    units: { done: concurrent.units, total: concurrent.unitsTotal },
    errors: concurrent.errorKinds,
    errorDatasets: concurrent.errorDatasets,
    findings: concurrent.findings,
    sequential: sequentialMs === undefined ? null : { wallMs: Math.round(sequentialMs), estimated: sequential?.stopped === true, sampleCalls: sequential?.sessionCalls ?? 0 },
    floorMs: Math.round(floorMs),
    ratioToFloor: round(concurrent.wallMs / floorMs),
    medianRatioToFloor: round(m.medianMs / floorMs),
    speedup: sequentialMs === undefined ? null : round(sequentialMs / concurrent.wallMs),
    callsAgreeEveryRun: m.disagree === 0,
    targetMet: concurrent.wallMs / floorMs <= 1.5 && concurrent.wallMs < 90_000 && m.disagree === 0,
    datasetsRefused: benchDatasets().refused,
    machine: measuredOn,
  };
  const rows = tableRows(result);
  log(`\n${textTable(rows)}`);
  if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  if (docsFile) {
    writeSection(docsFile, args.quick ? 'scan-quick' : 'scan', docSection(result, rows));
    log(`\nWrote ${docsFile}`);
  }
  if (m.disagree > 0) process.exitCode = 1;
}

/** The same scan under several limits, for choosing DEFAULT_CONCURRENCY. */
async function sweep(server: BenchServer, env: NodeJS.ProcessEnv, dir: string, spec: string): Promise<void> {
  const header = ['Total', 'Per service+region', `Wall (fastest of ${runs})`, 'Median', 'Floor', 'Ratio to floor (fastest)', 'Scanner CPU', 'Calls agree'];
  const rows: string[][] = [];
  for (const item of spec.split(',')) {
    const [total = 0, per = 0] = item.split('/').map(Number);
    log(`Limits ${total}/${per}:`);
    const m = await measureScans(server, { env, dir, limits: { total, perServiceRegion: per }, runs, log });
    const calls = sum(m.fastest.counts.calls);
    const floor = (calls * latencyMs) / total;
    rows.push([String(total), String(per), seconds(m.fastest.scan.wallMs), seconds(m.medianMs), seconds(floor), `${round(m.fastest.scan.wallMs / floor)}x`, seconds(m.fastest.scan.cpuMs), m.disagree === 0 ? 'yes' : 'NO']);
  }
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  log(`\n${table}`);
  if (docsFile) {
    const m = measuredOn;
    writeSection(docsFile, 'scan-sweep', [`### Concurrency sweep (${describeSize(size)}, ${latencyMs} ms)`, '', `Measured ${m.date} on ${describeMachine(m)}.`, '', table].join('\n'));
    log(`\nWrote ${docsFile}`);
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

interface Result {
  account: LargeAccountSize & { seed: number };
  latencyMs: number;
  rateScale: number;
  limits: ConcurrencyLimits;
  datasets: number;
  calls: { server: number; session: number; recorded: number; byApi: Record<string, number> };
  throttled: { total: number; byApi: Counts['throttled'] };
  wallMs: number;
  medianWallMs: number;
  wallRangeMs: number[];
  runs: number;
  cpuMs: number;
  peakRssMiB: number;
  units: { done: number; total: number };
  errors: Record<string, number>;
  errorDatasets: Record<string, number>;
  findings: number;
  sequential: { wallMs: number; estimated: boolean; sampleCalls: number } | null;
  floorMs: number;
  ratioToFloor: number;
  medianRatioToFloor: number;
  speedup: number | null;
  callsAgreeEveryRun: boolean;
  targetMet: boolean;
  datasetsRefused: string[];
  machine: Machine;
}

function tableRows(r: Result): [string, string][] {
  const failing = Object.keys(r.errorDatasets);
  const errors = Object.entries(r.errors).map(([k, v]) => `${k} ${v}`).join(', ') + (failing.length > 0 ? ` (${failing.join(', ')})` : '') || 'none';
  const seq = r.sequential
    ? `${seconds(r.sequential.wallMs)}${r.sequential.estimated ? ` (estimated from a ${SAMPLE_MS / 1000} s sample of ${n(r.sequential.sampleCalls)} calls)` : ' (measured)'}`
    : 'skipped';
  const wall = r.runs > 1 ? `${seconds(r.wallMs)} (fastest of ${r.runs}; median ${seconds(r.medianWallMs)}, slowest ${seconds(r.wallRangeMs[1] ?? 0)})` : seconds(r.wallMs);
  return [
    ['Account', `${describeSize(r.account)} (seed ${r.account.seed}); ${r.datasets} datasets`],
    ['Latency / throttling', `${r.latencyMs} ms per request; AWS rates x ${r.rateScale}`],
    ['Concurrency', `${r.limits.total} in flight, ${r.limits.perServiceRegion} per service+region`],
    ['Calls (server / session / records)', `${n(r.calls.server)} / ${n(r.calls.session)} / ${n(r.calls.recorded)}${r.callsAgreeEveryRun ? ' (agree, every run)' : ' (DISAGREE)'}`],
    ['Throttled responses', n(r.throttled.total)],
    ['Collection errors', errors],
    ['Wall time', wall],
    ['Scanner CPU time', `${seconds(r.cpuMs)} (${Math.round((100 * r.cpuMs) / r.wallMs)}% of one core)`],
    ['Peak RSS (scanner process)', `${r.peakRssMiB} MiB`],
    ['Sequential scan', seq],
    ['Speed-up over sequential', r.speedup === null ? 'n/a' : `${r.speedup}x`],
    ['Floor (calls x latency / concurrency)', seconds(r.floorMs)],
    ['Ratio to floor', r.runs > 1 ? `${r.ratioToFloor}x (median run: ${r.medianRatioToFloor}x)` : `${r.ratioToFloor}x`],
    ['Target (<= 1.5x floor, < 90 s)', r.targetMet ? 'met' : 'NOT met'],
    ...(r.datasetsRefused.length > 0 ? [['Left out (not on the read-only allowlist)', r.datasetsRefused.join(', ')] as [string, string]] : []),
  ];
}

function docSection(r: Result, rows: [string, string][]): string {
  // The busy APIs by name; the long tail (one call per region, or fewer) as a count.
  const apis = Object.entries(r.calls.byApi).sort((a, b) => b[1] - a[1]);
  const busy = apis.filter(([, v]) => v > r.account.regions * 2);
  const rest = apis.slice(busy.length);
  const byApi = [...busy.map(([k, v]) => `${k} ${n(v)}`), `${rest.length} other APIs ${n(rest.reduce((t, [, v]) => t + v, 0))}`].join(', ');
  return [
    `## Scan of a large account${args.quick ? ' (quick)' : ''}`,
    '',
    `Measured ${r.machine.date} on ${describeMachine(r.machine)}.`,
    '',
    markdownTable(rows),
    '',
    `Calls by API: ${byApi}.`,
  ].join('\n');
}

await main();
