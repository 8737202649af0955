/**
 * The data-protection collectors through the real SDK against the fake: the wire formats of KMS
 * (awsJson1_1), DynamoDB (awsJson1_0), EFS and Backup (restJson1) and the extra RDS/EC2 calls,
 * every page followed, per-resource calls sent only where they apply, and one failed resource
 * recorded as its own classified error.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { Parameter } from '@aws-sdk/client-rds';
import type { Snapshot as EbsSnapshot } from '@aws-sdk/client-ec2';
import { dataProtectionDatasets } from '../../main/core/collect/areas/data-protection.ts';
import type { Snapshot } from '../../main/core/engine/snapshot.ts';
import type { FakeAccount, FaultRule } from '../support/fake-aws/index.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { KEY, SNAPSHOT } from '../support/fake-aws/accounts/planted/data-protection.ts';
import { collectFromFake } from '../support/fake-scan.ts';

const collect = (t: TestContext, account: FakeAccount, regions: string[], faults: FaultRule[] = []) =>
  collectFromFake(t, account, dataProtectionDatasets.map((d) => d.id), { regions, faults });

const keysOf = (snap: Snapshot, dataset: string) => snap.records(dataset).filter((r) => r.ok).map((r) => r.resourceKey).sort();

test('seeded account: every data-protection call answers through the SDK, per-resource calls only where they apply', async (t) => {
  const { fake, snapshot } = await collect(t, seeded, ['us-east-1', 'eu-west-1'], [
    { service: 'kms', action: 'GetKeyPolicy', status: 400, code: 'AccessDeniedException', message: 'not authorized to perform: kms:GetKeyPolicy', times: 1 },
  ]);
  const failures = [...snapshot.all()].filter((r) => !r.ok);
  assert.deepEqual(failures.map((r) => `${r.dataset} ${r.resourceKey} ${r.ok ? '' : r.error.kind}`), [`kms:GetKeyPolicy ${failures[0]?.resourceKey ?? ''} permission-denied`]);

  const snaps = snapshot.read<EbsSnapshot[]>('ec2:DescribeSnapshots', 'us-east-1');
  assert.ok(snaps.ok);
  assert.ok(!snaps.data.some((s) => s.SnapshotId === SNAPSHOT.foreignPublic), "OwnerIds=self keeps other accounts' public snapshots out");
  const perms = (id: string) => {
    const r = snapshot.read<{ CreateVolumePermissions: unknown }>('ec2:DescribeSnapshotAttribute', 'us-east-1', id);
    return r.ok ? r.data.CreateVolumePermissions : r.error.code;
  };
  assert.deepEqual(perms(SNAPSHOT.publicPlain), [{ Group: 'all' }]);
  assert.deepEqual(perms(SNAPSHOT.encrypted), [], 'an empty permission list reads as empty, not absent');
  const bpa = (region: string) => {
    const r = snapshot.read<{ State: string | null }>('ec2:GetSnapshotBlockPublicAccessState', region);
    return r.ok ? r.data.State : r.error.code;
  };
  assert.deepEqual([bpa('us-east-1'), bpa('eu-west-1')], ['unblocked', 'block-all-sharing']);

  const mysql = snapshot.read<Parameter[]>('rds:DescribeDBParameters', 'us-east-1', 'default.mysql5.7');
  assert.ok(mysql.ok);
  assert.deepEqual(mysql.data.map((p) => [p.ParameterName, p.ParameterValue ?? null, p.Source]), [['require_secure_transport', null, 'engine-default']]);
  assert.equal(fake.calls.get('rds:DescribeDBParameters'), 3, 'default.mysql5.7 holds 131 parameters: two pages of 100');
  assert.deepEqual(keysOf(snapshot, 'rds:DescribeDBClusterParameters'), ['analytics-aurora-mysql8', 'billing-aurora-pg16']);
  assert.deepEqual(keysOf(snapshot, 'rds:DescribeDBSnapshotAttributes'), ['legacy-reporting-final', 'orders-db-pre-migration'], 'automated snapshots have no sharing to read');
  assert.deepEqual(keysOf(snapshot, 'rds:DescribeDBClusterSnapshotAttributes'), ['analytics-aurora-export', 'billing-aurora-monthly']);

  assert.equal(keysOf(snapshot, 'kms:DescribeKey').length, 7);
  assert.deepEqual(keysOf(snapshot, 'kms:GetKeyRotationStatus'), [KEY.orders, KEY.legacyApp, KEY.partner].sort(), 'only customer managed symmetric keys, not pending deletion');
  assert.equal(snapshot.records('kms:GetKeyPolicy').length, 5, 'customer managed keys only');
  const doomed = snapshot.read<KeyMetadata>('kms:DescribeKey', 'us-east-1', KEY.oldExport);
  assert.ok(doomed.ok && doomed.data.DeletionDate instanceof Date && doomed.data.KeyState === 'PendingDeletion');

  const fs = snapshot.read<{ FileSystemId: string; Encrypted: boolean }[]>('efs:DescribeFileSystems', 'us-east-1');
  assert.ok(fs.ok);
  assert.deepEqual(fs.data.map((f) => [f.FileSystemId, f.Encrypted]), [['fs-0a1b2c3d4e5f00001', true], ['fs-0a1b2c3d4e5f00002', false]]);
  const tables = snapshot.read<string[]>('dynamodb:ListTables', 'us-east-1');
  assert.deepEqual(tables.ok && tables.data, ['audit-events', 'orders', 'sessions']);
  const sessions = snapshot.read<{ PointInTimeRecoveryDescription?: { PointInTimeRecoveryStatus?: string } }>('dynamodb:DescribeContinuousBackups', 'us-east-1', 'sessions');
  assert.equal(sessions.ok && sessions.data.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus, 'DISABLED');
  const orders = snapshot.read<{ SSEDescription?: { KMSMasterKeyArn?: string } }>('dynamodb:DescribeTable', 'us-east-1', 'orders');
  assert.match((orders.ok && orders.data.SSEDescription?.KMSMasterKeyArn) || '', new RegExp(KEY.orders));
  const legacy = snapshot.read<{ IsEncrypted?: boolean; ResourceType?: string }[]>('backup:ListRecoveryPointsByBackupVault', 'us-east-1', 'legacy-ebs');
  assert.deepEqual(legacy.ok && legacy.data.map((p) => [p.ResourceType, p.IsEncrypted]), [['EBS', false]]);
  const euVaults = snapshot.read<unknown[]>('backup:ListBackupVaults', 'eu-west-1');
  assert.ok(euVaults.ok && euVaults.data.length === 0, 'a region without vaults reads as an empty list');
});

test('large regions: every list follows its pagination to the end', async (t) => {
  const region = 'us-east-1';
  const n = (count: number) => Array.from({ length: count }, (_, i) => String(i).padStart(4, '0'));
  const account: FakeAccount = {
    ...seeded,
    ext: {
      ...seeded.ext,
      dataProtection: {
        volumes: { [region]: n(501).map((i) => ({ VolumeId: `vol-${i}`, Encrypted: true, State: 'available' })) },
        rdsClusters: { [region]: n(101).map((i) => ({ DBClusterIdentifier: `c-${i}`, Engine: 'aurora-mysql', StorageEncrypted: true })) },
        kmsKeys: { [region]: n(1001).map((i) => ({ metadata: { KeyId: `k-${i}`, Arn: `arn:aws:kms:${region}:${seeded.accountId}:key/k-${i}`, KeyManager: 'AWS', KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', Origin: 'AWS_KMS', KeyState: 'Enabled' } })) },
        fileSystems: {
          [region]: n(105).map((i) => ({
            FileSystemId: `fs-${i}`, OwnerId: seeded.accountId, CreationToken: i, CreationTime: new Date('2025-01-01T00:00:00Z'), LifeCycleState: 'available',
            NumberOfMountTargets: 0, SizeInBytes: { Value: 0 }, PerformanceMode: 'generalPurpose', Tags: [], Encrypted: true,
          })),
        },
        tables: { [region]: n(101).map((i) => ({ TableName: `t-${i}` })) },
        backupVaults: { [region]: [{ BackupVaultName: 'big', recoveryPoints: n(1001).map((i) => ({ RecoveryPointArn: `arn:rp:${i}`, IsEncrypted: true })) }] },
      },
    },
  };
  const { fake, snapshot } = await collect(t, account, [region]);
  const count = (dataset: string) => {
    const r = snapshot.read<unknown[]>(dataset, region);
    return r.ok ? r.data.length : r.error.code;
  };
  assert.deepEqual(
    [count('ec2:DescribeVolumes'), count('rds:DescribeDBClusters'), count('kms:ListKeys'), count('efs:DescribeFileSystems'), count('dynamodb:ListTables')],
    [501, 101, 1001, 105, 101],
  );
  const points = snapshot.read<unknown[]>('backup:ListRecoveryPointsByBackupVault', region, 'big');
  assert.equal(points.ok && points.data.length, 1001);
  assert.deepEqual(
    ['ec2:DescribeVolumes', 'rds:DescribeDBClusters', 'kms:ListKeys', 'elasticfilesystem:DescribeFileSystems', 'dynamodb:ListTables', 'backup:ListRecoveryPointsByBackupVault'].map((k) => fake.calls.get(k)),
    [2, 2, 2, 2, 2, 2],
  );
  assert.equal(fake.calls.get('kms:GetKeyRotationStatus'), undefined, 'AWS managed keys are never asked for rotation');
});
