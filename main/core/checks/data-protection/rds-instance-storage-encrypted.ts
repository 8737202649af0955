import type { DBInstance } from '@aws-sdk/client-rds';
import { evidence, finding, missingField } from '../helpers.ts';
import type { Check } from '../types.ts';
import { arn, eachRegion } from './support/regional.ts';

const meta = {
  id: 'rds-instance-storage-encrypted',
  title: 'RDS database instances are encrypted at rest',
  area: 'data-protection',
  service: 'rds',
  severity: 'medium',
  responsibility:
    'Encrypting your databases is your job. An RDS instance must be created with storage encryption so its data, logs, automated backups, read replicas and snapshots are all encrypted.',
  risk: 'Without storage encryption the database files, backups and snapshots are readable by anyone who obtains a copy; encryption cannot be switched on for an existing instance.',
  remediation: {
    console: 'RDS console > the instance > Actions > Take snapshot; copy the snapshot with encryption enabled; restore a new instance from the encrypted copy and move the application to it.',
    cli: 'aws rds create-db-snapshot --db-instance-identifier <db> --db-snapshot-identifier <snap>\naws rds copy-db-snapshot --source-db-snapshot-identifier <snap> --target-db-snapshot-identifier <snap>-enc --kms-key-id <key>\naws rds restore-db-instance-from-db-snapshot --db-instance-identifier <db>-enc --db-snapshot-identifier <snap>-enc',
    terraform: 'resource "aws_db_instance" "this" {\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.db.arn\n  # ...\n}',
  },
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'],
} as const satisfies Check['meta'];

export const rdsInstanceStorageEncrypted: Check = {
  meta,
  needs: ['rds:DescribeDBInstances'],
  evaluate(snap) {
    return eachRegion<DBInstance>(meta, snap, 'rds:DescribeDBInstances', { label: 'RDS DB instances', applies: (d) => d.DBInstanceStatus !== 'deleting' }, (d, read, region) => {
      const id = d.DBInstanceIdentifier ?? '';
      const resource = { id, arn: d.DBInstanceArn ?? arn(snap, region, 'rds', `db:${id}`), name: id, region };
      const proof = [evidence(read, { DBInstanceIdentifier: id, Engine: d.Engine, StorageEncrypted: d.StorageEncrypted, KmsKeyId: d.KmsKeyId })];
      if (d.StorageEncrypted === true) return finding(meta, snap, resource, 'PASS', `${id} (${d.Engine ?? 'engine unknown'}) is encrypted at rest.`, proof);
      if (d.StorageEncrypted === false) return finding(meta, snap, resource, 'FAIL', `${id} (${d.Engine ?? 'engine unknown'}) is not encrypted at rest.`, proof);
      return missingField(meta, snap, resource, read, 'StorageEncrypted');
    });
  },
};
