/**
 * The per-subnet layers between the internet and a network interface: the subnet's network ACL
 * and its route to an internet gateway. Each answers yes / no / unknown; unknown (a call that
 * could not be read, a subnet missing from the data) is never turned into "not exposed".
 */
import type { NetworkAcl, RouteTable, Subnet } from '@aws-sdk/client-ec2';
import type { Read } from '../engine/snapshot.ts';
import type { Family } from './cidr.ts';
import { worldIngress } from './nacl.ts';
import { portText, type PortRange } from './ports.ts';
import { internetRoute, routeDestination, routeTableFor } from './routes.ts';

import type { NaclLayer, RouteLayer, Tri } from '../../../shared/model/views.ts';

export type { NaclLayer, RouteLayer, Tri };



/** What a region's network looks like: reads kept whole so a failed one stays a reason. */
export interface NetworkReads {
  acls: Read<NetworkAcl[]>;
  tables: Read<RouteTable[]>;
  subnets: Read<Subnet[]>;
}

const unreadable = (read: Extract<Read<unknown>, { ok: false }>): string => `${read.call} could not be read in ${read.region} (${read.error.code})`;

export function aclForSubnet(acls: readonly NetworkAcl[], subnetId: string, vpcId: string | undefined): NetworkAcl | undefined {
  return (
    acls.find((a) => (a.Associations ?? []).some((x) => x.SubnetId === subnetId)) ??
    // Every subnet is associated with exactly one ACL; the VPC default is the fallback AWS applies.
    acls.find((a) => a.IsDefault === true && a.VpcId === vpcId)
  );
}

export function naclLayer(net: NetworkReads, subnetId: string, vpcId: string | undefined, family: Family, protocol: 'tcp' | 'udp', ports: PortRange): NaclLayer {
  if (!net.acls.ok) return { verdict: 'unknown', text: unreadable(net.acls) };
  const acl = aclForSubnet(net.acls.data, subnetId, vpcId);
  if (!acl) return { verdict: 'unknown', text: `no network ACL for ${subnetId} in the ec2:DescribeNetworkAcls answer` };
  const v = worldIngress(acl, family, protocol, ports[0], portText(ports));
  return { verdict: v.verdict, networkAclId: acl.NetworkAclId, ruleNumber: v.ruleNumber, text: `${acl.NetworkAclId ?? 'network ACL'}: ${v.text}` };
}

export function routeLayer(net: NetworkReads, subnetId: string, vpcId: string | undefined, family: Family): RouteLayer {
  if (!net.tables.ok) return { verdict: 'unknown', text: unreadable(net.tables) };
  const found = routeTableFor(net.tables.data, subnetId, vpcId);
  if (!found) return { verdict: 'unknown', text: `no route table for ${subnetId} in the ec2:DescribeRouteTables answer` };
  const id = found.table.RouteTableId ?? 'route table';
  const which = found.viaMain ? `${id} (the VPC's main route table)` : id;
  const route = internetRoute(found.table, family);
  if (!route) return { verdict: 'no', routeTableId: id, text: `${which} has no ${family} route to an internet gateway` };
  const base = { routeTableId: id, destination: routeDestination(route), gatewayId: route.GatewayId };
  const text = `${which} routes ${base.destination} to ${route.GatewayId ?? ''}`;
  const bpa = net.subnets.ok ? net.subnets.data.find((s) => s.SubnetId === subnetId)?.BlockPublicAccessStates?.InternetGatewayBlockMode : undefined;
  if (bpa === 'block-ingress' || bpa === 'block-bidirectional') {
    // Whether an exclusion lets this subnet through is not in DescribeSubnets' answer.
    return { ...base, verdict: 'unknown', text: `${text}, but VPC Block Public Access is ${bpa} here unless an exclusion applies` };
  }
  return { ...base, verdict: 'yes', text };
}

/** Several candidate subnets (an RDS instance's subnet group): one verdict only when they agree. */
export function agree<T extends { verdict: string; text: string }>(layers: T[], unknown: T): T {
  const first = layers[0];
  if (!first) return unknown;
  return layers.every((l) => l.verdict === first.verdict) ? first : { ...unknown, text: `differs between the subnets it may run in: ${layers.map((l) => l.text).join('; ')}` };
}
