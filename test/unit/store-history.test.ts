import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Finding, Status } from '../../shared/model/finding.ts';
import { acceptRisk, applyAcceptances, listAcceptances, revokeAcceptance } from '../../main/core/store/acceptances.ts';
import { classify, diffScans, passRateTrend } from '../../main/core/store/diff.ts';
import { archiveEngagement, listEngagements, saveEngagement } from '../../main/core/store/engagements.ts';
import { replaceFindings, listFindings } from '../../main/core/store/findings.ts';
import { answerManualControl, listManualControls } from '../../main/core/store/manual.ts';
import { openDatabase, type Db } from '../../main/core/store/open.ts';
import { backupDatabase, exportEngagement, importEngagement } from '../../main/core/store/portability.ts';
import { finishScan, insertScan, listScans } from '../../main/core/store/scans.ts';
import { readRecords, writeRecords } from '../../main/core/store/snapshot.ts';
import { insertOlderScan, olderMigrations } from '../support/older-schema.ts';
import { MIGRATIONS_DIR, tempDir } from '../support/temp.ts';

const ACCOUNT = '123456789012';

function f(checkId: string, resourceId: string, status: Status, severity: Finding['severity'] = 'high', area: Finding['area'] = 'network'): Finding {
  return {
    checkId, title: checkId, area, service: 'ec2', severity, status, message: 'm', resourceId, resourceArn: `arn:${resourceId}`,
    resourceName: resourceId, region: 'eu-west-1', accountId: ACCOUNT, evidence: [],
  };
}

function scan(db: Db, id: string, startedAt: string, findings: Finding[], engagementId = 'eng'): void {
  insertScan(db, { id, profile: 'p', accountId: ACCOUNT, callerArn: `arn:aws:iam::${ACCOUNT}:user/a`, regions: ['eu-west-1'], areas: ['network'], startedAt, toolVersion: 't', checksVersion: 'c', engagementId });
  writeRecords(db, id, [{ dataset: 'ec2:DescribeSecurityGroups', region: 'eu-west-1', resourceKey: '', ok: true, data: [{ GroupId: id }], collectedAt: startedAt, calls: 1 }]);
  replaceFindings(db, id, findings);
  finishScan(db, id, 'complete', startedAt, 1);
}

test('engagements hold client, consultant, notes and authorized ports; archived ones are hidden by default', (t) => {
  const db = openDatabase(join(tempDir(t), 'l.db'), MIGRATIONS_DIR);
  const e = saveEngagement(db, { client: 'Acme Ltd', consultant: 'R. Auditor', settings: { authorizedPorts: [443, 8443] } });
  assert.deepEqual(e.settings.authorizedPorts, [443, 8443]);
  const updated = saveEngagement(db, { id: e.id, client: 'Acme Limited', notes: 'Q3 visit' });
  assert.equal(updated.client, 'Acme Limited');
  assert.equal(updated.consultant, 'R. Auditor', 'fields not given are kept');
  assert.deepEqual(updated.settings.authorizedPorts, [443, 8443]);
  assert.throws(() => saveEngagement(db, { client: 'x', settings: { authorizedPorts: [70000] } }), /0 to 65535/);
  archiveEngagement(db, e.id, true);
  assert.equal(listEngagements(db).some((x) => x.id === e.id), false);
  assert.equal(listEngagements(db, true).some((x) => x.id === e.id), true);
  db.close();
});

test('an accepted risk marks its findings accepted, the most specific acceptance wins, and expiry re-opens them', (t) => {
  const db = openDatabase(join(tempDir(t), 'l.db'), MIGRATIONS_DIR);
  const e = saveEngagement(db, { client: 'Acme' });
  const whole = acceptRisk(db, { engagementId: e.id, checkId: 'sg-open', justification: 'Lab account', approver: 'CISO', expiresAt: '2026-12-31' });
  const one = acceptRisk(db, { engagementId: e.id, checkId: 'sg-open', resourceId: 'sg-1', justification: 'Bastion behind VPN soon', approver: 'CTO' });
  assert.throws(() => acceptRisk(db, { engagementId: e.id, checkId: 'x', justification: ' ', approver: 'CTO' }), /justification/);
  const findings = [f('sg-open', 'sg-1', 'FAIL'), f('sg-open', 'sg-2', 'FAIL'), f('sg-open', 'sg-3', 'PASS'), f('other', 'sg-1', 'FAIL')];
  const before = applyAcceptances(findings, listAcceptances(db, e.id), new Date('2026-11-30T00:00:00Z'));
  assert.equal(before[0]?.acceptance?.id, one.id, 'resource-level acceptance is more specific');
  assert.equal(before[1]?.acceptance?.id, whole.id);
  assert.equal(before[1]?.acceptance?.active, true);
  assert.equal(before[2]?.acceptance, undefined, 'a PASS is never "accepted"');
  assert.equal(before[3]?.acceptance, undefined, 'another check is not covered');
  const after = applyAcceptances(findings, listAcceptances(db, e.id), new Date('2027-01-02T00:00:00Z'));
  assert.equal(after[1]?.acceptance?.active, false, 'expired: the finding is open again, and still shows why it was accepted');
  assert.ok(revokeAcceptance(db, one.id));
  assert.equal(listAcceptances(db, e.id).length, 1);
  db.close();
});

test('diff of two scans: new, resolved, regressed, severity changed, unchanged, and not comparable', (t) => {
  const db = openDatabase(join(tempDir(t), 'l.db'), MIGRATIONS_DIR);
  scan(db, 'a', '2026-01-01T00:00:00Z', [
    f('c1', 'r-resolved', 'FAIL'), f('c1', 'r-same', 'FAIL'), f('c1', 'r-sev', 'FAIL', 'high'), f('c1', 'r-regress', 'PASS'),
    f('c1', 'r-gone', 'FAIL'), f('c1', 'r-unknown', 'FAIL'), f('c1', 'r-pass', 'PASS'),
  ]);
  scan(db, 'b', '2026-04-01T00:00:00Z', [
    f('c1', 'r-resolved', 'PASS'), f('c1', 'r-same', 'FAIL'), f('c1', 'r-sev', 'FAIL', 'critical'), f('c1', 'r-regress', 'FAIL'),
    f('c1', 'r-new', 'FAIL'), f('c1', 'r-unknown', 'NOT_ASSESSED'), f('c1', 'r-pass', 'PASS'),
  ]);
  const d = diffScans(db, 'a', 'b');
  const kinds = Object.fromEntries(d.entries.map((e) => [e.resourceId, e.kind]));
  assert.deepEqual(kinds, {
    'r-new': 'new', 'r-resolved': 'resolved', 'r-gone': 'resolved', 'r-regress': 'regressed', 'r-sev': 'severity-changed', 'r-same': 'unchanged', 'r-unknown': 'not-comparable',
  });
  assert.deepEqual(d.counts, { new: 1, resolved: 2, regressed: 1, 'severity-changed': 1, unchanged: 1, 'not-comparable': 1 });
  assert.equal(classify('PASS', 'PASS', 'high', 'high'), null);
  const trend = passRateTrend(db, ACCOUNT);
  assert.deepEqual(trend.map((p) => p.scanId), ['a', 'b']);
  assert.equal(trend[0]?.passRate.network, 2 / 7);
  assert.equal(trend[1]?.passRate.network, 2 / 6);
  assert.equal(trend[1]?.passRate.s3, null, 'an area with nothing assessed has no rate, not 0%');
  // The later scan could not read the list: the earlier FAIL is not "resolved", it is unknown.
  scan(db, 'c', '2026-05-01T00:00:00Z', [f('c1', '123456789012', 'NOT_ASSESSED')]);
  const blind = diffScans(db, 'b', 'c');
  assert.equal(blind.counts.resolved, 0);
  assert.equal(blind.entries.find((e) => e.resourceId === 'r-new')?.kind, 'not-comparable');
  db.close();
});

test('manual controls get an answer, notes and date per engagement', (t) => {
  const db = openDatabase(join(tempDir(t), 'l.db'), MIGRATIONS_DIR);
  const e = saveEngagement(db, { client: 'Acme' });
  assert.ok(listManualControls(db, e.id).every((c) => c.answer === null));
  answerManualControl(db, { engagementId: e.id, controlId: 'security-contact', answer: 'no', notes: 'Only the CEO mailbox', answeredBy: 'RA' }, new Date('2026-11-29T10:00:00Z'));
  const c = listManualControls(db, e.id).find((x) => x.id === 'security-contact');
  assert.deepEqual([c?.answer, c?.notes, c?.answeredAt, c?.answeredBy], ['no', 'Only the CEO mailbox', '2026-11-29T10:00:00.000Z', 'RA']);
  assert.throws(() => answerManualControl(db, { engagementId: e.id, controlId: 'nope', answer: 'yes' }), /Unknown manual control/);
  db.close();
});

test('an engagement exported to one file imports on another machine with its scans, raw data, risks and answers', (t) => {
  const dir = tempDir(t);
  const sourcePath = join(dir, 'source.db');
  const source = openDatabase(sourcePath, MIGRATIONS_DIR);
  const e = saveEngagement(source, { client: 'Acme' });
  const other = saveEngagement(source, { client: 'Other client' });
  scan(source, 's1', '2026-01-01T00:00:00Z', [f('c1', 'r1', 'FAIL')], e.id);
  scan(source, 's2', '2026-02-01T00:00:00Z', [f('c1', 'r1', 'PASS')], e.id);
  scan(source, 'x1', '2026-02-01T00:00:00Z', [f('c1', 'r9', 'FAIL')], other.id);
  acceptRisk(source, { engagementId: e.id, checkId: 'c1', justification: 'j', approver: 'a' });
  answerManualControl(source, { engagementId: e.id, controlId: 'security-contact', answer: 'yes' });
  const file = join(dir, 'acme.leasehold');
  assert.deepEqual(exportEngagement(source, sourcePath, e.id, file, MIGRATIONS_DIR), { scans: 2 });

  const target = openDatabase(join(dir, 'target.db'), MIGRATIONS_DIR);
  scan(target, 'mine', '2026-03-01T00:00:00Z', [f('c2', 'r5', 'FAIL')], 'local');
  assert.deepEqual(importEngagement(target, file, MIGRATIONS_DIR), { engagementId: e.id, scans: 2 });
  assert.deepEqual(listScans(target).map((s) => s.id).sort(), ['mine', 's1', 's2'], 'only the exported engagement came across');
  assert.equal(readRecords(target, 's1').length, 1);
  assert.equal(listFindings(target, 's1')[0]?.status, 'FAIL');
  assert.equal(listAcceptances(target, e.id).length, 1);
  assert.equal(listManualControls(target, e.id).find((c) => c.id === 'security-contact')?.answer, 'yes');
  assert.deepEqual(importEngagement(target, file, MIGRATIONS_DIR), { engagementId: e.id, scans: 0 }, 'importing twice changes nothing');
  assert.equal(listAcceptances(target, e.id).length, 1);
  assert.throws(() => importEngagement(target, sourcePath, MIGRATIONS_DIR), /expected exactly one/);
  source.close();
  target.close();
});

test('an engagement file exported by an older Leasehold (older schema) is brought up to date and imported', (t) => {
  const dir = tempDir(t);
  // The migrations an older version shipped: every one but the newest.
  const files = readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql'));
  const oldMigrations = olderMigrations(dir, files.length - 1);
  const sourcePath = join(dir, 'source.db');
  const source = openDatabase(sourcePath, oldMigrations);
  const e = saveEngagement(source, { client: 'Acme (last year)' });
  insertOlderScan(source, { engagementId: e.id, id: 'old1', accountId: ACCOUNT, profile: 'p', callerArn: `arn:aws:iam::${ACCOUNT}:user/a`, region: 'eu-west-1', status: 'complete' });
  replaceFindings(source, 'old1', [f('c1', 'r1', 'FAIL')]);
  acceptRisk(source, { engagementId: e.id, checkId: 'c1', justification: 'j', approver: 'a' });
  const file = join(dir, 'acme-2025.leasehold');
  exportEngagement(source, sourcePath, e.id, file, oldMigrations);
  const probe = openDatabase(join(dir, 'probe.db'), oldMigrations);
  const oldVersion = probe.pragma('user_version', { simple: true });
  probe.close();
  assert.equal(oldVersion, files.length - 1);
  const before = readFileSync(file);

  const target = openDatabase(join(dir, 'target.db'), MIGRATIONS_DIR);
  assert.deepEqual(importEngagement(target, file, MIGRATIONS_DIR), { engagementId: e.id, scans: 1 });
  assert.equal(listFindings(target, 'old1')[0]?.status, 'FAIL');
  assert.equal(listAcceptances(target, e.id).length, 1);
  assert.deepEqual(readFileSync(file), before, 'the file the user chose is left as it was');
  source.close();
  target.close();
});

test('a backup through the SQLite backup API is a complete, openable copy', async (t) => {
  const dir = tempDir(t);
  const db = openDatabase(join(dir, 'l.db'), MIGRATIONS_DIR);
  scan(db, 's1', '2026-01-01T00:00:00Z', [f('c1', 'r1', 'FAIL')]);
  await backupDatabase(db, join(dir, 'backup.db'));
  await assert.rejects(backupDatabase(db, join(dir, 'backup.db')), /already exists/);
  const copy = openDatabase(join(dir, 'backup.db'), MIGRATIONS_DIR);
  assert.equal(listFindings(copy, 's1').length, 1);
  copy.close();
  db.close();
});

test('migrating a populated version-1 database keeps every scan and adds the new tables', async (t) => {
  const dir = tempDir(t);
  const v1 = olderMigrations(dir, 1);
  const path = join(dir, 'l.db');
  const old = openDatabase(path, v1);
  assert.equal(old.pragma('user_version', { simple: true }), 1);
  // Rows written as version 1 of Leasehold wrote them (the current code writes version-2 columns).
  old.exec(`INSERT INTO engagements (id, client, created_at) VALUES ('eng', 'Acme', '2026-01-01T00:00:00Z');
    INSERT INTO accounts (engagement_id, account_id) VALUES ('eng', '${ACCOUNT}');
    INSERT INTO scans (id, account_ref, profile, account_id, caller_arn, regions, areas, status, started_at, tool_version, checks_version)
      VALUES ('s1', 1, 'p', '${ACCOUNT}', 'arn', '[]', '[]', 'complete', '2026-01-01T00:00:00Z', '0.1.0', 'c');
    INSERT INTO findings (scan_id, finding_key, check_id, title, area, service, severity, status, message, resource_id, resource_arn,
      resource_name, region, account_id) VALUES ('s1', 'c1|eu-west-1|r1', 'c1', 'Old title', 'network', 'ec2', 'high', 'FAIL', 'm', 'r1', 'a', 'r1', 'eu-west-1', '${ACCOUNT}');`);
  old.close();
  const db = openDatabase(path, MIGRATIONS_DIR);
  assert.equal(db.pragma('user_version', { simple: true }), readdirSync(MIGRATIONS_DIR).length);
  assert.equal(listFindings(db, 's1').length, 1);
  assert.equal(listScans(db)[0]?.id, 's1');
  assert.deepEqual(listManualControls(db, 'eng').length > 0, true);
  const { queryFindings } = await import('../../main/core/store/findings.ts');
  assert.equal(queryFindings(db, 's1', { text: 'old title' }).total, 1, 'existing findings were given search text and ranks');
  assert.equal(queryFindings(db, 's1', { status: ['FAIL'] }).total, 1);
  db.close();
  assert.ok(statSync(path).size > 0);
});
