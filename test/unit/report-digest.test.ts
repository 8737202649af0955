/**
 * The snapshot fingerprint's canonical JSON: byte for byte what the first (recursive)
 * implementation wrote for every value it could write, so fingerprints printed in earlier reports
 * still verify; and any nesting depth, where the recursive one overflowed the call stack.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { demoFilePath, type DemoFile } from '../../main/core/demo.ts';
import type { SnapshotRecord } from '../../main/core/engine/snapshot.ts';
import { canonicalJson, snapshotDigest } from '../../main/core/report/digest.ts';
import { REPO_ROOT } from '../support/temp.ts';
import { seededRandom } from '../support/random.ts';

/** The implementation fingerprints were first made with (one call per level), kept as the reference. */
function recursiveReference(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Non-finite number in snapshot data');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => recursiveReference(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${recursiveReference(v)}`).join(',')}}`;
  }
  throw new Error(`Cannot serialise a ${typeof value} in snapshot data`);
}


// Keys and strings that sort differently by UTF-16 code units than by code points or locale,
// need escaping, or are odd: astral characters, U+FFFF, lone surrogates, controls, prototype names.
const TEXT = ['', 'a', 'B', 'é', 'e\u0301', '\uffff', '😀', '\ud800', '\udc00x', '"quoted"', 'back\\slash', 'tab\tnew\nline', '\u0000', '\u2028', '__proto__', 'constructor', '10', '9', '-1', 'Z'];
const NUMBERS = [0, -0, 1, -1, 1.5, 0.1 + 0.2, 1e21, 1e-7, -1e-7, 123456789012, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 5e-324, 2 ** 53 + 2];

function randomValue(next: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const kind = depth <= 0 ? Math.floor(next() * 4) : Math.floor(next() * 7);
  switch (kind) {
    case 0:
      return pick([null, true, false]);
    case 1:
      return pick(NUMBERS);
    case 2:
      return pick(TEXT) + (next() < 0.3 ? pick(TEXT) : '');
    case 3:
      return pick([[], {}]);
    case 4:
    case 5: {
      const obj: Record<string, unknown> = {};
      const n = Math.floor(next() * 6);
      for (let i = 0; i < n; i++) obj[pick(TEXT) + (next() < 0.5 ? String(i) : '')] = next() < 0.1 ? undefined : randomValue(next, depth - 1);
      return obj;
    }
    default:
      return Array.from({ length: Math.floor(next() * 6) }, () => (next() < 0.1 ? undefined : randomValue(next, depth - 1)));
  }
}

test('every record of the demo snapshot is written byte for byte as before, so its fingerprint is unchanged', () => {
  const demo = JSON.parse(readFileSync(demoFilePath(join(REPO_ROOT, 'assets', 'demo')), 'utf8')) as DemoFile;
  assert.ok(demo.records.length > 100);
  for (const r of demo.records) assert.equal(canonicalJson(r), recursiveReference(r), `${r.dataset} ${r.region} ${r.resourceKey}`);
  assert.equal(canonicalJson(demo), recursiveReference(demo));
});

test('random nested values (seeded, up to 12 levels) are written exactly as the recursive implementation wrote them', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const value = randomValue(seededRandom(seed), 1 + (seed % 12));
    assert.equal(canonicalJson(value), recursiveReference(value), `seed ${seed}`);
    // And it is JSON that means the same value (undefined members dropped or nulled, as JSON.stringify does).
    assert.deepEqual(JSON.parse(canonicalJson(value)), JSON.parse(JSON.stringify(value)), `seed ${seed}`);
  }
});

test('values nested 100,000 levels deep are written (the recursive implementation overflowed the stack)', () => {
  const depth = 100_000;
  const arrays = JSON.parse(`${'['.repeat(depth)}"x"${']'.repeat(depth)}`) as unknown;
  assert.throws(() => recursiveReference(arrays), RangeError);
  assert.equal(canonicalJson(arrays), `${'['.repeat(depth)}"x"${']'.repeat(depth)}`);
  const objects = JSON.parse(`${'{"b":1,"a":'.repeat(depth)}[]${'}'.repeat(depth)}`) as unknown;
  assert.equal(canonicalJson(objects), `${'{"a":'.repeat(depth)}[]${',"b":1}'.repeat(depth)}`);

  const record: SnapshotRecord = { dataset: 'iam:GetAccountAuthorizationDetails', region: 'global', resourceKey: '', ok: true, data: { deep: arrays }, collectedAt: '2026-01-01T00:00:00.000Z', calls: 1 };
  const digest = snapshotDigest([record]);
  assert.match(digest.sha256, /^[0-9a-f]{64}$/);
  assert.notEqual(snapshotDigest([{ ...record, data: { deep: [arrays] } }]).sha256, digest.sha256, 'one more level is a different fingerprint');
});

test('values that are not JSON are refused as before', () => {
  assert.throws(() => canonicalJson({ a: [1, Number.NaN] }), /Non-finite number/);
  assert.throws(() => canonicalJson({ a: Infinity }), /Non-finite number/);
  assert.throws(() => canonicalJson({ a: [() => 1] }), /Cannot serialise a function/);
  assert.throws(() => canonicalJson(10n), /Cannot serialise a bigint/);
  assert.equal(canonicalJson({ a: undefined, b: [undefined] }), '{"b":[null]}');
});
