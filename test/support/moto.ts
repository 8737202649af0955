/**
 * A real AWS emulator for conformance tests: moto's server (`moto_server`, Python), started on a
 * free loopback port for one test and seeded by a boto3 script. Where moto or boto3 is not
 * installed, `motoUnavailable()` says so and the test is skipped with that reason.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { promisify } from 'node:util';
import { tempDir } from './temp.ts';

export interface Moto {
  endpoint: string;
  /** Runs a boto3 seeding script with the endpoint as its only argument; resolves to what it printed. */
  seed(script: string): Promise<string>;
}

const PYTHON = process.env.LEASEHOLD_PYTHON ?? 'python3';

/**
 * The moto line the expectations were recorded against: another version answers differently in
 * places (that is what these tests pin down), so it is skipped rather than failed.
 */
export const MOTO_RECORDED = '5.2.';

/** The installed moto's version, or undefined when boto3 and moto cannot be imported (asked once). */
let installed: { version: string | undefined } | undefined;
function installedVersion(): string | undefined {
  if (!installed) {
    const boto = spawnSync(PYTHON, ['-c', 'import boto3, moto; print(moto.__version__)'], { encoding: 'utf8', timeout: 30_000 });
    installed = { version: boto.status === 0 ? boto.stdout.trim() : undefined };
  }
  return installed.version;
}

/** Why moto cannot run here, or undefined when it can. */
export function motoUnavailable(): string | undefined {
  const server = spawnSync('moto_server', ['--help'], { encoding: 'utf8', timeout: 30_000 });
  if (server.error || server.status !== 0) return 'moto_server is not installed (pip install "moto[server]==5.2.1")';
  const version = installedVersion();
  if (version === undefined) return `${PYTHON} cannot import boto3 and moto`;
  if (!version.startsWith(MOTO_RECORDED)) return `moto ${version} is installed; these expectations were recorded against moto ${MOTO_RECORDED}x`;
  return undefined;
}

/** The installed moto's version, for test titles and the conformance record. */
export function motoVersion(): string {
  return installedVersion() ?? 'not installed';
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
  // moto_server logs every request: into a file, never a pipe, as a pipe nobody drains while a
  // seeder runs fills up and moto_server stops answering mid-request (seen at about 11 KB).
  const logPath = join(tempDir(t, 'leasehold-moto-'), 'moto.log');
  const logFd = openSync(logPath, 'w');
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  t.after(() => {
    child.kill('SIGTERM');
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await ready(endpoint, child, () => readFileSync(logPath, 'utf8'));
  return {
    endpoint,
    async seed(script) {
      try {
        const { stdout } = await promisify(execFile)(PYTHON, [script, endpoint], { encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
        return stdout;
      } catch (err) {
        const e = err as Error & { stderr?: string; stdout?: string };
        throw new Error(`seeding with ${script} failed: ${(e.stderr || e.stdout || e.message).slice(-1500)}`, { cause: err });
      }
    },
  };
}
