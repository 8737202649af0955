/**
 * SIGKILL during a schema migration (and during a new database's first one): after restart the
 * database is at the old or the new version, consistent, and opens and migrates with every row.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations } from '../../../main/core/store/migrate.ts';
import { openDatabase } from '../../../main/core/store/open.ts';
import { MIGRATIONS_DIR } from '../../support/temp.ts';
import { seededRandom } from '../../support/random.ts';
import { dbState } from './db-state.ts';
import { cleanEnv, type Mode, type Row } from './suite.ts';
import { PLAN, spawnAndKill } from './kill-support.ts';

/** A schema-1 database holding `rows` findings, so migrating it takes long enough to be killed in the middle. */
function schemaOneDatabase(path: string, rows: number): void {
  const [first] = loadMigrations(MIGRATIONS_DIR);
  if (!first) throw new Error('no migrations');
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.exec(first.sql);
  db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  db.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?, ?)').run(first.name, first.sha256, '2024-01-01T00:00:00.000Z');
  db.pragma('user_version = 1');
  db.transaction(() => {
    db.prepare("INSERT INTO engagements (id, client, created_at) VALUES ('e1', 'Acme', '2024-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO accounts (id, engagement_id, account_id) VALUES (1, 'e1', '111122223333')").run();
    db.prepare(
      `INSERT INTO scans (id, account_ref, profile, account_id, caller_arn, regions, areas, status, started_at, tool_version, checks_version)
       VALUES ('s1', 1, 'audit', '111122223333', 'arn:aws:iam::111122223333:user/a', '["us-east-1"]', '["network"]', 'complete', '2024-01-01T00:00:00Z', '0.0.1', '1')`,
    ).run();
    const insert = db.prepare(
      `INSERT INTO findings (scan_id, finding_key, check_id, title, area, service, severity, status, message, resource_id, resource_arn, resource_name, region, account_id)
       VALUES ('s1', ?, ?, 'A title long enough to matter', 'network', 'ec2', ?, ?, ?, ?, ?, ?, 'us-east-1', '111122223333')`,
    );
    const severities = ['critical', 'high', 'medium', 'low', 'info'];
    const statuses = ['PASS', 'FAIL', 'NOT_ASSESSED', 'NOT_APPLICABLE'];
    for (let i = 0; i < rows; i++) {
      insert.run(`k${i}`, `check-${i % 97}`, severities[i % 5], statuses[i % 4], `Security group sg-${i} allows 0.0.0.0/0 on port ${i % 65535}`, `sg-${i}`, `arn:aws:ec2:us-east-1:111122223333:security-group/sg-${i}`, `Group ${i}`);
    }
  })();
  db.close();
}

export async function migrationKills(mode: Mode, dir: string, log: (l: string) => void): Promise<Row> {
  const { migrationKills: n, migrationRows } = PLAN[mode];
  const template = join(dir, 'schema-1.db');
  schemaOneDatabase(template, migrationRows);
  const child = join(import.meta.dirname, 'migrate-child.ts');
  const env = cleanEnv();
  const probe = join(dir, 'probe.db');
  copyFileSync(template, probe);
  const clean = await spawnAndKill([child, probe, MIGRATIONS_DIR], env, { mark: /ready/ });
  const openMs = clean.total - (clean.marked ?? 0);
  const latest = loadMigrations(MIGRATIONS_DIR).length;
  const random = seededRandom(29);
  const problems: string[] = [];
  const versions: Record<number, number> = {};
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const path = join(dir, `trial-${i}.db`);
    copyFileSync(template, path);
    // Stratified over the window (and a little past it), so kills land early, mid-transaction and after the commit.
    const ms = Math.round(openMs * 1.25 * ((i + random()) / n));
    await spawnAndKill([child, path, MIGRATIONS_DIR], env, { mark: /ready/, fromMark: true, killAfterMs: ms });
    const trial: string[] = [];
    const s = dbState(path);
    if (s.integrity !== 'ok') trial.push(`integrity_check: ${s.integrity.slice(0, 80)}`);
    versions[s.userVersion] = (versions[s.userVersion] ?? 0) + 1;
    if (s.userVersion !== 1 && s.userVersion !== latest) trial.push(`schema at version ${s.userVersion}`);
    if (s.counts.schema_migrations !== s.userVersion) trial.push(`user_version ${s.userVersion} but ${s.counts.schema_migrations} migration rows`);
    if (s.counts.findings !== migrationRows) trial.push(`${s.counts.findings} findings, expected ${migrationRows}`);
    try {
      const db = openDatabase(path, MIGRATIONS_DIR);
      const v = Number(db.pragma('user_version', { simple: true }));
      const count = (db.prepare('SELECT COUNT(*) AS n FROM findings').get() as { n: number }).n;
      const unranked = (db.prepare("SELECT COUNT(*) AS n FROM findings WHERE status = 'FAIL' AND status_rank <> 0").get() as { n: number }).n;
      db.close();
      if (v !== latest || count !== migrationRows || unranked > 0) trial.push(`reopened at version ${v} with ${count} findings, ${unranked} unranked`);
    } catch (err) {
      trial.push(`reopen failed: ${(err as Error).message.slice(0, 100)}`);
    }
    if (trial.length === 0) ok += 1;
    problems.push(...trial.map((p) => `kill ${i + 1} at +${ms} ms: ${p}`));
  }
  // First open of a new file: a kill between creating schema_migrations and the commit must not leave a file we refuse.
  const fresh = join(dir, 'fresh-probe.db');
  const created = await spawnAndKill([child, fresh, MIGRATIONS_DIR], env, { mark: /ready/ });
  const createMs = created.total - (created.marked ?? 0);
  let freshOk = 0;
  for (let i = 0; i < n; i++) {
    const path = join(dir, `fresh-${i}.db`);
    const ms = Math.round(createMs * 1.25 * ((i + random()) / n));
    await spawnAndKill([child, path, MIGRATIONS_DIR], env, { mark: /ready/, fromMark: true, killAfterMs: ms });
    try {
      const db = openDatabase(path, MIGRATIONS_DIR);
      const v = Number(db.pragma('user_version', { simple: true }));
      db.close();
      if (v !== latest) problems.push(`new database killed at +${ms} ms: reopened at version ${v}`);
      else freshOk += 1;
    } catch (err) {
      problems.push(`new database killed at +${ms} ms: reopen failed: ${(err as Error).message.slice(0, 100)}`);
    }
  }
  ok += freshOk;
  log(`kill migrations: open+migrate ${Math.round(openMs)} ms, versions ${JSON.stringify(versions)}; creation ${Math.round(createMs)} ms, ${freshOk}/${n} reopened`);
  return {
    case: 'SIGKILL during a schema migration',
    tried: `${n} kills of a schema-1 → ${latest} migration of ${migrationRows.toLocaleString('en')} findings (open + migrate ${Math.round(openMs)} ms), spread at random over that window and a quarter past it`,
    outcome: `${ok - freshOk}/${n} consistent; found at the old version ${versions[1] ?? 0}x, at the new version ${versions[latest] ?? 0}x, never in between; each reopened and migrated with all rows. Plus ${freshOk}/${n} brand-new databases killed during their first migration (${Math.round(createMs)} ms) reopened cleanly`,
    trials: 2 * n,
    passed: ok,
    problems,
  };
}
