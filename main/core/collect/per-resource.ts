import { classifyError } from '../engine/classify.ts';
import type { CollectContext, ResourceResult } from './types.ts';

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
        // A read-only violation stops the scan; a cancelled scan drops the whole unit.
        if ((err as Error).name === 'ReadOnlyViolation' || (err as Error).name === 'CredentialsNotRenewed' || ctx.signal?.aborted) throw err;
        return { region, resourceKey, ok: false, error: classifyError(err) };
      }
    }),
  );
}
