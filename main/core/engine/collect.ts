/**
 * Runs the collection units of a scan: every needed dataset once per region (or once per
 * account, or once after its parents for per-resource calls). A dataset starts as soon as the
 * datasets it depends on are complete, and every API call, whichever unit sends it, goes through
 * one limiter: at most `total` requests in flight for the account and `perServiceRegion` per
 * service and region. A failed call never stops the scan: it becomes a classified error record
 * that checks turn into NOT_ASSESSED.
 */
import type { AwsSession } from '../aws/session.ts';
import type { CollectContext, DatasetDef, ResourceResult } from '../collect/types.ts';
import { classifyError } from './classify.ts';
import type { Snapshot } from './snapshot.ts';
import { GLOBAL, type SnapshotRecord } from './snapshot.ts';

export interface CollectProgress {
  unitsDone: number;
  unitsTotal: number;
  service: string;
  region: string;
  calls: number;
  errors: number;
}

export interface ConcurrencyLimits {
  /** Requests in flight for the whole account. */
  total: number;
  /** Requests in flight per service and region; a global service (IAM) is one region. */
  perServiceRegion: number;
}

/**
 * Chosen with `npm run bench -- --sweep` (docs/benchmarks.md), 40 ms per request, two cores:
 * 32/16 took 27 s (1.16x its floor), 48/24 19 s (1.22x), 64/32 16 s (1.34x) with the scanner at
 * a full core, and 96 or more got slower again. 48 leaves a fifth of a core for the app around the
 * scan and more room under the 1.5x target when the machine is busy. Per service+region is half of
 * the total: the busiest region's bucket calls keep pace (at 16 they set the scan's length), and a
 * throttled API never holds more than half the account's slots.
 */
export const DEFAULT_CONCURRENCY: ConcurrencyLimits = { total: 48, perServiceRegion: 24 };

export interface CollectOptions {
  session: AwsSession;
  datasets: DatasetDef[];
  regions: string[];
  snapshot: Snapshot;
  /** Called with each finished unit's records, so they are stored as the scan goes. */
  onRecords(records: SnapshotRecord[]): void;
  onProgress(progress: CollectProgress): void;
  signal: AbortSignal;
  /** A number n means n in flight in all (1: a sequential scan), with the per service+region default capped at n. */
  concurrency?: number | Partial<ConcurrencyLimits>;
  now?: () => Date;
  /** Per-resource datasets call at most this many resources (doctor's probe). */
  sample?: number;
}

interface Unit {
  dataset: DatasetDef;
  region: string;
  /** Other datasets of this scan depend on it: its calls go first. */
  parent: boolean;
}

/** IAM has one endpoint for the account, whatever region its client is built for. */
const GLOBAL_SERVICES = new Set(['iam']);

export function concurrencyLimits(value: CollectOptions['concurrency']): ConcurrencyLimits {
  const asked = typeof value === 'number' ? { total: value } : (value ?? {});
  const total = Math.max(1, Math.floor(asked.total ?? DEFAULT_CONCURRENCY.total));
  const perServiceRegion = Math.max(1, Math.floor(asked.perServiceRegion ?? Math.min(total, DEFAULT_CONCURRENCY.perServiceRegion)));
  return { total, perServiceRegion: Math.min(total, perServiceRegion) };
}

export async function collectSnapshot(opts: CollectOptions): Promise<void> {
  const now = opts.now ?? (() => new Date());
  // Aborted by the caller's signal, or by a fatal error (read-only violation) to stop the rest.
  const stop = new AbortController();
  const forward = () => stop.abort();
  opts.signal.addEventListener('abort', forward, { once: true });
  const limiter = new CallLimiter(concurrencyLimits(opts.concurrency));
  stop.signal.addEventListener('abort', () => limiter.cancel(), { once: true });
  if (opts.signal.aborted) stop.abort();
  const ids = new Set(opts.datasets.map((d) => d.id));
  const parents = new Set(opts.datasets.flatMap((d) => d.dependsOn ?? []));
  const unitsTotal = opts.datasets.reduce((n, d) => n + (d.scope === 'regional' ? opts.regions.length : 1), 0);
  const state = { unitsDone: 0, calls: 0, errors: 0 };

  const runDataset = async (dataset: DatasetDef): Promise<void> => {
    if (stop.signal.aborted) return;
    const parent = parents.has(dataset.id);
    const all: Unit[] = (dataset.scope === 'regional' ? opts.regions : [GLOBAL]).map((region) => ({ dataset, region, parent }));
    // Resuming: units already collected (or failed for a reason a retry won't fix) are kept as they are.
    const units = all.filter((u) => !alreadyCollected(opts.snapshot, u));
    state.unitsDone += all.length - units.length;
    await Promise.all(
      units.map(async (unit) => {
        const records = await runUnit(unit, opts, stop.signal, limiter, now);
        // A unit cut short by cancellation leaves nothing behind: resuming collects it whole.
        if (records === undefined) return;
        for (const r of records) {
          opts.snapshot.add(r);
          state.calls += r.calls;
          if (!r.ok) state.errors += 1;
        }
        opts.onRecords(records);
        state.unitsDone += 1;
        opts.onProgress({ ...state, unitsTotal, service: unit.dataset.service, region: unit.region });
      }),
    );
  };

  // In dependency order, so each dataset's parents already have their promise; parents first
  // within a level, so their first calls take the first free slots.
  const started = new Map<string, Promise<void>>();
  const ordered = dependencyLevels(opts.datasets).flatMap((level) => [...level].sort((a, b) => Number(parents.has(b.id)) - Number(parents.has(a.id))));
  for (const dataset of ordered) {
    const deps = (dataset.dependsOn ?? []).filter((x) => ids.has(x)).map((x) => started.get(x));
    started.set(dataset.id, Promise.all(deps).then(() => runDataset(dataset)));
  }
  try {
    await Promise.all(started.values());
  } catch (err) {
    stop.abort();
    throw err;
  } finally {
    opts.signal.removeEventListener('abort', forward);
  }
}

/** The unit's records, or undefined when cancellation cut it short. */
async function runUnit(unit: Unit, opts: CollectOptions, signal: AbortSignal, limiter: CallLimiter, now: () => Date): Promise<SnapshotRecord[] | undefined> {
  let calls = 0;
  const ctx: CollectContext = {
    session: opts.session,
    region: unit.region,
    homeRegion: opts.session.homeRegion,
    snapshot: opts.snapshot,
    signal,
    sample: opts.sample,
    async send<T>(client: { send(command: never): Promise<unknown> }, command: unknown): Promise<T> {
      const release = await limiter.acquire(await limiter.keyOf(client, unit), unit.parent);
      let attempts = 1;
      try {
        const out = (await client.send(command as never)) as { $metadata?: { attempts?: number } };
        attempts = out.$metadata?.attempts ?? 1;
        return out as T;
      } catch (err) {
        attempts = (err as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
        throw err;
      } finally {
        calls += attempts;
        release(attempts);
      }
    },
  };
  const id = unit.dataset.id;
  try {
    const data = await unit.dataset.collect(ctx);
    if (signal.aborted) return undefined;
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
    // A refused write and declined credential renewal stop the scan (it stays resumable); every
    // other failure is a classified record.
    if ((err as Error).name === 'ReadOnlyViolation' || (err as Error).name === 'CredentialsNotRenewed') throw err;
    if (signal.aborted) return undefined;
    return [{ dataset: id, region: unit.region, resourceKey: '', ok: false, error: classifyError(err), collectedAt: now().toISOString(), calls }];
  }
}

/**
 * Admits a call when both the account's and its service+region's in-flight counts are below
 * their limits. Waiting calls queue per service+region. When a slot frees, a service+region with
 * nothing in flight goes first (a page chain or a parent list call never starves), then the one
 * with the longest queue (the busiest region's 600 bucket calls set the scan's length). A
 * service+region whose calls needed retries (throttling) has its own limit halved, and regains
 * it one call at a time as calls succeed first time: its calls sleep in the SDK's backoff while
 * holding a slot, and should not hold many.
 */
export class CallLimiter {
  readonly limits: ConcurrencyLimits;
  private inFlight = 0;
  private readonly perKey = new Map<string, number>();
  private readonly caps = new Map<string, number>();
  private readonly queues = new Map<string, Waiter[]>();
  private readonly keys = new WeakMap<object, Promise<string>>();
  private cancelled = false;

  constructor(limits: ConcurrencyLimits) {
    this.limits = limits;
  }

  /** "service:region" of an SDK client (its own config), else of the unit that sends. */
  keyOf(client: object, unit: Unit): Promise<string> {
    let key = this.keys.get(client);
    if (!key) {
      const config = (client as { config?: { serviceId?: string; region?: string | (() => Promise<string>) } }).config;
      const service = (config?.serviceId ?? unit.dataset.service).toLowerCase();
      const region = typeof config?.region === 'function' ? config.region() : Promise.resolve(config?.region ?? unit.region);
      key = region.then((r) => `${service}:${GLOBAL_SERVICES.has(service) ? GLOBAL : r}`);
      this.keys.set(client, key);
    }
    return key;
  }

  /** Resolves with the release function once the call may go; rejects once the limiter is cancelled. */
  acquire(key: string, priority = false): Promise<Release> {
    if (this.cancelled) return Promise.reject(cancelled());
    if (this.queues.size === 0 && this.hasRoom(key)) return Promise.resolve(this.take(key));
    return new Promise((resolve, reject) => {
      const waiter = { grant: () => resolve(this.take(key)), reject, priority };
      const queue = this.queues.get(key) ?? [];
      // Priority calls queue ahead of the others of their service+region, in their own order.
      const at = priority ? queue.findIndex((w) => !w.priority) : -1;
      queue.splice(at < 0 ? queue.length : at, 0, waiter);
      this.queues.set(key, queue);
      this.pump();
    });
  }

  /** Refuses every waiting and future call (one listener on the scan's signal, not one per call). */
  cancel(): void {
    this.cancelled = true;
    const waiting = [...this.queues.values()].flat();
    this.queues.clear();
    for (const w of waiting) w.reject(cancelled());
  }

  private cap(key: string): number {
    return Math.max(1, Math.floor(this.caps.get(key) ?? this.limits.perServiceRegion));
  }

  private hasRoom(key: string): boolean {
    return this.inFlight < this.limits.total && (this.perKey.get(key) ?? 0) < this.cap(key);
  }

  private take(key: string): Release {
    this.inFlight += 1;
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
    let released = false;
    return (attempts) => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.perKey.set(key, (this.perKey.get(key) ?? 1) - 1);
      const cap = this.caps.get(key) ?? this.limits.perServiceRegion;
      const next = attempts > 1 ? Math.max(1, cap / 2) : Math.min(this.limits.perServiceRegion, cap + 1 / cap);
      this.caps.set(key, next);
      this.pump();
    };
  }

  private pump(): void {
    while (this.inFlight < this.limits.total) {
      const key = this.next();
      if (key === undefined) return;
      const queue = this.queues.get(key) as Waiter[];
      const waiter = queue.shift() as Waiter;
      if (queue.length === 0) this.queues.delete(key);
      waiter.grant();
    }
  }

  private next(): string | undefined {
    let idle: string | undefined;
    let busiest: string | undefined;
    let longest = 0;
    for (const [key, queue] of this.queues) {
      const running = this.perKey.get(key) ?? 0;
      if (running >= this.cap(key)) continue;
      if (queue[0]?.priority) return key;
      if (running === 0) idle ??= key;
      else if (queue.length > longest) {
        busiest = key;
        longest = queue.length;
      }
    }
    return idle ?? busiest;
  }
}

/** Ends a call's hold on its slots; `attempts` (retries included) above 1 means the API pushed back. */
type Release = (attempts: number) => void;

interface Waiter {
  grant(): void;
  reject(err: Error): void;
  /** Sent for a dataset that others wait on (ListBuckets before 2,000 bucket calls). */
  priority: boolean;
}

function cancelled(): Error {
  return Object.assign(new Error('Collection was cancelled'), { name: 'CollectCancelled' });
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
