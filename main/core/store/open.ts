/**
 * Opening the database: pragmas on every open, integrity check, migrations. A damaged file is
 * moved aside with its -wal and -shm and reported; it is never replaced silently.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiFailure } from '../api.ts';
import { migrate } from './migrate.ts';

export type Db = Database.Database;

export function openDatabase(dbPath: string, migrationsDir: string, now: () => Date = () => new Date()): Db {
  mkdirSync(dirname(dbPath), { recursive: true, mode: 0o700 });
  refuseNonFile(dbPath);
  // Created user-only before SQLite opens it: SQLite gives the -wal and -shm files the database's mode.
  if (!existsSync(dbPath)) closeSync(openSync(dbPath, 'a', 0o600));
  let db: Db | undefined;
  try {
    // A file that is not SQLite at all is moved aside before SQLite touches its -wal.
    if (!hasSqliteHeader(dbPath)) throw new DamagedDatabase('not a SQLite database');
    db = new Database(dbPath);
    refuseForeign(db, dbPath);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DamagedDatabase(String(check));
  } catch (err) {
    db?.close();
    if (err instanceof DamagedDatabase || isCorruptionError(err)) {
      const movedTo = moveAside(dbPath, now());
      throw new ApiFailure(
        'db-damaged',
        `The Leasehold database ${dbPath} is damaged and was moved to ${movedTo}; restore a backup or start again to create a new one.`,
      );
    }
    throw err;
  }
  migrate(db, migrationsDir);
  return db;
}

class DamagedDatabase extends Error {}

function refuseNonFile(dbPath: string): void {
  const stat = statSync(dbPath, { throwIfNoEntry: false });
  if (stat && !stat.isFile()) {
    throw new ApiFailure('db-not-a-file', `${dbPath} is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}; give --db (or LEASEHOLD_DB) the path of a database file.`);
  }
}

/**
 * Another application's SQLite file is left exactly as it was (no WAL switch, no tables added).
 * Ours has schema_migrations whenever user_version is set; a first open killed before its
 * migrations committed leaves only that table, which is still ours.
 */
function refuseForeign(db: Db, dbPath: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const objects = db.prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const ours = objects.includes('schema_migrations');
  if (version > 0 ? !ours : objects.some((n) => n !== 'schema_migrations')) {
    throw new ApiFailure('db-foreign', `${dbPath} is a SQLite database of another application, not Leasehold's; it was left unchanged. Choose another file.`);
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function hasSqliteHeader(dbPath: string): boolean {
  if (!existsSync(dbPath) || statSync(dbPath).size === 0) return true;
  const fd = openSync(dbPath, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    readSync(fd, head, 0, head.length, 0);
    return head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

function isCorruptionError(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT');
}

function moveAside(dbPath: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const target = `${dbPath}.damaged-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, target + suffix);
  }
  return target;
}
