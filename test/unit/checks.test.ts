import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AREAS } from '../../shared/model/area.ts';
import { CHECKS } from '../../main/core/checks/index.ts';
import { DATASETS } from '../../main/core/collect/index.ts';
import { cloudtrailMultiRegionLogging } from '../../main/core/checks/logging-monitoring/cloudtrail-multi-region-logging.ts';
import { ec2EbsDefaultEncryption } from '../../main/core/checks/data-protection/ec2-ebs-default-encryption.ts';
import { ec2InstanceImdsv2Required } from '../../main/core/checks/compute-maintenance/ec2-instance-imdsv2-required.ts';
import { ec2SgAdminPortsOpen } from '../../main/core/checks/network/ec2-sg-admin-ports-open.ts';
import { iamRootAccessKeysAbsent } from '../../main/core/checks/identity-access/iam-root-access-keys-absent.ts';
import { iamRootMfaEnabled } from '../../main/core/checks/identity-access/iam-root-mfa-enabled.ts';
import { s3BucketVersioningEnabled } from '../../main/core/checks/s3/s3-bucket-versioning-enabled.ts';
import { DEFAULT_EVAL_CONTEXT, evaluateChecks } from '../../main/core/engine/evaluate.ts';
import type { Check } from '../../main/core/checks/types.ts';
import { failed, ok, snapshot } from '../support/snapshots.ts';
import { REPO_ROOT } from '../support/temp.ts';

const run = (check: Check, records: Parameters<typeof snapshot>[0], regions?: string[]) =>
  check.evaluate(snapshot(records, regions), DEFAULT_EVAL_CONTEXT);
const statuses = (fs: { status: string }[]) => fs.map((f) => f.status);

test('the registry lists every check file once, ids equal file names, every area has a check, every need is collectable', () => {
  const dir = join(REPO_ROOT, 'main', 'core', 'checks');
  const files: string[] = [];
  for (const area of AREAS) {
    for (const f of readdirSync(join(dir, area))) {
      if (f.endsWith('.ts') && f !== 'index.ts') files.push(f.slice(0, -3));
    }
  }
  assert.deepEqual(CHECKS.map((c) => c.meta.id).sort(), files.sort());
  for (const c of CHECKS) {
    assert.ok(readdirSync(join(dir, c.meta.area)).includes(`${c.meta.id}.ts`), `${c.meta.id} lives in its area's folder (${c.meta.area})`);
  }
  assert.equal(new Set(CHECKS.map((c) => c.meta.id)).size, CHECKS.length);
  for (const area of AREAS) assert.ok(CHECKS.some((c) => c.meta.area === area), `a check in ${area}`);
  for (const c of CHECKS) {
    for (const need of c.needs) assert.ok(DATASETS.has(need), `${c.meta.id} needs ${need}`);
    assert.ok(c.meta.responsibility.length > 40 && c.meta.risk && c.meta.remediation.console, `${c.meta.id} metadata`);
  }
});

test('EBS default encryption: PASS, FAIL, NOT_ASSESSED on denial, and NOT_ASSESSED when the field is missing', () => {
  const records = [
    ok('ec2:GetEbsEncryptionByDefault', 'eu-west-1', { EbsEncryptionByDefault: true }),
    ok('ec2:GetEbsEncryptionByDefault', 'us-east-1', { EbsEncryptionByDefault: false }),
    failed('ec2:GetEbsEncryptionByDefault', 'eu-central-1', 'permission-denied', 'UnauthorizedOperation'),
    ok('ec2:GetEbsEncryptionByDefault', 'ap-south-1', {}),
  ];
  const out = run(ec2EbsDefaultEncryption, records, ['eu-west-1', 'us-east-1', 'eu-central-1', 'ap-south-1']);
  assert.deepEqual(statuses(out), ['PASS', 'FAIL', 'NOT_ASSESSED', 'NOT_ASSESSED']);
  assert.equal(out[2]?.reason?.kind, 'permission-denied');
  assert.equal(out[2]?.reason?.code, 'UnauthorizedOperation');
  assert.equal(out[3]?.reason?.code, 'MissingField');
  assert.match(out[1]?.evidence[0]?.excerpt ?? '', /"EbsEncryptionByDefault": false/);
});

test('root MFA and root access keys read the account summary; unknown is never false', () => {
  const summary = (m: Record<string, number>) => [ok('iam:GetAccountSummary', 'global', m)];
  assert.deepEqual(statuses(run(iamRootMfaEnabled, summary({ AccountMFAEnabled: 1 }))), ['PASS']);
  assert.deepEqual(statuses(run(iamRootMfaEnabled, summary({ AccountMFAEnabled: 0 }))), ['FAIL']);
  assert.deepEqual(statuses(run(iamRootMfaEnabled, summary({}))), ['NOT_ASSESSED']);
  assert.deepEqual(statuses(run(iamRootAccessKeysAbsent, summary({ AccountAccessKeysPresent: 0 }))), ['PASS']);
  assert.deepEqual(statuses(run(iamRootAccessKeysAbsent, summary({ AccountAccessKeysPresent: 1 }))), ['FAIL']);
  const denied = run(iamRootAccessKeysAbsent, [failed('iam:GetAccountSummary', 'global', 'explicit-deny', 'AccessDenied')]);
  assert.deepEqual(statuses(denied), ['NOT_ASSESSED']);
  assert.equal(denied[0]?.reason?.kind, 'explicit-deny');
  assert.deepEqual(statuses(run(iamRootMfaEnabled, [])), ['NOT_ASSESSED'], 'not collected is not assessed');
});

test('IMDSv2: required passes, optional fails, metadata off passes, terminated ignored, empty region not applicable', () => {
  const inst = (id: string, MetadataOptions: object | undefined, state = 'running') => ({ InstanceId: id, State: { Name: state }, MetadataOptions, Tags: [{ Key: 'Name', Value: `n-${id}` }] });
  const out = run(ec2InstanceImdsv2Required, [
    ok('ec2:DescribeInstances', 'eu-west-1', [
      inst('i-1', { HttpTokens: 'required', HttpEndpoint: 'enabled' }),
      inst('i-2', { HttpTokens: 'optional', HttpEndpoint: 'enabled' }),
      inst('i-3', { HttpTokens: 'optional', HttpEndpoint: 'disabled' }),
      inst('i-4', { HttpTokens: 'optional' }, 'terminated'),
      inst('i-5', undefined),
    ]),
    ok('ec2:DescribeInstances', 'us-east-1', []),
  ], ['eu-west-1', 'us-east-1']);
  assert.deepEqual(out.map((f) => `${f.resourceId}:${f.status}`), ['i-1:PASS', 'i-2:FAIL', 'i-3:PASS', 'i-5:NOT_ASSESSED', '123456789012:NOT_APPLICABLE']);
  assert.equal(out[1]?.resourceName, 'n-i-2');
  assert.equal(out[1]?.resourceArn, 'arn:aws:ec2:eu-west-1:123456789012:instance/i-2');
});

test('admin ports: SSH/RDP to the world fail (any protocol, ranges, IPv6); web-only and restricted sources pass', () => {
  const group = (id: string, perms: object[]) => ({ GroupId: id, GroupName: id, OwnerId: '123456789012', IpPermissions: perms });
  const world = [{ CidrIp: '0.0.0.0/0' }];
  const out = run(ec2SgAdminPortsOpen, [
    ok('ec2:DescribeSecurityGroups', 'eu-west-1', [
      group('sg-web', [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: world }, { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: world }]),
      group('sg-ssh', [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: world }]),
      group('sg-all', [{ IpProtocol: '-1', IpRanges: world }]),
      group('sg-range', [{ IpProtocol: 'tcp', FromPort: 1, ToPort: 1024, IpRanges: world }]),
      group('sg-rdp6', [{ IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, Ipv6Ranges: [{ CidrIpv6: '::/0' }] }]),
      group('sg-vpn', [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.0/24' }] }]),
      group('sg-icmp', [{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: world }]),
    ]),
  ]);
  assert.deepEqual(out.map((f) => `${f.resourceId}:${f.status}`), ['sg-web:PASS', 'sg-ssh:FAIL', 'sg-all:FAIL', 'sg-range:FAIL', 'sg-rdp6:FAIL', 'sg-vpn:PASS', 'sg-icmp:PASS']);
  assert.match(out[4]?.message ?? '', /3389\/tcp from ::\/0/);
  const denied = run(ec2SgAdminPortsOpen, [failed('ec2:DescribeSecurityGroups', 'eu-west-1', 'throttled', 'RequestLimitExceeded')]);
  assert.deepEqual(statuses(denied), ['NOT_ASSESSED']);
  assert.equal(denied[0]?.reason?.kind, 'throttled');
});

test('S3 versioning per bucket in its own region; a bucket whose call failed is NOT_ASSESSED, not FAIL', () => {
  const list = ok('s3:ListBuckets', 'global', [
    { Name: 'on', BucketRegion: 'eu-west-1' },
    { Name: 'suspended', BucketRegion: 'eu-west-1' },
    { Name: 'never', BucketRegion: 'us-east-1' },
    { Name: 'denied', BucketRegion: 'eu-west-1' },
  ]);
  const out = run(s3BucketVersioningEnabled, [
    list,
    ok('s3:GetBucketVersioning', 'eu-west-1', { Status: 'Enabled' }, 'on'),
    ok('s3:GetBucketVersioning', 'eu-west-1', { Status: 'Suspended' }, 'suspended'),
    ok('s3:GetBucketVersioning', 'us-east-1', { Status: null }, 'never'),
    failed('s3:GetBucketVersioning', 'eu-west-1', 'permission-denied', 'AccessDenied', 'denied'),
  ]);
  assert.deepEqual(out.map((f) => `${f.resourceId}:${f.status}`), ['on:PASS', 'suspended:FAIL', 'never:FAIL', 'denied:NOT_ASSESSED']);
  assert.equal(out[2]?.region, 'us-east-1');
  assert.deepEqual(statuses(run(s3BucketVersioningEnabled, [failed('s3:ListBuckets', 'global', 'permission-denied', 'AccessDenied')])), ['NOT_ASSESSED']);
  assert.deepEqual(statuses(run(s3BucketVersioningEnabled, [ok('s3:ListBuckets', 'global', [])])), ['NOT_APPLICABLE']);
});

test('CloudTrail: a logging multi-region trail passes; stopped or single-region fails; unreadable status is NOT_ASSESSED', () => {
  const arn = 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/main';
  const trail = { Name: 'main', TrailARN: arn, HomeRegion: 'eu-west-1', IsMultiRegionTrail: true, HasCustomEventSelectors: false };
  const single = { Name: 'one', TrailARN: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/one', HomeRegion: 'eu-west-1', IsMultiRegionTrail: false };
  const trails = (list: object[]) => ok('cloudtrail:DescribeTrails', 'eu-west-1', list);
  assert.deepEqual(statuses(run(cloudtrailMultiRegionLogging, [trails([trail]), ok('cloudtrail:GetTrailStatus', 'eu-west-1', { IsLogging: true }, arn)])), ['PASS']);
  assert.deepEqual(statuses(run(cloudtrailMultiRegionLogging, [trails([trail]), ok('cloudtrail:GetTrailStatus', 'eu-west-1', { IsLogging: false }, arn)])), ['FAIL']);
  assert.deepEqual(statuses(run(cloudtrailMultiRegionLogging, [trails([single])])), ['FAIL']);
  const unknown = run(cloudtrailMultiRegionLogging, [trails([trail]), failed('cloudtrail:GetTrailStatus', 'eu-west-1', 'permission-denied', 'AccessDeniedException', arn)]);
  assert.deepEqual(statuses(unknown), ['NOT_ASSESSED']);
  assert.deepEqual(statuses(run(cloudtrailMultiRegionLogging, [failed('cloudtrail:DescribeTrails', 'eu-west-1', 'permission-denied', 'AccessDeniedException')])), ['NOT_ASSESSED']);
});

test('a check that throws is reported NOT_ASSESSED with the reason instead of vanishing', () => {
  const broken: Check = { ...ec2EbsDefaultEncryption, evaluate: () => { throw new Error('boom'); } };
  const out = evaluateChecks([broken], snapshot([]));
  assert.deepEqual(statuses(out), ['NOT_ASSESSED']);
  assert.equal(out[0]?.reason?.code, 'CheckError');
});

test('every crosswalk entry names an existing check, and the mapped checks show their framework ids', async () => {
  const { CROSSWALK, frameworkIdsFor } = await import('../../main/core/checks/crosswalk/index.ts');
  const ids = new Set(CHECKS.map((c) => c.meta.id));
  for (const [framework, reqs] of Object.entries(CROSSWALK)) {
    for (const [req, checks] of Object.entries(reqs)) {
      assert.ok(checks.length > 0, `${framework} ${req} maps to at least one check`);
      for (const id of checks) assert.ok(ids.has(id), `${framework} ${req} -> ${id} exists`);
    }
  }
  assert.deepEqual(frameworkIdsFor('ec2-ebs-default-encryption').map((f) => `${f.framework}:${f.id}`), ['fsbp:EC2.7', 'cis-3.0:2.2.1', 'cis-4.0:5.1.1', 'cis-5.0:5.1.1']);
});

test('docs/checks.md is generated from the current metadata (run npm run docs:checks)', async () => {
  const { readFileSync } = await import('node:fs');
  const { checksMarkdown } = await import('../../scripts/gen-checks-doc.ts');
  assert.equal(readFileSync(join(REPO_ROOT, 'docs', 'checks.md'), 'utf8'), checksMarkdown());
});

test('docs/permissions.md shows the policy generated from the current checks (run npm run docs:checks)', async () => {
  const { readFileSync } = await import('node:fs');
  const { permissionsMarkdown } = await import('../../scripts/gen-policy-doc.ts');
  assert.equal(readFileSync(join(REPO_ROOT, 'docs', 'permissions.md'), 'utf8'), permissionsMarkdown());
});
