import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AREAS } from '../../shared/model/area.ts';
import { DATASETS } from '../../main/core/collect/index.ts';
import { RESPONSIBILITY_DATASETS, SERVICES, responsibilityMatrix } from '../../main/core/responsibility/matrix.ts';
import { failed, ok, snapshot } from '../support/snapshots.ts';

const REGIONS = ['eu-west-1', 'us-east-1'];
const both = (dataset: string, west: unknown, east: unknown = []) => [ok(dataset, 'eu-west-1', west), ok(dataset, 'us-east-1', east)];

/** Every service's evidence read everywhere and empty: nothing is in use. */
function emptyAccount() {
  return [
    ...both('ec2:DescribeInstances', []),
    ...both('ec2:DescribeVolumes', []),
    ...both('ec2:DescribeNetworkInterfaces', []),
    ...both('rds:DescribeDBInstances', []),
    ...both('lambda:ListFunctions', []),
    ok('s3:ListBuckets', 'global', []),
    ...both('dynamodb:ListTables', []),
    ...both('eks:ListClusters', []),
    ...both('efs:DescribeFileSystems', []),
    ...both('kms:ListKeys', []),
    ...both('cloudtrail:DescribeTrails', []),
    ok('iam:GetAccountSummary', 'global', { Users: 0, Roles: 0 }),
    failed('securityhub:GetFindings', 'eu-west-1', 'service-not-enabled', 'InvalidAccessException'),
    failed('securityhub:GetFindings', 'us-east-1', 'service-not-enabled', 'InvalidAccessException'),
    ...both('guardduty:ListDetectors', []),
    ...both('config:DescribeConfigurationRecorders', []),
    ...both('logs:DescribeLogGroups', []),
  ];
}

test('the data covers every required service, each with a model, what AWS manages and duties in real areas', () => {
  const keys = SERVICES.map((s) => s.service);
  for (const k of ['ec2', 'ebs', 'vpc', 'rds', 'lambda', 's3', 'dynamodb', 'eks', 'efs', 'kms', 'cloudtrail', 'iam', 'securityhub', 'guardduty', 'config', 'logs']) {
    assert.ok(keys.includes(k), `${k} is described`);
  }
  assert.equal(new Set(keys).size, keys.length);
  const models = Object.fromEntries(SERVICES.map((s) => [s.service, s.model]));
  assert.deepEqual([models.ec2, models.rds, models.eks, models.s3, models.dynamodb, models.lambda], ['infrastructure', 'container', 'container', 'abstracted', 'abstracted', 'abstracted']);
  for (const s of SERVICES) {
    assert.ok(s.awsManages.length > 0 && s.customerDuties.length > 0, s.service);
    for (const d of s.customerDuties) {
      assert.ok((AREAS as readonly string[]).includes(d.area), `${s.service}: ${d.area}`);
      assert.match(d.text, /^[A-Z].{20,}\.$/, `${s.service}: a plain sentence`);
    }
  }
  // Datasets the matrix reads that this build collects must exist by the same ids.
  assert.ok(RESPONSIBILITY_DATASETS.filter((d) => DATASETS.has(d)).length >= 12);
});

test('an account where every call read empty uses nothing (Security Hub "not subscribed" is an answer)', () => {
  const m = responsibilityMatrix(snapshot(emptyAccount(), REGIONS));
  assert.deepEqual(m.rows.map((r) => r.service), []);
  assert.equal(m.notInUse.length, SERVICES.length);
});

test('each service is in use when its resources are seen, with what was found', () => {
  const records = emptyAccount().filter((r) => !['ec2:DescribeInstances', 'ec2:DescribeVolumes', 's3:ListBuckets', 'kms:ListKeys', 'cloudtrail:DescribeTrails', 'securityhub:GetFindings'].includes(r.dataset));
  records.push(
    ...both('ec2:DescribeInstances', [{ InstanceId: 'i-1', State: { Name: 'running' } }, { InstanceId: 'i-2', State: { Name: 'terminated' } }], [{ InstanceId: 'i-3', State: { Name: 'stopped' } }]),
    ...both('ec2:DescribeVolumes', [{ VolumeId: 'vol-1' }]),
    ok('s3:ListBuckets', 'global', [{ Name: 'a', BucketRegion: 'eu-west-1' }, { Name: 'b', BucketRegion: 'us-east-1' }]),
    ...both('kms:ListKeys', [{ KeyId: 'aws-key' }, { KeyId: 'cmk' }]),
    ok('kms:DescribeKey', 'eu-west-1', { KeyId: 'aws-key', KeyManager: 'AWS' }, 'aws-key'),
    ok('kms:DescribeKey', 'eu-west-1', { KeyId: 'cmk', KeyManager: 'CUSTOMER' }, 'cmk'),
    // A multi-region trail is listed in both regions but is one trail.
    ...both('cloudtrail:DescribeTrails', [{ Name: 'org', HomeRegion: 'us-east-1' }], [{ Name: 'org', HomeRegion: 'us-east-1' }]),
    ok('securityhub:GetFindings', 'eu-west-1', []),
    failed('securityhub:GetFindings', 'us-east-1', 'service-not-enabled', 'InvalidAccessException'),
  );
  const m = responsibilityMatrix(snapshot(records, REGIONS));
  const rows = Object.fromEntries(m.rows.map((r) => [r.service, r]));
  assert.deepEqual(Object.keys(rows).sort(), ['cloudtrail', 'ebs', 'ec2', 'kms', 's3', 'securityhub']);
  assert.ok(m.rows.every((r) => r.status === 'in-use'));
  assert.equal(rows.ec2?.evidence, '2 instances in 2 regions');
  assert.equal(rows.ebs?.evidence, '1 volume in eu-west-1');
  assert.equal(rows.s3?.evidence, '2 buckets');
  assert.equal(rows.kms?.evidence, '1 customer managed key in eu-west-1');
  assert.equal(rows.cloudtrail?.evidence, '1 trail in us-east-1');
  assert.equal(rows.securityhub?.evidence, 'enabled in eu-west-1');
  assert.equal(rows.ec2?.model, 'infrastructure');
  assert.ok(rows.ec2?.customerDuties.some((d) => d.area === 'compute-maintenance'));
  assert.ok(!m.notInUse.some((n) => n.service === 'ec2'));
});

test('a service whose data could not be read is unknown, never "not in use"', () => {
  const records = emptyAccount().filter((r) => !(r.dataset === 'lambda:ListFunctions' && r.region === 'us-east-1') && r.dataset !== 'eks:ListClusters' && r.dataset !== 'dynamodb:ListTables');
  records.push(
    failed('eks:ListClusters', 'eu-west-1', 'permission-denied', 'AccessDeniedException'),
    ok('eks:ListClusters', 'us-east-1', []),
    // GuardDuty denied in one region: the detectors elsewhere may be all there is, or not.
    failed('guardduty:ListDetectors', 'us-east-1', 'explicit-deny', 'AccessDeniedException'),
  );
  const m = responsibilityMatrix(snapshot(records, REGIONS));
  const rows = Object.fromEntries(m.rows.map((r) => [r.service, r]));
  // Lambda: one region never collected; EKS: denied; DynamoDB: not collected at all; GuardDuty: the failed record replaced the empty one.
  assert.equal(rows.lambda?.status, 'unknown');
  assert.equal(rows.lambda?.reason?.kind, 'not-collected');
  assert.equal(rows.eks?.status, 'unknown');
  assert.deepEqual(rows.eks?.reason, { call: 'eks:ListClusters', region: 'eu-west-1', kind: 'permission-denied', code: 'AccessDeniedException' });
  assert.equal(rows.dynamodb?.status, 'unknown');
  assert.match(rows.dynamodb?.evidence ?? '', /not collected/);
  assert.equal(rows.guardduty?.status, 'unknown');
  for (const s of ['lambda', 'eks', 'dynamodb', 'guardduty']) assert.ok(!m.notInUse.some((n) => n.service === s), `${s} is not "not in use"`);
  // A KMS key whose metadata could not be read leaves KMS unknown even if the others are AWS managed.
  const kms = emptyAccount().filter((r) => r.dataset !== 'kms:ListKeys');
  kms.push(...both('kms:ListKeys', [{ KeyId: 'k1' }, { KeyId: 'k2' }]), ok('kms:DescribeKey', 'eu-west-1', { KeyManager: 'AWS' }, 'k1'), failed('kms:DescribeKey', 'eu-west-1', 'throttled', 'ThrottlingException', 'k2'));
  const k = responsibilityMatrix(snapshot(kms, REGIONS)).rows.find((r) => r.service === 'kms');
  assert.equal(k?.status, 'unknown');
  assert.equal(k?.reason?.code, 'ThrottlingException');
  // Positive evidence wins over a failure elsewhere: in use is known.
  const partial = emptyAccount().filter((r) => r.dataset !== 'ec2:DescribeVolumes');
  partial.push(ok('ec2:DescribeVolumes', 'eu-west-1', [{ VolumeId: 'v' }]), failed('ec2:DescribeVolumes', 'us-east-1', 'timeout', 'TimeoutError'));
  assert.equal(responsibilityMatrix(snapshot(partial, REGIONS)).rows.find((r) => r.service === 'ebs')?.status, 'in-use');
});
