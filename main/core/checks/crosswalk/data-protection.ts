/**
 * Framework requirements tested by the data-protection checks. Only ids verified against the
 * framework's own text: FSBP and CIS v3.0/v5.0 from the "Related requirements" of each Security Hub
 * control page; CIS v4.0 (which Security Hub does not implement) from the benchmark's v4.0.1
 * recommendation list. CIS v5.0 5.1.1 is EC2.7's.
 */
import type { Crosswalk } from './types.ts';

export const dataProtectionCrosswalk: Crosswalk = {
  fsbp: {
    'EC2.7': ['ec2-ebs-default-encryption'],
    'EC2.3': ['ec2-volume-encrypted'],
    'EC2.1': ['ec2-snapshot-not-public'],
    'RDS.1': ['rds-snapshot-not-public'],
    'RDS.3': ['rds-instance-storage-encrypted'],
    'RDS.4': ['rds-snapshot-encrypted'],
    'RDS.27': ['rds-cluster-storage-encrypted'],
    'EFS.1': ['efs-file-system-encrypted'],
    'DynamoDB.2': ['dynamodb-table-pitr-enabled'],
    'KMS.3': ['kms-key-not-pending-deletion'],
    'KMS.4': ['kms-key-rotation-enabled'],
    'KMS.5': ['kms-key-policy-not-public'],
    'Backup.1': ['backup-recovery-points-encrypted'],
  },
  'cis-3.0': {
    '2.2.1': ['ec2-ebs-default-encryption'],
    '2.3.1': ['rds-instance-storage-encrypted'],
    '2.4.1': ['efs-file-system-encrypted'],
    '3.6': ['kms-key-rotation-enabled'],
  },
  'cis-4.0': {
    '5.1.1': ['ec2-ebs-default-encryption'],
    '2.2.1': ['rds-instance-storage-encrypted'],
    '2.3.1': ['efs-file-system-encrypted'],
    '3.6': ['kms-key-rotation-enabled'],
  },
  'cis-5.0': {
    '5.1.1': ['ec2-ebs-default-encryption'],
    '2.2.1': ['rds-instance-storage-encrypted'],
    '2.3.1': ['efs-file-system-encrypted'],
    '3.6': ['kms-key-rotation-enabled'],
  },
};
