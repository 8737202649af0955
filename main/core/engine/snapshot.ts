/**
 * What checks see: the collected data of one scan, looked up by (dataset, region, resource).
 * Checks are pure functions of a Snapshot; a missing record reads as an error, never as "empty".
 */
import type { CallErrorKind } from '../../../shared/model/finding.ts';

export interface CallError {
  kind: CallErrorKind;
  code: string;
  message: string;
}

interface RecordBase {
  /** Dataset id, which is also the API call behind it: "service:Operation". */
  dataset: string;
  /** AWS region, or "global" for account-wide services. */
  region: string;
  /** "" for a whole list call; otherwise the resource the call was about (bucket name, trail ARN...). */
  resourceKey: string;
  collectedAt: string;
  /** HTTP requests made for this record, retries included. */
  calls: number;
}

export type SnapshotRecord = (RecordBase & { ok: true; data: unknown }) | (RecordBase & { ok: false; error: CallError });

export type Read<T> = { ok: true; data: T; at: string; region: string; call: string } | { ok: false; error: CallError; call: string; region: string };

export interface SnapshotMeta {
  accountId: string;
  partition: string;
  /** Regions scanned. */
  regions: string[];
}

export const GLOBAL = 'global';

export class Snapshot {
  readonly meta: SnapshotMeta;
  private readonly byKey = new Map<string, SnapshotRecord>();
  private readonly byDataset = new Map<string, SnapshotRecord[]>();

  constructor(meta: SnapshotMeta, records: Iterable<SnapshotRecord>) {
    this.meta = meta;
    for (const r of records) this.add(r);
  }

  /** Adds or replaces a record (collection fills the snapshot as it goes). */
  add(r: SnapshotRecord): void {
    const k = key(r.dataset, r.region, r.resourceKey);
    const previous = this.byKey.get(k);
    this.byKey.set(k, r);
    // Copy the dataset's list only when a record is replaced (a resumed unit); adding is O(1).
    const current = this.byDataset.get(r.dataset) ?? [];
    const list = previous ? current.filter((x) => x !== previous) : current;
    list.push(r);
    this.byDataset.set(r.dataset, list);
  }

  /** The data of one call: a list call (resourceKey "") or a per-resource call. */
  read<T>(dataset: string, region: string, resourceKey = ''): Read<T> {
    const r = this.byKey.get(key(dataset, region, resourceKey));
    if (!r) {
      return {
        ok: false,
        call: dataset,
        region,
        error: { kind: 'not-collected', code: 'NotCollected', message: `${dataset} was not collected in ${region}` },
      };
    }
    if (!r.ok) return { ok: false, error: r.error, call: dataset, region };
    return { ok: true, data: r.data as T, at: r.collectedAt, region, call: dataset };
  }

  /** Every record of a dataset (all regions, all resources). */
  records(dataset: string): readonly SnapshotRecord[] {
    return this.byDataset.get(dataset) ?? [];
  }

  all(): IterableIterator<SnapshotRecord> {
    return this.byKey.values();
  }
}

function key(dataset: string, region: string, resourceKey: string): string {
  return `${dataset}\u0000${region}\u0000${resourceKey}`;
}
