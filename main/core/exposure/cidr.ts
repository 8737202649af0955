/**
 * CIDR blocks as numeric address ranges (bigint, so IPv4 and IPv6 share one code path), and
 * address sets as sorted lists of disjoint ranges: enough to evaluate network ACL rules in order
 * and to compare a route's destination with a peer VPC's blocks.
 */
import type { Family } from '../../../shared/model/views.ts';

export type { Family };

export interface Cidr {
  family: Family;
  prefix: number;
  start: bigint;
  end: bigint;
  text: string;
}

/** Inclusive address range. */
export type Span = readonly [bigint, bigint];

const BITS: Record<Family, number> = { ipv4: 32, ipv6: 128 };

export function parseCidr(text: string | undefined): Cidr | undefined {
  if (!text) return undefined;
  const [address, prefixText, extra] = text.trim().split('/');
  if (address === undefined || prefixText === undefined || extra !== undefined || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const family: Family = address.includes(':') ? 'ipv6' : 'ipv4';
  const prefix = Number(prefixText);
  const bits = BITS[family];
  const value = family === 'ipv4' ? parseIpv4(address) : parseIpv6(address);
  if (value === undefined || prefix > bits) return undefined;
  const hostBits = BigInt(bits - prefix);
  const start = (value >> hostBits) << hostBits;
  return { family, prefix, start, end: start + (1n << hostBits) - 1n, text: text.trim() };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) + BigInt(p), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return all.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n);
}

export const isWorld = (c: Cidr): boolean => c.prefix === 0;

export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

export function universe(family: Family): Span[] {
  return [[0n, (1n << BigInt(BITS[family])) - 1n]];
}

export function intersects(set: readonly Span[], c: Cidr): boolean {
  return set.some(([a, b]) => a <= c.end && c.start <= b);
}

/** The set without the block's addresses. */
export function subtract(set: readonly Span[], c: Cidr): Span[] {
  const out: Span[] = [];
  for (const [a, b] of set) {
    if (b < c.start || c.end < a) {
      out.push([a, b]);
      continue;
    }
    if (a < c.start) out.push([a, c.start - 1n]);
    if (c.end < b) out.push([c.end + 1n, b]);
  }
  return out;
}

export function sameSet(x: readonly Span[], y: readonly Span[]): boolean {
  return x.length === y.length && x.every(([a, b], i) => y[i]?.[0] === a && y[i]?.[1] === b);
}
