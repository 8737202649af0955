/** Reading a database from outside, as a second process would: integrity, version and a digest of every row. */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export interface DbState {
  integrity: string;
  foreignKeyErrors: number;
  userVersion: number;
  /** SHA-256 of every table's rows (sorted), so "unchanged" means the same data, not the same pages. */
  digest: string;
  counts: Record<string, number>;
}

export function dbState(path: string): DbState {
  const db = new Database(path, { fileMustExist: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const foreignKeyErrors = (db.pragma('foreign_key_check') as unknown[]).length;
    const userVersion = Number(db.pragma('user_version', { simple: true }));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const hash = createHash('sha256');
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const rows = (db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
      counts[t] = rows.length;
      hash.update(`${t}\n${rows.join('\n')}\n`);
    }
    return { integrity, foreignKeyErrors, userVersion, digest: hash.digest('hex'), counts };
  } finally {
    db.close();
  }
}
