/**
 * The VPC fabric the network checks and the exposure view read: VPCs, subnets, route tables,
 * network ACLs, flow logs and peering connections. Each dataset stores the SDK's own item array
 * with pages merged. MaxResults 100 is inside every one of these operations' allowed ranges
 * (route tables and network ACLs accept at most 100).
 */
import {
  DescribeFlowLogsCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import { collectPages } from './paginate.ts';
import type { CollectContext, DatasetDef } from './types.ts';

const PAGE = 100;

type Command = DescribeVpcsCommand | DescribeSubnetsCommand | DescribeRouteTablesCommand | DescribeNetworkAclsCommand | DescribeFlowLogsCommand | DescribeVpcPeeringConnectionsCommand;

/** A regional ec2 list dataset: `key` names the list in each page (Vpcs, Subnets, ...). */
function ec2List(operation: string, make: (input: { NextToken?: string; MaxResults: number }) => Command, key: string): DatasetDef {
  return {
    id: `ec2:${operation}`,
    service: 'ec2',
    scope: 'regional',
    iamActions: [`ec2:${operation}`],
    collect(ctx: CollectContext) {
      const client = ctx.session.client('ec2', ctx.region);
      return collectPages<Record<string, unknown>, unknown>(
        (NextToken) => ctx.send(client, make({ NextToken, MaxResults: PAGE })),
        (page) => page[key] as unknown[] | undefined,
        (page) => page.NextToken as string | undefined,
      );
    },
  };
}

export const ec2NetworkDatasets: DatasetDef[] = [
  ec2List('DescribeVpcs', (i) => new DescribeVpcsCommand(i), 'Vpcs'),
  ec2List('DescribeSubnets', (i) => new DescribeSubnetsCommand(i), 'Subnets'),
  ec2List('DescribeRouteTables', (i) => new DescribeRouteTablesCommand(i), 'RouteTables'),
  ec2List('DescribeNetworkAcls', (i) => new DescribeNetworkAclsCommand(i), 'NetworkAcls'),
  ec2List('DescribeFlowLogs', (i) => new DescribeFlowLogsCommand(i), 'FlowLogs'),
  ec2List('DescribeVpcPeeringConnections', (i) => new DescribeVpcPeeringConnectionsCommand(i), 'VpcPeeringConnections'),
];
