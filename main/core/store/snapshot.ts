/** The raw snapshot of a scan: one row per (dataset, region, resource) with data or a classified error. */
import type { CallErrorKind } from '../../../shared/model/finding.ts';
import type { CallError, SnapshotRecord } from '../engine/snapshot.ts';
import type { Db } from './open.ts';

interface RecordRow {
  dataset: string;
  region: string;
  resource_key: string;
  ok: 0 | 1;
  data: string | null;
  error_kind: string | null;
  error_code: string | null;
  error_message: string | null;
  collected_at: string;
  calls: number;
}

/**
 * Written per collection unit, in one transaction, so a killed process leaves whole units only.
 * A record whose data cannot be serialised (nested deeper than JSON.stringify can recurse, or
 * not JSON) is stored as a malformed-response error, that record alone, and is itself turned
 * into that error: the scan's in-memory snapshot holds the same objects, so its checks judge
 * exactly what the store keeps, and the rest of the scan goes on.
 */
export function writeRecords(db: Db, scanId: string, records: SnapshotRecord[]): void {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO snapshot_records (scan_id, dataset, region, resource_key, ok, data, error_kind, error_code,
       error_message, collected_at, calls) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const r of records) {
      // Before the other columns: a record whose data cannot be stored becomes an error here.
      const data = r.ok ? serialised(r) : null;
      insert.run(
        scanId,
        r.dataset,
        r.region,
        r.resourceKey,
        r.ok ? 1 : 0,
        data,
        r.ok ? null : r.error.kind,
        r.ok ? null : r.error.code,
        r.ok ? null : r.error.message,
        r.collectedAt,
        r.calls,
      );
    }
  })();
}

/** The record's data as JSON, or null after turning the record into the error that kept it out. */
function serialised(r: Extract<SnapshotRecord, { ok: true }>): string | null {
  try {
    return JSON.stringify(r.data);
  } catch (err) {
    const failed = r as unknown as { ok: boolean; data?: unknown; error?: CallError };
    failed.ok = false;
    delete failed.data;
    failed.error = unstorable(err);
    return null;
  }
}

function unstorable(err: unknown): CallError {
  const why = (err as Error).message ?? String(err);
  const message = err instanceof RangeError ? `The response nests too deeply to store (${why})` : `The response could not be stored as JSON (${why})`;
  return { kind: 'malformed-response', code: 'UnstorableResponse', message };
}

export function readRecords(db: Db, scanId: string): SnapshotRecord[] {
  const rows = db
    .prepare('SELECT * FROM snapshot_records WHERE scan_id = ? ORDER BY dataset, region, resource_key')
    .all(scanId) as RecordRow[];
  return rows.map((r): SnapshotRecord => {
    const base = { dataset: r.dataset, region: r.region, resourceKey: r.resource_key, collectedAt: r.collected_at, calls: r.calls };
    if (r.ok) return { ...base, ok: true, data: JSON.parse(r.data ?? 'null') as unknown };
    return {
      ...base,
      ok: false,
      error: { kind: (r.error_kind ?? 'unknown') as CallErrorKind, code: r.error_code ?? '', message: r.error_message ?? '' },
    };
  });
}

/** Each record's outcome without its data: cheap enough for coverage summaries of large scans. */
export function readOutcomes(db: Db, scanId: string): SnapshotRecord[] {
  const rows = db
    .prepare(
      `SELECT dataset, region, resource_key, ok, NULL AS data, error_kind, error_code, error_message, collected_at, calls
       FROM snapshot_records WHERE scan_id = ?`,
    )
    .all(scanId) as RecordRow[];
  return rows.map((r): SnapshotRecord => {
    const base = { dataset: r.dataset, region: r.region, resourceKey: r.resource_key, collectedAt: r.collected_at, calls: r.calls };
    if (r.ok) return { ...base, ok: true, data: null };
    return { ...base, ok: false, error: { kind: (r.error_kind ?? 'unknown') as CallErrorKind, code: r.error_code ?? '', message: r.error_message ?? '' } };
  });
}
