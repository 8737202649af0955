/**
 * Fake AWS operations and services added for the data-protection checks: EBS volumes and
 * snapshots, RDS clusters/snapshots/parameter groups, KMS, EFS, DynamoDB and AWS Backup. Fixture
 * data is typed with the SDK's own output types; the few extra fields (a snapshot's sharing, a
 * key's rotation and policy, a table's PITR) say what the other calls about the resource answer.
 */
import type { Parameter, DBCluster, DBClusterSnapshot, DBSnapshot } from '@aws-sdk/client-rds';
import type { CreateVolumePermission, Snapshot, Volume } from '@aws-sdk/client-ec2';
import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { FileSystemDescription } from '@aws-sdk/client-efs';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { BackupVaultListMember, RecoveryPointByBackupVault } from '@aws-sdk/client-backup';
import { backup } from './backup.ts';
import { dynamodb } from './dynamodb.ts';
import { ec2StorageOperations } from './ec2-storage.ts';
import { efs } from './efs.ts';
import { kms } from './kms.ts';
import { rdsStorageOperations } from './rds-storage.ts';
import type { FakeAwsExtension } from './types.ts';

export type FakeEbsSnapshot = Snapshot & { createVolumePermissions?: CreateVolumePermission[] };
/** `restore`: the accounts in the snapshot's "restore" attribute ("all" = public). */
export type FakeDbSnapshot = DBSnapshot & { restore?: string[] };
export type FakeDbClusterSnapshot = DBClusterSnapshot & { restore?: string[] };
/** `rotation`: GetKeyRotationStatus; `policy`: the key policy document (JSON text). */
export interface FakeKmsKey {
  metadata: KeyMetadata;
  rotation?: boolean;
  policy?: string;
  /** Alias names (alias/...) pointing at the key. */
  aliases?: string[];
}
/** `pitr`: point-in-time recovery on (DescribeContinuousBackups). */
export type FakeTable = TableDescription & { pitr?: boolean };
export type FakeBackupVault = BackupVaultListMember & { recoveryPoints?: RecoveryPointByBackupVault[] };

/** This area's part of a FakeAccount (account.ext.dataProtection); regional data keyed by region name. */
export interface DataProtectionFixture {
  volumes?: Record<string, Volume[]>;
  /** Snapshots in the region: the account's own and, to prove OwnerIds=self is sent, other accounts' public ones. */
  snapshots?: Record<string, FakeEbsSnapshot[]>;
  /** GetSnapshotBlockPublicAccessState per region; absent: "unblocked" (the default). */
  snapshotBlockPublicAccess?: Record<string, 'block-all-sharing' | 'block-new-sharing' | 'unblocked'>;
  rdsClusters?: Record<string, DBCluster[]>;
  rdsSnapshots?: Record<string, FakeDbSnapshot[]>;
  rdsClusterSnapshots?: Record<string, FakeDbClusterSnapshot[]>;
  /** Parameter groups by region, then by name: every parameter the group lists. */
  rdsParameterGroups?: Record<string, Record<string, Parameter[]>>;
  rdsClusterParameterGroups?: Record<string, Record<string, Parameter[]>>;
  kmsKeys?: Record<string, FakeKmsKey[]>;
  fileSystems?: Record<string, FileSystemDescription[]>;
  tables?: Record<string, FakeTable[]>;
  backupVaults?: Record<string, FakeBackupVault[]>;
}

export const dataProtectionExtension: FakeAwsExtension = {
  services: [kms, efs, dynamodb, backup],
  operations: { ec2: ec2StorageOperations, rds: rdsStorageOperations },
};
