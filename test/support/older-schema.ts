/** Databases as an older Leasehold wrote them, for the tests that import or migrate them. */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../main/core/store/open.ts';
import { MIGRATIONS_DIR } from './temp.ts';

/** A folder holding the first `count` of today's migrations: what an older version shipped. */
export function olderMigrations(dir: string, count: number): string {
  const folder = join(dir, 'old-migrations');
  mkdirSync(folder);
  for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql')).sort().slice(0, count)) copyFileSync(join(MIGRATIONS_DIR, name), join(folder, name));
  return folder;
}

/**
 * A scan row of an engagement as an older version wrote it: only the columns every schema has
 * (insertScan writes today's).
 */
export function insertOlderScan(db: Db, scan: { engagementId: string; id: string; accountId: string; profile: string; callerArn: string; region: string; status: string }): void {
  db.prepare('INSERT INTO accounts (engagement_id, account_id) VALUES (?, ?)').run(scan.engagementId, scan.accountId);
  db.prepare(
    `INSERT INTO scans (id, account_ref, profile, account_id, caller_arn, regions, areas, status, started_at, tool_version, checks_version)
     VALUES (?, last_insert_rowid(), ?, ?, ?, ?, '["network"]', ?, '2025-11-01T00:00:00Z', 't', 'c')`,
  ).run(scan.id, scan.profile, scan.accountId, scan.callerArn, JSON.stringify([scan.region]), scan.status);
}
