/**
 * Fake AWS resources read by more than one area: RDS instances (encryption, backups, engine
 * support, public access), EC2 network interfaces (which security groups are in use) and
 * CloudWatch Logs log groups (retention, KMS).
 */
import { DBInstanceMessage$, type DBInstance } from '@aws-sdk/client-rds';
import { DescribeNetworkInterfacesResult$, type NetworkInterface } from '@aws-sdk/client-ec2';
import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { intParam, paginate } from '../params.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';
import type { FakeAwsExtension } from './types.ts';

/** Regional resources keyed by region name. */
export interface SharedFixture {
  rdsInstances?: Record<string, DBInstance[]>;
  networkInterfaces?: Record<string, NetworkInterface[]>;
  logGroups?: Record<string, LogGroup[]>;
}

const shared = (ctx: OperationContext): SharedFixture => ctx.account.ext?.shared ?? {};

function describeDBInstances(ctx: OperationContext) {
  const all = shared(ctx).rdsInstances?.[ctx.region] ?? [];
  const id = ctx.params.get('DBInstanceIdentifier');
  if (id !== null) {
    const found = all.filter((i) => i.DBInstanceIdentifier === id);
    if (found.length === 0) throw new AwsError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);
    return { DBInstances: found };
  }
  const page = paginate(all, {
    scope: `rds:DescribeDBInstances:${ctx.region}`,
    limit: intParam(ctx.params.get('MaxRecords'), 'MaxRecords', 20, 100) ?? 100,
    token: ctx.params.get('Marker'),
    tokenError: new AwsError('InvalidParameterValue', 'The marker is not valid.'),
  });
  return { DBInstances: page.items, Marker: page.nextToken };
}

function describeNetworkInterfaces(ctx: OperationContext) {
  const all = shared(ctx).networkInterfaces?.[ctx.region] ?? [];
  const page = paginate(all, {
    scope: `ec2:DescribeNetworkInterfaces:${ctx.region}`,
    limit: intParam(ctx.params.get('MaxResults'), 'maxResults', 5, 1000),
    token: ctx.params.get('NextToken'),
    tokenError: new AwsError('InvalidPaginationToken', 'The specified pagination token is not valid or is expired.'),
  });
  return { NetworkInterfaces: page.items, NextToken: page.nextToken };
}

function describeLogGroups(ctx: OperationContext) {
  const all = shared(ctx).logGroups?.[ctx.region] ?? [];
  const limit = typeof ctx.json.limit === 'number' ? ctx.json.limit : 50;
  if (limit < 1 || limit > 50) throw new AwsError('InvalidParameterException', 'limit must be between 1 and 50');
  const page = paginate(all, {
    scope: `logs:DescribeLogGroups:${ctx.region}`,
    limit,
    token: typeof ctx.json.nextToken === 'string' ? ctx.json.nextToken : null,
    tokenError: new AwsError('InvalidParameterException', 'The specified nextToken is invalid.'),
  });
  return page.nextToken ? { logGroups: page.items, nextToken: page.nextToken } : { logGroups: page.items };
}

const rds: ServiceModule = {
  name: 'rds',
  protocol: 'query',
  xmlNamespace: 'http://rds.amazonaws.com/doc/2014-10-31/',
  regionNotEnabled: () => new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
  operations: {
    DescribeDBInstances: { output: DBInstanceMessage$, handle: describeDBInstances },
  },
};

const logs: ServiceModule = {
  name: 'logs',
  protocol: 'json',
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400),
  operations: {
    DescribeLogGroups: { handle: describeLogGroups },
  },
};

export const sharedExtension: FakeAwsExtension = {
  services: [rds, logs],
  operations: {
    ec2: { DescribeNetworkInterfaces: { output: DescribeNetworkInterfacesResult$, handle: describeNetworkInterfaces } },
  },
};
