import type { DBInstance } from '@aws-sdk/client-rds';
import { accountResource, evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'rds-instance-public-access',
  title: 'RDS instances are not publicly accessible',
  area: 'network',
  service: 'rds',
  severity: 'critical',
  responsibility:
    'Keeping databases off the internet is your job. RDS instances should be created with public accessibility turned off so their endpoint resolves only to a private address.',
  risk: 'A publicly accessible database is one security group rule away from the internet, where database ports are scanned and credentials brute-forced constantly.',
  remediation: {
    console: 'RDS console > Databases > select > Modify > Connectivity > Additional configuration > Public access: Not publicly accessible > Apply immediately.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <id> --no-publicly-accessible --apply-immediately',
    terraform: 'resource "aws_db_instance" "db" {\n  # ...\n  publicly_accessible = false\n}',
  },
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html',
  ],
} as const satisfies Check['meta'];

export const rdsInstancePublicAccess: Check = {
  meta,
  needs: ['rds:DescribeDBInstances'],
  evaluate(snap) {
    return snap.meta.regions.flatMap((region) => {
      const label = `RDS instances (${region})`;
      const read = snap.read<DBInstance[]>('rds:DescribeDBInstances', region);
      if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, region, label), read)];
      if (read.data.length === 0) return [finding(meta, snap, accountResource(snap, region, label), 'NOT_APPLICABLE', `No RDS instances in ${region}.`)];
      return read.data.map((db) => {
        const id = db.DBInstanceIdentifier ?? '';
        const resource = { id, arn: db.DBInstanceArn ?? `arn:${snap.meta.partition}:rds:${region}:${snap.meta.accountId}:db:${id}`, name: id, region };
        const proof = [evidence(read, { DBInstanceIdentifier: id, Engine: db.Engine, PubliclyAccessible: db.PubliclyAccessible, Endpoint: db.Endpoint, VpcSecurityGroups: db.VpcSecurityGroups })];
        if (db.PubliclyAccessible === false) return finding(meta, snap, resource, 'PASS', `${id} is not publicly accessible.`, proof);
        if (db.PubliclyAccessible === true) {
          return finding(meta, snap, resource, 'FAIL', `${id} (${db.Engine ?? 'engine unknown'}) is publicly accessible: its endpoint resolves to a public address. Whether its security groups let the internet in is in rds-instance-internet-exposure.`, proof);
        }
        return missingField(meta, snap, resource, read, 'PubliclyAccessible');
      });
    });
  },
};
