/**
 * A real AWS emulator for conformance tests: moto's server (`moto_server`, Python), started on a
 * free loopback port for one test and seeded by a boto3 script. Where moto or boto3 is not
 * installed, `motoUnavailable()` says so and the test is skipped with that reason.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestContext } from 'node:test';

export interface Moto {
  endpoint: string;
  /** Runs a boto3 seeding script with the endpoint as its only argument; returns what it printed. */
  seed(script: string): string;
}

const PYTHON = process.env.LEASEHOLD_PYTHON ?? 'python3';

/**
 * The moto line the expectations were recorded against: another version answers differently in
 * places (that is what these tests pin down), so it is skipped rather than failed.
 */
export const MOTO_RECORDED = '5.2.';

/** Why moto cannot run here, or undefined when it can. */
export function motoUnavailable(): string | undefined {
  const server = spawnSync('moto_server', ['--help'], { encoding: 'utf8', timeout: 30_000 });
  if (server.error || server.status !== 0) return 'moto_server is not installed (pip install "moto[server]==5.2.1")';
  const boto = spawnSync(PYTHON, ['-c', 'import boto3, moto; print(moto.__version__)'], { encoding: 'utf8', timeout: 30_000 });
  if (boto.status !== 0) return `${PYTHON} cannot import boto3 and moto`;
  const version = boto.stdout.trim();
  if (!version.startsWith(MOTO_RECORDED)) return `moto ${version} is installed; these expectations were recorded against moto ${MOTO_RECORDED}x`;
  return undefined;
}

/** The installed moto's version, for test titles and the conformance record. */
export function motoVersion(): string {
  return spawnSync(PYTHON, ['-c', 'import moto; print(moto.__version__)'], { encoding: 'utf8' }).stdout.trim();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function ready(endpoint: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode}): ${log().slice(-500)}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/data.json`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto_server did not answer within 60 s: ${log().slice(-500)}`);
}

/** Starts moto for this test; it is stopped when the test ends. */
export async function startMoto(t: TestContext): Promise<Moto> {
  const port = await freePort();
  let output = '';
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  t.after(() => {
    child.kill('SIGTERM');
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await ready(endpoint, child, () => output);
  return {
    endpoint,
    seed(script) {
      const run = spawnSync(PYTHON, [script, endpoint], { encoding: 'utf8', timeout: 120_000 });
      if (run.status !== 0) throw new Error(`seeding with ${script} failed: ${(run.stderr || run.stdout).slice(-1500)}`);
      return run.stdout;
    },
  };
}
