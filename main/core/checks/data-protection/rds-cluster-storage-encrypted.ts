import type { DBCluster } from '@aws-sdk/client-rds';
import { evidence, finding, missingField } from '../helpers.ts';
import type { Check } from '../types.ts';
import { arn, eachRegion } from './support/regional.ts';

const meta = {
  id: 'rds-cluster-storage-encrypted',
  title: 'RDS and Aurora DB clusters are encrypted at rest',
  area: 'data-protection',
  service: 'rds',
  severity: 'medium',
  responsibility:
    'Encrypting your databases is your job. An Aurora or Multi-AZ DB cluster must be created with storage encryption so its shared cluster volume, backups and snapshots are encrypted.',
  risk: 'An unencrypted cluster keeps its data, backups and snapshots readable by anyone who obtains a copy; encryption cannot be added to an existing cluster.',
  remediation: {
    console: 'RDS console > the cluster > Actions > Take snapshot; restore the snapshot to a new cluster with encryption enabled (or copy it with encryption first) and move the application to it.',
    cli: 'aws rds create-db-cluster-snapshot --db-cluster-identifier <cluster> --db-cluster-snapshot-identifier <snap>\naws rds copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier <snap> --target-db-cluster-snapshot-identifier <snap>-enc --kms-key-id <key>',
    terraform: 'resource "aws_rds_cluster" "this" {\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.db.arn\n  # ...\n}',
  },
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html'],
} as const satisfies Check['meta'];

export const rdsClusterStorageEncrypted: Check = {
  meta,
  needs: ['rds:DescribeDBClusters'],
  evaluate(snap) {
    return eachRegion<DBCluster>(meta, snap, 'rds:DescribeDBClusters', { label: 'RDS DB clusters', applies: (c) => c.Status !== 'deleting' }, (c, read, region) => {
      const id = c.DBClusterIdentifier ?? '';
      const resource = { id, arn: c.DBClusterArn ?? arn(snap, region, 'rds', `cluster:${id}`), name: id, region };
      const proof = [evidence(read, { DBClusterIdentifier: id, Engine: c.Engine, StorageEncrypted: c.StorageEncrypted, KmsKeyId: c.KmsKeyId })];
      if (c.StorageEncrypted === true) return finding(meta, snap, resource, 'PASS', `Cluster ${id} (${c.Engine ?? 'engine unknown'}) is encrypted at rest.`, proof);
      if (c.StorageEncrypted === false) return finding(meta, snap, resource, 'FAIL', `Cluster ${id} (${c.Engine ?? 'engine unknown'}) is not encrypted at rest.`, proof);
      return missingField(meta, snap, resource, read, 'StorageEncrypted');
    });
  },
};
