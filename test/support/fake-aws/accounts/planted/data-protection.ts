/**
 * The data-protection part of the seeded account: what is planted (problems and correct configurations)
 * for this area's checks, and the items a scan must report for them. The two RDS instances live in
 * shared.ts (orders-db: encrypted PostgreSQL 16 with backups; legacy-reporting: unencrypted MySQL 5.7 on
 * its default parameter group, backups off); their parameter groups are planted here.
 */
import type { Parameter } from '@aws-sdk/client-rds';
import type { DataProtectionFixture, FakeKmsKey } from '../../ext/data-protection.ts';
import type { PlantedItem } from '../misconfigured.ts';
import { ACCOUNT_ID, INSTANCE } from '../misconfigured.ts';
import { RDS } from './shared.ts';

const use1 = 'us-east-1';
const kmsArn = (id: string) => `arn:aws:kms:${use1}:${ACCOUNT_ID}:key/${id}`;

export const KEY = {
  orders: '1234abcd-12ab-34cd-56ef-1234567890ab',
  legacyApp: '2b3c4d5e-0000-4000-8000-00000000a002',
  partner: '2b3c4d5e-0000-4000-8000-00000000a003',
  oldExport: '2b3c4d5e-0000-4000-8000-00000000a004',
  signing: '2b3c4d5e-0000-4000-8000-00000000a005',
  awsEbs: '7f8e9d0c-0000-4000-8000-00000000aa01',
  awsDynamo: '7f8e9d0c-0000-4000-8000-00000000aa02',
} as const;

export const VOLUME = { web1Root: 'vol-0a1b2c3d4e5f60001', worker1Data: 'vol-0a1b2c3d4e5f60002', orphan: 'vol-0a1b2c3d4e5f60003', reportBuilder: 'vol-0b1c2d3e4f5a60004' } as const;
export const SNAPSHOT = { encrypted: 'snap-0a1b2c3d4e5f70001', publicPlain: 'snap-0a1b2c3d4e5f70002', sharedPlain: 'snap-0a1b2c3d4e5f70003', blockedPublic: 'snap-0b1c2d3e4f5a70004', foreignPublic: 'snap-0f0f0f0f0f0f70009' } as const;

/** Pads a parameter group the way AWS does (hundreds of parameters), so collection has to follow Marker. */
function filler(count: number): Parameter[] {
  return Array.from({ length: count }, (_, i) => ({ ParameterName: `filler_param_${String(i).padStart(3, '0')}`, Source: 'engine-default', ApplyType: 'dynamic', DataType: 'integer', IsModifiable: true }));
}

function key(id: string, over: Partial<FakeKmsKey['metadata']>, extra: Omit<FakeKmsKey, 'metadata'> = {}): FakeKmsKey {
  return {
    metadata: {
      AWSAccountId: ACCOUNT_ID, KeyId: id, Arn: kmsArn(id), CreationDate: new Date('2023-03-01T10:00:00Z'), Enabled: true,
      Description: '', KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'Enabled', Origin: 'AWS_KMS', KeyManager: 'CUSTOMER',
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT', KeySpec: 'SYMMETRIC_DEFAULT', EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'], MultiRegion: false,
      ...over,
    },
    ...extra,
  };
}

const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Id: 'key-policy', Statement: statements });
const rootAdmin = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: 'kms:*', Resource: '*' };

export const dataProtectionFixture: DataProtectionFixture = {
  volumes: {
    [use1]: [
      { VolumeId: VOLUME.web1Root, Size: 20, VolumeType: 'gp3', State: 'in-use', AvailabilityZone: 'us-east-1a', Encrypted: true, KmsKeyId: kmsArn(KEY.awsEbs), CreateTime: new Date('2024-01-10T09:00:00Z'), Attachments: [{ VolumeId: VOLUME.web1Root, InstanceId: INSTANCE.web1, Device: '/dev/xvda', State: 'attached', DeleteOnTermination: true }] },
      { VolumeId: VOLUME.worker1Data, Size: 200, VolumeType: 'gp2', State: 'in-use', AvailabilityZone: 'us-east-1b', Encrypted: false, CreateTime: new Date('2021-06-01T09:00:00Z'), Attachments: [{ VolumeId: VOLUME.worker1Data, InstanceId: INSTANCE.worker1, Device: '/dev/sdf', State: 'attached', DeleteOnTermination: false }], Tags: [{ Key: 'Name', Value: 'worker-1 data' }] },
      { VolumeId: VOLUME.orphan, Size: 50, VolumeType: 'gp2', State: 'available', AvailabilityZone: 'us-east-1a', Encrypted: false, CreateTime: new Date('2020-11-20T09:00:00Z'), Attachments: [] },
    ],
    'eu-west-1': [
      { VolumeId: VOLUME.reportBuilder, Size: 100, VolumeType: 'gp3', State: 'in-use', AvailabilityZone: 'eu-west-1a', Encrypted: true, CreateTime: new Date('2024-05-01T09:00:00Z'), Attachments: [{ VolumeId: VOLUME.reportBuilder, InstanceId: INSTANCE.reportBuilder, Device: '/dev/sda1', State: 'attached' }] },
    ],
  },
  snapshots: {
    [use1]: [
      { SnapshotId: SNAPSHOT.encrypted, OwnerId: ACCOUNT_ID, VolumeId: VOLUME.web1Root, VolumeSize: 20, State: 'completed', Encrypted: true, KmsKeyId: kmsArn(KEY.awsEbs), StartTime: new Date('2025-12-01T02:00:00Z'), Description: 'nightly web-1' },
      { SnapshotId: SNAPSHOT.publicPlain, OwnerId: ACCOUNT_ID, VolumeId: VOLUME.worker1Data, VolumeSize: 200, State: 'completed', Encrypted: false, StartTime: new Date('2022-03-14T02:00:00Z'), Description: 'shared with vendor for debugging', createVolumePermissions: [{ Group: 'all' }] },
      { SnapshotId: SNAPSHOT.sharedPlain, OwnerId: ACCOUNT_ID, VolumeId: VOLUME.orphan, VolumeSize: 50, State: 'completed', Encrypted: false, StartTime: new Date('2023-08-09T02:00:00Z'), createVolumePermissions: [{ UserId: '444455556666' }] },
      // Another account's public snapshot: listed by DescribeSnapshots only when Owner is not sent.
      { SnapshotId: SNAPSHOT.foreignPublic, OwnerId: '999988887777', VolumeId: 'vol-ffffffffffffffff0', VolumeSize: 8, State: 'completed', Encrypted: false, StartTime: new Date('2019-01-01T00:00:00Z'), Description: 'community AMI root', createVolumePermissions: [{ Group: 'all' }] },
    ],
    // Still marked public, but eu-west-1 blocks all public sharing of snapshots.
    'eu-west-1': [
      { SnapshotId: SNAPSHOT.blockedPublic, OwnerId: ACCOUNT_ID, VolumeId: VOLUME.reportBuilder, VolumeSize: 100, State: 'completed', Encrypted: true, StartTime: new Date('2024-06-01T02:00:00Z'), createVolumePermissions: [{ Group: 'all' }] },
    ],
  },
  snapshotBlockPublicAccess: { 'eu-west-1': 'block-all-sharing' },
  rdsClusters: {
    [use1]: [
      {
        DBClusterIdentifier: 'billing-aurora', DBClusterArn: `arn:aws:rds:${use1}:${ACCOUNT_ID}:cluster:billing-aurora`, Engine: 'aurora-postgresql', EngineVersion: '16.4',
        Status: 'available', StorageEncrypted: true, KmsKeyId: kmsArn(KEY.orders), DBClusterParameterGroup: 'billing-aurora-pg16', BackupRetentionPeriod: 7, MultiAZ: true,
        DBClusterMembers: [{ DBInstanceIdentifier: 'billing-aurora-1', IsClusterWriter: true, DBClusterParameterGroupStatus: 'in-sync' }],
      },
      {
        DBClusterIdentifier: 'analytics-aurora', DBClusterArn: `arn:aws:rds:${use1}:${ACCOUNT_ID}:cluster:analytics-aurora`, Engine: 'aurora-mysql', EngineVersion: '8.0.mysql_aurora.3.05.2',
        Status: 'available', StorageEncrypted: false, DBClusterParameterGroup: 'analytics-aurora-mysql8', BackupRetentionPeriod: 1, MultiAZ: false,
        DBClusterMembers: [{ DBInstanceIdentifier: 'analytics-aurora-1', IsClusterWriter: true, DBClusterParameterGroupStatus: 'in-sync' }],
      },
    ],
  },
  rdsSnapshots: {
    [use1]: [
      { DBSnapshotIdentifier: 'rds:orders-db-2026-01-15-03-10', DBSnapshotArn: `arn:aws:rds:${use1}:${ACCOUNT_ID}:snapshot:rds:orders-db-2026-01-15-03-10`, DBInstanceIdentifier: RDS.ordersDb, SnapshotType: 'automated', Engine: 'postgres', Status: 'available', Encrypted: true, KmsKeyId: kmsArn(KEY.orders), SnapshotCreateTime: new Date('2026-01-15T03:10:00Z') },
      { DBSnapshotIdentifier: 'legacy-reporting-final', DBSnapshotArn: `arn:aws:rds:${use1}:${ACCOUNT_ID}:snapshot:legacy-reporting-final`, DBInstanceIdentifier: RDS.legacyReporting, SnapshotType: 'manual', Engine: 'mysql', Status: 'available', Encrypted: false, SnapshotCreateTime: new Date('2024-02-01T12:00:00Z'), restore: ['all'] },
      { DBSnapshotIdentifier: 'orders-db-pre-migration', DBSnapshotArn: `arn:aws:rds:${use1}:${ACCOUNT_ID}:snapshot:orders-db-pre-migration`, DBInstanceIdentifier: RDS.ordersDb, SnapshotType: 'manual', Engine: 'postgres', Status: 'available', Encrypted: true, KmsKeyId: kmsArn(KEY.orders), SnapshotCreateTime: new Date('2025-09-30T12:00:00Z'), restore: ['444455556666'] },
    ],
  },
  rdsClusterSnapshots: {
    [use1]: [
      { DBClusterSnapshotIdentifier: 'billing-aurora-monthly', DBClusterSnapshotArn: `arn:aws:rds:${use1}:${ACCOUNT_ID}:cluster-snapshot:billing-aurora-monthly`, DBClusterIdentifier: 'billing-aurora', SnapshotType: 'manual', Engine: 'aurora-postgresql', Status: 'available', StorageEncrypted: true, KmsKeyId: kmsArn(KEY.orders), restore: [] },
      { DBClusterSnapshotIdentifier: 'analytics-aurora-export', DBClusterSnapshotArn: `arn:aws:rds:${use1}:${ACCOUNT_ID}:cluster-snapshot:analytics-aurora-export`, DBClusterIdentifier: 'analytics-aurora', SnapshotType: 'manual', Engine: 'aurora-mysql', Status: 'available', StorageEncrypted: false, restore: ['all'] },
    ],
  },
  rdsParameterGroups: {
    [use1]: {
      'orders-pg16': [...filler(40), { ParameterName: 'rds.force_ssl', ParameterValue: '1', Source: 'user', ApplyType: 'dynamic', DataType: 'boolean', AllowedValues: '0,1', IsModifiable: true, ApplyMethod: 'immediate' }],
      // A default group lists the parameter with no value: the engine default (OFF for MySQL 5.7) applies.
      'default.mysql5.7': [...filler(130), { ParameterName: 'require_secure_transport', Source: 'engine-default', ApplyType: 'dynamic', DataType: 'boolean', AllowedValues: '0, 1', IsModifiable: true, ApplyMethod: 'pending-reboot' }],
    },
  },
  rdsClusterParameterGroups: {
    [use1]: {
      'billing-aurora-pg16': [{ ParameterName: 'rds.force_ssl', ParameterValue: '1', Source: 'user', ApplyType: 'dynamic', DataType: 'boolean', IsModifiable: true }],
      'analytics-aurora-mysql8': [{ ParameterName: 'require_secure_transport', ParameterValue: 'OFF', Source: 'user', ApplyType: 'dynamic', DataType: 'boolean', IsModifiable: true }],
    },
  },
  kmsKeys: {
    [use1]: [
      key(KEY.awsEbs, { KeyManager: 'AWS', Description: 'Default key that protects my EBS volumes when no other key is defined' }),
      key(KEY.awsDynamo, { KeyManager: 'AWS', Description: 'Default key that protects my DynamoDB data when no other key is defined' }),
      key(KEY.orders, { Description: 'orders data' }, { rotation: true, policy: policy([rootAdmin]) }),
      key(KEY.legacyApp, { Description: 'legacy app secrets' }, {
        rotation: false,
        policy: policy([rootAdmin, { Sid: 'OpenDecrypt', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }]),
      }),
      key(KEY.partner, { Description: 'shared with our organization' }, {
        rotation: true,
        policy: policy([rootAdmin, { Sid: 'OrgUse', Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }]),
      }),
      key(KEY.oldExport, { Description: 'old export bucket', Enabled: false, KeyState: 'PendingDeletion', DeletionDate: new Date('2026-02-10T00:00:00Z'), PendingDeletionWindowInDays: 30 }, { policy: policy([rootAdmin]) }),
      key(KEY.signing, { Description: 'release signing', KeyUsage: 'SIGN_VERIFY', KeySpec: 'RSA_2048', CustomerMasterKeySpec: 'RSA_2048', EncryptionAlgorithms: undefined, SigningAlgorithms: ['RSASSA_PSS_SHA_256'] }, { policy: policy([rootAdmin]) }),
    ],
  },
  fileSystems: {
    [use1]: [
      { FileSystemId: 'fs-0a1b2c3d4e5f00001', FileSystemArn: `arn:aws:elasticfilesystem:${use1}:${ACCOUNT_ID}:file-system/fs-0a1b2c3d4e5f00001`, Name: 'shared-home', OwnerId: ACCOUNT_ID, CreationToken: 'shared-home', CreationTime: new Date('2024-02-02T10:00:00Z'), LifeCycleState: 'available', NumberOfMountTargets: 2, SizeInBytes: { Value: 1_048_576 }, PerformanceMode: 'generalPurpose', Encrypted: true, KmsKeyId: kmsArn(KEY.orders), ThroughputMode: 'elastic', Tags: [{ Key: 'Name', Value: 'shared-home' }] },
      { FileSystemId: 'fs-0a1b2c3d4e5f00002', FileSystemArn: `arn:aws:elasticfilesystem:${use1}:${ACCOUNT_ID}:file-system/fs-0a1b2c3d4e5f00002`, Name: 'legacy-uploads', OwnerId: ACCOUNT_ID, CreationToken: 'legacy-uploads', CreationTime: new Date('2019-10-02T10:00:00Z'), LifeCycleState: 'available', NumberOfMountTargets: 1, SizeInBytes: { Value: 52_428_800 }, PerformanceMode: 'generalPurpose', Encrypted: false, ThroughputMode: 'bursting', Tags: [{ Key: 'Name', Value: 'legacy-uploads' }] },
    ],
  },
  tables: {
    [use1]: [
      { TableName: 'orders', TableArn: `arn:aws:dynamodb:${use1}:${ACCOUNT_ID}:table/orders`, TableStatus: 'ACTIVE', SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: kmsArn(KEY.orders) }, pitr: true },
      { TableName: 'sessions', TableArn: `arn:aws:dynamodb:${use1}:${ACCOUNT_ID}:table/sessions`, TableStatus: 'ACTIVE', pitr: false },
      { TableName: 'audit-events', TableArn: `arn:aws:dynamodb:${use1}:${ACCOUNT_ID}:table/audit-events`, TableStatus: 'ACTIVE', SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: kmsArn(KEY.awsDynamo) }, pitr: true },
    ],
  },
  backupVaults: {
    [use1]: [
      {
        BackupVaultName: 'Default', BackupVaultArn: `arn:aws:backup:${use1}:${ACCOUNT_ID}:backup-vault:Default`, VaultType: 'BACKUP_VAULT', EncryptionKeyArn: kmsArn(KEY.orders), CreationDate: new Date('2023-01-01T00:00:00Z'), NumberOfRecoveryPoints: 2, Locked: false,
        recoveryPoints: [
          { RecoveryPointArn: `arn:aws:backup:${use1}:${ACCOUNT_ID}:recovery-point:0a1b2c3d-0000-4000-8000-000000000001`, BackupVaultName: 'Default', ResourceType: 'EFS', ResourceArn: `arn:aws:elasticfilesystem:${use1}:${ACCOUNT_ID}:file-system/fs-0a1b2c3d4e5f00001`, Status: 'COMPLETED', IsEncrypted: true, EncryptionKeyArn: kmsArn(KEY.orders), CreationDate: new Date('2026-01-14T05:00:00Z') },
          { RecoveryPointArn: `arn:aws:backup:${use1}:${ACCOUNT_ID}:recovery-point:0a1b2c3d-0000-4000-8000-000000000002`, BackupVaultName: 'Default', ResourceType: 'DynamoDB', ResourceArn: `arn:aws:dynamodb:${use1}:${ACCOUNT_ID}:table/orders`, Status: 'COMPLETED', IsEncrypted: true, EncryptionKeyArn: kmsArn(KEY.orders), CreationDate: new Date('2026-01-14T05:00:00Z') },
        ],
      },
      {
        BackupVaultName: 'legacy-ebs', BackupVaultArn: `arn:aws:backup:${use1}:${ACCOUNT_ID}:backup-vault:legacy-ebs`, VaultType: 'BACKUP_VAULT', EncryptionKeyArn: kmsArn(KEY.awsEbs), CreationDate: new Date('2021-01-01T00:00:00Z'), NumberOfRecoveryPoints: 1, Locked: false,
        recoveryPoints: [
          // EBS backups inherit the volume's encryption: this one came from the unencrypted worker-1 data volume.
          { RecoveryPointArn: `arn:aws:ec2:${use1}::snapshot/snap-0c1d2e3f4a5b70010`, BackupVaultName: 'legacy-ebs', ResourceType: 'EBS', ResourceArn: `arn:aws:ec2:${use1}:${ACCOUNT_ID}:volume/${VOLUME.worker1Data}`, Status: 'COMPLETED', IsEncrypted: false, CreationDate: new Date('2025-11-01T05:00:00Z') },
        ],
      },
    ],
  },
};

const dp = (checkId: string, resource: string, expect: 'FAIL' | 'PASS', note: string, region = use1): PlantedItem => ({ checkId, resource, region, expect, note });

export const dataProtectionPlanted: PlantedItem[] = [
  dp('ec2-volume-encrypted', VOLUME.web1Root, 'PASS', 'encrypted root volume of web-1'),
  dp('ec2-volume-encrypted', VOLUME.worker1Data, 'FAIL', 'unencrypted data volume attached to worker-1'),
  dp('ec2-volume-encrypted', VOLUME.orphan, 'FAIL', 'unencrypted and unattached: still holds data'),
  dp('ec2-volume-encrypted', VOLUME.reportBuilder, 'PASS', 'encrypted, eu-west-1', 'eu-west-1'),
  dp('ec2-snapshot-encrypted', SNAPSHOT.encrypted, 'PASS', 'encrypted snapshot'),
  dp('ec2-snapshot-encrypted', SNAPSHOT.publicPlain, 'FAIL', 'unencrypted snapshot'),
  dp('ec2-snapshot-not-public', SNAPSHOT.publicPlain, 'FAIL', 'createVolumePermission group "all"'),
  dp('ec2-snapshot-not-public', SNAPSHOT.sharedPlain, 'PASS', 'shared with one named account: not public'),
  dp('ec2-snapshot-not-public', SNAPSHOT.encrypted, 'PASS', 'private'),
  dp('ec2-snapshot-not-public', SNAPSHOT.blockedPublic, 'PASS', 'permission "all", but the region blocks all public snapshot sharing', 'eu-west-1'),
  dp('rds-instance-storage-encrypted', RDS.ordersDb, 'PASS', 'StorageEncrypted true'),
  dp('rds-instance-storage-encrypted', RDS.legacyReporting, 'FAIL', 'StorageEncrypted false'),
  dp('rds-instance-backups-enabled', RDS.ordersDb, 'PASS', 'BackupRetentionPeriod 14'),
  dp('rds-instance-backups-enabled', RDS.legacyReporting, 'FAIL', 'BackupRetentionPeriod 0'),
  dp('rds-db-tls-required', RDS.ordersDb, 'PASS', 'custom group orders-pg16 sets rds.force_ssl = 1'),
  dp('rds-db-tls-required', RDS.legacyReporting, 'FAIL', 'default.mysql5.7 leaves require_secure_transport at the engine default, OFF'),
  dp('rds-db-tls-required', 'billing-aurora', 'PASS', 'cluster parameter group sets rds.force_ssl = 1'),
  dp('rds-db-tls-required', 'analytics-aurora', 'FAIL', 'cluster parameter group sets require_secure_transport = OFF'),
  dp('rds-cluster-storage-encrypted', 'billing-aurora', 'PASS', 'StorageEncrypted true'),
  dp('rds-cluster-storage-encrypted', 'analytics-aurora', 'FAIL', 'StorageEncrypted false'),
  dp('rds-snapshot-encrypted', 'rds:orders-db-2026-01-15-03-10', 'PASS', 'automated snapshot of an encrypted instance'),
  dp('rds-snapshot-encrypted', 'legacy-reporting-final', 'FAIL', 'manual snapshot, unencrypted'),
  dp('rds-snapshot-encrypted', 'analytics-aurora-export', 'FAIL', 'cluster snapshot, unencrypted'),
  dp('rds-snapshot-not-public', 'legacy-reporting-final', 'FAIL', 'restore attribute contains "all"'),
  dp('rds-snapshot-not-public', 'orders-db-pre-migration', 'PASS', 'shared with one named account only'),
  dp('rds-snapshot-not-public', 'billing-aurora-monthly', 'PASS', 'private cluster snapshot'),
  dp('rds-snapshot-not-public', 'analytics-aurora-export', 'FAIL', 'public cluster snapshot'),
  dp('efs-file-system-encrypted', 'fs-0a1b2c3d4e5f00001', 'PASS', 'Encrypted true'),
  dp('efs-file-system-encrypted', 'fs-0a1b2c3d4e5f00002', 'FAIL', 'Encrypted false'),
  dp('dynamodb-table-pitr-enabled', 'orders', 'PASS', 'PITR on'),
  dp('dynamodb-table-pitr-enabled', 'sessions', 'FAIL', 'PITR off'),
  dp('dynamodb-table-encryption-key', 'orders', 'PASS', 'context: customer managed key'),
  dp('dynamodb-table-encryption-key', 'sessions', 'PASS', 'context: AWS owned key (no SSEDescription), never a FAIL'),
  dp('dynamodb-table-encryption-key', 'audit-events', 'PASS', 'context: AWS managed key aws/dynamodb'),
  dp('kms-key-rotation-enabled', KEY.orders, 'PASS', 'rotation on'),
  dp('kms-key-rotation-enabled', KEY.legacyApp, 'FAIL', 'customer managed symmetric key, rotation off'),
  dp('kms-key-not-pending-deletion', KEY.oldExport, 'FAIL', 'PendingDeletion'),
  dp('kms-key-not-pending-deletion', KEY.orders, 'PASS', 'Enabled'),
  dp('kms-key-policy-not-public', KEY.legacyApp, 'FAIL', 'Principal {"AWS":"*"} allowed kms:Decrypt, no condition'),
  dp('kms-key-policy-not-public', KEY.partner, 'PASS', 'Principal "*" but restricted by aws:PrincipalOrgID'),
  dp('kms-key-policy-not-public', KEY.orders, 'PASS', 'account root only'),
  dp('logs-log-group-kms-encrypted', '/aws/cloudtrail/org-audit', 'PASS', 'kmsKeyId set'),
  dp('logs-log-group-kms-encrypted', '/aws/lambda/orders-worker', 'FAIL', 'no kmsKeyId'),
  dp('backup-recovery-points-encrypted', 'Default', 'PASS', 'all recovery points encrypted'),
  dp('backup-recovery-points-encrypted', 'legacy-ebs', 'FAIL', 'EBS recovery point of an unencrypted volume'),
];
