/**
 * Network ACL ingress as AWS evaluates it: entries in rule-number order, the first entry that
 * matches a packet decides, and nothing matched means the final "*" deny. The question asked is
 * whether traffic from the internet at large (an allow from 0.0.0.0/0 or ::/0) still reaches a
 * port once earlier entries have taken their addresses: an allow behind a deny for the same
 * addresses is shadowed, and is not exposure.
 */
import type { NetworkAcl } from '@aws-sdk/client-ec2';
import { intersects, isWorld, parseCidr, sameSet, subtract, universe, type Cidr, type Family, type Span } from './cidr.ts';
import { ALL_PORTS, inRange, normalizeProtocol, rangeOf, type PortRange } from './ports.ts';

export interface NaclVerdict {
  verdict: 'allow' | 'deny';
  /** The entry that decided; absent when none matched (the implicit final deny). */
  ruleNumber?: number;
  /** Allows from the whole internet that are never reached (earlier entries took every address). */
  shadowed: number[];
  /** Plain-language account of the decision, for messages. */
  text: string;
}

interface Entry {
  number: number;
  action: 'allow' | 'deny';
  protocol: string;
  /** undefined: this entry can never match the traffic asked about. */
  ports: PortRange | undefined;
  cidr: Cidr | undefined;
}

function ingress(acl: NetworkAcl, family: Family): Entry[] {
  return (acl.Entries ?? [])
    .filter((e) => e.Egress !== true && (family === 'ipv4' ? e.CidrBlock : e.Ipv6CidrBlock) !== undefined)
    .map((e): Entry => {
      const action = String(e.RuleAction ?? '').toLowerCase() === 'allow' ? 'allow' : 'deny';
      const protocol = normalizeProtocol(e.Protocol);
      // A TCP/UDP entry without its port range is malformed; reading it so that it can only add
      // exposure (an allow for every port, a deny for none) never hides an open port.
      const ports = protocol === 'all' ? ALL_PORTS : e.PortRange ? rangeOf(e.PortRange.From, e.PortRange.To) : action === 'allow' ? ALL_PORTS : undefined;
      return { number: e.RuleNumber ?? 32767, action, protocol, ports, cidr: parseCidr(family === 'ipv4' ? e.CidrBlock : e.Ipv6CidrBlock) };
    })
    .sort((a, b) => a.number - b.number);
}

const matches = (e: Entry, protocol: string, port: number): boolean =>
  e.ports !== undefined && (e.protocol === 'all' || e.protocol === protocol) && inRange(port, e.ports);

/** `label` names the ports in the text when `port` stands for a range that is uniform (e.g. "1024-65535"). */
export function worldIngress(acl: NetworkAcl, family: Family, protocol: 'tcp' | 'udp', port: number, label = String(port)): NaclVerdict {
  const world = family === 'ipv4' ? '0.0.0.0/0' : '::/0';
  const what = `${protocol} ${label} from ${world}`;
  const entries = ingress(acl, family).filter((e) => matches(e, protocol, port));
  let remaining: Span[] = universe(family);
  const takenBy: number[] = [];
  for (const [i, e] of entries.entries()) {
    if (!e.cidr || !intersects(remaining, e.cidr)) continue;
    if (e.action === 'allow' && isWorld(e.cidr)) {
      const except = sameSet(remaining, universe(family)) ? '' : ` (except addresses matched first by rule ${takenBy.join(', ')})`;
      return { verdict: 'allow', ruleNumber: e.number, shadowed: [], text: `rule ${e.number} allows ${what}${except}` };
    }
    remaining = subtract(remaining, e.cidr);
    takenBy.push(e.number);
    if (remaining.length === 0) {
      const shadowed = entries.slice(i + 1).filter((x) => x.action === 'allow' && x.cidr && isWorld(x.cidr)).map((x) => x.number);
      const by = takenBy.length === 1 ? `rule ${e.number} denies ${what}` : `rules ${takenBy.join(', ')} take every address for ${protocol} ${label}`;
      const after = shadowed.length > 0 ? `; the later allow (rule ${shadowed.join(', ')}) is never reached` : '';
      return { verdict: 'deny', ruleNumber: e.number, shadowed, text: `${by}${after}` };
    }
  }
  return { verdict: 'deny', shadowed: [], text: `no rule allows ${what} (the final * rule denies it)` };
}

/** Port numbers where some ingress entry's range starts or ends: evaluation is uniform between them. */
export function naclPortCuts(acl: NetworkAcl, family: Family, protocol: 'tcp' | 'udp'): number[] {
  return ingress(acl, family)
    .filter((e) => e.ports && (e.protocol === protocol || e.protocol === 'all'))
    .flatMap((e) => (e.ports ? [e.ports[0], e.ports[1] + 1] : []));
}
