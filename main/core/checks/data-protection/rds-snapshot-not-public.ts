import type { DBClusterSnapshot, DBSnapshot } from '@aws-sdk/client-rds';
import type { SnapshotAttributes } from '../../collect/rds-storage.ts';
import type { Snapshot } from '../../engine/snapshot.ts';
import { evidence, finding, missingField, notAssessed, type Resource } from '../helpers.ts';
import type { Check } from '../types.ts';
import { arn, eachRegionOf, type RegionalPart } from './support/regional.ts';

const meta = {
  id: 'rds-snapshot-not-public',
  title: 'RDS DB and cluster snapshots are not public',
  area: 'data-protection',
  service: 'rds',
  severity: 'critical',
  responsibility:
    'Deciding who can use your data is your job. A manual RDS or Aurora snapshot whose "restore" attribute contains "all" can be restored by any AWS account in the world.',
  risk: 'Anyone can restore a public snapshot into their own account and read the whole database.',
  remediation: {
    console: 'RDS console > Snapshots > select > Actions > Share snapshot > DB snapshot visibility: Private.',
    cli: 'aws rds modify-db-snapshot-attribute --db-snapshot-identifier <snap> --attribute-name restore --values-to-remove all\naws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier <snap> --attribute-name restore --values-to-remove all',
  },
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html'],
} as const satisfies Check['meta'];

function judge(snap: Snapshot, resource: Resource, dataset: string, kind: string): ReturnType<typeof finding> {
  const read = snap.read<SnapshotAttributes[] | null>(dataset, resource.region, resource.id);
  if (!read.ok) return notAssessed(meta, snap, resource, read);
  if (read.data === null) return missingField(meta, snap, resource, read, 'SnapshotAttributes');
  const restore = read.data.find((a) => a.AttributeName === 'restore')?.AttributeValues ?? [];
  const proof = [evidence(read, read.data)];
  if (restore.includes('all')) {
    return finding(meta, snap, resource, 'FAIL', `The manual ${kind} ${resource.id} is public: its "restore" attribute contains "all", so any AWS account can restore it.`, proof);
  }
  const shared = restore.length > 0 ? `shared with ${restore.length} specific account${restore.length === 1 ? '' : 's'}, not public` : 'private';
  return finding(meta, snap, resource, 'PASS', `The manual ${kind} ${resource.id} is ${shared}.`, proof);
}

export const rdsSnapshotNotPublic: Check = {
  meta,
  needs: ['rds:DescribeDBSnapshots', 'rds:DescribeDBSnapshotAttributes', 'rds:DescribeDBClusterSnapshots', 'rds:DescribeDBClusterSnapshotAttributes'],
  evaluate(snap) {
    // Only manual snapshots can be shared; automated ones are always private.
    const db: RegionalPart<DBSnapshot> = {
      dataset: 'rds:DescribeDBSnapshots',
      label: 'manual RDS snapshots',
      applies: (s) => s.SnapshotType === 'manual',
      evaluate: (s, _read, region) => {
        const id = s.DBSnapshotIdentifier ?? '';
        return judge(snap, { id, arn: s.DBSnapshotArn ?? arn(snap, region, 'rds', `snapshot:${id}`), name: id, region }, 'rds:DescribeDBSnapshotAttributes', 'DB snapshot');
      },
    };
    const cluster: RegionalPart<DBClusterSnapshot> = {
      dataset: 'rds:DescribeDBClusterSnapshots',
      label: 'manual RDS cluster snapshots',
      applies: (s) => s.SnapshotType === 'manual',
      evaluate: (s, _read, region) => {
        const id = s.DBClusterSnapshotIdentifier ?? '';
        const resource = { id, arn: s.DBClusterSnapshotArn ?? arn(snap, region, 'rds', `cluster-snapshot:${id}`), name: id, region };
        return judge(snap, resource, 'rds:DescribeDBClusterSnapshotAttributes', 'cluster snapshot');
      },
    };
    return eachRegionOf(meta, snap, 'manual RDS DB or cluster snapshots', [db, cluster] as RegionalPart<unknown>[]);
  },
};
