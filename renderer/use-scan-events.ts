import { useEffect, useState } from 'preact/hooks';
import type { ScanProgress } from '../shared/model/scan.ts';
import { useBridge } from './bridge-context.ts';

/** Per service and region: units finished so far, and when the last one finished. */
export interface GridCell {
  done: number;
  last: number;
}

/** The service × region picture of a running scan, built from its progress events. */
export interface ProgressGrid {
  cells: Record<string, GridCell>;
  services: string[];
  regions: string[];
  /** The cell of the newest event, "service|region". */
  current: string | null;
}

export interface ScanEvents {
  progress: Record<string, ScanProgress>;
  grids: Record<string, ProgressGrid>;
  /** Bumped per scan by every scan:finished event, so its view reloads. */
  finished: Record<string, number>;
  /** Bumped by any scan:finished, so lists reload. */
  scansVersion: number;
}

export const cellKey = (service: string, region: string): string => `${service}|${region}`;

export function addToGrid(grid: ProgressGrid | undefined, p: ScanProgress, now: number): ProgressGrid {
  const base: ProgressGrid = grid ?? { cells: {}, services: [], regions: [], current: null };
  if (!p.service) return base;
  const key = cellKey(p.service, p.region);
  const cell = base.cells[key];
  return {
    cells: { ...base.cells, [key]: { done: (cell?.done ?? 0) + 1, last: now } },
    services: base.services.includes(p.service) ? base.services : [...base.services, p.service].sort(),
    regions: base.regions.includes(p.region) ? base.regions : [...base.regions, p.region].sort(),
    current: key,
  };
}

export function useScanEvents(): ScanEvents {
  const bridge = useBridge();
  const [state, setState] = useState<ScanEvents>({ progress: {}, grids: {}, finished: {}, scansVersion: 0 });

  useEffect(() => {
    const offProgress = bridge.on('scan:progress', (p) =>
      setState((s) => ({
        ...s,
        progress: { ...s.progress, [p.scanId]: p },
        grids: p.phase === 'collecting' ? { ...s.grids, [p.scanId]: addToGrid(s.grids[p.scanId], p, Date.now()) } : s.grids,
      })),
    );
    const offFinished = bridge.on('scan:finished', (f) =>
      setState((s) => ({ ...s, finished: { ...s.finished, [f.scanId]: (s.finished[f.scanId] ?? 0) + 1 }, scansVersion: s.scansVersion + 1 })),
    );
    return () => {
      offProgress();
      offFinished();
    };
  }, [bridge]);
  return state;
}
