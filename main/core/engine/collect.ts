/**
 * Runs the collection units of a scan: every needed dataset once per region (or once per
 * account, or once after its parents for per-resource calls), bounded in flight. A failed call
 * never stops the scan: it becomes a classified error record that checks turn into NOT_ASSESSED.
 */
import type { AwsSession } from '../aws/session.ts';
import type { CollectContext, DatasetDef, ResourceResult } from '../collect/types.ts';
import { mapLimit } from '../collect/paginate.ts';
import { classifyError } from './classify.ts';
import type { Snapshot} from './snapshot.ts';
import { GLOBAL, type SnapshotRecord } from './snapshot.ts';

export interface CollectProgress {
  unitsDone: number;
  unitsTotal: number;
  service: string;
  region: string;
  calls: number;
  errors: number;
}

export interface CollectOptions {
  session: AwsSession;
  datasets: DatasetDef[];
  regions: string[];
  snapshot: Snapshot;
  /** Called with each finished unit's records, so they are stored as the scan goes. */
  onRecords(records: SnapshotRecord[]): void;
  onProgress(progress: CollectProgress): void;
  signal: AbortSignal;
  concurrency?: number;
  now?: () => Date;
  /** Per-resource datasets call at most this many resources (doctor's probe). */
  sample?: number;
}

interface Unit {
  dataset: DatasetDef;
  region: string;
}

export async function collectSnapshot(opts: CollectOptions): Promise<void> {
  const now = opts.now ?? (() => new Date());
  const levels = dependencyLevels(opts.datasets);
  const unitsTotal = levels.flat().reduce((n, d) => n + (d.scope === 'regional' ? opts.regions.length : 1), 0);
  const state = { unitsDone: 0, calls: 0, errors: 0 };

  for (const level of levels) {
    const all: Unit[] = level.flatMap((dataset) =>
      dataset.scope === 'regional' ? opts.regions.map((region) => ({ dataset, region })) : [{ dataset, region: GLOBAL }],
    );
    // Resuming: units already collected (or failed for a reason a retry won't fix) are kept as they are.
    const units = all.filter((u) => !alreadyCollected(opts.snapshot, u));
    state.unitsDone += all.length - units.length;
    await mapLimit(units, opts.concurrency ?? 8, async (unit) => {
      if (opts.signal.aborted) return;
      const records = await runUnit(unit, opts, now);
      for (const r of records) {
        opts.snapshot.add(r);
        state.calls += r.calls;
        if (!r.ok) state.errors += 1;
      }
      opts.onRecords(records);
      state.unitsDone += 1;
      opts.onProgress({ ...state, unitsTotal, service: unit.dataset.service, region: unit.region });
    });
    if (opts.signal.aborted) return;
  }
}

async function runUnit(unit: Unit, opts: CollectOptions, now: () => Date): Promise<SnapshotRecord[]> {
  let calls = 0;
  const ctx: CollectContext = {
    session: opts.session,
    region: unit.region,
    homeRegion: opts.session.homeRegion,
    snapshot: opts.snapshot,
    signal: opts.signal,
    sample: opts.sample,
    async send<T>(client: { send(command: never): Promise<unknown> }, command: unknown): Promise<T> {
      try {
        const out = (await client.send(command as never)) as { $metadata?: { attempts?: number } };
        calls += out.$metadata?.attempts ?? 1;
        return out as T;
      } catch (err) {
        calls += (err as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
        throw err;
      }
    },
  };
  const id = unit.dataset.id;
  try {
    const data = await unit.dataset.collect(ctx);
    const at = now().toISOString();
    if (unit.dataset.scope !== 'per-resource') {
      return [{ dataset: id, region: unit.region, resourceKey: '', ok: true, data, collectedAt: at, calls }];
    }
    const results = data as ResourceResult[];
    // Attempts of per-resource calls are shared out over the records; the total stays exact.
    return results.map((r, i) => ({
      ...r,
      dataset: id,
      collectedAt: at,
      calls: i === 0 ? calls : 0,
    }));
  } catch (err) {
    if ((err as Error).name === 'ReadOnlyViolation') throw err;
    return [{ dataset: id, region: unit.region, resourceKey: '', ok: false, error: classifyError(err), collectedAt: now().toISOString(), calls }];
  }
}

const RETRYABLE = new Set(['throttled', 'timeout', 'server-error', 'network', 'malformed-response', 'credentials', 'unknown']);

function alreadyCollected(snapshot: Snapshot, unit: Unit): boolean {
  const records =
    unit.dataset.scope === 'per-resource'
      ? snapshot.records(unit.dataset.id)
      : snapshot.records(unit.dataset.id).filter((r) => r.region === unit.region);
  return records.length > 0 && records.every((r) => r.ok || !RETRYABLE.has(r.error.kind));
}

/** Datasets grouped so that each group only depends on earlier groups. */
export function dependencyLevels(datasets: DatasetDef[]): DatasetDef[][] {
  const ids = new Set(datasets.map((d) => d.id));
  const level = new Map<string, number>();
  const depth = (d: DatasetDef): number => {
    const known = level.get(d.id);
    if (known !== undefined) return known;
    const deps = (d.dependsOn ?? []).filter((x) => ids.has(x));
    const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((x) => depth(datasets.find((y) => y.id === x) as DatasetDef)));
    level.set(d.id, value);
    return value;
  };
  const levels: DatasetDef[][] = [];
  for (const d of datasets) (levels[depth(d)] ??= []).push(d);
  return levels.filter(Boolean);
}
