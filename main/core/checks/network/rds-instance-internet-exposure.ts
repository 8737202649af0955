import type { SecurityGroup } from '@aws-sdk/client-ec2';
import type { DBInstance } from '@aws-sdk/client-rds';
import { exposureRows, NETWORK_DATASETS, networkReads, rdsSubject } from '../../exposure/view.ts';
import { accountResource, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { exposureFinding } from './support/exposure-finding.ts';

const meta = {
  id: 'rds-instance-internet-exposure',
  title: 'RDS instances are not reachable from the internet',
  area: 'network',
  service: 'rds',
  severity: 'critical',
  responsibility:
    'Keeping your databases off the internet is your job. A database is reachable when it is publicly accessible, a security group opens its port to the world, and its subnet\'s network ACL and route to an internet gateway let the traffic in.',
  risk: 'A database port reachable from anywhere is found by scanners within hours and attacked with credential stuffing and engine exploits.',
  remediation: {
    console: 'RDS console > Databases > select > Modify > Public access: Not publicly accessible; and remove 0.0.0.0/0 or ::/0 rules for the database port from its security groups.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <id> --no-publicly-accessible --apply-immediately',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  ],
} as const satisfies Check['meta'];

export const rdsInstanceInternetExposure: Check = {
  meta,
  needs: ['rds:DescribeDBInstances', ...NETWORK_DATASETS],
  evaluate(snap, ctx) {
    return snap.meta.regions.flatMap((region) => {
      const label = `RDS instances (${region})`;
      const dbs = snap.read<DBInstance[]>('rds:DescribeDBInstances', region);
      if (!dbs.ok) return [notAssessed(meta, snap, accountResource(snap, region, label), dbs)];
      if (dbs.data.length === 0) return [finding(meta, snap, accountResource(snap, region, label), 'NOT_APPLICABLE', `No RDS instances in ${region}.`)];
      const sgs = snap.read<SecurityGroup[]>('ec2:DescribeSecurityGroups', region);
      if (!sgs.ok) return [notAssessed(meta, snap, accountResource(snap, region, label), sgs)];
      const groups = new Map(sgs.data.map((g) => [g.GroupId ?? '', g]));
      const net = networkReads(snap, region);
      return dbs.data.map((db) => {
        const id = db.DBInstanceIdentifier ?? '';
        const resource = { id, arn: db.DBInstanceArn ?? `arn:${snap.meta.partition}:rds:${region}:${snap.meta.accountId}:db:${id}`, name: id, region };
        const { rows, missingGroups } = exposureRows(rdsSubject(region, db), groups, net, ctx.authorizedPorts);
        const excerpt = { DBInstanceIdentifier: id, PubliclyAccessible: db.PubliclyAccessible, Endpoint: db.Endpoint, AvailabilityZone: db.AvailabilityZone, VpcSecurityGroups: db.VpcSecurityGroups, DBSubnetGroup: db.DBSubnetGroup };
        return exposureFinding(meta, snap, resource, { rows, missingGroups, groups: sgs, subject: { read: dbs, excerpt }, net });
      });
    });
  },
};
