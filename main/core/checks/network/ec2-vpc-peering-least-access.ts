import type { RouteTable, VpcPeeringConnection, VpcPeeringConnectionVpcInfo } from '@aws-sdk/client-ec2';
import { contains, isWorld, parseCidr } from '../../exposure/cidr.ts';
import { accountResource, evidence, finding, notAssessed, tagName } from '../helpers.ts';
import type { Check } from '../types.ts';
import { undetermined } from './support/undetermined.ts';
import { listText } from './support/world-open.ts';

const meta = {
  id: 'ec2-vpc-peering-least-access',
  title: 'Routes to VPC peering connections are no wider than the peer VPC',
  area: 'network',
  service: 'ec2',
  severity: 'medium',
  responsibility:
    'Deciding what each network may reach over a peering connection is your job. Routes to a peering connection should name only the peer VPC\'s addresses, or narrower ranges, never 0.0.0.0/0 or a block wider than the peer.',
  risk: 'An over-wide route sends traffic meant for other networks, or the internet, towards the peer, and shows the peering was set up without deciding what should cross it.',
  remediation: {
    console: 'VPC console > Route tables > select > Routes > Edit routes: replace routes whose target is the peering connection with the peer VPC\'s CIDR, or the specific subnets that need to be reached.',
    cli: 'aws ec2 replace-route --route-table-id <rtb-id> --destination-cidr-block <peer-cidr> --vpc-peering-connection-id <pcx-id>',
  },
  references: ['https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html'],
} as const satisfies Check['meta'];

// Connections in these states carry no traffic; routes to them are blackholes.
const GONE = ['deleted', 'deleting', 'rejected', 'failed', 'expired'];

function peerBlocks(info: VpcPeeringConnectionVpcInfo | undefined): string[] {
  const v4 = [info?.CidrBlock, ...(info?.CidrBlockSet ?? []).map((c) => c.CidrBlock)];
  const v6 = (info?.Ipv6CidrBlockSet ?? []).map((c) => c.Ipv6CidrBlock);
  return [...new Set([...v4, ...v6].filter((c): c is string => Boolean(c)))];
}

export const ec2VpcPeeringLeastAccess: Check = {
  meta,
  needs: ['ec2:DescribeRouteTables', 'ec2:DescribeVpcPeeringConnections'],
  evaluate(snap) {
    return snap.meta.regions.flatMap((region) => {
      const label = `VPC peering (${region})`;
      const tables = snap.read<RouteTable[]>('ec2:DescribeRouteTables', region);
      if (!tables.ok) return [notAssessed(meta, snap, accountResource(snap, region, label), tables)];
      const pcxs = snap.read<VpcPeeringConnection[]>('ec2:DescribeVpcPeeringConnections', region);
      if (!pcxs.ok) return [notAssessed(meta, snap, accountResource(snap, region, label), pcxs)];
      const routes = tables.data.flatMap((t) =>
        (t.Routes ?? []).filter((r) => r.VpcPeeringConnectionId && r.State !== 'blackhole').map((r) => ({ table: t, route: r, pcx: r.VpcPeeringConnectionId ?? '' })),
      );
      const known = new Map(pcxs.data.map((p) => [p.VpcPeeringConnectionId ?? '', p]));
      const ids = [...new Set([...pcxs.data.filter((p) => !GONE.includes(p.Status?.Code ?? '')).map((p) => p.VpcPeeringConnectionId ?? ''), ...routes.map((r) => r.pcx)])];
      if (ids.length === 0) return [finding(meta, snap, accountResource(snap, region, label), 'NOT_APPLICABLE', `No VPC peering connections in ${region}.`)];
      return ids.map((id) => {
        const pcx = known.get(id);
        const resource = { id, arn: `arn:${snap.meta.partition}:ec2:${region}:${snap.meta.accountId}:vpc-peering-connection/${id}`, name: tagName(pcx?.Tags) ?? id, region };
        const mine = routes.filter((r) => r.pcx === id);
        const judged = mine.map(({ table, route }) => {
          const dest = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? route.DestinationPrefixListId ?? '';
          const where = `${table.RouteTableId ?? 'route table'}: ${dest}`;
          const cidr = parseCidr(route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock);
          if (cidr && isWorld(cidr)) return { where, verdict: 'wide' as const, why: 'the whole internet' };
          const peer = pcx?.RequesterVpcInfo?.VpcId === table.VpcId ? pcx?.AccepterVpcInfo : pcx?.AccepterVpcInfo?.VpcId === table.VpcId ? pcx?.RequesterVpcInfo : undefined;
          const blocks = peerBlocks(peer).flatMap((b) => parseCidr(b) ?? []);
          if (!cidr || blocks.filter((b) => b.family === cidr.family).length === 0) return { where, verdict: 'unknown' as const, why: '' };
          const inside = blocks.some((b) => contains(b, cidr));
          return { where, verdict: inside ? ('ok' as const) : ('wide' as const), why: `beyond the peer's ${blocks.filter((b) => b.family === cidr.family).map((b) => b.text).join(', ')}` };
        });
        const proof = [
          evidence(tables, { VpcPeeringConnectionId: id, Routes: mine.map(({ table, route }) => ({ RouteTableId: table.RouteTableId, VpcId: table.VpcId, DestinationCidrBlock: route.DestinationCidrBlock, DestinationIpv6CidrBlock: route.DestinationIpv6CidrBlock, DestinationPrefixListId: route.DestinationPrefixListId })) }),
          evidence(pcxs, pcx ? { VpcPeeringConnectionId: id, Status: pcx.Status?.Code, RequesterVpcInfo: pcx.RequesterVpcInfo, AccepterVpcInfo: pcx.AccepterVpcInfo } : { VpcPeeringConnectionId: id, found: false }),
        ];
        const wide = judged.filter((j) => j.verdict === 'wide');
        if (wide.length > 0) return finding(meta, snap, resource, 'FAIL', `Routes to ${id} are wider than the peer VPC: ${listText(wide.map((w) => `${w.where} (${w.why})`), 4)}.`, proof);
        const unsure = judged.filter((j) => j.verdict === 'unknown').map((j) => j.where);
        if (unsure.length > 0) {
          const why = pcx ? `the peer VPC's CIDR blocks do not settle ${listText(unsure, 3)} (a prefix-list destination, or no blocks of that family)` : `${id} is routed to (${listText(unsure, 3)}) but not in the peering connection list`;
          return undetermined(meta, snap, resource, pcxs, 'PeerRangeUnknown', why);
        }
        const text = mine.length === 0 ? 'No route uses it.' : `Every route stays within the peer VPC (${listText(judged.map((j) => j.where), 4)}).`;
        return finding(meta, snap, resource, 'PASS', `${id}: ${text}`, proof);
      });
    });
  },
};
