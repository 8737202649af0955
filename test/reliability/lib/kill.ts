/**
 * Kill tests with real processes and SIGKILL: during scans, during report export (at random
 * moments, and exactly mid-write), and during a schema migration. After every kill the database
 * must be consistent and openable, and no half-written file may sit at the export's target path.
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { listFindings } from '../../../main/core/store/findings.ts';
import { openDatabase } from '../../../main/core/store/open.ts';
import { getScan, listScans, markOrphanedScansInterrupted } from '../../../main/core/store/scans.ts';
import { seeded } from '../../support/fake-aws/accounts/seeded.ts';
import { startFakeAws, writeAwsProfile } from '../../support/fake-aws/index.ts';
import { MIGRATIONS_DIR } from '../../support/temp.ts';
import { seededRandom } from '../../support/random.ts';
import { CLI, cleanEnv, guarded, judgeCli, runLeasehold, scratch, timed, type Mode, type Row, type SuiteResult } from './suite.ts';
import { reportKills } from './kill-export.ts';
import { migrationKills } from './kill-migrate.ts';
import { consistency, key, PLAN, spawnAndKill } from './kill-support.ts';

async function scanKills(mode: Mode, dir: string, log: (l: string) => void): Promise<Row> {
  const n = PLAN[mode].scanKills;
  const fake = await startFakeAws(seeded, { latencyMs: 40 });
  try {
    const files = writeAwsProfile(dir, { profile: 'audit', endpoint: fake.endpoint, region: 'us-east-1' });
    const dbPath = join(dir, 'scans.db');
    const env = cleanEnv({ AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile, LEASEHOLD_DB: dbPath });
    const scanCmd = [CLI, 'scan', '--profile', 'audit'];
    const clean = await spawnAndKill(scanCmd, env, { mark: /progress/ });
    const collecting = clean.marked ?? 0;
    let db = openDatabase(dbPath, MIGRATIONS_DIR);
    const earlier = listScans(db)[0];
    const expected = earlier ? listFindings(db, earlier.id).map(key).sort() : [];
    db.close();
    const random = seededRandom(Number(process.env.LEASEHOLD_KILL_SEED ?? 7));
    const problems: string[] = [];
    let consistent = 0;
    let landed = 0;
    const delays: string[] = [];
    for (let i = 0; i < n; i++) {
      // One kill in four during start-up and sign-in, the rest spread over collection and the final writes.
      const early = i % 4 === 0;
      const ms = Math.round(early ? collecting * random() : (clean.total - collecting) * random());
      delays.push(`${early ? '' : '+'}${ms}`);
      const run = await spawnAndKill(scanCmd, env, { mark: /progress/, killAfterMs: ms, fromMark: !early });
      if (run.killed) landed += 1;
      const trial = consistency(dbPath);
      db = openDatabase(dbPath, MIGRATIONS_DIR);
      markOrphanedScansInterrupted(db);
      if (earlier && listFindings(db, earlier.id).map(key).sort().join('\n') !== expected.join('\n')) trial.push('the earlier scan changed');
      if (listScans(db).some((s) => s.status === 'running')) trial.push('a scan is left "running"');
      db.close();
      if (trial.length === 0) consistent += 1;
      problems.push(...trial.map((p) => `kill ${i + 1} at ${delays.at(-1)} ms: ${p}`));
    }
    // Resuming a scan cut off mid-collection must give the clean result.
    db = openDatabase(dbPath, MIGRATIONS_DIR);
    const interrupted = listScans(db).filter((s) => s.status === 'interrupted' && (db.prepare('SELECT COUNT(*) AS n FROM snapshot_records WHERE scan_id = ?').get(s.id) as { n: number }).n > 1);
    db.close();
    let resumeNote = 'no kill left a partial snapshot to resume';
    const target = interrupted[0];
    if (target) {
      const resumed = await runLeasehold(['resume', '--scan', target.id], env, 120_000);
      problems.push(...judgeCli(resumed, ['resume']).map((p) => `resume: ${p}`));
      db = openDatabase(dbPath, MIGRATIONS_DIR);
      const got = listFindings(db, target.id).map(key).sort();
      const status = getScan(db, target.id)?.status;
      db.close();
      if (status !== 'complete') problems.push(`resumed scan ended ${status}`);
      else if (got.join('\n') !== expected.join('\n')) problems.push(`resumed scan differs from the clean scan (${got.length} vs ${expected.length} findings)`);
      resumeNote = `resumed scan ${target.id} (${interrupted.length} partial) equals the clean scan: ${status === 'complete' && got.join('\n') === expected.join('\n') ? 'yes' : 'no'}`;
    }
    log(`kill scans: delays ${delays.join(', ')}`);
    return {
      case: 'SIGKILL during `leasehold scan`',
      tried: `${n} kills of a seeded-account scan (clean run ${Math.round(clean.total)} ms, collecting from ${Math.round(collecting)} ms); delays ${delays.join(', ')} ms (+ = after the first progress line)`,
      outcome: `${landed} kills landed while running; ${consistent}/${n} databases consistent (integrity_check, foreign keys, earlier scan intact, nothing left running); ${resumeNote}`,
      trials: n,
      passed: consistent,
      problems,
    };
  } finally {
    await fake.close();
  }
}

export async function killSuite(mode: Mode, log: (line: string) => void = () => {}): Promise<SuiteResult> {
  return timed('kill', 'Kill tests (SIGKILL at random moments)', async (rows: Row[], notes: string[]) => {
    const tmp = scratch('kill');
    try {
          for (const sub of ['scan', 'report', 'migrate']) mkdirSync(join(tmp.dir, sub));
      // The three parts share nothing (own folders, own fakes), so they run side by side.
      const parts = await Promise.all([
        guarded('SIGKILL during `leasehold scan`', () => scanKills(mode, join(tmp.dir, 'scan'), log)),
        guarded('SIGKILL during `leasehold report`', () => reportKills(mode, join(tmp.dir, 'report'), log)),
        guarded('SIGKILL during a schema migration', () => migrationKills(mode, join(tmp.dir, 'migrate'), log)),
      ]);
      rows.push(...parts.flat());
      notes.push('Kill moments come from a seeded generator (LEASEHOLD_KILL_SEED for scans), so a failing trial can be replayed.');
    } finally {
      tmp.remove();
    }
  });
}
