/**
 * Fake EC2 operations for the network checks: DescribeVpcs, DescribeSubnets, DescribeRouteTables,
 * DescribeNetworkAcls, DescribeFlowLogs and DescribeVpcPeeringConnections, with EC2's conventions
 * (ec2Query, ID lists as `VpcId.N`, `Filter.N.Name`/`Value.M`, MaxResults ranges, NextToken paging,
 * `Invalid<Thing>ID.NotFound` errors). Data comes from the account's `ext.network` fixture.
 */
import {
  DescribeFlowLogsResult$,
  DescribeNetworkAclsResult$,
  DescribeRouteTablesResult$,
  DescribeSubnetsResult$,
  DescribeVpcPeeringConnectionsResult$,
  DescribeVpcsResult$,
  type FlowLog,
  type NetworkAcl,
  type RouteTable,
  type Subnet,
  type Vpc,
  type VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import { checkFilters, ec2Filters, intParam, paginate, queryList } from '../params.ts';
import { AwsError, type OperationContext, type OperationOutput } from '../protocol.ts';
import type { FakeAwsExtension } from './types.ts';

/** This area's part of a FakeAccount (account.ext.network); regional data keyed by region name. */
export interface NetworkFixture {
  vpcs?: Record<string, Vpc[]>;
  subnets?: Record<string, Subnet[]>;
  routeTables?: Record<string, RouteTable[]>;
  networkAcls?: Record<string, NetworkAcl[]>;
  flowLogs?: Record<string, FlowLog[]>;
  peeringConnections?: Record<string, VpcPeeringConnection[]>;
}

interface ListSpec<T> {
  operation: string;
  data: (f: NetworkFixture) => Record<string, T[]> | undefined;
  /** Output member holding the list. */
  member: string;
  /** The request's ID list prefix (`VpcId` -> VpcId.1, VpcId.2) and the item's id. */
  idParam: string;
  id: (item: T) => string | undefined;
  /** EC2's error for an unknown id; undefined: unknown ids are simply not returned (DescribeFlowLogs). */
  notFound?: (id: string) => AwsError;
  /** Filter name -> the item's value(s) for it. */
  filters: Record<string, (item: T) => (string | undefined)[]>;
  maxResults: [number, number];
}

function describe<T>(spec: ListSpec<T>): (ctx: OperationContext) => OperationOutput {
  return ({ account, region, params }) => {
    const all = spec.data(account.ext?.network ?? {})?.[region] ?? [];
    const filters = ec2Filters(params);
    checkFilters(filters, Object.keys(spec.filters));
    const ids = queryList(params, spec.idParam);
    const missing = ids.filter((id) => !all.some((item) => spec.id(item) === id));
    const first = missing[0];
    if (spec.notFound && first !== undefined) throw spec.notFound(first);
    const selected = all.filter(
      (item) =>
        (ids.length === 0 || ids.includes(spec.id(item) ?? '')) &&
        [...filters].every(([name, accepted]) => (spec.filters[name]?.(item) ?? []).some((v) => v !== undefined && accepted.includes(v))),
    );
    const page = paginate(selected, {
      scope: `ec2:${spec.operation}:${region}`,
      limit: intParam(params.get('MaxResults'), 'maxResults', spec.maxResults[0], spec.maxResults[1]),
      token: params.get('NextToken'),
      tokenError: new AwsError('InvalidPaginationToken', 'The specified pagination token is not valid or is expired.'),
    });
    return { [spec.member]: page.items, NextToken: page.nextToken };
  };
}

const notFound = (code: string, noun: string) => (id: string) => new AwsError(code, `The ${noun} ID '${id}' does not exist`);

const vpcs = describe<Vpc>({
  operation: 'DescribeVpcs', data: (f) => f.vpcs, member: 'Vpcs', idParam: 'VpcId', id: (v) => v.VpcId,
  notFound: notFound('InvalidVpcID.NotFound', 'vpc'),
  filters: { 'vpc-id': (v) => [v.VpcId], 'is-default': (v) => [String(v.IsDefault)], 'owner-id': (v) => [v.OwnerId] },
  maxResults: [5, 1000],
});

const subnets = describe<Subnet>({
  operation: 'DescribeSubnets', data: (f) => f.subnets, member: 'Subnets', idParam: 'SubnetId', id: (s) => s.SubnetId,
  notFound: notFound('InvalidSubnetID.NotFound', 'subnet'),
  filters: { 'vpc-id': (s) => [s.VpcId], 'subnet-id': (s) => [s.SubnetId], 'default-for-az': (s) => [String(s.DefaultForAz)] },
  maxResults: [5, 1000],
});

const routeTables = describe<RouteTable>({
  operation: 'DescribeRouteTables', data: (f) => f.routeTables, member: 'RouteTables', idParam: 'RouteTableId', id: (t) => t.RouteTableId,
  notFound: notFound('InvalidRouteTableID.NotFound', 'routeTable'),
  filters: {
    'vpc-id': (t) => [t.VpcId],
    'association.subnet-id': (t) => (t.Associations ?? []).map((a) => a.SubnetId),
    'association.main': (t) => (t.Associations ?? []).map((a) => String(a.Main === true)),
  },
  maxResults: [5, 100],
});

const networkAcls = describe<NetworkAcl>({
  operation: 'DescribeNetworkAcls', data: (f) => f.networkAcls, member: 'NetworkAcls', idParam: 'NetworkAclId', id: (a) => a.NetworkAclId,
  notFound: notFound('InvalidNetworkAclID.NotFound', 'networkAcl'),
  filters: { 'vpc-id': (a) => [a.VpcId], default: (a) => [String(a.IsDefault)], 'association.subnet-id': (a) => (a.Associations ?? []).map((x) => x.SubnetId) },
  maxResults: [5, 100],
});

const flowLogs = describe<FlowLog>({
  operation: 'DescribeFlowLogs', data: (f) => f.flowLogs, member: 'FlowLogs', idParam: 'FlowLogId', id: (l) => l.FlowLogId,
  filters: { 'resource-id': (l) => [l.ResourceId], 'traffic-type': (l) => [l.TrafficType], 'flow-log-id': (l) => [l.FlowLogId] },
  maxResults: [1, 1000],
});

const peerings = describe<VpcPeeringConnection>({
  operation: 'DescribeVpcPeeringConnections', data: (f) => f.peeringConnections, member: 'VpcPeeringConnections', idParam: 'VpcPeeringConnectionId',
  id: (p) => p.VpcPeeringConnectionId,
  notFound: notFound('InvalidVpcPeeringConnectionID.NotFound', 'vpcPeeringConnection'),
  filters: {
    'status-code': (p) => [p.Status?.Code],
    'requester-vpc-info.vpc-id': (p) => [p.RequesterVpcInfo?.VpcId],
    'accepter-vpc-info.vpc-id': (p) => [p.AccepterVpcInfo?.VpcId],
  },
  maxResults: [5, 1000],
});

export const networkExtension: FakeAwsExtension = {
  operations: {
    ec2: {
      DescribeVpcs: { output: DescribeVpcsResult$, handle: vpcs },
      DescribeSubnets: { output: DescribeSubnetsResult$, handle: subnets },
      DescribeRouteTables: { output: DescribeRouteTablesResult$, handle: routeTables },
      DescribeNetworkAcls: { output: DescribeNetworkAclsResult$, handle: networkAcls },
      DescribeFlowLogs: { output: DescribeFlowLogsResult$, handle: flowLogs },
      DescribeVpcPeeringConnections: { output: DescribeVpcPeeringConnectionsResult$, handle: peerings },
    },
  },
};
