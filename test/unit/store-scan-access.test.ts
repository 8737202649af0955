/**
 * How a scan signs in (migrations/0004_scan_access.sql) travels with it: engagement export and
 * import and database backups carry it, an engagement file written before the column existed
 * still imports (its scans sign in with their profile), and a value that is not a role ARN is
 * never used to sign in.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { saveEngagement } from '../../main/core/store/engagements.ts';
import { openDatabase, type Db } from '../../main/core/store/open.ts';
import { backupDatabase, exportEngagement, importEngagement } from '../../main/core/store/portability.ts';
import { finishScan, getScan, getScanAccess, insertScan, listScans, type ScanAccess } from '../../main/core/store/scans.ts';
import { insertOlderScan, olderMigrations } from '../support/older-schema.ts';
import { MIGRATIONS_DIR, tempDir } from '../support/temp.ts';

const MEMBER = '222233334444';
const ROLE_ARN = `arn:aws:iam::${MEMBER}:role/audit/LeaseholdAudit`;

function scan(db: Db, id: string, engagementId: string, access?: ScanAccess): void {
  insertScan(db, {
    id, profile: 'mgmt', accountId: MEMBER, callerArn: `arn:aws:sts::${MEMBER}:assumed-role/LeaseholdAudit/leasehold-20260101T000000Z`,
    regions: ['us-east-1'], areas: ['network'], startedAt: '2026-01-01T00:00:00Z', toolVersion: 't', checksVersion: 'c', engagementId, access,
  });
  finishScan(db, id, 'interrupted', '2026-01-01T00:01:00Z', 3);
}

test("export, import and backup carry how each scan signs in; a profile's own scan has none", async (t) => {
  const dir = tempDir(t);
  const sourcePath = join(dir, 'source.db');
  const source = openDatabase(sourcePath, MIGRATIONS_DIR);
  t.after(() => source.close());
  const e = saveEngagement(source, { client: 'Acme organization' });
  scan(source, 'member', e.id, { roleArn: ROLE_ARN, externalId: 'acme-audit-7' });
  scan(source, 'plain', e.id);
  const noExternalId = saveEngagement(source, { client: 'Other' });
  scan(source, 'member-no-id', noExternalId.id, { roleArn: ROLE_ARN });
  assert.deepEqual(getScanAccess(source, 'member-no-id'), { roleArn: ROLE_ARN });
  assert.equal(getScan(source, 'plain')?.viaRoleArn, undefined);
  assert.equal('viaRoleArn' in (getScan(source, 'plain') ?? {}), false, 'the summary of an ordinary scan is as before');

  const file = join(dir, 'acme.leasehold');
  exportEngagement(source, sourcePath, e.id, file, MIGRATIONS_DIR);
  const target = openDatabase(join(dir, 'target.db'), MIGRATIONS_DIR);
  t.after(() => target.close());
  assert.deepEqual(importEngagement(target, file, MIGRATIONS_DIR), { engagementId: e.id, scans: 2 });
  assert.deepEqual(getScanAccess(target, 'member'), { roleArn: ROLE_ARN, externalId: 'acme-audit-7' });
  assert.equal(getScan(target, 'member')?.viaRoleArn, ROLE_ARN);
  assert.equal(getScanAccess(target, 'plain'), undefined);

  await backupDatabase(source, join(dir, 'backup.db'));
  const copy = openDatabase(join(dir, 'backup.db'), MIGRATIONS_DIR);
  t.after(() => copy.close());
  assert.deepEqual(listScans(copy).map((s) => [s.id, s.viaRoleArn]).sort(), [['member', ROLE_ARN], ['member-no-id', ROLE_ARN], ['plain', undefined]]);
  assert.deepEqual(getScanAccess(copy, 'member'), { roleArn: ROLE_ARN, externalId: 'acme-audit-7' });
});

test('an engagement file from before scans kept their sign-in imports, its scans signing in with their profile', (t) => {
  const dir = tempDir(t);
  // An engagement file as Leasehold wrote it at schema 3: the scans table has no access column.
  const file = join(dir, 'acme-2025.leasehold');
  const written = openDatabase(file, olderMigrations(dir, 3));
  assert.equal(written.pragma('user_version', { simple: true }), 3);
  const e = saveEngagement(written, { client: 'Acme (last year)' });
  insertOlderScan(written, { engagementId: e.id, id: 'old', accountId: MEMBER, profile: 'mgmt', callerArn: 'arn', region: 'us-east-1', status: 'cancelled' });
  written.pragma('journal_mode = DELETE');
  written.close();

  const target = openDatabase(join(dir, 'target.db'), MIGRATIONS_DIR);
  t.after(() => target.close());
  assert.deepEqual(importEngagement(target, file, MIGRATIONS_DIR), { engagementId: e.id, scans: 1 });
  assert.equal(getScan(target, 'old')?.status, 'cancelled');
  assert.equal(getScanAccess(target, 'old'), undefined);
});

test('a stored value that is not a role ARN is never used to sign in, and a non-JSON one is refused by the schema', (t) => {
  const db = openDatabase(join(tempDir(t), 'l.db'), MIGRATIONS_DIR);
  t.after(() => db.close());
  const e = saveEngagement(db, { client: 'Imported' });
  scan(db, 's', e.id, { roleArn: ROLE_ARN });
  const set = (value: string | null) => db.prepare('UPDATE scans SET access = ? WHERE id = ?').run(value, 's');
  for (const hostile of ['null', '7', '"arn"', '{"roleArn": 5}', '{"roleArn": "arn:aws:iam::1:role/x"}', `{"roleArn": "${ROLE_ARN}\\nInjected"}`, '{"roleArn": "arn:aws:s3:::bucket"}']) {
    set(hostile);
    assert.equal(getScanAccess(db, 's'), undefined, hostile);
    assert.equal(getScan(db, 's')?.viaRoleArn, undefined, hostile);
  }
  set(`{"roleArn": "${ROLE_ARN}", "externalId": 42}`);
  assert.deepEqual(getScanAccess(db, 's'), { roleArn: ROLE_ARN }, 'an external ID that is not text is not sent');
  assert.throws(() => set('{not json'), /CHECK constraint failed/);
});
