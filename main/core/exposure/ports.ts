/** Port ranges (inclusive) and the protocol names EC2 uses for security group and NACL rules. */
export type PortRange = readonly [number, number];

export const ALL_PORTS: PortRange = [0, 65535];

/**
 * EC2 returns protocol names or IANA numbers depending on how the rule was written ("tcp" or "6",
 * "-1" for all); emulators do the same. Everything is compared in one spelling.
 */
export function normalizeProtocol(protocol: string | undefined): string {
  const p = String(protocol ?? '').trim().toLowerCase();
  const names: Record<string, string> = { '-1': 'all', all: 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };
  return names[p] ?? p;
}

/** Only TCP, UDP and "all traffic" rules reach ports. */
export const carriesPorts = (protocol: string): boolean => protocol === 'tcp' || protocol === 'udp' || protocol === 'all';

export const portText = ([from, to]: PortRange): string => (from === to ? `${from}` : `${from}-${to}`);

/** A range as EC2 sends it (missing or -1 bounds mean "all ports"), clamped to 0-65535. */
export function rangeOf(from: number | undefined, to: number | undefined): PortRange {
  const lo = from === undefined || from < 0 ? 0 : Math.min(from, 65535);
  const hi = to === undefined || to < 0 ? 65535 : Math.min(to, 65535);
  return lo <= hi ? [lo, hi] : [hi, lo];
}

export const inRange = (port: number, [from, to]: PortRange): boolean => from <= port && port <= to;

/**
 * The union of `ranges`, cut at every range edge and at every cut point (a port number starts a
 * new piece), so that within one piece every rule and every listed port is either in or out.
 */
export function pieces(ranges: readonly PortRange[], cuts: readonly number[]): PortRange[] {
  const starts = new Set<number>();
  for (const [from, to] of ranges) {
    starts.add(from);
    starts.add(to + 1);
  }
  for (const c of cuts) starts.add(c);
  const points = [...starts].filter((p) => p >= 0 && p <= 65536).sort((a, b) => a - b);
  const out: PortRange[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const piece: PortRange = [points[i] ?? 0, (points[i + 1] ?? 0) - 1];
    if (ranges.some((r) => inRange(piece[0], r))) out.push(piece);
  }
  return out;
}

/** The parts of a range not in `ports` (e.g. the unauthorized parts of 0-65535 when 80 and 443 are allowed). */
export function withoutPorts(range: PortRange, ports: readonly number[]): PortRange[] {
  let parts: PortRange[] = [range];
  for (const p of [...new Set(ports)].sort((a, b) => a - b)) {
    parts = parts.flatMap(([a, b]): PortRange[] => (p < a || p > b ? [[a, b]] : ([[a, p - 1], [p + 1, b]] as PortRange[]).filter(([x, y]) => x <= y)));
  }
  return parts;
}
