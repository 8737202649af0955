/**
 * Security group ingress rules open to the whole internet (0.0.0.0/0 or ::/0), one entry per
 * rule and source. Sources that are other groups, prefix lists or narrower CIDRs are not "the
 * internet" here: what a prefix list holds is not in DescribeSecurityGroups' answer.
 */
import type { IpPermission } from '@aws-sdk/client-ec2';
import type { Family } from './cidr.ts';
import { ALL_PORTS, carriesPorts, inRange, normalizeProtocol, portText, rangeOf, type PortRange } from './ports.ts';

export interface OpenRule {
  /** tcp, udp, all (protocol -1), icmp, icmpv6 or an IANA protocol number. */
  protocol: string;
  ports: PortRange;
  family: Family;
  source: '0.0.0.0/0' | '::/0';
  /** "tcp 22 from 0.0.0.0/0", "all traffic from ::/0". */
  label: string;
}

export function worldOpenRules(p: IpPermission): OpenRule[] {
  const protocol = normalizeProtocol(p.IpProtocol);
  const ports = protocol === 'all' ? ALL_PORTS : rangeOf(p.FromPort, p.ToPort);
  const sources: { family: Family; source: OpenRule['source'] }[] = [
    ...(p.IpRanges ?? []).filter((r) => r.CidrIp?.trim() === '0.0.0.0/0').map(() => ({ family: 'ipv4' as const, source: '0.0.0.0/0' as const })),
    ...(p.Ipv6Ranges ?? []).filter((r) => r.CidrIpv6?.trim() === '::/0').map(() => ({ family: 'ipv6' as const, source: '::/0' as const })),
  ];
  return sources.map(({ family, source }) => ({ protocol, ports, family, source, label: ruleLabel(protocol, ports, source) }));
}

function ruleLabel(protocol: string, ports: PortRange, source: string): string {
  if (protocol === 'all') return `all traffic from ${source}`;
  if (protocol === 'tcp' || protocol === 'udp') return `${protocol} ${portText(ports)} from ${source}`;
  return `protocol ${protocol} from ${source}`;
}

export function opensPort(rule: OpenRule, port: number): boolean {
  return carriesPorts(rule.protocol) && inRange(port, rule.ports);
}

/** Every port of TCP or UDP (protocol -1, or a full 0-65535 / 1-65535 range). */
export function opensAllPorts(rule: OpenRule): boolean {
  return rule.protocol === 'all' || (carriesPorts(rule.protocol) && rule.ports[0] <= 1 && rule.ports[1] === 65535);
}

/** The world-open rules of a group's ingress, with the permission each came from (for evidence). */
export function groupOpenRules(permissions: readonly IpPermission[]): { rule: OpenRule; permission: IpPermission }[] {
  return permissions.flatMap((permission) => worldOpenRules(permission).map((rule) => ({ rule, permission })));
}
