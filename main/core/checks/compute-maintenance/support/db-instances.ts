/** One finding per RDS DB instance of each region, from the shared rds:DescribeDBInstances dataset. */
import type { DBInstance } from '@aws-sdk/client-rds';
import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { Finding } from '../../../../../shared/model/finding.ts';
import type { Snapshot } from '../../../engine/snapshot.ts';
import type { OkRead } from '../../../maintenance/data.ts';
import { accountResource, finding, notAssessed, type Resource } from '../../helpers.ts';

/** DescribeDBInstances also lists Neptune and DocumentDB instances, which have their own version policies. */
const OTHER_SERVICES = new Set(['neptune', 'docdb']);

export function perDbInstance(
  meta: CheckMeta,
  snap: Snapshot,
  evaluate: (c: { db: DBInstance; resource: Resource; read: OkRead<DBInstance[]> }) => Finding,
): Finding[] {
  return snap.meta.regions.flatMap((region) => {
    const read = snap.read<DBInstance[]>('rds:DescribeDBInstances', region);
    const where = accountResource(snap, region, `RDS DB instances (${region})`);
    if (!read.ok) return [notAssessed(meta, snap, where, read)];
    const dbs = read.data.filter((d) => !OTHER_SERVICES.has(d.Engine ?? ''));
    if (dbs.length === 0) return [finding(meta, snap, where, 'NOT_APPLICABLE', `No RDS DB instances in ${region}.`)];
    return dbs.map((db) => {
      const id = db.DBInstanceIdentifier ?? '';
      return evaluate({ db, read, resource: { id, arn: db.DBInstanceArn ?? '', name: id, region } });
    });
  });
}
