/**
 * Moving client history between machines: an engagement exported to one SQLite file (same schema,
 * only that engagement's rows), imported elsewhere; and whole-database backups through SQLite's
 * online backup API, safe while the app is running.
 */
import { chmodSync, closeSync, copyFileSync, existsSync, mkdtempSync, openSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiFailure } from '../api.ts';
import { migrate } from './migrate.ts';
import { openDatabase, type Db } from './open.ts';

/** Child tables copied with an engagement, in foreign-key order. */
const TABLES: { name: string; where: string }[] = [
  { name: 'engagements', where: 'id = @e' },
  { name: 'accounts', where: 'engagement_id = @e' },
  { name: 'scans', where: 'account_ref IN (SELECT id FROM src.accounts WHERE engagement_id = @e)' },
  { name: 'snapshot_records', where: 'scan_id IN (SELECT s.id FROM src.scans s JOIN src.accounts a ON a.id = s.account_ref WHERE a.engagement_id = @e)' },
  { name: 'findings', where: 'scan_id IN (SELECT s.id FROM src.scans s JOIN src.accounts a ON a.id = s.account_ref WHERE a.engagement_id = @e)' },
  { name: 'risk_acceptances', where: 'engagement_id = @e' },
  { name: 'manual_answers', where: 'engagement_id = @e' },
];

export function exportEngagement(db: Db, dbPath: string, engagementId: string, file: string, migrationsDir: string): { scans: number } {
  if (!db.prepare('SELECT 1 FROM engagements WHERE id = ?').get(engagementId)) {
    throw new ApiFailure('not-found', `No engagement with id "${engagementId.slice(0, 60)}".`);
  }
  if (existsSync(file)) throw new ApiFailure('exists', `${file} already exists; choose another file name.`);
  const out = openDatabase(file, migrationsDir);
  try {
    out.exec(`ATTACH DATABASE '${dbPath.replace(/'/g, "''")}' AS src`);
    out.transaction(() => {
      for (const t of TABLES) out.prepare(`INSERT INTO main.${t.name} SELECT * FROM src.${t.name} WHERE ${t.where}`).run({ e: engagementId });
    })();
    out.exec('DETACH DATABASE src');
    const scans = (out.prepare('SELECT COUNT(*) AS n FROM scans').get() as { n: number }).n;
    out.pragma('journal_mode = DELETE');
    return { scans };
  } catch (err) {
    out.close();
    rmSync(file, { force: true });
    throw err;
  } finally {
    if (out.open) out.close();
  }
}

/**
 * Imports an exported engagement. The file is checked first (SQLite, one engagement, a schema this
 * version knows); a file from an older Leasehold is brought up to date on a private copy first, so
 * last year's engagement can be compared with this visit. Rows that already exist (same ids) are
 * kept as they are, so importing twice is harmless.
 */
export function importEngagement(db: Db, file: string, migrationsDir: string): { engagementId: string; scans: number } {
  const ours = db.pragma('user_version', { simple: true }) as number;
  const version = probeEngagementFile(file, ours);
  if (version === ours) return importCurrent(db, file);
  const dir = mkdtempSync(join(tmpdir(), 'leasehold-import-'));
  try {
    const copy = join(dir, 'engagement.leasehold');
    copyFileSync(file, copy);
    chmodSync(copy, 0o600);
    const old = new Database(copy);
    try {
      migrate(old, migrationsDir);
      old.pragma('journal_mode = DELETE');
    } catch (err) {
      throw new ApiFailure('bad-import', `${file} (schema ${version}) could not be brought up to date: ${(err as Error).message.split('\n', 1)[0]}`);
    } finally {
      old.close();
    }
    return importCurrent(db, copy);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The file's schema version, after checking it is an engagement file this version can read. */
function probeEngagementFile(file: string, ours: number): number {
  let probe: Database.Database;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new ApiFailure('bad-import', `${file} is not a Leasehold engagement file.`);
  }
  try {
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > ours) throw new ApiFailure('db-newer', `${file} was exported by a newer Leasehold (schema ${version}); update Leasehold to import it.`);
    if (version < 1) throw new ApiFailure('bad-import', `${file} is not a Leasehold engagement file.`);
    const engagements = probe.prepare('SELECT id FROM engagements').all() as { id: string }[];
    if (engagements.length !== 1) throw new ApiFailure('bad-import', `${file} holds ${engagements.length} engagements; expected exactly one.`);
    return version;
  } catch (err) {
    if (err instanceof ApiFailure) throw err;
    throw new ApiFailure('bad-import', `${file} is not a Leasehold engagement file.`);
  } finally {
    probe.close();
  }
}

function importCurrent(db: Db, file: string): { engagementId: string; scans: number } {
  db.exec(`ATTACH DATABASE '${file.replace(/'/g, "''")}' AS src`);
  try {
    const engagementId = (db.prepare('SELECT id FROM src.engagements').get() as { id: string }).id;
    let scans = 0;
    db.transaction(() => {
      // Account row ids differ between machines: remap them by (engagement, account id).
      db.prepare('INSERT OR IGNORE INTO main.engagements SELECT * FROM src.engagements').run();
      db.prepare('INSERT OR IGNORE INTO main.accounts (engagement_id, account_id) SELECT engagement_id, account_id FROM src.accounts').run();
      const cols = (db.prepare(`SELECT name FROM pragma_table_info('scans')`).all() as { name: string }[]).map((c) => c.name);
      const select = cols.map((c) => (c === 'account_ref' ? `(SELECT m.id FROM main.accounts m JOIN src.accounts x ON x.engagement_id = m.engagement_id AND x.account_id = m.account_id WHERE x.id = s.account_ref)` : `s.${c}`));
      scans = db.prepare(`INSERT OR IGNORE INTO main.scans (${cols.join(', ')}) SELECT ${select.join(', ')} FROM src.scans s`).run().changes;
      db.prepare('INSERT OR IGNORE INTO main.snapshot_records SELECT * FROM src.snapshot_records').run();
      const fcols = (db.prepare(`SELECT name FROM pragma_table_info('findings')`).all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
      db.prepare(`INSERT OR IGNORE INTO main.findings (${fcols.join(', ')}) SELECT ${fcols.join(', ')} FROM src.findings`).run();
      const rcols = (db.prepare(`SELECT name FROM pragma_table_info('risk_acceptances')`).all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
      db.prepare(
        `INSERT INTO main.risk_acceptances (${rcols.join(', ')}) SELECT ${rcols.join(', ')} FROM src.risk_acceptances r
         WHERE NOT EXISTS (SELECT 1 FROM main.risk_acceptances m WHERE m.engagement_id = r.engagement_id AND m.check_id = r.check_id
           AND m.created_at = r.created_at AND m.justification = r.justification)`,
      ).run();
      db.prepare('INSERT OR IGNORE INTO main.manual_answers SELECT * FROM src.manual_answers').run();
    })();
    return { engagementId, scans };
  } finally {
    db.exec('DETACH DATABASE src');
  }
}

/**
 * A consistent copy of the whole database, through SQLite's online backup API. It holds every
 * client's data, so it is user-only (0600) whatever the umask (SQLite alone would create it 0644
 * less the umask). SQLite writes into a temporary file beside the target, created 0600 first
 * (its -journal takes the database file's mode), renamed onto the target once complete: a failed
 * or killed backup never leaves a partial copy under the chosen name.
 */
export async function backupDatabase(db: Db, file: string): Promise<void> {
  if (existsSync(file)) throw new ApiFailure('exists', `${file} already exists; choose another file name.`);
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    closeSync(openSync(tmp, 'wx', 0o600));
    // The umask can only have taken bits away; put the owner's read and write back, exactly.
    chmodSync(tmp, 0o600);
    await db.backup(tmp);
    if (existsSync(file)) throw new ApiFailure('exists', `${file} already exists; choose another file name.`);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    if (err instanceof ApiFailure) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message;
    throw new ApiFailure('bad-request', `Cannot write the backup to ${file}: ${why}${code ? ` (${code})` : ''}.`);
  }
}
