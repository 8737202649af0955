/**
 * The scan benchmark's moving parts: the loopback AWS in a child process (fake-server.ts), and
 * repeated measured scans of it with the server's own call counts alongside the session's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ConcurrencyLimits } from '../../main/core/engine/collect.ts';
import type { BenchServerConfig, BenchServerMessage, BenchServerRequest } from './fake-server.ts';
import { runScan, type ScanRunResult } from './scan-run.ts';

export interface Counts {
  calls: Record<string, number>;
  throttled: Record<string, number>;
}

export interface BenchServer {
  child: ChildProcess;
  endpoint: string;
  ask(req: BenchServerRequest): Promise<Counts>;
  close(): void;
}

export function startServer(config: BenchServerConfig): Promise<BenchServer> {
  const child = fork(join(import.meta.dirname, 'fake-server.ts'), [JSON.stringify(config)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (req: BenchServerRequest) =>
    new Promise<Counts>((resolve) => {
      child.once('message', (m) => resolve(m as Counts));
      child.send(req);
    });
  const close = () => void child.send({ type: 'close' } satisfies BenchServerRequest);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fake server exited (${code}) before it was ready`)));
    child.once('message', (m) => resolve({ child, endpoint: (m as Extract<BenchServerMessage, { type: 'ready' }>).endpoint, ask, close }));
  });
}

export const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

export interface Measured {
  /**
   * The fastest run, with the server's counts for that run: other work on the machine only ever
   * adds time, so the fastest run is the best estimate of the scanner's own speed.
   */
  fastest: { scan: ScanRunResult; counts: Counts };
  medianMs: number;
  /** The first run: a fresh process, as a user's scan is. */
  first: ScanRunResult;
  wallRangeMs: [number, number];
  /** Runs whose server and session call counts differed. */
  disagree: number;
}

/** `runs` scans with the same limits; a machine shared with other work moves single runs a lot. */
export async function measureScans(
  server: BenchServer,
  opts: { env: NodeJS.ProcessEnv; dir: string; limits: ConcurrencyLimits; runs: number; log(line: string): void },
): Promise<Measured> {
  const measured: { scan: ScanRunResult; counts: Counts }[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const scan = await runScan({ profile: 'bench', env: opts.env, dbPath: join(opts.dir, `scan-${opts.limits.total}-${opts.limits.perServiceRegion}-${i}.db`), limits: opts.limits });
    measured.push({ scan, counts: await server.ask({ type: 'counts' }) });
    await server.ask({ type: 'reset' });
    opts.log(`  run ${i + 1}: ${(scan.wallMs / 1000).toFixed(2)} s, ${scan.sessionCalls.toLocaleString('en-US')} calls`);
  }
  const byWall = [...measured].sort((a, b) => a.scan.wallMs - b.scan.wallMs);
  return {
    fastest: byWall[0] as (typeof measured)[number],
    medianMs: (byWall[Math.floor((byWall.length - 1) / 2)] as (typeof measured)[number]).scan.wallMs,
    first: (measured[0] as (typeof measured)[number]).scan,
    wallRangeMs: [byWall[0]?.scan.wallMs ?? 0, byWall.at(-1)?.scan.wallMs ?? 0],
    disagree: measured.filter((m) => sum(m.counts.calls) !== m.scan.sessionCalls).length,
  };
}
