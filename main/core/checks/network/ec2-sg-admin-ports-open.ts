import type { IpPermission, SecurityGroup } from '@aws-sdk/client-ec2';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'ec2-sg-admin-ports-open',
  title: 'Security groups do not open SSH or RDP to the internet',
  area: 'network',
  service: 'ec2',
  severity: 'high',
  responsibility:
    'Deciding who can reach your servers is your job. Remote administration ports (SSH 22, RDP 3389) should only be reachable from known addresses or through Session Manager.',
  risk: 'Administration ports open to 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes of exposure.',
  remediation: {
    console: 'VPC console > Security groups > select > Inbound rules > Edit: remove 0.0.0.0/0 and ::/0 sources on ports 22 and 3389; use Session Manager or a known CIDR.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port 22 --cidr 0.0.0.0/0',
  },
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-53'],
} as const satisfies Check['meta'];

const ADMIN_PORTS = [22, 3389];

/** The admin ports this rule opens to the whole internet, as "22/tcp from 0.0.0.0/0". */
export function worldOpenAdminPorts(p: IpPermission): string[] {
  const sources = [
    ...(p.IpRanges ?? []).filter((r) => r.CidrIp === '0.0.0.0/0').map(() => '0.0.0.0/0'),
    ...(p.Ipv6Ranges ?? []).filter((r) => r.CidrIpv6 === '::/0').map(() => '::/0'),
  ];
  if (sources.length === 0) return [];
  const protocol = String(p.IpProtocol ?? '').toLowerCase();
  const all = protocol === '-1' || protocol === 'all';
  if (!all && protocol !== 'tcp' && protocol !== '6' && protocol !== 'udp' && protocol !== '17') return [];
  const from = all ? 0 : (p.FromPort ?? 0);
  const to = all ? 65535 : (p.ToPort ?? 65535);
  const label = all ? 'all traffic' : protocol === '6' ? 'tcp' : protocol === '17' ? 'udp' : protocol;
  const ports = ADMIN_PORTS.filter((port) => all || (from <= port && port <= to));
  return ports.flatMap((port) => sources.map((src) => `${port}/${label} from ${src}`));
}

export const ec2SgAdminPortsOpen: Check = {
  meta,
  needs: ['ec2:DescribeSecurityGroups'],
  evaluate(snap) {
    return snap.meta.regions.flatMap((region) => {
      const read = snap.read<SecurityGroup[]>('ec2:DescribeSecurityGroups', region);
      if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, region, `Security groups (${region})`), read)];
      return read.data.map((g) => {
        const id = g.GroupId ?? '';
        const resource = {
          id,
          arn: `arn:${snap.meta.partition}:ec2:${region}:${g.OwnerId ?? snap.meta.accountId}:security-group/${id}`,
          name: g.GroupName ?? id,
          region,
        };
        const open = (g.IpPermissions ?? []).flatMap(worldOpenAdminPorts);
        const offending = (g.IpPermissions ?? []).filter((p) => worldOpenAdminPorts(p).length > 0);
        if (open.length === 0) {
          return finding(meta, snap, resource, 'PASS', `${id} does not open SSH or RDP to the internet.`, [
            evidence(read, { GroupId: id, IngressRules: (g.IpPermissions ?? []).length }),
          ]);
        }
        return finding(meta, snap, resource, 'FAIL', `${id} (${g.GroupName ?? ''}) allows ${[...new Set(open)].join(', ')}.`, [
          evidence(read, { GroupId: id, VpcId: g.VpcId, IpPermissions: offending }),
        ]);
      });
    });
  },
};
