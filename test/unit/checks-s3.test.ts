/** The s3 checks on plain fixtures: PASS, FAIL and NOT_ASSESSED for each, and the traps of CHECKS.md. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { s3AccessPointPublicAccessBlock } from '../../main/core/checks/s3/s3-access-point-public-access-block.ts';
import { s3AccountPublicAccessBlock } from '../../main/core/checks/s3/s3-account-public-access-block.ts';
import { s3BucketAccessLoggingEnabled } from '../../main/core/checks/s3/s3-bucket-access-logging-enabled.ts';
import { s3BucketAclsDisabled } from '../../main/core/checks/s3/s3-bucket-acls-disabled.ts';
import { s3BucketCrossAccountPermissions } from '../../main/core/checks/s3/s3-bucket-cross-account-permissions.ts';
import { s3BucketDefaultEncryptionKeyType } from '../../main/core/checks/s3/s3-bucket-default-encryption-key-type.ts';
import { s3BucketMfaDeleteEnabled } from '../../main/core/checks/s3/s3-bucket-mfa-delete-enabled.ts';
import { s3BucketNotPublic } from '../../main/core/checks/s3/s3-bucket-not-public.ts';
import { s3BucketObjectLockEnabled } from '../../main/core/checks/s3/s3-bucket-object-lock-enabled.ts';
import { s3BucketPublicAccessBlock } from '../../main/core/checks/s3/s3-bucket-public-access-block.ts';
import { s3BucketTlsRequired } from '../../main/core/checks/s3/s3-bucket-tls-required.ts';
import { s3BucketVersioningEnabled } from '../../main/core/checks/s3/s3-bucket-versioning-enabled.ts';
import type { Check } from '../../main/core/checks/types.ts';
import { DEFAULT_EVAL_CONTEXT } from '../../main/core/engine/evaluate.ts';
import type { SnapshotRecord } from '../../main/core/engine/snapshot.ts';
import { ACCOUNT, failed, ok, snapshot } from '../support/snapshots.ts';

const R = 'eu-west-1';
const run = (check: Check, records: SnapshotRecord[], regions = [R]) => check.evaluate(snapshot(records, regions), DEFAULT_EVAL_CONTEXT);
const statuses = (fs: { status: string }[]) => fs.map((f) => f.status);
const only = (check: Check, records: SnapshotRecord[], regions?: string[]) => {
  const out = run(check, records, regions);
  assert.equal(out.length, 1, JSON.stringify(out.map((f) => f.message)));
  return out[0] as NonNullable<(typeof out)[0]>;
};

/** ListBuckets with the given buckets, all in R unless "name@region". */
const list = (...names: string[]) =>
  ok('s3:ListBuckets', 'global', names.map((n) => ({ Name: n.split('@')[0], BucketRegion: n.split('@')[1] ?? R })));
const per = (dataset: string, bucket: string, data: unknown, region = R) => ok(dataset, region, data, bucket);
const ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const OFF = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
const bucketBpa = (b: string, config: object | null) => per('s3:GetPublicAccessBlock', b, { PublicAccessBlockConfiguration: config, ...(config ? {} : { NotFound: 'NoSuchPublicAccessBlockConfiguration' }) });
const accountBpa = (config: object | null) => ok('s3control:GetPublicAccessBlock', 'global', { PublicAccessBlockConfiguration: config, ...(config ? {} : { NotFound: 'NoSuchPublicAccessBlockConfiguration' }) });
const policy = (b: string, statements: unknown) => per('s3:GetBucketPolicy', b, { Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) });
const noPolicy = (b: string) => per('s3:GetBucketPolicy', b, { Policy: null, NotFound: 'NoSuchBucketPolicy' });

describe('s3 bucket list', () => {
  test('an unreadable bucket list is one NOT_ASSESSED; no buckets is NOT_APPLICABLE', () => {
    const denied = only(s3BucketTlsRequired, [failed('s3:ListBuckets', 'global', 'permission-denied', 'AccessDenied')]);
    assert.equal(denied.status, 'NOT_ASSESSED');
    assert.equal(denied.reason?.call, 's3:ListBuckets');
    assert.equal(only(s3BucketAclsDisabled, [ok('s3:ListBuckets', 'global', [])]).status, 'NOT_APPLICABLE');
  });
});

describe('s3-account-public-access-block', () => {
  test('all four on passes; partly on or never configured fails; a failed read or a missing flag is not assessed', () => {
    assert.equal(only(s3AccountPublicAccessBlock, [accountBpa(ON)]).status, 'PASS');
    const partial = only(s3AccountPublicAccessBlock, [accountBpa({ ...ON, RestrictPublicBuckets: false })]);
    assert.deepEqual([partial.status, partial.message.includes('off: RestrictPublicBuckets')], ['FAIL', true]);
    const none = only(s3AccountPublicAccessBlock, [accountBpa(null)]);
    assert.deepEqual([none.status, /NoSuchPublicAccessBlockConfiguration/.test(none.message), none.resourceId, none.region], ['FAIL', true, ACCOUNT, 'global']);
    const denied = only(s3AccountPublicAccessBlock, [failed('s3control:GetPublicAccessBlock', 'global', 'explicit-deny', 'AccessDenied')]);
    assert.deepEqual([denied.status, denied.reason?.kind], ['NOT_ASSESSED', 'explicit-deny']);
    assert.equal(only(s3AccountPublicAccessBlock, []).status, 'NOT_ASSESSED', 'not collected is not "not configured"');
    const silent = only(s3AccountPublicAccessBlock, [accountBpa({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true })]);
    assert.deepEqual([silent.status, silent.reason?.code], ['NOT_ASSESSED', 'MissingField']);
  });
});

describe('s3-bucket-public-access-block (effective: bucket or account)', () => {
  test('each flag is in effect when on at either level, and the message says where', () => {
    const out = run(s3BucketPublicAccessBlock, [
      list('a', 'b', 'c', 'd'),
      accountBpa({ BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true }),
      bucketBpa('a', ON),
      bucketBpa('b', { ...OFF, BlockPublicAcls: true, BlockPublicPolicy: true }),
      bucketBpa('c', null),
      failed('s3:GetPublicAccessBlock', R, 'permission-denied', 'AccessDenied', 'd'),
    ]);
    assert.deepEqual(statuses(out), ['PASS', 'PASS', 'FAIL', 'NOT_ASSESSED']);
    assert.match(out[1]?.message ?? '', /BlockPublicAcls \(bucket level\).*IgnorePublicAcls \(account level\)/);
    assert.match(out[2]?.message ?? '', /off at both the bucket and account level for: BlockPublicAcls, BlockPublicPolicy/);
    assert.equal(out[3]?.reason?.call, 's3:GetPublicAccessBlock');
  });

  test('an unreadable level does not matter when the other has all four on; otherwise it is NOT_ASSESSED, not FAIL', () => {
    const accountDenied = failed('s3control:GetPublicAccessBlock', 'global', 'permission-denied', 'AccessDenied');
    assert.equal(only(s3BucketPublicAccessBlock, [list('a'), accountDenied, bucketBpa('a', ON)]).status, 'PASS');
    const unknown = only(s3BucketPublicAccessBlock, [list('a'), accountDenied, bucketBpa('a', null)]);
    assert.deepEqual([unknown.status, unknown.reason?.call], ['NOT_ASSESSED', 's3control:GetPublicAccessBlock']);
    assert.equal(only(s3BucketPublicAccessBlock, [list('a'), accountBpa(ON), failed('s3:GetPublicAccessBlock', R, 'throttled', 'SlowDown', 'a')]).status, 'PASS');
  });
});

describe('s3-bucket-not-public', () => {
  const status = (b: string, IsPublic: boolean | null) => per('s3:GetBucketPolicyStatus', b, IsPublic === null ? { PolicyStatus: null, NotFound: 'NoSuchBucketPolicy' } : { PolicyStatus: { IsPublic } });
  const acl = (b: string, ...grants: { uri: string; permission: string }[]) =>
    per('s3:GetBucketAcl', b, {
      Owner: { ID: 'owner' },
      Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' }, ...grants.map((g) => ({ Grantee: { Type: 'Group', URI: g.uri }, Permission: g.permission }))],
    });
  const ALL = 'http://acs.amazonaws.com/groups/global/AllUsers';
  const AUTH = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
  const LOGS = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

  test('says why a bucket is public: policy, ACL, or both', () => {
    const out = run(s3BucketNotPublic, [
      list('pol', 'acl', 'both', 'auth'),
      accountBpa(null),
      bucketBpa('pol', null), bucketBpa('acl', null), bucketBpa('both', OFF), bucketBpa('auth', null),
      status('pol', true), acl('pol'),
      status('acl', null), acl('acl', { uri: ALL, permission: 'READ' }),
      status('both', true), acl('both', { uri: ALL, permission: 'WRITE' }),
      status('auth', false), acl('auth', { uri: AUTH, permission: 'READ_ACP' }),
    ]);
    assert.deepEqual(statuses(out), ['FAIL', 'FAIL', 'FAIL', 'FAIL']);
    assert.match(out[0]?.message ?? '', /^Public through its bucket policy \(GetBucketPolicyStatus IsPublic=true/);
    assert.match(out[1]?.message ?? '', /^Public through its ACL \(grants READ to AllUsers/);
    assert.match(out[2]?.message ?? '', /bucket policy .* and through its ACL \(grants WRITE to AllUsers/);
    assert.match(out[3]?.message ?? '', /READ_ACP to AuthenticatedUsers \(any AWS account\)/);
  });

  test('Block Public Access neutralises what it blocks, at either level, and the message says so', () => {
    const out = run(s3BucketNotPublic, [
      list('pol', 'acl', 'logs', 'half'),
      accountBpa({ ...OFF, RestrictPublicBuckets: true }),
      bucketBpa('pol', null), bucketBpa('acl', { ...OFF, IgnorePublicAcls: true }), bucketBpa('logs', null), bucketBpa('half', { ...OFF, BlockPublicAcls: true }),
      status('pol', true), acl('pol'),
      status('acl', null), acl('acl', { uri: ALL, permission: 'READ' }),
      status('logs', null), acl('logs', { uri: LOGS, permission: 'WRITE' }),
      status('half', null), acl('half', { uri: ALL, permission: 'READ' }),
    ]);
    assert.deepEqual(statuses(out), ['PASS', 'PASS', 'PASS', 'FAIL']);
    assert.match(out[0]?.message ?? '', /bucket policy is public \(IsPublic=true\) but RestrictPublicBuckets \(account level\)/);
    assert.match(out[1]?.message ?? '', /grants READ to AllUsers .* but IgnorePublicAcls \(bucket level\) makes S3 ignore public ACLs/);
    assert.match(out[2]?.message ?? '', /no ACL grant to AllUsers or AuthenticatedUsers/, 'the log delivery group is not the public');
    assert.match(out[3]?.message ?? '', /IgnorePublicAcls is off/, 'BlockPublicAcls stops new public ACLs, not existing ones');
  });

  test('unknown is never PASS: an unreadable piece that could make it public is NOT_ASSESSED', () => {
    const denied = failed('s3:GetBucketPolicyStatus', R, 'permission-denied', 'AccessDenied', 'a');
    const unread = only(s3BucketNotPublic, [list('a'), accountBpa(null), bucketBpa('a', null), denied, acl('a')]);
    assert.deepEqual([unread.status, unread.reason?.call], ['NOT_ASSESSED', 's3:GetBucketPolicyStatus']);
    const bpaUnknown = only(s3BucketNotPublic, [list('a'), failed('s3control:GetPublicAccessBlock', 'global', 'permission-denied', 'AccessDenied'), bucketBpa('a', null), status('a', true), acl('a')]);
    assert.deepEqual([bpaUnknown.status, bpaUnknown.reason?.call], ['NOT_ASSESSED', 's3control:GetPublicAccessBlock']);
    const publicAnyway = only(s3BucketNotPublic, [list('a'), accountBpa(null), bucketBpa('a', null), status('a', true), failed('s3:GetBucketAcl', R, 'permission-denied', 'AccessDenied', 'a')]);
    assert.deepEqual([publicAnyway.status, /ACL could not be read/.test(publicAnyway.message)], ['FAIL', true]);
    const shielded = only(s3BucketNotPublic, [list('a'), accountBpa(ON), failed('s3:GetBucketPolicyStatus', R, 'permission-denied', 'AccessDenied', 'a'), failed('s3:GetBucketAcl', R, 'permission-denied', 'AccessDenied', 'a'), bucketBpa('a', null)]);
    assert.equal(shielded.status, 'PASS', 'both neutralising settings on at account level: nothing can be public');
    const silent = only(s3BucketNotPublic, [list('a'), accountBpa(null), bucketBpa('a', null), per('s3:GetBucketPolicyStatus', 'a', { PolicyStatus: {} }), acl('a')]);
    assert.deepEqual([silent.status, silent.reason?.code], ['NOT_ASSESSED', 'MissingField']);
  });

  test('without AWS\'s verdict (an emulator without GetBucketPolicyStatus), the policy document settles only the unambiguous cases', () => {
    const unimplemented = (b: string) => failed('s3:GetBucketPolicyStatus', R, 'server-error', 'InternalFailure', b);
    const base = (b: string) => [accountBpa(null), bucketBpa(b, null), unimplemented(b), acl(b)];
    const open = only(s3BucketNotPublic, [list('a'), ...base('a'), policy('a', [{ Sid: 'Open', Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*' }])]);
    assert.equal(open.status, 'FAIL');
    assert.match(open.message, /statement "Open" allows "Principal": "\*" with no Condition; GetBucketPolicyStatus gave no verdict/);
    assert.ok(open.evidence.some((e) => e.call === 's3:GetBucketPolicy' && /"Sid": "Open"/.test(e.excerpt)));
    const none = only(s3BucketNotPublic, [list('a'), ...base('a'), noPolicy('a')]);
    assert.deepEqual([none.status, /GetBucketPolicy: NoSuchBucketPolicy/.test(none.message)], ['PASS', true]);
    const conditional = only(s3BucketNotPublic, [list('a'), ...base('a'), policy('a', [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*', Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }])]);
    assert.deepEqual([conditional.status, conditional.reason?.code], ['NOT_ASSESSED', 'InternalFailure'], 'whether a condition makes it non-public is AWS\'s call');
    const both = only(s3BucketNotPublic, [list('a'), ...base('a'), failed('s3:GetBucketPolicy', R, 'server-error', 'InternalFailure', 'a')]);
    assert.equal(both.status, 'NOT_ASSESSED');
  });
});

describe('s3-access-point-public-access-block', () => {
  const points = (region: string, ...names: string[]) => ok('s3control:ListAccessPoints', region, names.map((n) => ({ Name: n, Bucket: 'b', AccessPointArn: `arn:aws:s3:${region}:${ACCOUNT}:accesspoint/${n}` })));
  const detail = (n: string, config: object, region = R) => ok('s3control:GetAccessPoint', region, { Name: n, Bucket: 'b', NetworkOrigin: 'Internet', VpcId: null, PublicAccessBlockConfiguration: config }, n);

  test('effective across access point, bucket and account; unreadable pieces are NOT_ASSESSED', () => {
    const out = run(s3AccessPointPublicAccessBlock, [
      points(R, 'own', 'inherits', 'inherits-too', 'lost'),
      points('us-east-1'),
      failed('s3control:ListAccessPoints', 'ap-south-1', 'region-disabled', 'InvalidAccessKeyId'),
      accountBpa({ ...OFF, IgnorePublicAcls: true, RestrictPublicBuckets: true }),
      bucketBpa('b', { ...OFF, BlockPublicAcls: true, BlockPublicPolicy: true }),
      detail('own', ON), detail('inherits', OFF), detail('inherits-too', OFF),
      failed('s3control:GetAccessPoint', R, 'permission-denied', 'AccessDenied', 'lost'),
    ], [R, 'us-east-1', 'ap-south-1']);
    assert.deepEqual(statuses(out), ['PASS', 'PASS', 'PASS', 'NOT_ASSESSED', 'NOT_ASSESSED']);
    const open = run(s3AccessPointPublicAccessBlock, [points(R, 'open'), accountBpa(null), bucketBpa('b', null), detail('open', { ...ON, RestrictPublicBuckets: false })]);
    assert.deepEqual(statuses(open), ['FAIL']);
    assert.match(open[0]?.message ?? '', /for: RestrictPublicBuckets/);
    assert.deepEqual(statuses(run(s3AccessPointPublicAccessBlock, [points(R)])), ['NOT_APPLICABLE']);
  });
});

describe('s3-bucket-acls-disabled', () => {
  test('BucketOwnerEnforced passes; ObjectWriter, BucketOwnerPreferred and no setting fail; a failed read is not assessed', () => {
    const own = (b: string, o: string | null) => per('s3:GetBucketOwnershipControls', b, o ? { OwnershipControls: { Rules: [{ ObjectOwnership: o }] } } : { OwnershipControls: null, NotFound: 'OwnershipControlsNotFoundError' });
    const out = run(s3BucketAclsDisabled, [
      list('a', 'b', 'c', 'd', 'e'),
      own('a', 'BucketOwnerEnforced'), own('b', 'ObjectWriter'), own('c', 'BucketOwnerPreferred'), own('d', null),
      failed('s3:GetBucketOwnershipControls', R, 'permission-denied', 'AccessDenied', 'e'),
    ]);
    assert.deepEqual(statuses(out), ['PASS', 'FAIL', 'FAIL', 'FAIL', 'NOT_ASSESSED']);
    assert.match(out[3]?.message ?? '', /OwnershipControlsNotFoundError/);
  });
});

describe('s3-bucket-tls-required', () => {
  const deny = (extra: object = {}) => ({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::a', 'arn:aws:s3:::a/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } }, ...extra });
  const one = (doc: unknown) => only(s3BucketTlsRequired, [list('a'), policy('a', doc)]);

  test('the recommended statement and its equivalent spellings pass', () => {
    assert.equal(one([deny()]).status, 'PASS');
    assert.equal(one(deny()).status, 'PASS', 'a single Statement object');
    assert.equal(one([deny({ Principal: { AWS: ['*'] }, Action: ['*'], Resource: '*' })]).status, 'PASS');
    assert.equal(one([deny({ Condition: { BoolIfExists: { 'aws:SecureTransport': false } } })]).status, 'PASS');
    assert.equal(one([deny({ Resource: 'arn:aws:s3:::a*' })]).status, 'PASS');
  });

  test('a deny that leaves a gap fails and names the gap', () => {
    assert.match(one([deny({ Resource: 'arn:aws:s3:::a/*' })]).message, /does not cover the bucket itself/);
    assert.match(one([deny({ Resource: ['arn:aws:s3:::a', 'arn:aws:s3:::a/public/*'] })]).message, /does not cover every object/);
    assert.match(one([deny({ Action: 's3:GetObject' })]).message, /every action/);
    assert.match(one([deny({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } })]).message, /every principal/);
    assert.match(one([deny({ Condition: { Bool: { 'aws:SecureTransport': 'false' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })]).message, /other conditions/);
    assert.equal(one([deny({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })]).status, 'FAIL');
    assert.equal(one([{ ...deny(), Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }]).status, 'FAIL', 'allowing HTTPS does not deny HTTP');
    const tls = one([deny({ Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } })]);
    assert.deepEqual([tls.status, /s3:TlsVersion alone does not refuse plain HTTP/.test(tls.message)], ['FAIL', true]);
  });

  test('no policy fails; an unreadable or invalid policy is not assessed', () => {
    assert.match(only(s3BucketTlsRequired, [list('a'), noPolicy('a')]).message, /No bucket policy/);
    assert.equal(only(s3BucketTlsRequired, [list('a'), failed('s3:GetBucketPolicy', R, 'permission-denied', 'AccessDenied', 'a')]).status, 'NOT_ASSESSED');
    const bad = only(s3BucketTlsRequired, [list('a'), per('s3:GetBucketPolicy', 'a', { Policy: '{not json' })]);
    assert.deepEqual([bad.status, bad.reason?.code], ['NOT_ASSESSED', 'InvalidPolicyDocument']);
  });
});

describe('s3-bucket-cross-account-permissions', () => {
  const allow = (Principal: unknown, Action: unknown, extra: object = {}) => ({ Effect: 'Allow', Principal, Action, Resource: ['arn:aws:s3:::a', 'arn:aws:s3:::a/*'], ...extra });
  const one = (statements: unknown[]) => only(s3BucketCrossAccountPermissions, [list('a'), policy('a', statements)]);

  test('another account or "*" with a permission-changing action fails', () => {
    const other = one([allow({ AWS: 'arn:aws:iam::444455556666:root' }, ['s3:PutObject', 's3:PutObjectAcl'])]);
    assert.deepEqual([other.status, /account 444455556666 s3:PutObjectAcl/.test(other.message)], ['FAIL', true]);
    assert.equal(one([allow('*', 's3:*')]).status, 'FAIL');
    assert.match(one([allow({ AWS: '444455556666' }, 'S3:putBUCKETpolicy')]).message, /s3:PutBucketPolicy/, 'action names are case-insensitive');
    assert.match(one([allow({ AWS: '444455556666' }, 's3:Put*')]).message, /s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutEncryptionConfiguration, s3:PutObjectAcl/);
    assert.equal(one([{ Effect: 'Allow', Principal: { AWS: '444455556666' }, NotAction: 's3:GetObject', Resource: '*' }]).status, 'FAIL', 'NotAction grants the rest');
  });

  test('own account, services, read-only sharing and "*" pinned to this account pass; no policy passes', () => {
    assert.equal(one([allow({ AWS: `arn:aws:iam::${ACCOUNT}:role/admin` }, 's3:*')]).status, 'PASS');
    assert.equal(one([allow({ Service: 'cloudtrail.amazonaws.com' }, 's3:PutObject')]).status, 'PASS');
    assert.equal(one([allow({ AWS: '444455556666' }, ['s3:GetObject', 's3:ListBucket'])]).status, 'PASS');
    assert.equal(one([allow('*', 's3:*', { Condition: { StringEquals: { 'aws:PrincipalAccount': ACCOUNT } } })]).status, 'PASS');
    assert.equal(one([{ ...allow({ AWS: '444455556666' }, 's3:*'), Effect: 'Deny' }]).status, 'PASS');
    assert.equal(only(s3BucketCrossAccountPermissions, [list('a'), noPolicy('a')]).status, 'PASS');
    assert.equal(only(s3BucketCrossAccountPermissions, [list('a'), failed('s3:GetBucketPolicy', R, 'permission-denied', 'AccessDenied', 'a')]).status, 'NOT_ASSESSED');
  });
});

describe('versioning and MFA delete (GetBucketVersioning)', () => {
  const v = (b: string, Status: string | null, MFADelete: string | null) => per('s3:GetBucketVersioning', b, { Status, MFADelete });
  const records = [list('a', 'b', 'c', 'd'), v('a', 'Enabled', 'Enabled'), v('b', 'Suspended', 'Disabled'), v('c', null, null), failed('s3:GetBucketVersioning', R, 'permission-denied', 'AccessDenied', 'd')];

  test('versioning: Enabled passes, Suspended or never enabled fails', () => {
    assert.deepEqual(statuses(run(s3BucketVersioningEnabled, records)), ['PASS', 'FAIL', 'FAIL', 'NOT_ASSESSED']);
  });

  test('MFA delete: Enabled passes; Disabled and an absent MfaDelete (never configured) fail', () => {
    const out = run(s3BucketMfaDeleteEnabled, records);
    assert.deepEqual(statuses(out), ['PASS', 'FAIL', 'FAIL', 'NOT_ASSESSED']);
    assert.match(out[2]?.message ?? '', /never configured/);
  });
});

describe('s3-bucket-object-lock-enabled', () => {
  const lock = (b: string, config: object | null, region = R) => per('s3:GetObjectLockConfiguration', b, { ObjectLockConfiguration: config, ...(config ? {} : { NotFound: 'ObjectLockConfigurationNotFoundError' }) }, region);
  const logging = (b: string, target: string | null, region = R) => per('s3:GetBucketLogging', b, { LoggingEnabled: target ? { TargetBucket: target, TargetPrefix: '' } : null }, region);
  const trails = (...buckets: string[]) => ok('cloudtrail:DescribeTrails', R, buckets.map((b, i) => ({ Name: `t${i}`, S3BucketName: b })));

  test('log and backup buckets without Object Lock fail; ordinary buckets are never failed', () => {
    const out = run(s3BucketObjectLockEnabled, [
      list('trail-dest', 'access-dest', 'acme-backups', 'blog-assets', 'locked'),
      trails('trail-dest'),
      logging('trail-dest', 'access-dest'), logging('access-dest', null), logging('acme-backups', null), logging('blog-assets', null), logging('locked', null),
      lock('trail-dest', null), lock('access-dest', null), lock('acme-backups', null), lock('blog-assets', null),
      lock('locked', { ObjectLockEnabled: 'Enabled' }),
    ]);
    assert.deepEqual(statuses(out), ['FAIL', 'FAIL', 'FAIL', 'NOT_APPLICABLE', 'PASS']);
    assert.match(out[0]?.message ?? '', /CloudTrail trail t0 delivers its logs here/);
    assert.match(out[1]?.message ?? '', /receives S3 server access logs/);
    assert.match(out[2]?.message ?? '', /name contains "backups"/);
    assert.match(out[4]?.message ?? '', /no default retention/);
  });

  test('an ordinary bucket is NOT_ASSESSED while trails or same-region logging could not be read', () => {
    const blindTrails = only(s3BucketObjectLockEnabled, [list('plain'), failed('cloudtrail:DescribeTrails', R, 'permission-denied', 'AccessDenied'), logging('plain', null), lock('plain', null)]);
    assert.deepEqual([blindTrails.status, blindTrails.reason?.call], ['NOT_ASSESSED', 'cloudtrail:DescribeTrails']);
    const elsewhere = run(s3BucketObjectLockEnabled, [
      list('plain', 'far@us-east-1'), ok('cloudtrail:DescribeTrails', R, []), ok('cloudtrail:DescribeTrails', 'us-east-1', []),
      logging('plain', null), failed('s3:GetBucketLogging', 'us-east-1', 'permission-denied', 'AccessDenied', 'far'),
      lock('plain', null), lock('far', null, 'us-east-1'),
    ], [R, 'us-east-1']);
    assert.deepEqual(statuses(elsewhere), ['NOT_APPLICABLE', 'NOT_ASSESSED'], 'an access-log target is always in its source bucket\'s region');
    const unreadLock = only(s3BucketObjectLockEnabled, [list('logs-archive'), trails(), logging('logs-archive', null), failed('s3:GetObjectLockConfiguration', R, 'permission-denied', 'AccessDenied', 'logs-archive')]);
    assert.equal(unreadLock.status, 'NOT_ASSESSED');
  });
});

describe('s3-bucket-access-logging-enabled', () => {
  test('LoggingEnabled passes, none fails, a failed read or a target-less answer is not assessed', () => {
    const out = run(s3BucketAccessLoggingEnabled, [
      list('a', 'b', 'c', 'd'),
      per('s3:GetBucketLogging', 'a', { LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'a/' } }),
      per('s3:GetBucketLogging', 'b', { LoggingEnabled: null }),
      failed('s3:GetBucketLogging', R, 'permission-denied', 'AccessDenied', 'c'),
      per('s3:GetBucketLogging', 'd', { LoggingEnabled: { TargetPrefix: 'x' } }),
    ]);
    assert.deepEqual(statuses(out), ['PASS', 'FAIL', 'NOT_ASSESSED', 'NOT_ASSESSED']);
    assert.equal(out[3]?.reason?.code, 'MissingField');
  });
});

describe('s3-bucket-default-encryption-key-type', () => {
  test('reports SSE-S3, SSE-KMS and DSSE-KMS as context and never fails', () => {
    const enc = (b: string, SSEAlgorithm: string, KMSMasterKeyID?: string) =>
      per('s3:GetBucketEncryption', b, { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm, KMSMasterKeyID }, BucketKeyEnabled: true }] } });
    const out = run(s3BucketDefaultEncryptionKeyType, [
      list('s3', 'managed', 'cmk', 'dsse', 'none', 'denied'),
      enc('s3', 'AES256'), enc('managed', 'aws:kms'), enc('cmk', 'aws:kms', 'arn:aws:kms:eu-west-1:123456789012:key/k'), enc('dsse', 'aws:kms:dsse', 'arn:aws:kms:eu-west-1:123456789012:key/k'),
      per('s3:GetBucketEncryption', 'none', { ServerSideEncryptionConfiguration: null, NotFound: 'ServerSideEncryptionConfigurationNotFoundError' }),
      failed('s3:GetBucketEncryption', R, 'permission-denied', 'AccessDenied', 'denied'),
    ]);
    assert.deepEqual(statuses(out), ['PASS', 'PASS', 'PASS', 'PASS', 'PASS', 'NOT_ASSESSED']);
    assert.deepEqual(out.slice(0, 5).map((f) => /SSE-S3|SSE-KMS|DSSE-KMS/.exec(f.message)?.[0]), ['SSE-S3', 'SSE-KMS', 'SSE-KMS', 'DSSE-KMS', 'SSE-S3']);
    assert.match(out[1]?.message ?? '', /AWS managed key aws\/s3/);
    assert.equal(s3BucketDefaultEncryptionKeyType.meta.severity, 'info');
  });
});

describe('moto 5.2.1 answers that differ from AWS', () => {
  // moto has no ?policyStatus route: GetBucketPolicyStatus gets the object listing, parsed as a PolicyStatus without IsPublic.
  const motoStatus = (b: string) => per('s3:GetBucketPolicyStatus', b, { PolicyStatus: {} });
  const judge = (statements: unknown[]) =>
    only(s3BucketNotPublic, [list('a'), accountBpa(null), bucketBpa('a', null), motoStatus('a'), per('s3:GetBucketAcl', 'a', { Owner: { ID: 'o' }, Grants: [] }), policy('a', statements)]);
  const obj = 'arn:aws:s3:::a/*';
  const star = (Condition: object) => ({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: obj, Condition });

  test('without IsPublic, AWS\'s definition of a non-public policy decides the sure cases: fixed principals, fixed source or organisation, deny only', () => {
    const fixedPrincipals = judge([
      { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::999988887777:root', '111122223333'] }, Action: 's3:*', Resource: obj },
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: obj },
    ]);
    assert.deepEqual([fixedPrincipals.status, /not public by AWS's definition: every Allow names fixed principals/.test(fixedPrincipals.message)], ['PASS', true]);
    assert.equal(judge([star({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } })]).status, 'PASS');
    assert.equal(judge([star({ StringEquals: { 'aws:PrincipalOrgID': ['o-abc123'] } })]).status, 'PASS');
    const denyOnly = judge([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: obj, Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } }]);
    assert.deepEqual([denyOnly.status, /it allows nothing/.test(denyOnly.message)], ['PASS', true]);
  });

  test('without IsPublic, anything short of a fixed value stays NOT_ASSESSED, never PASS', () => {
    const unsure = [
      star({ StringLike: { 'aws:SourceVpce': 'vpce-*' } }),
      star({ StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }),
      star({ StringNotEquals: { 'aws:SourceAccount': '123456789012' } }),
      star({ StringEquals: { 'aws:SourceAccount': '${aws:PrincipalAccount}' } }),
      star({ StringEquals: { 's3:prefix': 'home/' } }),
      { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: obj },
      { Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 's3:GetObject', Resource: obj },
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::*:root' }, Action: 's3:GetObject', Resource: obj, Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
    ];
    for (const s of unsure) {
      const f = judge([{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: obj }, s]);
      assert.deepEqual([f.status, f.reason?.code], ['NOT_ASSESSED', 'MissingField'], JSON.stringify(s));
    }
  });

  test('a default retention in years reads as years, not moto\'s "Days": 0', () => {
    const locked = only(s3BucketObjectLockEnabled, [
      list('acme-backups'), ok('cloudtrail:DescribeTrails', R, []), per('s3:GetBucketLogging', 'acme-backups', { LoggingEnabled: null }),
      per('s3:GetObjectLockConfiguration', 'acme-backups', { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 0, Years: 1 } } } }),
    ]);
    assert.deepEqual([locked.status, /default retention GOVERNANCE 1 years/.test(locked.message)], ['PASS', true], locked.message);
  });

  test('an access point listed in another Region than its bucket reads the bucket\'s Block Public Access where the bucket is', () => {
    const out = only(s3AccessPointPublicAccessBlock, [
      list('b@eu-west-1'), accountBpa(null), bucketBpa('b', { ...OFF, IgnorePublicAcls: true, RestrictPublicBuckets: true }),
      ok('s3control:ListAccessPoints', 'us-east-1', [{ Name: 'ap', Bucket: 'b', AccessPointArn: `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/ap` }]),
      ok('s3control:GetAccessPoint', 'us-east-1', { Name: 'ap', Bucket: 'b', NetworkOrigin: 'Internet', VpcId: null, PublicAccessBlockConfiguration: { ...OFF, BlockPublicAcls: true, BlockPublicPolicy: true } }, 'ap'),
    ], ['us-east-1']);
    assert.deepEqual([out.status, /RestrictPublicBuckets \(bucket level\)/.test(out.message)], ['PASS', true], out.message);
  });
});
