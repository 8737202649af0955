/** Spawning a command and SIGKILLing it at a chosen moment, and what "consistent" means after. */
import { spawn } from 'node:child_process';
import { dbState } from './db-state.ts';

export const PLAN = {
  quick: { scanKills: 3, reportKills: 2, writeKills: 2, migrationKills: 4, migrationRows: 40_000, reportAreas: 'network,s3' },
  full: { scanKills: 15, reportKills: 15, writeKills: 4, migrationKills: 30, migrationRows: 150_000, reportAreas: '' },
} as const;

export interface Spawned {
  /** ms from spawn to the first stdout/stderr line matching `mark`, or null. */
  marked: number | null;
  total: number;
  killed: boolean;
  code: number | null;
}

/** Runs a command; kills it `killAfterMs` after spawn, or after the `mark` line when `fromMark`. */
export function spawnAndKill(cmd: string[], env: NodeJS.ProcessEnv, opts: { mark: RegExp; killAfterMs?: number; fromMark?: boolean; timeoutMs?: number }): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, cmd, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let marked: number | null = null;
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      if (opts.killAfterMs !== undefined && !timer) {
        timer = setTimeout(() => {
          killed = child.exitCode === null;
          child.kill('SIGKILL');
        }, opts.killAfterMs);
      }
    };
    if (!opts.fromMark) arm();
    const watch = (d: Buffer) => {
      if (marked === null && opts.mark.test(d.toString())) {
        marked = performance.now() - started;
        if (opts.fromMark) arm();
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    const guard = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(guard);
      resolve({ marked, total: performance.now() - started, killed, code });
    });
  });
}

export const key = (f: { checkId: string; region: string; resourceId: string; status: string }) => `${f.checkId}|${f.region}|${f.resourceId}|${f.status}`;

export function consistency(path: string): string[] {
  const s = dbState(path);
  const problems: string[] = [];
  if (s.integrity !== 'ok') problems.push(`integrity_check: ${s.integrity.slice(0, 100)}`);
  if (s.foreignKeyErrors > 0) problems.push(`${s.foreignKeyErrors} dangling rows`);
  return problems;
}
