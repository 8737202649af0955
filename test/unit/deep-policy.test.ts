/**
 * Absurdly nested data from the account (an emulator or a tampered response): a policy document
 * nested deeper than MAX_POLICY_DEPTH is kept as text and every check that reads it says it is too
 * deeply nested to analyse (NOT_ASSESSED); a record the store cannot serialise becomes a
 * malformed-response error for that record alone, in the store and in the scan's own snapshot.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { identityAccessChecks } from '../../main/core/checks/identity-access/index.ts';
import { decodePolicy } from '../../main/core/collect/iam.ts';
import { isTooDeep, MAX_POLICY_DEPTH } from '../../main/core/collect/policy-depth.ts';
import { DEFAULT_EVAL_CONTEXT } from '../../main/core/engine/evaluate.ts';
import type { SnapshotRecord } from '../../main/core/engine/snapshot.ts';
import { canonicalJson } from '../../main/core/report/digest.ts';
import { openDatabase } from '../../main/core/store/open.ts';
import { insertScan } from '../../main/core/store/scans.ts';
import { readRecords, writeRecords } from '../../main/core/store/snapshot.ts';
import { ACCOUNT, ok, snapshot } from '../support/snapshots.ts';
import { MIGRATIONS_DIR, tempDir } from '../support/temp.ts';

/** An allow-all policy whose Condition value nests so that the whole document is `depth` levels deep. */
function nestedPolicy(depth: number): string {
  const inner = depth - 5; // document, Statement list, statement, Condition, operator
  return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":${'['.repeat(inner)}"x"${']'.repeat(inner)}}}}]}`;
}
const trustPolicy = (depth: number) => nestedPolicy(depth).replace('"Action":"*","Resource":"*"', '"Principal":{"AWS":"*"},"Action":"sts:AssumeRole"');

const arn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
const run = (id: string, records: SnapshotRecord[]) => {
  const check = identityAccessChecks.find((c) => c.meta.id === id);
  assert.ok(check, id);
  return check.evaluate(snapshot(records), DEFAULT_EVAL_CONTEXT);
};

/** GetAccountAuthorizationDetails as the collector stores it: every document through decodePolicy. */
function authz(text: (name: string) => string) {
  const inline = (name: string) => [{ PolicyName: name, PolicyDocument: decodePolicy(encodeURIComponent(text(name))) }];
  return ok('iam:GetAccountAuthorizationDetails', 'global', {
    UserDetailList: ['user-at-limit', 'user-too-deep', 'user-broken'].map((u) => ({ UserName: u, Arn: arn('user', u), Path: '/', GroupList: [], AttachedManagedPolicies: [], UserPolicyList: inline(u) })),
    GroupDetailList: [],
    RoleDetailList: ['role-at-limit', 'role-too-deep'].map((r) => ({ RoleName: r, Arn: arn('role', r), Path: '/', AssumeRolePolicyDocument: decodePolicy(encodeURIComponent(text(r))), AttachedManagedPolicies: [], RolePolicyList: [] })),
    Policies: ['managed-at-limit', 'managed-too-deep'].map((p) => ({ PolicyName: p, Arn: arn('policy', p), AttachmentCount: 1, PermissionsBoundaryUsageCount: 0, PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: decodePolicy(encodeURIComponent(text(p))) }] })),
  });
}

const documents = (name: string): string => {
  const depth = name.endsWith('at-limit') ? MAX_POLICY_DEPTH : name.endsWith('too-deep') ? (name.startsWith('role') ? 100_000 : MAX_POLICY_DEPTH + 1) : 0;
  if (depth === 0) return '{"Version":"2012-10-17","Statement":[{"Effect":"Allow",'; // cut short: not JSON
  return name.startsWith('role') ? trustPolicy(depth) : nestedPolicy(depth);
};

test('a document nested up to the limit is parsed; one level more, or 100,000, is kept as its text', () => {
  const atLimit = decodePolicy(encodeURIComponent(nestedPolicy(MAX_POLICY_DEPTH)));
  assert.equal(typeof atLimit, 'object');
  assert.equal(isTooDeep(atLimit), false);
  for (const depth of [MAX_POLICY_DEPTH + 1, 100_000]) {
    const text = nestedPolicy(depth);
    assert.equal(decodePolicy(encodeURIComponent(text)), text);
    assert.equal(decodePolicy(text), text, 'sent unencoded by an emulator');
    assert.equal(isTooDeep(decodePolicy(text)), true);
  }
  // Brackets inside strings (escaped quotes included) are text, not nesting.
  const brackets = `{"Version":"2012-10-17","Statement":{"Sid":"x\\"${'['.repeat(5000)}","Effect":"Allow","Action":"*","Resource":"*"}}`;
  assert.equal(typeof decodePolicy(brackets), 'object');
  assert.equal(isTooDeep('not json at all'), false);
});

test('every check that reads a too-deep document reports it NOT_ASSESSED as too deeply nested, and still judges the others', () => {
  const records = [authz(documents)];
  const tooDeep = /is too deeply nested to analyse \(more than 1,000 levels/;
  const byResource = (id: string) => new Map(run(id, records).map((f) => [f.resourceId, f]));

  const admin = byResource('iam-policy-no-full-admin');
  assert.equal(admin.get('managed-at-limit')?.status, 'FAIL', 'the allow-all policy at the limit is analysed');
  assert.equal(admin.get('user-at-limit')?.status, 'FAIL');
  for (const id of ['managed-too-deep', 'user-too-deep']) {
    assert.equal(admin.get(id)?.status, 'NOT_ASSESSED', id);
    assert.match(admin.get(id)?.message ?? '', tooDeep, id);
    assert.equal(admin.get(id)?.reason?.kind, 'malformed-response');
  }
  assert.equal(admin.get('user-broken')?.status, 'NOT_ASSESSED');
  assert.match(admin.get('user-broken')?.message ?? '', /could not be read as a policy/, 'text that is not JSON keeps its own message');
  assert.doesNotMatch(admin.get('user-broken')?.message ?? '', /too deeply/);

  const wildcard = byResource('iam-policy-no-service-wildcard');
  assert.equal(wildcard.get('managed-at-limit')?.status, 'FAIL');
  assert.match(wildcard.get('managed-too-deep')?.message ?? '', /The default version of the policy is too deeply nested to analyse/);

  const trust = byResource('iam-role-trust-policy-restricted');
  assert.equal(trust.get('role-at-limit')?.status, 'FAIL', 'Principal "*" at the limit is analysed');
  assert.equal(trust.get('role-too-deep')?.status, 'NOT_ASSESSED');
  assert.match(trust.get('role-too-deep')?.message ?? '', /The trust policy is too deeply nested to analyse/);

  const escalation = byResource('iam-principal-privilege-escalation');
  assert.equal(escalation.get('user-too-deep')?.status, 'NOT_ASSESSED');
  assert.match(escalation.get('user-too-deep')?.message ?? '', tooDeep);
});

test('a record the store cannot serialise is stored as a malformed-response error, alone, and the scan sees the same', (t) => {
  const db = openDatabase(join(tempDir(t), 'l.db'), MIGRATIONS_DIR);
  t.after(() => db.close());
  const at = '2026-11-01T10:00:00.000Z';
  insertScan(db, { id: 'scan', profile: 'p', accountId: ACCOUNT, callerArn: arn('user', 'a'), regions: ['eu-west-1'], areas: ['identity-access'], startedAt: at, toolVersion: 't', checksVersion: 'c' });
  const depth = (n: number) => JSON.parse(`${'['.repeat(n)}1${']'.repeat(n)}`) as unknown;
  const records: SnapshotRecord[] = [
    { dataset: 'ec2:DescribeVpcs', region: 'eu-west-1', resourceKey: '', ok: true, data: [{ VpcId: 'vpc-1' }], collectedAt: at, calls: 1 },
    { dataset: 'iam:GetAccountAuthorizationDetails', region: 'global', resourceKey: '', ok: true, data: { deep: depth(100_000) }, collectedAt: at, calls: 2 },
    { dataset: 'iam:GetAccountSummary', region: 'global', resourceKey: '', ok: true, data: { Users: 10n }, collectedAt: at, calls: 1 },
    { dataset: 's3:GetBucketPolicy', region: 'eu-west-1', resourceKey: 'b', ok: true, data: { deep: depth(3_000) }, collectedAt: at, calls: 1 },
  ];
  const inMemory = snapshot(records);
  writeRecords(db, 'scan', records);
  const stored = new Map(readRecords(db, 'scan').map((r) => [r.dataset, r]));
  assert.equal(stored.size, 4, 'every record is stored');
  assert.deepEqual(stored.get('ec2:DescribeVpcs'), records[0]);
  // Compared as canonical text: assert.deepEqual itself recurses once per level.
  assert.ok(canonicalJson(stored.get('s3:GetBucketPolicy')) === canonicalJson(records[3]), 'data 3,000 levels deep is stored as it is');
  const deep = stored.get('iam:GetAccountAuthorizationDetails');
  assert.equal(deep?.ok, false);
  assert.deepEqual(deep.ok ? undefined : { kind: deep.error.kind, code: deep.error.code }, { kind: 'malformed-response', code: 'UnstorableResponse' });
  assert.match(deep.ok ? '' : deep.error.message, /^The response nests too deeply to store \(Maximum call stack size exceeded\)$/);
  assert.equal(deep.calls, 2);
  const odd = stored.get('iam:GetAccountSummary');
  assert.match(odd?.ok ? '' : (odd?.error.message ?? ''), /could not be stored as JSON .*BigInt/);

  // The scan evaluates the records it collected, not the stored rows: they must agree.
  const read = inMemory.read('iam:GetAccountAuthorizationDetails', 'global');
  assert.equal(read.ok, false);
  assert.deepEqual(read.ok ? undefined : read.error, deep.ok ? undefined : deep.error);
  assert.deepEqual(records[1], deep);
});
