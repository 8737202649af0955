import type { DBClusterSnapshot, DBSnapshot } from '@aws-sdk/client-rds';
import { evidence, finding, missingField } from '../helpers.ts';
import type { Check } from '../types.ts';
import { arn, eachRegionOf, type OkRead, type RegionalPart } from './support/regional.ts';

const meta = {
  id: 'rds-snapshot-encrypted',
  title: 'RDS DB and cluster snapshots are encrypted',
  area: 'data-protection',
  service: 'rds',
  severity: 'medium',
  responsibility:
    'Protecting your backups is your job. RDS and Aurora snapshots hold a full copy of the database and should be encrypted, so a copied or shared snapshot cannot be read without the key.',
  risk: 'An unencrypted snapshot can be restored and read by anyone it reaches; snapshots outlive the database they came from.',
  remediation: {
    console: 'RDS console > Snapshots > select > Actions > Copy snapshot > Enable encryption; delete the unencrypted snapshot once the copy is verified.',
    cli: 'aws rds copy-db-snapshot --source-db-snapshot-identifier <snap> --target-db-snapshot-identifier <snap>-enc --kms-key-id <key>\naws rds copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier <snap> --target-db-cluster-snapshot-identifier <snap>-enc --kms-key-id <key>',
  },
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_CopySnapshot.html'],
} as const satisfies Check['meta'];

type AnySnapshot = { id: string; arn: string; kind: string; field: string; source?: string; type?: string; encrypted?: boolean; key?: string };

function judge(snap: Parameters<Check['evaluate']>[0], s: AnySnapshot, read: OkRead<unknown[]>, region: string) {
  const resource = { id: s.id, arn: s.arn, name: s.id, region };
  const proof = [evidence(read, { Identifier: s.id, Source: s.source, SnapshotType: s.type, StorageEncrypted: s.encrypted, KmsKeyId: s.key })];
  const what = `${s.type ?? ''} ${s.kind} ${s.id}${s.source ? ` (of ${s.source})` : ''}`.trim();
  if (s.encrypted === true) return finding(meta, snap, resource, 'PASS', `The ${what} is encrypted.`, proof);
  if (s.encrypted === false) return finding(meta, snap, resource, 'FAIL', `The ${what} is not encrypted.`, proof);
  return missingField(meta, snap, resource, read, s.field);
}

export const rdsSnapshotEncrypted: Check = {
  meta,
  needs: ['rds:DescribeDBSnapshots', 'rds:DescribeDBClusterSnapshots'],
  evaluate(snap) {
    const db: RegionalPart<DBSnapshot> = {
      dataset: 'rds:DescribeDBSnapshots',
      label: 'RDS snapshots',
      evaluate: (s, read, region) => {
        const id = s.DBSnapshotIdentifier ?? '';
        const a = s.DBSnapshotArn ?? arn(snap, region, 'rds', `snapshot:${id}`);
        return judge(snap, { id, arn: a, kind: 'DB snapshot', field: 'Encrypted', source: s.DBInstanceIdentifier, type: s.SnapshotType, encrypted: s.Encrypted, key: s.KmsKeyId }, read, region);
      },
    };
    const cluster: RegionalPart<DBClusterSnapshot> = {
      dataset: 'rds:DescribeDBClusterSnapshots',
      label: 'RDS cluster snapshots',
      evaluate: (s, read, region) => {
        const id = s.DBClusterSnapshotIdentifier ?? '';
        const a = s.DBClusterSnapshotArn ?? arn(snap, region, 'rds', `cluster-snapshot:${id}`);
        return judge(snap, { id, arn: a, kind: 'cluster snapshot', field: 'StorageEncrypted', source: s.DBClusterIdentifier, type: s.SnapshotType, encrypted: s.StorageEncrypted, key: s.KmsKeyId }, read, region);
      },
    };
    return eachRegionOf(meta, snap, 'RDS DB or cluster snapshots', [db, cluster] as RegionalPart<unknown>[]);
  },
};
