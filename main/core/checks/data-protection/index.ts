/** The checks of this area, one file each; the top-level registry test proves every file is listed. */
import { backupRecoveryPointsEncrypted } from './backup-recovery-points-encrypted.ts';
import { dynamodbTableEncryptionKey } from './dynamodb-table-encryption-key.ts';
import { dynamodbTablePitrEnabled } from './dynamodb-table-pitr-enabled.ts';
import { ec2EbsDefaultEncryption } from './ec2-ebs-default-encryption.ts';
import { ec2SnapshotEncrypted } from './ec2-snapshot-encrypted.ts';
import { ec2SnapshotNotPublic } from './ec2-snapshot-not-public.ts';
import { ec2VolumeEncrypted } from './ec2-volume-encrypted.ts';
import { efsFileSystemEncrypted } from './efs-file-system-encrypted.ts';
import { kmsKeyNotPendingDeletion } from './kms-key-not-pending-deletion.ts';
import { kmsKeyPolicyNotPublic } from './kms-key-policy-not-public.ts';
import { kmsKeyRotationEnabled } from './kms-key-rotation-enabled.ts';
import { logsLogGroupKmsEncrypted } from './logs-log-group-kms-encrypted.ts';
import { rdsClusterStorageEncrypted } from './rds-cluster-storage-encrypted.ts';
import { rdsDbTlsRequired } from './rds-db-tls-required.ts';
import { rdsInstanceBackupsEnabled } from './rds-instance-backups-enabled.ts';
import { rdsInstanceStorageEncrypted } from './rds-instance-storage-encrypted.ts';
import { rdsSnapshotEncrypted } from './rds-snapshot-encrypted.ts';
import { rdsSnapshotNotPublic } from './rds-snapshot-not-public.ts';
import type { Check } from '../types.ts';

export const dataProtectionChecks: Check[] = [
  ec2EbsDefaultEncryption,
  ec2VolumeEncrypted,
  ec2SnapshotEncrypted,
  ec2SnapshotNotPublic,
  rdsInstanceStorageEncrypted,
  rdsClusterStorageEncrypted,
  rdsSnapshotEncrypted,
  rdsSnapshotNotPublic,
  rdsDbTlsRequired,
  rdsInstanceBackupsEnabled,
  efsFileSystemEncrypted,
  dynamodbTablePitrEnabled,
  dynamodbTableEncryptionKey,
  kmsKeyRotationEnabled,
  kmsKeyNotPendingDeletion,
  kmsKeyPolicyNotPublic,
  logsLogGroupKmsEncrypted,
  backupRecoveryPointsEncrypted,
];
