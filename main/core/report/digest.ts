/**
 * A fingerprint of the stored snapshot a report was made from, so a reader holding the scan's
 * data can check that the report describes exactly that data.
 *
 * leasehold-snapshot-v1, the canonical serialisation:
 *   1. Take every stored record of the scan: dataset, region, resourceKey, ok, collectedAt, calls,
 *      and either `data` (the parsed response) when ok, or `error` {kind, code, message}.
 *   2. Order the records by dataset, then region, then resourceKey, comparing strings by UTF-16
 *      code units (JavaScript's default string order).
 *   3. Write each record as one line: the JSON of the object
 *      {calls, collectedAt, data | error, dataset, ok, region, resourceKey} in the JSON
 *      Canonicalization Scheme (RFC 8785: object keys sorted by UTF-16 code units, no
 *      insignificant whitespace, numbers in ECMAScript's shortest form), followed by "\n".
 *   4. SHA-256 over the UTF-8 bytes of all lines, written as 64 lowercase hex digits.
 */
import { createHash } from 'node:crypto';
import type { SnapshotRecord } from '../engine/snapshot.ts';
import type { SnapshotDigest } from './model.ts';

export const SNAPSHOT_DIGEST_ALGORITHM = 'leasehold-snapshot-v1';

/** RFC 8785 (JCS) serialisation of a JSON value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Non-finite number in snapshot data');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`Cannot serialise a ${typeof value} in snapshot data`);
}

function canonicalRecord(r: SnapshotRecord): string {
  const base = { calls: r.calls, collectedAt: r.collectedAt, dataset: r.dataset, ok: r.ok, region: r.region, resourceKey: r.resourceKey };
  return canonicalJson(r.ok ? { ...base, data: r.data } : { ...base, error: { kind: r.error.kind, code: r.error.code, message: r.error.message } });
}

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function snapshotDigest(records: readonly SnapshotRecord[]): SnapshotDigest {
  const sorted = [...records].sort((a, b) => order(a.dataset, b.dataset) || order(a.region, b.region) || order(a.resourceKey, b.resourceKey));
  const hash = createHash('sha256');
  for (const r of sorted) hash.update(`${canonicalRecord(r)}\n`, 'utf8');
  return { algorithm: SNAPSHOT_DIGEST_ALGORITHM, sha256: hash.digest('hex'), records: sorted.length };
}

/** The steps above in one paragraph, printed in the report's appendix. */
export const SNAPSHOT_DIGEST_METHOD =
  'Records are ordered by dataset, region and resource key (UTF-16 code unit order). Each record is written as one line: ' +
  'the RFC 8785 canonical JSON of {calls, collectedAt, data (when the call succeeded) or error {kind, code, message}, dataset, ok, region, resourceKey}, ' +
  'followed by a line feed. The SHA-256 of the UTF-8 bytes of all lines is the fingerprint. ' +
  'The records are the rows of the snapshot_records table for this scan, in the Leasehold database or in an engagement export (also a SQLite file).';
