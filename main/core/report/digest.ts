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

/** An array or object being written, and how many of its members are written already. */
interface Open {
  array: readonly unknown[] | undefined;
  object: Record<string, unknown> | undefined;
  /** The object's keys in output order (empty for an array). */
  keys: string[];
  length: number;
  next: number;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * RFC 8785 (JCS) serialisation of a JSON value. Iterative, with an explicit stack of the open
 * arrays and objects: snapshot data is the account's own and may nest thousands of levels (a
 * hostile policy document), where one call per level overflows the call stack.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  const stack = [open(value)];
  let out = stack[0]!.array ? '[' : '{';
  for (;;) {
    const top = stack[stack.length - 1]!;
    if (top.next === top.length) {
      out += top.array ? ']' : '}';
      stack.pop();
      if (stack.length === 0) return out;
      continue;
    }
    if (top.next > 0) out += ',';
    let member: unknown;
    if (top.array) {
      // Written as null, as JSON.stringify writes a missing array element.
      member = top.array[top.next++] ?? null;
    } else {
      const key = top.keys[top.next++]!;
      out += `${JSON.stringify(key)}:`;
      member = top.object![key];
    }
    if (member !== null && typeof member === 'object') {
      const child = open(member);
      out += child.array ? '[' : '{';
      stack.push(child);
    } else out += scalar(member);
  }
}

function open(value: object): Open {
  if (Array.isArray(value)) return { array: value, object: undefined, keys: [], length: value.length, next: 0 };
  const object = value as Record<string, unknown>;
  // Members whose value is undefined are left out, as JSON.stringify leaves them out.
  const keys = Object.keys(object).filter((k) => object[k] !== undefined).sort(byCodeUnits);
  return { array: undefined, object, keys, length: keys.length, next: 0 };
}

function scalar(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Non-finite number in snapshot data');
    return JSON.stringify(value);
  }
  throw new Error(`Cannot serialise a ${typeof value} in snapshot data`);
}

function canonicalRecord(r: SnapshotRecord): string {
  const base = { calls: r.calls, collectedAt: r.collectedAt, dataset: r.dataset, ok: r.ok, region: r.region, resourceKey: r.resourceKey };
  return canonicalJson(r.ok ? { ...base, data: r.data } : { ...base, error: { kind: r.error.kind, code: r.error.code, message: r.error.message } });
}

export function snapshotDigest(records: readonly SnapshotRecord[]): SnapshotDigest {
  const sorted = [...records].sort((a, b) => byCodeUnits(a.dataset, b.dataset) || byCodeUnits(a.region, b.region) || byCodeUnits(a.resourceKey, b.resourceKey));
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
