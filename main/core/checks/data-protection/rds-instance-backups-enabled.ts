import type { DBInstance } from '@aws-sdk/client-rds';
import { evidence, finding, missingField } from '../helpers.ts';
import type { Check } from '../types.ts';
import { arn, eachRegion } from './support/regional.ts';

const meta = {
  id: 'rds-instance-backups-enabled',
  title: 'RDS database instances keep automated backups',
  area: 'data-protection',
  service: 'rds',
  severity: 'medium',
  responsibility:
    'Backing up your data is your job. AWS runs the database, but automated backups (and point-in-time restore) only exist if the instance has a backup retention period of at least one day.',
  risk: 'With a retention period of 0 there are no automated backups and no point-in-time restore: a bad deployment, a deleted table or ransomware cannot be undone.',
  remediation: {
    console: 'RDS console > the instance > Modify > Backup > Backup retention period: 7 days or more > Apply.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db> --backup-retention-period 7 --apply-immediately',
    terraform: 'resource "aws_db_instance" "this" {\n  backup_retention_period = 7\n  # ...\n}',
  },
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html'],
} as const satisfies Check['meta'];

export const rdsInstanceBackupsEnabled: Check = {
  meta,
  needs: ['rds:DescribeDBInstances'],
  evaluate(snap) {
    return eachRegion<DBInstance>(meta, snap, 'rds:DescribeDBInstances', { label: 'RDS DB instances', applies: (d) => d.DBInstanceStatus !== 'deleting' }, (d, read, region) => {
      const id = d.DBInstanceIdentifier ?? '';
      const resource = { id, arn: d.DBInstanceArn ?? arn(snap, region, 'rds', `db:${id}`), name: id, region };
      const days = d.BackupRetentionPeriod;
      const proof = [evidence(read, { DBInstanceIdentifier: id, Engine: d.Engine, BackupRetentionPeriod: days, DBClusterIdentifier: d.DBClusterIdentifier, ReadReplicaSourceDBInstanceIdentifier: d.ReadReplicaSourceDBInstanceIdentifier })];
      // Cluster members are backed up by the cluster; a read replica's data is backed up at its source.
      if (d.DBClusterIdentifier) {
        return finding(meta, snap, resource, 'NOT_APPLICABLE', `${id} belongs to cluster ${d.DBClusterIdentifier}, whose backups cover it.`, proof);
      }
      const source = d.ReadReplicaSourceDBInstanceIdentifier ?? d.ReadReplicaSourceDBClusterIdentifier;
      if (source && days === 0) return finding(meta, snap, resource, 'NOT_APPLICABLE', `${id} is a read replica of ${source}; the source's backups protect its data.`, proof);
      if (typeof days !== 'number') return missingField(meta, snap, resource, read, 'BackupRetentionPeriod');
      if (days === 0) return finding(meta, snap, resource, 'FAIL', `${id} has automated backups turned off (BackupRetentionPeriod 0): no backups and no point-in-time restore.`, proof);
      return finding(meta, snap, resource, 'PASS', `${id} keeps automated backups for ${days} day${days === 1 ? '' : 's'}.`, proof);
    });
  },
};
