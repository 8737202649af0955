/**
 * Numbered SQL migrations (NNNN_name.sql) applied in one transaction under PRAGMA user_version.
 * Each applied migration's SHA-256 is kept: an edited migration, or a database written by a newer
 * Leasehold, is refused instead of being guessed at.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiFailure } from '../api.ts';
import type { Db } from './open.ts';

interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return files.map((file, index) => {
    const version = Number(file.slice(0, 4));
    if (version !== index + 1) throw new Error(`Migration ${file} is out of sequence (expected ${index + 1})`);
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version, name: file, sql, sha256: createHash('sha256').update(sql).digest('hex') };
  });
}

export function migrate(db: Db, dir: string): void {
  const migrations = loadMigrations(dir);
  const latest = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new ApiFailure(
      'db-newer',
      `This database was written by a newer Leasehold (schema ${current}, this version knows ${latest}); update Leasehold to open it.`,
    );
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
    sha256: string;
  }[];
  for (const row of applied) {
    const known = migrations[row.version - 1];
    if (!known || known.sha256 !== row.sha256) {
      throw new ApiFailure(
        'db-migration-edited',
        `Migration ${row.name} was changed after it was applied to this database; restore the original file or use a matching Leasehold version.`,
      );
    }
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  const insert = db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      insert.run(m.version, m.name, m.sha256, new Date().toISOString());
    }
    db.pragma(`user_version = ${latest}`);
  })();
}
