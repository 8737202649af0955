import type { RouteTable, Vpc, VpcPeeringConnection, VpcPeeringConnectionVpcInfo } from '@aws-sdk/client-ec2';
import { contains, isWorld, parseCidr, type Cidr } from '../../exposure/cidr.ts';
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

/** The peer's blocks, and whether they are all of them (complete) or only those the answer named. */
interface PeerRange {
  blocks: Cidr[];
  complete: boolean;
  /** The peer's DescribeVpcs record when it was used, for the evidence. */
  vpc?: Vpc;
}

function peerRange(info: VpcPeeringConnectionVpcInfo | undefined, vpcs: ReadonlyMap<string, Vpc>): PeerRange {
  const vpc = vpcs.get(info?.VpcId ?? '');
  const own = (vpc?.CidrBlockAssociationSet ?? []).filter((a) => a.CidrBlockState?.State === 'associated').map((a) => a.CidrBlock);
  const own6 = (vpc?.Ipv6CidrBlockAssociationSet ?? []).filter((a) => a.Ipv6CidrBlockState?.State === 'associated').map((a) => a.Ipv6CidrBlock);
  const v4 = [info?.CidrBlock, ...(info?.CidrBlockSet ?? []).map((c) => c.CidrBlock), vpc?.CidrBlock, ...own];
  const v6 = [...(info?.Ipv6CidrBlockSet ?? []).map((c) => c.Ipv6CidrBlock), ...own6];
  const blocks = [...new Set([...v4, ...v6].filter((c): c is string => Boolean(c)))].flatMap((b) => parseCidr(b) ?? []);
  // moto sends CidrBlock without CidrBlockSet, so secondary blocks are unknown unless the peer VPC is ours to read.
  return { blocks, complete: vpc !== undefined || info?.CidrBlockSet !== undefined, vpc };
}

/**
 * ok: inside one of the peer's blocks; wide: beyond them. With only some blocks known, a route is
 * wide only if it strictly contains one: a VPC's CIDR blocks never overlap, so no other block can
 * hold it (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).
 */
function judgeRoute(cidr: Cidr, peer: PeerRange): 'ok' | 'wide' | 'unknown' {
  const blocks = peer.blocks.filter((b) => b.family === cidr.family);
  if (blocks.length === 0) return 'unknown';
  if (blocks.some((b) => contains(b, cidr))) return 'ok';
  if (peer.complete || cidr.family === 'ipv6' || blocks.some((b) => contains(cidr, b))) return 'wide';
  return 'unknown';
}

export const ec2VpcPeeringLeastAccess: Check = {
  meta,
  needs: ['ec2:DescribeRouteTables', 'ec2:DescribeVpcPeeringConnections', 'ec2:DescribeVpcs'],
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
      // The peer's own VPC record, when it is in this account and region, lists every block; optional.
      const vpcRead = snap.read<Vpc[]>('ec2:DescribeVpcs', region);
      const vpcs = new Map((vpcRead.ok ? vpcRead.data : []).map((v) => [v.VpcId ?? '', v]));
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
          if (cidr && isWorld(cidr)) return { where, verdict: 'wide' as const, why: 'the whole internet', vpc: undefined };
          const peer = pcx?.RequesterVpcInfo?.VpcId === table.VpcId ? pcx?.AccepterVpcInfo : pcx?.AccepterVpcInfo?.VpcId === table.VpcId ? pcx?.RequesterVpcInfo : undefined;
          const range = peerRange(peer, vpcs);
          const verdict = cidr ? judgeRoute(cidr, range) : 'unknown';
          const shown = range.blocks.filter((b) => b.family === cidr?.family).map((b) => b.text).join(', ');
          return { where, verdict, why: `beyond the peer's ${shown}`, vpc: range.vpc };
        });
        const proof = [
          evidence(tables, { VpcPeeringConnectionId: id, Routes: mine.map(({ table, route }) => ({ RouteTableId: table.RouteTableId, VpcId: table.VpcId, DestinationCidrBlock: route.DestinationCidrBlock, DestinationIpv6CidrBlock: route.DestinationIpv6CidrBlock, DestinationPrefixListId: route.DestinationPrefixListId })) }),
          evidence(pcxs, pcx ? { VpcPeeringConnectionId: id, Status: pcx.Status?.Code, RequesterVpcInfo: pcx.RequesterVpcInfo, AccepterVpcInfo: pcx.AccepterVpcInfo } : { VpcPeeringConnectionId: id, found: false }),
        ];
        const peerVpcs = [...new Set(judged.flatMap((j) => j.vpc ?? []))];
        if (vpcRead.ok && peerVpcs.length > 0) proof.push(evidence(vpcRead, peerVpcs.map((v) => ({ VpcId: v.VpcId, CidrBlockAssociationSet: v.CidrBlockAssociationSet, Ipv6CidrBlockAssociationSet: v.Ipv6CidrBlockAssociationSet }))));
        const wide = judged.filter((j) => j.verdict === 'wide');
        if (wide.length > 0) return finding(meta, snap, resource, 'FAIL', `Routes to ${id} are wider than the peer VPC: ${listText(wide.map((w) => `${w.where} (${w.why})`), 4)}.`, proof);
        const unsure = judged.filter((j) => j.verdict === 'unknown').map((j) => j.where);
        if (unsure.length > 0) {
          const why = pcx ? `the peer VPC's CIDR blocks do not settle ${listText(unsure, 3)} (a prefix-list destination, no blocks of that family, or only some of the peer's blocks listed)` : `${id} is routed to (${listText(unsure, 3)}) but not in the peering connection list`;
          return undetermined(meta, snap, resource, pcxs, 'PeerRangeUnknown', why);
        }
        const text = mine.length === 0 ? 'No route uses it.' : `Every route stays within the peer VPC (${listText(judged.map((j) => j.where), 4)}).`;
        return finding(meta, snap, resource, 'PASS', `${id}: ${text}`, proof);
      });
    });
  },
};
