/** Request-side helpers shared by the services: query-protocol lists, EC2 filters, paging tokens. */
import { AwsError } from './protocol.ts';

/** `GroupId.1=a&GroupId.2=b` (ec2Query flattened lists) or `Name.member.1` (awsQuery lists). */
export function queryList(params: URLSearchParams, prefix: string): string[] {
  const items: [number, string][] = [];
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}(?:\\.member)?\\.(\\d+)$`);
  for (const [key, value] of params) {
    const m = pattern.exec(key);
    if (m) items.push([Number(m[1]), value]);
  }
  return items.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** EC2 `Filter.N.Name` / `Filter.N.Value.M` as name -> accepted values. */
export function ec2Filters(params: URLSearchParams): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  for (const [key, name] of params) {
    const m = /^Filter\.(\d+)\.Name$/.exec(key);
    if (m) filters.set(name, queryList(params, `Filter.${m[1]}.Value`));
  }
  return filters;
}

/**
 * Rejects filters the fake does not model, the way EC2 rejects unknown filter names, so an
 * unsupported filter fails loudly instead of silently matching everything.
 */
export function checkFilters(filters: Map<string, string[]>, supported: string[]): void {
  for (const name of filters.keys()) {
    if (!supported.includes(name)) throw new AwsError('InvalidParameterValue', `The filter '${name}' is invalid`);
  }
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Offset-based paging with opaque tokens bound to the operation that issued them. */
export function paginate<T>(all: T[], opts: { scope: string; limit?: number; token?: string | null; tokenError: AwsError }): Page<T> {
  let start = 0;
  if (opts.token) {
    const decoded = decodeToken(opts.token);
    if (!decoded || decoded.scope !== opts.scope || decoded.offset > all.length) throw opts.tokenError;
    start = decoded.offset;
  }
  if (opts.limit === undefined) return { items: all.slice(start) };
  const end = start + opts.limit;
  const items = all.slice(start, end);
  return end < all.length ? { items, nextToken: encodeToken(opts.scope, end) } : { items };
}

function encodeToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset })).toString('base64url');
}

function decodeToken(token: string): { scope: string; offset: number } | undefined {
  try {
    const raw = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    return typeof raw.s === 'string' && typeof raw.o === 'number' ? { scope: raw.s, offset: raw.o } : undefined;
  } catch {
    return undefined;
  }
}

/** Parses an integer parameter, or throws EC2-style InvalidParameterValue when outside [min, max]. */
export function intParam(value: string | null, name: string, min: number, max: number): number | undefined {
  if (value === null) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new AwsError('InvalidParameterValue', `Value ( ${value} ) for parameter ${name} is invalid. Expecting a value between ${min} and ${max}.`);
  }
  return n;
}
