/**
 * SIGKILL during `leasehold report` (at random moments) and exactly mid-write of an export: the
 * target holds the earlier file or a complete new one, never a partial one; the database is untouched.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seeded } from '../../support/fake-aws/accounts/seeded.ts';
import { startFakeAws, writeAwsProfile } from '../../support/fake-aws/index.ts';
import { seededRandom } from '../../support/random.ts';
import { dbState } from './db-state.ts';
import { CLI, cleanEnv, runLeasehold, type Mode, type Row } from './suite.ts';
import { consistency, PLAN, spawnAndKill } from './kill-support.ts';

function isCompletePdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(-32).toString('latin1').includes('%%EOF');
}

const tempLeftovers = (dir: string, name: string) => readdirSync(dir).filter((f) => f !== name && f.includes(name) && !f.endsWith('.old'));

export async function reportKills(mode: Mode, dir: string, log: (l: string) => void): Promise<Row[]> {
  const { reportKills: n, writeKills, reportAreas } = PLAN[mode];
  const fake = await startFakeAws(seeded);
  const dbPath = join(dir, 'reports.db');
  let env: NodeJS.ProcessEnv;
  try {
    const files = writeAwsProfile(dir, { profile: 'audit', endpoint: fake.endpoint, region: 'us-east-1' });
    env = cleanEnv({ AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile, LEASEHOLD_DB: dbPath });
    const scanned = await runLeasehold(['scan', '--profile', 'audit', ...(reportAreas ? ['--areas', reportAreas] : [])], env, 120_000);
    if (scanned.code !== 0) throw new Error(`setup scan failed: ${scanned.stderr.slice(0, 200)}`);
  } finally {
    await fake.close();
  }
  const out = join(dir, 'out');
  mkdirSync(out);
  const oldPdf = join(dir, 'previous-report.pdf');
  const first = await runLeasehold(['report', '--scan', 'latest', '--out', oldPdf], env, 120_000);
  if (first.code !== 0) throw new Error(`setup report failed: ${first.stderr.slice(0, 200)}`);
  const previous = readFileSync(oldPdf);
  const before = dbState(dbPath).digest;
  const renderMs = first.ms;
  const random = seededRandom(13);

  const problems: string[] = [];
  let ok = 0;
  let replaced = 0;
  let kept = 0;
  let leftovers = 0;
  for (let i = 0; i < n; i++) {
    const target = join(out, `report-${i}.pdf`);
    // Half the trials overwrite an earlier report, half write a new file.
    const overwrite = i % 2 === 0;
    if (overwrite) copyFileSync(oldPdf, target);
    const ms = Math.round(renderMs * 1.1 * random());
    await spawnAndKill([CLI, 'report', '--scan', 'latest', '--out', target], env, { mark: /^$/, killAfterMs: ms });
    const trial: string[] = [];
    if (existsSync(target)) {
      const bytes = readFileSync(target);
      if (overwrite && bytes.equals(previous)) kept += 1;
      else if (isCompletePdf(bytes)) replaced += 1;
      else trial.push(`${bytes.length} bytes at the target that are neither the earlier report nor a complete PDF`);
    } else if (overwrite) trial.push('the earlier report is gone');
    leftovers += tempLeftovers(out, `report-${i}.pdf`).length;
    trial.push(...consistency(dbPath));
    if (dbState(dbPath).digest !== before) trial.push('the database changed');
    if (trial.length === 0) ok += 1;
    problems.push(...trial.map((p) => `kill ${i + 1} at ${ms} ms: ${p}`));
  }

  // The worst moment: half of the file's bytes written, then SIGKILL (a hook in the process does it).
  const hook = ['--import', pathToFileURL(join(import.meta.dirname, 'write-kill-hook.mjs')).href];
  const writeProblems: string[] = [];
  let writeOk = 0;
  const formats = [['report', 'pdf'], ['export', 'csv'], ['export', 'json'], ['report', 'pdf']] as const;
  for (let i = 0; i < writeKills; i++) {
    const [command, ext] = formats[i % formats.length]!;
    const target = join(out, `mid-write-${i}.${ext}`);
    const earlier = Buffer.from(`an earlier ${ext} export that must survive\n`);
    writeFileSync(target, earlier);
    const args = command === 'report' ? ['report', '--scan', 'latest', '--out', target] : ['export', '--scan', 'latest', '--format', ext, '--out', target];
    const run = await runLeasehold(args, env, 120_000, { execArgv: hook });
    const trial: string[] = [];
    if (run.signal !== 'SIGKILL') trial.push(`the hook did not fire (exit ${run.code})`);
    if (!existsSync(target)) trial.push('the earlier file is gone');
    else if (!readFileSync(target).equals(earlier)) trial.push(`the earlier file was replaced by ${readFileSync(target).length} bytes of a half-written ${ext}`);
    leftovers += tempLeftovers(out, `mid-write-${i}.${ext}`).length;
    if (trial.length === 0) writeOk += 1;
    writeProblems.push(...trial.map((p) => `${command} ${ext}: ${p}`));
  }
  log(`kill reports: render ${renderMs} ms, kept ${kept}, replaced ${replaced}, leftovers ${leftovers}`);
  return [
    {
      case: 'SIGKILL during `leasehold report`',
      tried: `${n} kills at random moments of a ${renderMs} ms report run (half overwriting an earlier report)`,
      outcome: `${ok}/${n} safe: target kept the earlier report ${kept}x, held a complete new PDF ${replaced}x, never a partial file; database unchanged and consistent every time`,
      trials: n,
      passed: ok,
      problems,
    },
    {
      case: 'SIGKILL mid-write of an export',
      tried: `${writeKills} runs (PDF, CSV, JSON) killed after writing half the file's bytes`,
      outcome: `${writeOk}/${writeKills} left the earlier file at the target untouched; ${leftovers} temporary file(s) left beside targets in all report trials (named .<file>.<pid>.tmp, never the target)`,
      trials: writeKills,
      passed: writeOk,
      problems: writeProblems,
    },
  ];
}
