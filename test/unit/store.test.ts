import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openDatabase } from '../../main/core/store/open.ts';
import { insertScan, listScans, markOrphanedScansInterrupted, getScan, deleteScan } from '../../main/core/store/scans.ts';
import { listFindings, replaceFindings } from '../../main/core/store/findings.ts';
import { readRecords, writeRecords } from '../../main/core/store/snapshot.ts';
import type { Finding } from '../../shared/model/finding.ts';
import { MIGRATIONS_DIR, tempDir } from '../support/temp.ts';

const scan = (id: string, startedAt: string) => ({
  id,
  profile: 'p',
  accountId: '123456789012',
  callerArn: 'arn:aws:iam::123456789012:user/a',
  regions: ['eu-west-1'],
  areas: ['s3' as const],
  startedAt,
  toolVersion: '0.1.0',
  checksVersion: 'x',
});

const fail = (resourceId: string): Finding => ({
  checkId: 's3-bucket-versioning-enabled', title: 't', area: 's3', service: 's3', severity: 'medium', status: 'FAIL',
  message: 'm', resourceId, resourceArn: `arn:aws:s3:::${resourceId}`, resourceName: resourceId, region: 'eu-west-1',
  accountId: '123456789012', evidence: [{ call: 's3:GetBucketVersioning', region: 'eu-west-1', time: 't', excerpt: '{}' }],
});

test('a new database gets the schema, WAL, foreign keys and explicit synchronous on every open', (t) => {
  const path = join(tempDir(t), 'l.db');
  openDatabase(path, MIGRATIONS_DIR).close();
  const db = openDatabase(path, MIGRATIONS_DIR);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('synchronous', { simple: true }), 2, 'synchronous = FULL on a re-open too');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.equal(db.pragma('user_version', { simple: true }), readdirSync(MIGRATIONS_DIR).length);
  db.close();
});

test('scans, snapshot records and findings round-trip; deleting a scan deletes its raw data', (t) => {
  const db = openDatabase(join(tempDir(t), 'l.db'), MIGRATIONS_DIR);
  insertScan(db, scan('s1', '2026-01-01T00:00:00Z'));
  insertScan(db, scan('s2', '2026-02-01T00:00:00Z'));
  writeRecords(db, 's1', [
    { dataset: 's3:ListBuckets', region: 'global', resourceKey: '', ok: true, data: [{ Name: 'b' }], collectedAt: 't', calls: 1 },
    { dataset: 's3:GetBucketVersioning', region: 'eu-west-1', resourceKey: 'b', ok: false, error: { kind: 'permission-denied', code: 'AccessDenied', message: 'no' }, collectedAt: 't', calls: 1 },
  ]);
  replaceFindings(db, 's1', [fail('b'), fail('c')]);
  assert.deepEqual(listScans(db).map((s) => s.id), ['s2', 's1'], 'newest first');
  assert.equal(getScan(db, 's1')?.counts.FAIL, 2);
  assert.deepEqual(listFindings(db, 's1', { status: 'FAIL' }).map((f) => f.resourceId), ['b', 'c']);
  assert.equal(listFindings(db, 's1', { status: 'PASS' }).length, 0);
  const records = readRecords(db, 's1');
  assert.equal(records.length, 2);
  assert.deepEqual(records.find((r) => !r.ok), { dataset: 's3:GetBucketVersioning', region: 'eu-west-1', resourceKey: 'b', ok: false, error: { kind: 'permission-denied', code: 'AccessDenied', message: 'no' }, collectedAt: 't', calls: 1 });
  assert.ok(deleteScan(db, 's1'));
  assert.equal(readRecords(db, 's1').length, 0);
  assert.equal(listFindings(db, 's1').length, 0);
  db.close();
});

test('a scan left running by a dead process is marked interrupted; one owned by a live process is not', (t) => {
  const db = openDatabase(join(tempDir(t), 'l.db'), MIGRATIONS_DIR);
  insertScan(db, scan('dead', '2026-01-01T00:00:00Z'));
  insertScan(db, scan('alive', '2026-01-02T00:00:00Z'));
  db.prepare('UPDATE scans SET owner_pid = 999999999 WHERE id = ?').run('dead');
  db.prepare('UPDATE scans SET owner_pid = ? WHERE id = ?').run(process.ppid, 'alive');
  assert.equal(markOrphanedScansInterrupted(db), 1);
  assert.equal(getScan(db, 'dead')?.status, 'interrupted');
  assert.equal(getScan(db, 'alive')?.status, 'running');
  db.close();
});

test('a database written by a newer Leasehold is refused with a clear message', (t) => {
  const path = join(tempDir(t), 'l.db');
  openDatabase(path, MIGRATIONS_DIR).close();
  const raw = new Database(path);
  raw.pragma('user_version = 99');
  raw.close();
  assert.throws(() => openDatabase(path, MIGRATIONS_DIR), /newer Leasehold \(schema 99/);
});

test('an applied migration that was edited afterwards is refused', (t) => {
  const dir = tempDir(t);
  const migrations = join(dir, 'migrations');
  cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
  const path = join(dir, 'l.db');
  openDatabase(path, migrations).close();
  const first = join(migrations, readdirSync(migrations).sort()[0] as string);
  writeFileSync(first, `${readFileSync(first, 'utf8')}\n-- edited\n`);
  assert.throws(() => openDatabase(path, migrations), /was changed after it was applied/);
});

test('a damaged database file is moved aside with its -wal and -shm and reported, never replaced silently', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'l.db');
  writeFileSync(path, Buffer.alloc(8192, 0x41));
  writeFileSync(`${path}-wal`, 'x');
  assert.throws(() => openDatabase(path, MIGRATIONS_DIR), (err: Error) => {
    assert.match(err.message, /is damaged and was moved to .*damaged-/);
    assert.equal(err.message.includes('\n'), false, 'one line');
    return true;
  });
  assert.equal(existsSync(path), false, 'the damaged file is not left in place');
  const moved = readdirSync(dir).filter((f) => f.includes('.damaged-'));
  assert.equal(moved.length, 2, `main file and -wal moved: ${moved.join(', ')}`);
});
