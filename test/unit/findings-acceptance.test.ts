/**
 * The explorer's acceptance filter, answered by the store before paging: each finding's state
 * (accepted, expired, none) follows the rule the marks on the rows follow, on a real SQLite file.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ACCEPTANCE_FILTERS, type AcceptanceFilter, type Finding, type FindingQuery, type Status } from '../../shared/model/finding.ts';
import { createCore } from '../../main/core/core.ts';
import { acceptRisk, applyAcceptances, listAcceptances, revokeAcceptance, type AcceptanceInput } from '../../main/core/store/acceptances.ts';
import { findingKey, queryFindings, replaceFindings } from '../../main/core/store/findings.ts';
import { openDatabase, type Db } from '../../main/core/store/open.ts';
import { finishScan, insertScan } from '../../main/core/store/scans.ts';
import { MIGRATIONS_DIR, REPO_ROOT, tempDir } from '../support/temp.ts';

const ACCOUNT = '123456789012';
const NOW = new Date('2026-11-30T12:00:00Z');
const AFTER_YEAR_END = new Date('2027-01-02T00:00:00Z');

function f(checkId: string, resourceId: string, region: string, status: Status = 'FAIL'): Finding {
  return {
    checkId, title: `${checkId} title`, area: 'network', service: 'ec2', severity: 'high', status, message: `${resourceId} is open`,
    resourceId, resourceArn: `arn:aws:ec2:${region}:${ACCOUNT}:thing/${resourceId}`, resourceName: resourceId, region, accountId: ACCOUNT, evidence: [],
  };
}

/** Each finding with the state it must have at NOW, and why. */
const CASES: [Finding, AcceptanceFilter][] = [
  [f('sg-open', 'sg-1', 'eu-west-1'), 'accepted'], // its own acceptance, no expiry
  [f('sg-open', 'sg-2', 'eu-west-1'), 'expired'], // only the check-wide eu-west-1 acceptance, expired
  [f('sg-open', 'sg-3', 'us-east-1'), 'none'], // that acceptance is narrowed to eu-west-1
  [f('sg-open', 'sg-4', 'eu-west-1', 'PASS'), 'none'], // a pass is never accepted
  [f('trail-off', 'trail-1', 'us-east-1'), 'accepted'], // expired for itself, but the check-wide one is in force
  [f('trail-off', 'trail-2', 'us-east-1'), 'accepted'],
  [f('key-rotation', 'key-1', 'eu-west-1'), 'none'], // its acceptance was revoked
  [f('mfa-off', 'user-1', 'us-east-1'), 'accepted'], // this account's acceptance, until the end of 2026
  [f('bucket-public', 'b-1', 'eu-west-1', 'NOT_ASSESSED'), 'none'],
];

function accept(db: Db, a: Partial<AcceptanceInput> & { checkId: string }): number {
  return acceptRisk(db, { engagementId: 'acme', justification: 'Reviewed with the client', approver: 'CISO', ...a }, new Date('2026-01-01T00:00:00Z')).id;
}

function seed(t: Parameters<typeof tempDir>[0]): Db {
  const db = openDatabase(join(tempDir(t), 'l.db'), MIGRATIONS_DIR);
  for (const [id, engagementId] of [['scan-acme', 'acme'], ['scan-other', 'other']] as const) {
    insertScan(db, { id, profile: 'p', accountId: ACCOUNT, callerArn: 'arn', regions: ['eu-west-1', 'us-east-1'], areas: ['network'], startedAt: '2026-11-29T00:00:00Z', toolVersion: 't', checksVersion: 'c', engagementId });
    replaceFindings(db, id, CASES.map(([finding]) => finding));
    finishScan(db, id, 'complete', '2026-11-29T00:00:00Z', 1);
  }
  accept(db, { checkId: 'sg-open', resourceId: 'sg-1' });
  accept(db, { checkId: 'sg-open', region: 'eu-west-1', expiresAt: '2026-06-30' });
  accept(db, { checkId: 'trail-off', resourceId: 'trail-1', region: 'us-east-1', expiresAt: '2026-03-01' });
  accept(db, { checkId: 'trail-off' });
  revokeAcceptance(db, accept(db, { checkId: 'key-rotation', resourceId: 'key-1' }));
  accept(db, { checkId: 'mfa-off', accountId: ACCOUNT, expiresAt: '2026-12-31' });
  accept(db, { checkId: 'mfa-off', accountId: '999999999999' });
  accept(db, { checkId: 'bucket-public' });
  return db;
}

const keys = (rows: Finding[]): string[] => rows.map(findingKey).sort();
const stateOf = (x: Finding): AcceptanceFilter => (x.acceptance ? (x.acceptance.active ? 'accepted' : 'expired') : 'none');
const COMBINATIONS: AcceptanceFilter[][] = [['accepted'], ['expired'], ['none'], ['accepted', 'expired'], ['accepted', 'none'], ['expired', 'none'], [...ACCEPTANCE_FILTERS]];

test('every combination of acceptance states is filtered by the store, as the rows are marked', (t) => {
  const db = seed(t);
  for (const wanted of COMBINATIONS) {
    const page = queryFindings(db, 'scan-acme', { acceptance: wanted, sort: 'check', limit: 1000 }, NOW);
    const expected = CASES.filter(([, state]) => wanted.includes(state)).map(([finding]) => findingKey(finding)).sort();
    assert.deepEqual(keys(page.rows), expected, `acceptance=${wanted.join(',')}`);
    assert.equal(page.total, expected.length);
    const marked = applyAcceptances(page.rows, listAcceptances(db, 'acme'), NOW);
    assert.ok(marked.every((row) => wanted.includes(stateOf(row))), `every row of ${wanted.join(',')} is marked as one of them`);
  }
  db.close();
});

test('expiry is judged at the moment given: after the year end the MFA acceptance has lapsed', (t) => {
  const db = seed(t);
  const accepted = (now: Date) => keys(queryFindings(db, 'scan-acme', { acceptance: ['accepted'] }, now).rows);
  const expired = (now: Date) => keys(queryFindings(db, 'scan-acme', { acceptance: ['expired'] }, now).rows);
  const mfa = `mfa-off|us-east-1|user-1`;
  assert.ok(accepted(NOW).includes(mfa));
  assert.ok(!accepted(AFTER_YEAR_END).includes(mfa));
  assert.ok(expired(AFTER_YEAR_END).includes(mfa));
  // Either side of the instant it expires, and at that instant (no longer in force, as the marks say).
  assert.ok(accepted(new Date('2026-12-30T23:59:59Z')).includes(mfa));
  assert.ok(expired(new Date('2026-12-31T00:00:00Z')).includes(mfa));
  assert.ok(expired(new Date('2026-12-31T00:00:01Z')).includes(mfa));
  db.close();
});

test('the count and the pages are those of the filtered list, combined with the other filters', (t) => {
  const db = seed(t);
  // Many unaccepted failures around the accepted ones, so a page filtered after the fact would come up short.
  replaceFindings(db, 'scan-acme', [...CASES.map(([finding]) => finding), ...Array.from({ length: 40 }, (_, i) => f('sg-open', `sg-extra-${i}`, 'us-east-1'))]);
  const q: FindingQuery = { acceptance: ['accepted'], sort: 'resource' };
  const all = queryFindings(db, 'scan-acme', { ...q, limit: 1000 }, NOW);
  assert.equal(all.total, 4);
  const paged: Finding[] = [];
  for (let offset = 0; offset < 6; offset += 2) {
    const page = queryFindings(db, 'scan-acme', { ...q, limit: 2, offset }, NOW);
    assert.equal(page.total, 4, 'the total does not depend on the page');
    paged.push(...page.rows);
  }
  assert.deepEqual(paged.map(findingKey), all.rows.map(findingKey));

  const notAccepted = queryFindings(db, 'scan-acme', { status: ['FAIL'], acceptance: ['none'], region: ['us-east-1'], text: 'sg-', limit: 1 }, NOW);
  assert.equal(notAccepted.total, 41, 'sg-3 and the 40 extra failures');
  const fewer = queryFindings(db, 'scan-acme', { status: ['FAIL'], acceptance: ['accepted', 'expired'], region: ['eu-west-1'] }, NOW);
  assert.deepEqual(keys(fewer.rows), ['sg-open|eu-west-1|sg-1', 'sg-open|eu-west-1|sg-2']);
  db.close();
});

test('revoking an acceptance takes its finding out of "accepted" at once', (t) => {
  const db = seed(t);
  const sg1 = listAcceptances(db, 'acme').find((a) => a.resourceId === 'sg-1');
  assert.ok(sg1);
  revokeAcceptance(db, sg1.id);
  assert.ok(!keys(queryFindings(db, 'scan-acme', { acceptance: ['accepted'] }, NOW).rows).includes('sg-open|eu-west-1|sg-1'));
  // Still covered by the expired check-wide acceptance of its region.
  assert.ok(keys(queryFindings(db, 'scan-acme', { acceptance: ['expired'] }, NOW).rows).includes('sg-open|eu-west-1|sg-1'));
  db.close();
});

test('another engagement’s scan has none of these acceptances', (t) => {
  const db = seed(t);
  assert.equal(queryFindings(db, 'scan-other', { acceptance: ['none'] }, NOW).total, CASES.length);
  assert.equal(queryFindings(db, 'scan-other', { acceptance: ['accepted', 'expired'] }, NOW).total, 0);
  db.close();
});

test('findings:query refuses an unknown acceptance value with one line, and filters with a known one', async (t) => {
  const dir = tempDir(t);
  const core = createCore({ rootDir: REPO_ROOT, dbPath: join(dir, 'l.db'), dataDir: dir, env: {} });
  t.after(() => core.close());
  insertScan(core.db, { id: 'scan-acme', profile: 'p', accountId: ACCOUNT, callerArn: 'arn', regions: ['eu-west-1'], areas: ['network'], startedAt: '2026-11-29T00:00:00Z', toolVersion: 't', checksVersion: 'c', engagementId: 'acme' });
  replaceFindings(core.db, 'scan-acme', [f('sg-open', 'sg-1', 'eu-west-1'), f('sg-open', 'sg-2', 'eu-west-1')]);
  finishScan(core.db, 'scan-acme', 'complete', '2026-11-29T00:00:00Z', 1);
  accept(core.db, { checkId: 'sg-open', resourceId: 'sg-1' });

  const query = core.handlers['findings:query'];
  for (const acceptance of [['accepted', 'maybe\nnot'], 'accepted', [42]] as unknown[]) {
    await assert.rejects(query({ scanId: 'scan-acme', acceptance: acceptance as AcceptanceFilter[] }), (err: Error & { code?: string }) => {
      assert.equal(err.code, 'bad-request');
      assert.match(err.message, /^acceptance must be a list of accepted, expired, none; "[^\n]*" is not one\.$/);
      return true;
    });
  }
  const page = await query({ scanId: 'scan-acme', acceptance: ['accepted'] });
  assert.deepEqual(page.rows.map((row) => [row.resourceId, row.acceptance?.active]), [['sg-1', true]]);
  assert.equal((await query({ scanId: 'scan-acme', acceptance: ['none'] })).total, 1);
});
