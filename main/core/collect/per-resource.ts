import { classifyError } from '../engine/classify.ts';
import type { CollectContext, ResourceResult } from './types.ts';

/** A read-only violation or a declined credential renewal stops the scan; a cancelled scan drops the whole unit. */
export function stopsTheUnit(err: unknown, signal: AbortSignal | undefined): boolean {
  const name = (err as Error | undefined)?.name;
  return name === 'ReadOnlyViolation' || name === 'CredentialsNotRenewed' || signal?.aborted === true;
}

/**
 * Per-resource calls, each resource's failure classified on its own. All resources are started
 * at once: the engine's limiter (behind ctx.send) bounds what is in flight per account and per
 * service+region, so resources in quiet regions never wait behind a busy region's queue.
 */
export function perResource<T>(
  ctx: Pick<CollectContext, 'sample'> & Partial<Pick<CollectContext, 'signal'>>,
  items: readonly T[],
  target: (item: T) => { region: string; resourceKey: string },
  call: (item: T, region: string) => Promise<unknown>,
): Promise<ResourceResult[]> {
  const chosen = ctx.sample === undefined ? items : items.slice(0, ctx.sample);
  return Promise.all(
    chosen.map(async (item): Promise<ResourceResult> => {
      const { region, resourceKey } = target(item);
      try {
        return { region, resourceKey, ok: true, data: await call(item, region) };
      } catch (err) {
        if (stopsTheUnit(err, ctx.signal)) throw err;
        return { region, resourceKey, ok: false, error: classifyError(err) };
      }
    }),
  );
}
