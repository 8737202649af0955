/**
 * The check catalogue (remediation, references, framework ids), asked for once per page load and
 * shared by every finding detail. Null while loading; an empty map when the core does not offer it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LeaseholdBridge } from '../shared/api.ts';
import { useBridge } from './bridge-context.ts';
import { invokeAny, isUnavailable, type CheckInfo } from './pending-api.ts';

export interface Catalogue {
  byId: ReadonlyMap<string, CheckInfo>;
  /** False when the core has no checks:list yet. */
  available: boolean;
}

let cached: Promise<Catalogue> | null = null;

function load(bridge: LeaseholdBridge): Promise<Catalogue> {
  cached ??= invokeAny(bridge, 'checks:list', {}).then(
    (list) => ({ byId: new Map(list.map((c) => [c.id, c])), available: true }),
    (err: unknown) => {
      // A transient failure is retried on the next use; an absent call is not.
      if (!isUnavailable(err)) cached = null;
      return { byId: new Map(), available: false };
    },
  );
  return cached;
}

export function useCatalogue(): Catalogue | null {
  const bridge = useBridge();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => {
    let live = true;
    void load(bridge).then((c) => live && setCatalogue(c));
    return () => {
      live = false;
    };
  }, [bridge]);
  return catalogue;
}
