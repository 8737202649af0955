/**
 * Which route table a subnet uses and whether it routes to an internet gateway. A subnet with no
 * explicit association uses its VPC's main route table, and DescribeRouteTables lists no subnet
 * id for such implicit associations.
 */
import type { Route, RouteTable, RouteTableAssociation } from '@aws-sdk/client-ec2';
import type { Family } from './cidr.ts';

const live = (a: RouteTableAssociation): boolean => a.AssociationState?.State === undefined || a.AssociationState.State === 'associated';

export function routeTableFor(tables: readonly RouteTable[], subnetId: string, vpcId: string | undefined): { table: RouteTable; viaMain: boolean } | undefined {
  const explicit = tables.find((t) => (t.Associations ?? []).some((a) => a.SubnetId === subnetId && live(a)));
  if (explicit) return { table: explicit, viaMain: false };
  const main = tables.find((t) => t.VpcId === vpcId && (t.Associations ?? []).some((a) => a.Main === true && live(a)));
  return main ? { table: main, viaMain: true } : undefined;
}

/** An active route to an internet gateway for the family, the default route preferred. */
export function internetRoute(table: RouteTable, family: Family): Route | undefined {
  const routes = (table.Routes ?? []).filter(
    (r) =>
      r.GatewayId?.startsWith('igw-') === true &&
      r.State !== 'blackhole' &&
      (family === 'ipv4' ? r.DestinationCidrBlock !== undefined || r.DestinationPrefixListId !== undefined : r.DestinationIpv6CidrBlock !== undefined),
  );
  const world = family === 'ipv4' ? '0.0.0.0/0' : '::/0';
  return routes.find((r) => (family === 'ipv4' ? r.DestinationCidrBlock : r.DestinationIpv6CidrBlock) === world) ?? routes[0];
}

export const routeDestination = (r: Route): string => r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? '?';
