/**
 * The explorer's data: one findings:query per page of PAGE_SIZE rows, fetched as the visible
 * window needs them. A new query starts a new generation; answers of older generations are
 * dropped, so typing fast never shows a stale list. The previous rows stay on screen until the
 * first page of the new query arrives, so the list never flashes empty.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Finding, FindingQuery } from '../../../shared/model/finding.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';

export const PAGE_SIZE = 100;

export interface FindingPages {
  /** Rows matching the query, or null before the first answer. */
  total: number | null;
  row(index: number): Finding | undefined;
  /** Asks for the pages covering [start, end). */
  need(start: number, end: number): void;
  error: string | null;
  /** The JSON of the query the rows on screen belong to (tests and the UI benchmark wait on it). */
  shownKey: string;
  loading: boolean;
  reload(): void;
}

interface Generation {
  id: number;
  key: string;
  total: number | null;
  pages: Map<number, Finding[]>;
  pending: Set<number>;
}

export function useFindingPages(scanId: string, query: FindingQuery, reloadKey: unknown): FindingPages {
  const bridge = useBridge();
  const key = JSON.stringify([scanId, query, reloadKey]);
  const gen = useRef<Generation>({ id: 0, key: '', total: null, pages: new Map(), pending: new Set() });
  const [shown, setShown] = useState<Generation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const [reloads, setReloads] = useState(0);

  const fetchPage = useCallback(
    (g: Generation, page: number) => {
      if (g.pages.has(page) || g.pending.has(page)) return;
      g.pending.add(page);
      bridge.invoke('findings:query', { ...query, scanId, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (res) => {
          g.pending.delete(page);
          if (g !== gen.current) return;
          g.total = res.total;
          g.pages.set(page, res.rows);
          setError(null);
          setShown(g);
          setTick((t) => t + 1);
        },
        (err: unknown) => {
          g.pending.delete(page);
          if (g === gen.current) setError(errorMessage(err));
          setTick((t) => t + 1);
        },
      );
    },
    // The query object is new on every render; `key` stands for it.
    [bridge, key],
  );

  useEffect(() => {
    const g: Generation = { id: gen.current.id + 1, key, total: null, pages: new Map(), pending: new Set() };
    gen.current = g;
    fetchPage(g, 0);
  }, [key, reloads, fetchPage]);

  const view = shown ?? gen.current;
  const need = useCallback(
    (start: number, end: number) => {
      const g = gen.current;
      if (g.total === null) return;
      const last = Math.min(end, g.total) - 1;
      for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) fetchPage(g, p);
    },
    [fetchPage],
  );

  return {
    total: view.total,
    row: (index) => view.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    need,
    error,
    shownKey: view.key,
    loading: gen.current !== shown,
    reload: () => setReloads((r) => r + 1),
  };
}
