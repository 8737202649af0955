/** Fixture tests of every data-protection check: PASS, FAIL, NOT_ASSESSED, and the traps CHECKS.md names. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHECKS } from '../../main/core/checks/index.ts';
import { backupRecoveryPointsEncrypted } from '../../main/core/checks/data-protection/backup-recovery-points-encrypted.ts';
import { dynamodbTableEncryptionKey } from '../../main/core/checks/data-protection/dynamodb-table-encryption-key.ts';
import { dynamodbTablePitrEnabled } from '../../main/core/checks/data-protection/dynamodb-table-pitr-enabled.ts';
import { ec2EbsDefaultEncryption } from '../../main/core/checks/data-protection/ec2-ebs-default-encryption.ts';
import { ec2SnapshotEncrypted } from '../../main/core/checks/data-protection/ec2-snapshot-encrypted.ts';
import { ec2SnapshotNotPublic } from '../../main/core/checks/data-protection/ec2-snapshot-not-public.ts';
import { ec2VolumeEncrypted } from '../../main/core/checks/data-protection/ec2-volume-encrypted.ts';
import { efsFileSystemEncrypted } from '../../main/core/checks/data-protection/efs-file-system-encrypted.ts';
import { kmsKeyNotPendingDeletion } from '../../main/core/checks/data-protection/kms-key-not-pending-deletion.ts';
import { kmsKeyPolicyNotPublic } from '../../main/core/checks/data-protection/kms-key-policy-not-public.ts';
import { kmsKeyRotationEnabled } from '../../main/core/checks/data-protection/kms-key-rotation-enabled.ts';
import { logsLogGroupKmsEncrypted } from '../../main/core/checks/data-protection/logs-log-group-kms-encrypted.ts';
import { rdsClusterStorageEncrypted } from '../../main/core/checks/data-protection/rds-cluster-storage-encrypted.ts';
import { rdsDbTlsRequired } from '../../main/core/checks/data-protection/rds-db-tls-required.ts';
import { rdsInstanceBackupsEnabled } from '../../main/core/checks/data-protection/rds-instance-backups-enabled.ts';
import { rdsInstanceStorageEncrypted } from '../../main/core/checks/data-protection/rds-instance-storage-encrypted.ts';
import { rdsSnapshotEncrypted } from '../../main/core/checks/data-protection/rds-snapshot-encrypted.ts';
import { rdsSnapshotNotPublic } from '../../main/core/checks/data-protection/rds-snapshot-not-public.ts';
import { openStatements } from '../../main/core/checks/data-protection/support/key-policy.ts';
import { engineDefault } from '../../main/core/checks/data-protection/support/rds-tls.ts';
import { frameworkIdsFor } from '../../main/core/checks/crosswalk/index.ts';
import { DATASETS } from '../../main/core/collect/index.ts';
import { DEFAULT_EVAL_CONTEXT } from '../../main/core/engine/evaluate.ts';
import type { Check } from '../../main/core/checks/types.ts';
import { ACCOUNT, failed, ok, snapshot } from '../support/snapshots.ts';

const R = 'eu-west-1';
const run = (check: Check, records: Parameters<typeof snapshot>[0], regions = [R]) => check.evaluate(snapshot(records, regions), DEFAULT_EVAL_CONTEXT);
const byId = (fs: { resourceId: string; status: string }[]) => fs.map((f) => `${f.resourceId}:${f.status}`);
const denied = (dataset: string, key = '') => failed(dataset, R, 'permission-denied', 'AccessDenied', key);

test('data-protection: at least 12 checks, all collectable, with verified framework ids', () => {
  const mine = CHECKS.filter((c) => c.meta.area === 'data-protection');
  assert.ok(mine.length >= 12, `${mine.length} checks`);
  for (const c of mine) for (const need of c.needs) assert.ok(DATASETS.has(need), `${c.meta.id} needs ${need}`);
  assert.deepEqual(frameworkIdsFor('kms-key-rotation-enabled').map((f) => `${f.framework}:${f.id}`), ['fsbp:KMS.4', 'cis-3.0:3.6', 'cis-4.0:3.6', 'cis-5.0:3.6']);
  assert.deepEqual(frameworkIdsFor('efs-file-system-encrypted').map((f) => `${f.framework}:${f.id}`), ['fsbp:EFS.1', 'cis-3.0:2.4.1', 'cis-4.0:2.3.1', 'cis-5.0:2.3.1']);
  assert.equal(dynamodbTableEncryptionKey.meta.severity, 'info');
});

test('EBS default encryption per region: on passes, off fails, unreadable is not assessed', () => {
  assert.deepEqual(byId(run(ec2EbsDefaultEncryption, [ok('ec2:GetEbsEncryptionByDefault', R, { EbsEncryptionByDefault: true })])), [`${ACCOUNT}:PASS`]);
  assert.deepEqual(byId(run(ec2EbsDefaultEncryption, [ok('ec2:GetEbsEncryptionByDefault', R, { EbsEncryptionByDefault: false })])), [`${ACCOUNT}:FAIL`]);
  assert.deepEqual(byId(run(ec2EbsDefaultEncryption, [denied('ec2:GetEbsEncryptionByDefault')])), [`${ACCOUNT}:NOT_ASSESSED`]);
});

test('EBS volumes: unencrypted fails whether attached or not; deleted volumes ignored; unknown is not false', () => {
  const out = run(ec2VolumeEncrypted, [
    ok('ec2:DescribeVolumes', R, [
      { VolumeId: 'vol-a', Encrypted: true, State: 'in-use', Attachments: [{ InstanceId: 'i-1' }] },
      { VolumeId: 'vol-b', Encrypted: false, State: 'in-use', Attachments: [{ InstanceId: 'i-2' }], Tags: [{ Key: 'Name', Value: 'data <b>' }] },
      { VolumeId: 'vol-c', Encrypted: false, State: 'available', Attachments: [] },
      { VolumeId: 'vol-d', Encrypted: false, State: 'deleted' },
      { VolumeId: 'vol-e', State: 'in-use' },
    ]),
  ]);
  assert.deepEqual(byId(out), ['vol-a:PASS', 'vol-b:FAIL', 'vol-c:FAIL', 'vol-e:NOT_ASSESSED']);
  assert.equal(out[1]?.resourceName, 'data <b>');
  assert.equal(out[1]?.resourceArn, `arn:aws:ec2:${R}:${ACCOUNT}:volume/vol-b`);
  assert.match(out[2]?.message ?? '', /not attached/);
  assert.match(out[1]?.evidence[0]?.excerpt ?? '', /"Encrypted": false/);
  assert.equal(out[3]?.reason?.code, 'MissingField');
  assert.deepEqual(byId(run(ec2VolumeEncrypted, [denied('ec2:DescribeVolumes')])), [`${ACCOUNT}:NOT_ASSESSED`]);
  assert.deepEqual(byId(run(ec2VolumeEncrypted, [ok('ec2:DescribeVolumes', R, [])])), [`${ACCOUNT}:NOT_APPLICABLE`]);
  assert.deepEqual(byId(run(ec2VolumeEncrypted, [])), [`${ACCOUNT}:NOT_ASSESSED`], 'not collected is not "no volumes"');
});

test('EBS snapshots: encryption per snapshot; a snapshot ARN has no account id', () => {
  const out = run(ec2SnapshotEncrypted, [ok('ec2:DescribeSnapshots', R, [{ SnapshotId: 'snap-1', Encrypted: true }, { SnapshotId: 'snap-2', Encrypted: false, VolumeId: 'vol-9' }, { SnapshotId: 'snap-3' }])]);
  assert.deepEqual(byId(out), ['snap-1:PASS', 'snap-2:FAIL', 'snap-3:NOT_ASSESSED']);
  assert.equal(out[0]?.resourceArn, `arn:aws:ec2:${R}::snapshot/snap-1`);
  assert.deepEqual(byId(run(ec2SnapshotEncrypted, [denied('ec2:DescribeSnapshots')])), [`${ACCOUNT}:NOT_ASSESSED`]);
});

test('EBS snapshots: group "all" is public; named accounts are shared, not public; an unreadable attribute is not assessed', () => {
  const list = ok('ec2:DescribeSnapshots', R, [{ SnapshotId: 'snap-pub' }, { SnapshotId: 'snap-acct' }, { SnapshotId: 'snap-priv' }, { SnapshotId: 'snap-denied' }, { SnapshotId: 'snap-absent' }]);
  const attr = (id: string, perms: object[] | null) => ok('ec2:DescribeSnapshotAttribute', R, { SnapshotId: id, CreateVolumePermissions: perms }, id);
  const out = run(ec2SnapshotNotPublic, [
    list,
    attr('snap-pub', [{ Group: 'all' }]),
    attr('snap-acct', [{ UserId: '444455556666' }]),
    attr('snap-priv', []),
    denied('ec2:DescribeSnapshotAttribute', 'snap-denied'),
    attr('snap-absent', null),
    ok('ec2:GetSnapshotBlockPublicAccessState', R, { State: 'unblocked' }),
  ]);
  assert.deepEqual(byId(out), ['snap-pub:FAIL', 'snap-acct:PASS', 'snap-priv:PASS', 'snap-denied:NOT_ASSESSED', 'snap-absent:NOT_ASSESSED']);
  assert.match(out[1]?.message ?? '', /1 specific account, not public/);
  assert.equal(out[3]?.reason?.kind, 'permission-denied');
});

test('EBS snapshots: block public access in block-all-sharing mode keeps an "all" snapshot private; block-new-sharing does not', () => {
  const records = (state: object | null) => [
    ok('ec2:DescribeSnapshots', R, [{ SnapshotId: 'snap-pub' }]),
    ok('ec2:DescribeSnapshotAttribute', R, { SnapshotId: 'snap-pub', CreateVolumePermissions: [{ Group: 'all' }] }, 'snap-pub'),
    state ? ok('ec2:GetSnapshotBlockPublicAccessState', R, state) : denied('ec2:GetSnapshotBlockPublicAccessState'),
  ];
  const blocked = run(ec2SnapshotNotPublic, records({ State: 'block-all-sharing', ManagedBy: 'account' }));
  assert.deepEqual(byId(blocked), ['snap-pub:PASS']);
  assert.match(blocked[0]?.message ?? '', /block-all-sharing/);
  assert.deepEqual(byId(run(ec2SnapshotNotPublic, records({ State: 'block-new-sharing' }))), ['snap-pub:FAIL']);
  const unknown = run(ec2SnapshotNotPublic, records(null));
  assert.deepEqual(byId(unknown), ['snap-pub:NOT_ASSESSED'], 'the snapshot says "all", but the override that could make it private was not read');
  assert.match(unknown[0]?.message ?? '', /could not be read in .* \(AccessDenied/);
  assert.equal(unknown[0]?.reason?.call, 'ec2:GetSnapshotBlockPublicAccessState');
  const silent = run(ec2SnapshotNotPublic, records({ State: null, ManagedBy: null }));
  assert.deepEqual(byId(silent), ['snap-pub:NOT_ASSESSED'], 'an answer without State (an emulator\'s empty result) is not "unblocked"');
  assert.equal(silent[0]?.reason?.code, 'MissingField');
});

test('RDS instances and clusters: StorageEncrypted true/false/absent', () => {
  const inst = run(rdsInstanceStorageEncrypted, [ok('rds:DescribeDBInstances', R, [
    { DBInstanceIdentifier: 'a', StorageEncrypted: true, Engine: 'postgres' },
    { DBInstanceIdentifier: 'b', StorageEncrypted: false, Engine: 'mysql', DBInstanceArn: 'arn:aws:rds:eu-west-1:123456789012:db:b' },
    { DBInstanceIdentifier: 'c' },
  ])]);
  assert.deepEqual(byId(inst), ['a:PASS', 'b:FAIL', 'c:NOT_ASSESSED']);
  assert.equal(inst[1]?.resourceArn, 'arn:aws:rds:eu-west-1:123456789012:db:b');
  const cl = run(rdsClusterStorageEncrypted, [ok('rds:DescribeDBClusters', R, [{ DBClusterIdentifier: 'x', StorageEncrypted: true }, { DBClusterIdentifier: 'y', StorageEncrypted: false }])]);
  assert.deepEqual(byId(cl), ['x:PASS', 'y:FAIL']);
  assert.deepEqual(byId(run(rdsClusterStorageEncrypted, [denied('rds:DescribeDBClusters')])), [`${ACCOUNT}:NOT_ASSESSED`]);
});

test('RDS snapshots: DB and cluster snapshots judged together; one unreadable list is reported once, not hidden', () => {
  const out = run(rdsSnapshotEncrypted, [
    ok('rds:DescribeDBSnapshots', R, [{ DBSnapshotIdentifier: 'rds:auto-1', SnapshotType: 'automated', Encrypted: true }, { DBSnapshotIdentifier: 'man-1', SnapshotType: 'manual', Encrypted: false }]),
    ok('rds:DescribeDBClusterSnapshots', R, [{ DBClusterSnapshotIdentifier: 'cl-1', SnapshotType: 'manual', StorageEncrypted: false }]),
  ]);
  assert.deepEqual(byId(out), ['rds:auto-1:PASS', 'man-1:FAIL', 'cl-1:FAIL']);
  const partial = run(rdsSnapshotEncrypted, [ok('rds:DescribeDBSnapshots', R, [{ DBSnapshotIdentifier: 'man-1', Encrypted: true }]), denied('rds:DescribeDBClusterSnapshots')]);
  assert.deepEqual(byId(partial), ['man-1:PASS', `${ACCOUNT}:NOT_ASSESSED`]);
  const empty = run(rdsSnapshotEncrypted, [ok('rds:DescribeDBSnapshots', R, []), ok('rds:DescribeDBClusterSnapshots', R, [])]);
  assert.deepEqual(byId(empty), [`${ACCOUNT}:NOT_APPLICABLE`]);
});

test('RDS snapshots: "restore" containing "all" is public; automated snapshots are never listed; unreadable attributes are not assessed', () => {
  const attrs = (values: string[]) => [{ AttributeName: 'restore', AttributeValues: values }];
  const out = run(rdsSnapshotNotPublic, [
    ok('rds:DescribeDBSnapshots', R, [
      { DBSnapshotIdentifier: 'rds:auto', SnapshotType: 'automated' },
      { DBSnapshotIdentifier: 'pub', SnapshotType: 'manual' },
      { DBSnapshotIdentifier: 'shared', SnapshotType: 'manual' },
      { DBSnapshotIdentifier: 'hidden', SnapshotType: 'manual' },
    ]),
    ok('rds:DescribeDBSnapshotAttributes', R, attrs(['all', '444455556666']), 'pub'),
    ok('rds:DescribeDBSnapshotAttributes', R, attrs(['444455556666']), 'shared'),
    denied('rds:DescribeDBSnapshotAttributes', 'hidden'),
    ok('rds:DescribeDBClusterSnapshots', R, [{ DBClusterSnapshotIdentifier: 'cpriv', SnapshotType: 'manual' }, { DBClusterSnapshotIdentifier: 'cnull', SnapshotType: 'manual' }]),
    ok('rds:DescribeDBClusterSnapshotAttributes', R, attrs([]), 'cpriv'),
    ok('rds:DescribeDBClusterSnapshotAttributes', R, null, 'cnull'),
  ]);
  assert.deepEqual(byId(out), ['pub:FAIL', 'shared:PASS', 'hidden:NOT_ASSESSED', 'cpriv:PASS', 'cnull:NOT_ASSESSED']);
  const automatedOnly = run(rdsSnapshotNotPublic, [ok('rds:DescribeDBSnapshots', R, [{ DBSnapshotIdentifier: 'rds:a', SnapshotType: 'automated' }]), ok('rds:DescribeDBClusterSnapshots', R, [])]);
  assert.deepEqual(byId(automatedOnly), [`${ACCOUNT}:NOT_APPLICABLE`]);
});

test('RDS TLS: explicit values, engine defaults by engine and version, and NOT_ASSESSED where the default is not known', () => {
  const db = (id: string, Engine: string, EngineVersion: string, group: string, extra: object = {}) => ({ DBInstanceIdentifier: id, Engine, EngineVersion, DBParameterGroups: [{ DBParameterGroupName: group, ParameterApplyStatus: 'in-sync' }], ...extra });
  const params = (group: string, list: object[]) => ok('rds:DescribeDBParameters', R, list, group);
  const force = (v?: string) => [{ ParameterName: 'rds.force_ssl', ...(v === undefined ? {} : { ParameterValue: v }), Source: v === undefined ? 'engine-default' : 'user' }];
  const rst = (v?: string) => [{ ParameterName: 'require_secure_transport', ...(v === undefined ? {} : { ParameterValue: v }) }];
  const out = run(rdsDbTlsRequired, [
    ok('rds:DescribeDBInstances', R, [
      db('pg16-default', 'postgres', '16.4', 'default.postgres16'),
      db('pg14-default', 'postgres', '14.12', 'default.postgres14'),
      db('pg14-forced', 'postgres', '14.12', 'pg14-forced'),
      db('pg15-off', 'postgres', '15.7', 'pg15-off'),
      db('my80-default', 'mysql', '8.0.39', 'default.mysql8.0'),
      db('my80-on', 'mysql', '8.0.39', 'my-on'),
      db('maria104', 'mariadb', '10.4.34', 'default.mariadb10.4'),
      db('maria118', 'mariadb', '11.8.2', 'default.mariadb11.8'),
      db('sqlserver', 'sqlserver-se', '16.00.4165.4.v1', 'default.sqlserver-se-16.0'),
      db('sqlserver-on', 'sqlserver-ee', '16.00.4165.4.v1', 'ss-on'),
      db('oracle', 'oracle-ee', '19.0.0.0.ru-2024-07.rur-2024-07.r1', 'default.oracle-ee-19'),
      db('odd', 'postgres', '16.4', 'odd'),
      db('denied', 'postgres', '16.4', 'denied-group'),
      db('aurora-member', 'aurora-postgresql', '16.4', 'default.aurora-postgresql16', { DBClusterIdentifier: 'aur' }),
      db('pending', 'mysql', '8.0.39', 'pending', { DBParameterGroups: [{ DBParameterGroupName: 'pending', ParameterApplyStatus: 'pending-reboot' }] }),
    ]),
    params('default.postgres16', force()),
    params('default.postgres14', force()),
    params('pg14-forced', force('1')),
    params('pg15-off', force('0')),
    params('default.mysql8.0', rst()),
    params('my-on', rst('ON')),
    params('default.mariadb10.4', []),
    params('default.mariadb11.8', rst()),
    params('default.sqlserver-se-16.0', force()),
    params('ss-on', force('1')),
    params('odd', force('{TrueIfReplica}')),
    failed('rds:DescribeDBParameters', R, 'throttled', 'Throttling', 'denied-group'),
    params('pending', rst('1')),
    ok('rds:DescribeDBClusters', R, [
      { DBClusterIdentifier: 'aur', Engine: 'aurora-postgresql', EngineVersion: '16.4', DBClusterParameterGroup: 'default.aurora-postgresql16' },
      { DBClusterIdentifier: 'aur-my', Engine: 'aurora-mysql', EngineVersion: '8.0.mysql_aurora.3.05.2', DBClusterParameterGroup: 'aur-my' },
      { DBClusterIdentifier: 'maz', Engine: 'postgres', EngineVersion: '16.4', DBClusterParameterGroup: 'default.postgres16' },
    ]),
    ok('rds:DescribeDBClusterParameters', R, force(), 'default.aurora-postgresql16'),
    ok('rds:DescribeDBClusterParameters', R, rst('OFF'), 'aur-my'),
    ok('rds:DescribeDBClusterParameters', R, force(), 'default.postgres16'),
  ]);
  assert.deepEqual(byId(out), [
    'pg16-default:PASS', 'pg14-default:FAIL', 'pg14-forced:PASS', 'pg15-off:FAIL', 'my80-default:FAIL', 'my80-on:PASS',
    'maria104:NOT_ASSESSED', 'maria118:PASS', 'sqlserver:NOT_ASSESSED', 'sqlserver-on:PASS', 'oracle:NOT_ASSESSED', 'odd:NOT_ASSESSED',
    'denied:NOT_ASSESSED', 'pending:PASS', 'aur:NOT_ASSESSED', 'aur-my:FAIL', 'maz:PASS',
  ]);
  const f = (id: string) => out.find((x) => x.resourceId === id);
  assert.match(f('pg16-default')?.message ?? '', /defaults to 1 .*PostgreSQL 15 and later/);
  assert.match(f('my80-default')?.message ?? '', /sets no value for require_secure_transport/);
  assert.equal(f('denied')?.reason?.kind, 'throttled');
  assert.equal(f('sqlserver')?.reason?.code, 'EngineDefaultUnknown');
  assert.equal(f('oracle')?.reason?.code, 'EngineNotCovered');
  assert.match(f('pending')?.message ?? '', /pending a reboot/);
  assert.ok(!out.some((x) => x.resourceId === 'aurora-member'), 'a cluster member is judged through its cluster');
});

test('RDS TLS engine defaults follow the documented versions', () => {
  const on = (engine: string, v: string) => {
    const d = engineDefault(engine, v);
    return 'unknown' in d ? 'unknown' : d.on;
  };
  assert.deepEqual([on('postgres', '15.0'), on('postgres', '14.9'), on('postgres', '17.2'), on('postgres', 'x')], [true, false, true, 'unknown']);
  assert.deepEqual([on('mysql', '5.7.44'), on('mysql', '8.4.3'), on('mysql', '9.1.0'), on('mysql', '9.7.0')], [false, false, 'unknown', true]);
  assert.deepEqual([on('mariadb', '10.4.1'), on('mariadb', '10.5.0'), on('mariadb', '11.4.4'), on('mariadb', '11.8.1')], ['unknown', false, false, true]);
  assert.deepEqual([on('sqlserver-ee', '16.00'), on('aurora-mysql', '8.0.mysql_aurora.3.05.2')], ['unknown', 'unknown']);
});

test('RDS backups: retention 0 fails; replicas and cluster members are not applicable; absent is not assessed', () => {
  const out = run(rdsInstanceBackupsEnabled, [ok('rds:DescribeDBInstances', R, [
    { DBInstanceIdentifier: 'on', BackupRetentionPeriod: 7 },
    { DBInstanceIdentifier: 'off', BackupRetentionPeriod: 0 },
    { DBInstanceIdentifier: 'replica', BackupRetentionPeriod: 0, ReadReplicaSourceDBInstanceIdentifier: 'on' },
    { DBInstanceIdentifier: 'member', BackupRetentionPeriod: 1, DBClusterIdentifier: 'aur' },
    { DBInstanceIdentifier: 'unknown' },
  ])]);
  assert.deepEqual(byId(out), ['on:PASS', 'off:FAIL', 'replica:NOT_APPLICABLE', 'member:NOT_APPLICABLE', 'unknown:NOT_ASSESSED']);
  assert.deepEqual(byId(run(rdsInstanceBackupsEnabled, [denied('rds:DescribeDBInstances')])), [`${ACCOUNT}:NOT_ASSESSED`]);
});

test('EFS: Encrypted true/false/absent', () => {
  const out = run(efsFileSystemEncrypted, [ok('efs:DescribeFileSystems', R, [
    { FileSystemId: 'fs-1', Encrypted: true, Name: 'home' },
    { FileSystemId: 'fs-2', Encrypted: false },
    { FileSystemId: 'fs-3' },
  ])]);
  assert.deepEqual(byId(out), ['fs-1:PASS', 'fs-2:FAIL', 'fs-3:NOT_ASSESSED']);
  assert.equal(out[0]?.resourceName, 'home');
  assert.deepEqual(byId(run(efsFileSystemEncrypted, [denied('efs:DescribeFileSystems')])), [`${ACCOUNT}:NOT_ASSESSED`]);
});

test('DynamoDB PITR: ENABLED passes, DISABLED fails, a table whose call failed is not assessed', () => {
  const pitr = (status: string) => ({ ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: status } });
  const out = run(dynamodbTablePitrEnabled, [
    ok('dynamodb:ListTables', R, ['a', 'b', 'c', 'd']),
    ok('dynamodb:DescribeContinuousBackups', R, pitr('ENABLED'), 'a'),
    ok('dynamodb:DescribeContinuousBackups', R, pitr('DISABLED'), 'b'),
    denied('dynamodb:DescribeContinuousBackups', 'c'),
    ok('dynamodb:DescribeContinuousBackups', R, { ContinuousBackupsStatus: 'ENABLED' }, 'd'),
  ]);
  assert.deepEqual(byId(out), ['a:PASS', 'b:FAIL', 'c:NOT_ASSESSED', 'd:NOT_ASSESSED']);
  assert.equal(out[1]?.resourceArn, `arn:aws:dynamodb:${R}:${ACCOUNT}:table/b`);
});

test('DynamoDB key type is context: AWS owned, AWS managed, customer managed; never FAIL; unknown manager is not assessed', () => {
  const keyArn = (id: string, account = ACCOUNT) => `arn:aws:kms:${R}:${account}:key/${id}`;
  const table = (name: string, sse?: object) => ok('dynamodb:DescribeTable', R, { TableName: name, TableArn: `arn:aws:dynamodb:${R}:${ACCOUNT}:table/${name}`, ...(sse ? { SSEDescription: sse } : {}) }, name);
  const kms = (id: string) => ({ Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: keyArn(id) });
  const out = run(dynamodbTableEncryptionKey, [
    ok('dynamodb:ListTables', R, ['owned', 'managed', 'cmk', 'foreign', 'hidden', 'gone']),
    table('owned'),
    table('managed', kms('k-aws')),
    table('cmk', kms('k-cmk')),
    table('foreign', { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: keyArn('k-x', '999988887777') }),
    table('hidden', kms('k-hidden')),
    table('gone', kms('k-gone')),
    ok('kms:ListKeys', R, [{ KeyId: 'k-aws' }, { KeyId: 'k-cmk' }, { KeyId: 'k-hidden' }]),
    ok('kms:DescribeKey', R, { KeyId: 'k-aws', KeyManager: 'AWS' }, 'k-aws'),
    ok('kms:DescribeKey', R, { KeyId: 'k-cmk', KeyManager: 'CUSTOMER' }, 'k-cmk'),
    denied('kms:DescribeKey', 'k-hidden'),
  ]);
  assert.deepEqual(byId(out), ['owned:PASS', 'managed:PASS', 'cmk:PASS', 'foreign:PASS', 'hidden:NOT_ASSESSED', 'gone:PASS']);
  assert.match(out[0]?.message ?? '', /AWS owned key/);
  assert.match(out[1]?.message ?? '', /AWS managed key aws\/dynamodb/);
  assert.match(out[2]?.message ?? '', /customer managed key/);
  assert.match(out[3]?.message ?? '', /another account/);
  assert.ok(out.every((f) => f.severity === 'info' && f.status !== 'FAIL'));
  const kmsDown = run(dynamodbTableEncryptionKey, [ok('dynamodb:ListTables', R, ['cmk']), table('cmk', kms('k-cmk')), denied('kms:ListKeys')]);
  assert.deepEqual(byId(kmsDown), ['cmk:NOT_ASSESSED']);
});

const keyMeta = (id: string, over: object = {}) => ({
  KeyId: id, Arn: `arn:aws:kms:${R}:${ACCOUNT}:key/${id}`, KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', Origin: 'AWS_KMS', KeyState: 'Enabled', ...over,
});

test('KMS rotation: only customer managed symmetric keys are eligible; AWS managed keys produce no finding', () => {
  const ids = ['aws', 'on', 'off', 'rsa', 'hmac', 'imported', 'pending', 'denied', 'nometa'];
  const out = run(kmsKeyRotationEnabled, [
    ok('kms:ListKeys', R, ids.map((KeyId) => ({ KeyId }))),
    ok('kms:DescribeKey', R, keyMeta('aws', { KeyManager: 'AWS' }), 'aws'),
    ok('kms:DescribeKey', R, keyMeta('on'), 'on'),
    ok('kms:DescribeKey', R, keyMeta('off', { KeyState: 'Disabled' }), 'off'),
    ok('kms:DescribeKey', R, keyMeta('rsa', { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }), 'rsa'),
    ok('kms:DescribeKey', R, keyMeta('hmac', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }), 'hmac'),
    ok('kms:DescribeKey', R, keyMeta('imported', { Origin: 'EXTERNAL' }), 'imported'),
    ok('kms:DescribeKey', R, keyMeta('pending', { KeyState: 'PendingDeletion' }), 'pending'),
    ok('kms:DescribeKey', R, keyMeta('denied'), 'denied'),
    denied('kms:DescribeKey', 'nometa'),
    ok('kms:GetKeyRotationStatus', R, { KeyRotationEnabled: true, RotationPeriodInDays: 180 }, 'on'),
    ok('kms:GetKeyRotationStatus', R, { KeyRotationEnabled: false, RotationPeriodInDays: null }, 'off'),
    denied('kms:GetKeyRotationStatus', 'denied'),
  ]);
  assert.deepEqual(byId(out), ['on:PASS', 'off:FAIL', 'rsa:NOT_APPLICABLE', 'hmac:NOT_APPLICABLE', 'imported:NOT_APPLICABLE', 'pending:NOT_APPLICABLE', 'denied:NOT_ASSESSED', 'nometa:NOT_ASSESSED']);
  assert.match(out[0]?.message ?? '', /every 180 days/);
  assert.match(out[4]?.message ?? '', /imported/);
  const onlyAws = run(kmsKeyRotationEnabled, [ok('kms:ListKeys', R, [{ KeyId: 'aws' }]), ok('kms:DescribeKey', R, keyMeta('aws', { KeyManager: 'AWS' }), 'aws')]);
  assert.deepEqual(byId(onlyAws), [`${ACCOUNT}:NOT_APPLICABLE`], 'a region with only AWS managed keys has no customer keys to rotate');
  assert.deepEqual(byId(run(kmsKeyRotationEnabled, [denied('kms:ListKeys')])), [`${ACCOUNT}:NOT_ASSESSED`]);
});

test('KMS deletion: a customer key pending deletion fails; AWS managed keys are not reported', () => {
  const out = run(kmsKeyNotPendingDeletion, [
    ok('kms:ListKeys', R, [{ KeyId: 'aws' }, { KeyId: 'live' }, { KeyId: 'doomed' }, { KeyId: 'replica' }, { KeyId: 'x' }]),
    ok('kms:DescribeKey', R, keyMeta('aws', { KeyManager: 'AWS' }), 'aws'),
    ok('kms:DescribeKey', R, keyMeta('live'), 'live'),
    ok('kms:DescribeKey', R, keyMeta('doomed', { KeyState: 'PendingDeletion', DeletionDate: '2026-02-10T00:00:00.000Z' }), 'doomed'),
    ok('kms:DescribeKey', R, keyMeta('replica', { KeyState: 'PendingReplicaDeletion' }), 'replica'),
    failed('kms:DescribeKey', R, 'explicit-deny', 'AccessDeniedException', 'x'),
  ]);
  assert.deepEqual(byId(out), ['live:PASS', 'doomed:FAIL', 'replica:FAIL', 'x:NOT_ASSESSED']);
  assert.match(out[1]?.message ?? '', /2026-02-10/);
  assert.equal(out[3]?.reason?.kind, 'explicit-deny');
});

test('KMS key policy parsing: Principal "*" forms, conditions that do and do not restrict the caller', () => {
  const allow = (extra: object) => JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', ...extra }] });
  const open = (p: string) => {
    const v = openStatements(p);
    return 'error' in v ? 'error' : v.open.length > 0;
  };
  assert.equal(open(allow({ Principal: '*' })), true);
  assert.equal(open(allow({ Principal: { AWS: '*' } })), true);
  assert.equal(open(allow({ Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`, '*'] } })), true);
  assert.equal(open(allow({ NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } })), true);
  assert.equal(open(allow({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } })), false);
  assert.equal(open(allow({ Principal: { Service: 'logs.eu-west-1.amazonaws.com' } })), false);
  assert.equal(open(JSON.stringify({ Statement: { Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' } })), false, 'a single statement object; Deny');
  assert.equal(open(allow({ Principal: '*', Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } } })), false);
  assert.equal(open(allow({ Principal: '*', Condition: { StringEquals: { 'AWS:PrincipalOrgID': 'o-abc123' } } })), false, 'condition keys are case-insensitive');
  assert.equal(open(allow({ Principal: '*', Condition: { StringEquals: { 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } } })), true, 'ViaService alone does not say who calls');
  assert.equal(open(allow({ Principal: '*', Condition: { StringLike: { 'aws:PrincipalOrgID': 'o-*' } } })), true, 'a wildcard value restricts nothing');
  assert.equal(open(allow({ Principal: '*', Condition: { StringNotEquals: { 'aws:PrincipalAccount': ACCOUNT } } })), true, 'a negated operator opens the key to everyone else');
  assert.equal(open(allow({ Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })), true);
  assert.equal(open(allow({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } })), true);
  assert.equal(open('{not json'), 'error');
});

test('KMS key policy check: open policy fails, restricted passes, unreadable or malformed is not assessed', () => {
  const pol = (Policy: string | null, id: string) => ok('kms:GetKeyPolicy', R, { Policy }, id);
  const out = run(kmsKeyPolicyNotPublic, [
    ok('kms:ListKeys', R, ['aws', 'open', 'org', 'bad', 'denied'].map((KeyId) => ({ KeyId }))),
    ok('kms:DescribeKey', R, keyMeta('aws', { KeyManager: 'AWS' }), 'aws'),
    ...['open', 'org', 'bad', 'denied'].map((id) => ok('kms:DescribeKey', R, keyMeta(id), id)),
    pol(JSON.stringify({ Statement: [{ Sid: 'Everyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' }] }), 'open'),
    pol(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }] }), 'org'),
    pol('{"Statement": [', 'bad'),
    denied('kms:GetKeyPolicy', 'denied'),
  ]);
  assert.deepEqual(byId(out), ['open:FAIL', 'org:PASS', 'bad:NOT_ASSESSED', 'denied:NOT_ASSESSED']);
  assert.match(out[0]?.message ?? '', /"Everyone"/);
  assert.match(out[0]?.evidence[0]?.excerpt ?? '', /"AWS": "\*"/);
  assert.equal(out[2]?.reason?.code, 'MalformedPolicy');
});

test('log groups: a KMS key passes, none fails, an unreadable list is not assessed', () => {
  const out = run(logsLogGroupKmsEncrypted, [ok('logs:DescribeLogGroups', R, [
    { logGroupName: '/a', kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k', arn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/a:*' },
    { logGroupName: '/b', arn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/b:*' },
  ])]);
  assert.deepEqual(byId(out), ['/a:PASS', '/b:FAIL']);
  assert.equal(out[1]?.resourceArn, 'arn:aws:logs:eu-west-1:123456789012:log-group:/b');
  assert.equal(out[1]?.severity, 'low');
  assert.deepEqual(byId(run(logsLogGroupKmsEncrypted, [denied('logs:DescribeLogGroups')])), [`${ACCOUNT}:NOT_ASSESSED`]);
});

test('Backup: a vault with an unencrypted recovery point fails; empty vaults are not applicable; unknown is not assessed', () => {
  const rp = (n: number, IsEncrypted?: boolean, Status = 'COMPLETED') => ({ RecoveryPointArn: `arn:rp-${n}`, ResourceType: 'EBS', Status, ...(IsEncrypted === undefined ? {} : { IsEncrypted }) });
  const out = run(backupRecoveryPointsEncrypted, [
    ok('backup:ListBackupVaults', R, ['good', 'bad', 'empty', 'unknown', 'denied'].map((BackupVaultName) => ({ BackupVaultName }))),
    ok('backup:ListRecoveryPointsByBackupVault', R, [rp(1, true), rp(2, true)], 'good'),
    ok('backup:ListRecoveryPointsByBackupVault', R, [rp(3, true), rp(4, false), rp(5, false, 'DELETING')], 'bad'),
    ok('backup:ListRecoveryPointsByBackupVault', R, [], 'empty'),
    ok('backup:ListRecoveryPointsByBackupVault', R, [rp(6)], 'unknown'),
    denied('backup:ListRecoveryPointsByBackupVault', 'denied'),
  ]);
  assert.deepEqual(byId(out), ['good:PASS', 'bad:FAIL', 'empty:NOT_APPLICABLE', 'unknown:NOT_ASSESSED', 'denied:NOT_ASSESSED']);
  assert.match(out[1]?.message ?? '', /1 unencrypted recovery point \(EBS\) out of 2/);
  assert.match(out[1]?.evidence[0]?.excerpt ?? '', /arn:rp-4/);
});
