import { classifyError } from '../engine/classify.ts';
import { mapLimit } from './paginate.ts';
import type { CollectContext, ResourceResult } from './types.ts';

/** Per-resource calls, bounded in flight; each resource's failure is classified on its own. */
export function perResource<T>(
  ctx: Pick<CollectContext, 'sample'>,
  items: readonly T[],
  target: (item: T) => { region: string; resourceKey: string },
  call: (item: T, region: string) => Promise<unknown>,
  limit = 8,
): Promise<ResourceResult[]> {
  const chosen = ctx.sample === undefined ? items : items.slice(0, ctx.sample);
  return mapLimit(chosen, limit, async (item): Promise<ResourceResult> => {
    const { region, resourceKey } = target(item);
    try {
      return { region, resourceKey, ok: true, data: await call(item, region) };
    } catch (err) {
      if ((err as Error).name === 'ReadOnlyViolation') throw err;
      return { region, resourceKey, ok: false, error: classifyError(err) };
    }
  });
}
