/**
 * Datasets read by more than one area. Like every list dataset, each stores the SDK's own item
 * array (pages merged): DBInstance[], NetworkInterface[], LogGroup[].
 */
import { DescribeLogGroupsCommand, type DescribeLogGroupsCommandOutput, type LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeNetworkInterfacesCommand, type DescribeNetworkInterfacesCommandOutput, type NetworkInterface } from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, type DBInstance, type DescribeDBInstancesCommandOutput } from '@aws-sdk/client-rds';
import { collectPages } from './paginate.ts';
import type { DatasetDef } from './types.ts';

export const sharedServiceDatasets: DatasetDef[] = [
  {
    id: 'rds:DescribeDBInstances',
    service: 'rds',
    scope: 'regional',
    iamActions: ['rds:DescribeDBInstances'],
    collect(ctx) {
      const client = ctx.session.client('rds', ctx.region);
      return collectPages<DescribeDBInstancesCommandOutput, DBInstance>(
        (Marker) => ctx.send(client, new DescribeDBInstancesCommand({ Marker, MaxRecords: 100 })),
        (page) => page.DBInstances,
        (page) => page.Marker,
      );
    },
  },
  {
    id: 'ec2:DescribeNetworkInterfaces',
    service: 'ec2',
    scope: 'regional',
    iamActions: ['ec2:DescribeNetworkInterfaces'],
    collect(ctx) {
      const client = ctx.session.client('ec2', ctx.region);
      return collectPages<DescribeNetworkInterfacesCommandOutput, NetworkInterface>(
        (NextToken) => ctx.send(client, new DescribeNetworkInterfacesCommand({ NextToken, MaxResults: 1000 })),
        (page) => page.NetworkInterfaces,
        (page) => page.NextToken,
      );
    },
  },
  {
    id: 'logs:DescribeLogGroups',
    service: 'logs',
    scope: 'regional',
    iamActions: ['logs:DescribeLogGroups'],
    collect(ctx) {
      const client = ctx.session.client('logs', ctx.region);
      return collectPages<DescribeLogGroupsCommandOutput, LogGroup>(
        (nextToken) => ctx.send(client, new DescribeLogGroupsCommand({ nextToken, limit: 50 })),
        (page) => page.logGroups,
        (page) => page.nextToken,
      );
    },
  },
];
