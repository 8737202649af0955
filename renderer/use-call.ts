import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from './bridge.ts';
import { useBridge } from './bridge-context.ts';
import { invokeAny, isUnavailable, type PendingName, type Req, type Res } from './pending-api.ts';
import type { ApiName } from '../shared/api.ts';

export interface CallState<T> {
  data: T | null;
  error: string | null;
  /** True when the core does not offer this call (yet): the screen explains instead of failing. */
  unavailable: boolean;
  loading: boolean;
  reload(): void;
}

/**
 * Runs a call whenever its request changes (compared as JSON) or reload() is asked for. Only the
 * newest answer is kept, so a slow earlier response cannot overwrite a later one.
 */
export function useCall<K extends ApiName | PendingName>(name: K, req: Req<K> | null, extraKey: unknown = null): CallState<Res<K>> {
  const bridge = useBridge();
  const [data, setData] = useState<Res<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [loading, setLoading] = useState(req !== null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify([req, extraKey]);

  useEffect(() => {
    if (req === null) return;
    const id = ++latest.current;
    setLoading(true);
    invokeAny(bridge, name, req).then(
      (value) => {
        if (id !== latest.current) return;
        setData(value);
        setError(null);
        setUnavailable(false);
        setLoading(false);
      },
      (err: unknown) => {
        if (id !== latest.current) return;
        setError(errorMessage(err));
        setUnavailable(isUnavailable(err));
        setLoading(false);
      },
    );
    // `key` stands for req and extraKey, which are new objects on every render.
  }, [bridge, name, key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, unavailable, loading, reload };
}
