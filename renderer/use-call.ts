import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiName, ApiRequest, ApiResponse } from '../shared/api.ts';
import { errorMessage } from './bridge.ts';
import { useBridge } from './bridge-context.ts';

export interface CallState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): void;
}

/**
 * Runs a call whenever its request changes (compared as JSON) or reload() is asked for. Only the
 * newest answer is kept, so a slow earlier response cannot overwrite a later one.
 */
export function useCall<K extends ApiName>(name: K, req: ApiRequest<K> | null, extraKey: unknown = null): CallState<ApiResponse<K>> {
  const bridge = useBridge();
  const [data, setData] = useState<ApiResponse<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(req !== null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify([req, extraKey]);

  useEffect(() => {
    if (req === null) return;
    const id = ++latest.current;
    setLoading(true);
    bridge.invoke(name, req).then(
      (value) => {
        if (id !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (id !== latest.current) return;
        setError(errorMessage(err));
        setLoading(false);
      },
    );
    // `key` stands for req and extraKey, which are new objects on every render.
  }, [bridge, name, key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
