/**
 * Shared shape of the reliability suites: each returns rows (what was tried, what happened,
 * counts, problems); the node:test entry asserts no row has problems, and the runner writes the
 * rows to docs/reliability.md. Quick mode (the default under `npm test`) is bounded for 2 cores.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/temp.ts';

export type Mode = 'quick' | 'full';

export function modeFrom(env: NodeJS.ProcessEnv, fallback: Mode): Mode {
  const v = env.LEASEHOLD_RELIABILITY;
  return v === 'quick' || v === 'full' ? v : fallback;
}

export interface Row {
  case: string;
  tried: string;
  /** What happened, in words, with the figures of this run. */
  outcome: string;
  trials: number;
  /** Trials that met every expectation. */
  passed: number;
  /** Each expectation that failed, one line each. Empty means the row passed. */
  problems: string[];
}

export interface SuiteResult {
  id: string;
  title: string;
  rows: Row[];
  notes: string[];
  ms: number;
}

export type Suite = (mode: Mode, log: (line: string) => void) => Promise<SuiteResult>;

export async function timed(id: string, title: string, body: (rows: Row[], notes: string[]) => Promise<void>): Promise<SuiteResult> {
  const started = performance.now();
  const rows: Row[] = [];
  const notes: string[] = [];
  await body(rows, notes);
  return { id, title, rows, notes, ms: Math.round(performance.now() - started) };
}

/** A part whose set-up fails is one failed row with the reason, not a crashed runner. */
export async function guarded(name: string, part: () => Promise<Row | Row[]>): Promise<Row[]> {
  try {
    const r = await part();
    return Array.isArray(r) ? r : [r];
  } catch (err) {
    const message = (err as Error).message.split('\n', 1)[0] ?? String(err);
    return [{ case: name, tried: 'set-up', outcome: 'could not run', trials: 1, passed: 0, problems: [`set-up failed: ${message}`] }];
  }
}

/** A scratch folder for one suite; removed by the returned function. */
export function scratch(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `leasehold-rel-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const CLI = join(REPO_ROOT, 'bin', 'leasehold.mjs');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** Env for a child CLI: no inherited AWS settings, so only what a case gives applies. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(AWS_|LEASEHOLD_)/.test(k)) env[k] = v;
  return { ...env, AWS_EC2_METADATA_DISABLED: 'true', ...extra };
}

/** Runs the real `leasehold` command; a run past `timeoutMs` is killed and reported as a hang. */
export function runLeasehold(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000, opts: { execArgv?: string[]; umask?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const argv = [...(opts.execArgv ?? []), CLI, ...args];
    // A umask for this child only (the test process keeps its own): through sh, then exec.
    const child = opts.umask
      ? spawn('/bin/sh', ['-c', `umask ${opts.umask} && exec "$0" "$@"`, process.execPath, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Math.round(performance.now() - started), timedOut });
    });
  });
}

const STACK_LINE = /^\s+at .+(\(|:\d+:\d+)/m;

/**
 * What "never crash, never hang, one clear line" means for one CLI run: exit 0, 1 or 2; no
 * stack trace unless --debug; a failure explained in one line starting with "leasehold:".
 */
export function judgeCli(run: CliRun, args: readonly string[]): string[] {
  const problems: string[] = [];
  if (run.timedOut) problems.push(`hung: killed after ${run.ms} ms`);
  else if (run.code === null || ![0, 1, 2].includes(run.code)) problems.push(`crashed: exit ${run.code ?? run.signal}`);
  if (!args.includes('--debug') && (STACK_LINE.test(run.stderr) || STACK_LINE.test(run.stdout))) problems.push(`stack trace shown: ${firstLine(run.stderr)}`);
  if (run.code === 1 || run.code === 2) {
    const lines = run.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('\r') && !/^(progress \d|evaluating checks)/.test(l));
    const errors = lines.filter((l) => l.startsWith('leasehold: '));
    if (errors.length !== 1) problems.push(`expected one "leasehold: ..." error line, got ${errors.length}: ${firstLine(run.stderr)}`);
    if (errors.some((l) => l.length > 700)) problems.push(`error line of ${errors[0]?.length} characters`);
  }
  return problems;
}

export function firstLine(text: string, max = 160): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Runs `fn` over `items`, at most `width` at a time, results in order. */
export async function pool<T, R>(items: T[], width: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  }));
  return out;
}
