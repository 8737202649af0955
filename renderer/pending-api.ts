/**
 * Calls the screens use that shared/api.ts does not carry yet. Each entry states the shape this
 * UI expects; `Res<K>` prefers the contract's own type as soon as the name exists there, so the
 * compiler checks these screens against the real contract from that moment on. Until then the
 * call is answered "unknown call", and the screen says the core does not offer it yet.
 */
import { isApiName, type Api, type ApiName, type LeaseholdBridge } from '../shared/api.ts';
import type { CheckMeta } from '../shared/model/check.ts';

/** A check's client-facing metadata with the framework requirements it tests. */
export interface CheckInfo extends CheckMeta {
  frameworks: { framework: string; requirement: string }[];
}

export interface PendingApi {
  'checks:list': { req: Record<string, never>; res: CheckInfo[] };
}

export type PendingName = keyof PendingApi;
type AnyName = ApiName | PendingName;
export type Req<K extends AnyName> = K extends ApiName ? Api[K]['req'] : K extends PendingName ? PendingApi[K]['req'] : never;
export type Res<K extends AnyName> = K extends ApiName ? Api[K]['res'] : K extends PendingName ? PendingApi[K]['res'] : never;

/** Thrown when the core does not offer a call yet. */
export class UnavailableCall extends Error {
  readonly code = 'unknown-call';
  constructor(name: string) {
    super(`This version of the Leasehold core does not offer ${name} yet.`);
    this.name = 'UnavailableCall';
  }
}

export function isUnavailable(err: unknown): boolean {
  if (err instanceof UnavailableCall) return true;
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === 'unknown-call' || (typeof e?.message === 'string' && e.message.startsWith('Unknown call:'));
}

/** Invokes a contract call or a pending one; a pending name the contract lacks fails without a round trip. */
export function invokeAny<K extends AnyName>(bridge: LeaseholdBridge, name: K, req: Req<K>): Promise<Res<K>> {
  if (!isApiName(name)) return Promise.reject(new UnavailableCall(name));
  const invoke = bridge.invoke as unknown as (n: string, r: unknown) => Promise<Res<K>>;
  return invoke(name, req);
}
