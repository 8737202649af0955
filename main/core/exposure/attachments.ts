/**
 * Where a resource meets the network: for an instance, each network interface (subnet, groups,
 * public addresses), read from DescribeInstances; for an RDS instance, its security groups, the
 * subnets of its subnet group in its Availability Zone, and whether it is publicly accessible.
 */
import type { Instance } from '@aws-sdk/client-ec2';
import type { DBInstance } from '@aws-sdk/client-rds';
import type { Family } from './cidr.ts';
import type { PublicAddress } from '../../../shared/model/views.ts';

export type { PublicAddress };


export interface Attachment {
  networkInterfaceId?: string;
  /** Candidate subnets: one for an interface; an RDS instance may be in any of its group's subnets in its AZ. */
  subnetIds: string[];
  vpcId?: string;
  groupIds: string[];
  publicAddress: Record<Family, PublicAddress>;
  /** The one port that listens (RDS); undefined for instances (any port may); 'unknown' when not reported. */
  listeningPort?: number | 'unknown';
}

const has = (address: string | undefined, family: Family): PublicAddress =>
  address ? { verdict: 'yes', address, text: `public ${family} address ${address}` } : { verdict: 'no', text: `no public ${family} address` };

export function instanceAttachments(i: Instance): Attachment[] {
  const enis = i.NetworkInterfaces ?? [];
  if (enis.length === 0) {
    // DescribeInstances omits PublicIpAddress when there is none: absence is the answer, not a gap.
    return [
      {
        subnetIds: i.SubnetId ? [i.SubnetId] : [],
        vpcId: i.VpcId,
        groupIds: (i.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
        publicAddress: { ipv4: has(i.PublicIpAddress, 'ipv4'), ipv6: has(i.Ipv6Address, 'ipv6') },
      },
    ];
  }
  return enis.map((n) => ({
    networkInterfaceId: n.NetworkInterfaceId,
    subnetIds: n.SubnetId ? [n.SubnetId] : [],
    vpcId: n.VpcId ?? i.VpcId,
    groupIds: (n.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    // Every IPv6 address a VPC assigns is globally routable.
    publicAddress: { ipv4: has(n.Association?.PublicIp, 'ipv4'), ipv6: has(n.Ipv6Addresses?.find((a) => a.Ipv6Address)?.Ipv6Address, 'ipv6') },
  }));
}

export function rdsAttachment(db: DBInstance): Attachment {
  const subnets = db.DBSubnetGroup?.Subnets ?? [];
  const inAz = subnets.filter((s) => db.AvailabilityZone !== undefined && s.SubnetAvailabilityZone?.Name === db.AvailabilityZone);
  const port = db.Endpoint?.Port ?? (db.DbInstancePort ? db.DbInstancePort : undefined);
  const flag = db.PubliclyAccessible;
  const v4: PublicAddress =
    flag === true
      ? { verdict: 'yes', address: db.Endpoint?.Address, text: 'publicly accessible (its endpoint resolves to a public address)' }
      : flag === false
        ? { verdict: 'no', text: 'not publicly accessible (private endpoint only)' }
        : { verdict: 'unknown', text: 'PubliclyAccessible was absent from rds:DescribeDBInstances' };
  const dual = db.NetworkType?.toUpperCase() === 'DUAL';
  return {
    subnetIds: (inAz.length > 0 ? inAz : subnets).flatMap((s) => (s.SubnetIdentifier ? [s.SubnetIdentifier] : [])),
    vpcId: db.DBSubnetGroup?.VpcId,
    groupIds: (db.VpcSecurityGroups ?? []).filter((g) => g.Status !== 'inactive').flatMap((g) => (g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [])),
    publicAddress: { ipv4: v4, ipv6: dual ? { ...v4, text: `${v4.text}, dual-stack` } : { verdict: 'no', text: 'IPv4-only network type' } },
    listeningPort: port ?? 'unknown',
  };
}
