/**
 * The engine's call limiter: never more than the account's and a service+region's limits in
 * flight (instrumented fake datasets), a sequential scan is really one call at a time, a
 * throttled API gets fewer slots, cancellation stops between calls, and real throttling from
 * the loopback AWS is ridden out by the SDK's adaptive retries with every call counted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { AwsSession } from '../../main/core/aws/session.ts';
import { DATASETS } from '../../main/core/collect/index.ts';
import { perResource } from '../../main/core/collect/per-resource.ts';
import type { DatasetDef, ResourceResult } from '../../main/core/collect/types.ts';
import { collectSnapshot, concurrencyLimits, type CollectOptions, type CollectProgress } from '../../main/core/engine/collect.ts';
import { GLOBAL, Snapshot, type SnapshotRecord } from '../../main/core/engine/snapshot.ts';
import { largeAccount } from '../../scripts/bench/large-account.ts';
import { startFakeAws, writeAwsProfile } from '../support/fake-aws/index.ts';
import { tempDir } from '../support/temp.ts';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-south-1', 'sa-east-1'];

/** Fake SDK clients that record how many calls are in flight, in all and per service+region. */
class Meter {
  inFlight = 0;
  maxInFlight = 0;
  readonly perKey = new Map<string, number>();
  readonly maxPerKey = new Map<string, number>();
  started = 0;
  startedAfterAbort = 0;
  readonly clients = new Map<string, FakeClient>();
  signal?: AbortSignal;
  /** Per key: how a call ends (default: success on the first attempt after 1-4 ms). */
  behaviour: (key: string, n: number) => { attempts?: number; error?: Error; delayMs?: number } = () => ({});

  client(service: string, region: string): FakeClient {
    const key = `${service}:${service === 'iam' ? GLOBAL : region}`;
    let c = this.clients.get(key);
    if (!c) {
      const serviceId = { ec2: 'EC2', s3: 'S3', iam: 'IAM', cloudtrail: 'CloudTrail' }[service] ?? service;
      c = { config: { serviceId, region: async () => region }, send: (command) => this.call(key, command) };
      this.clients.set(key, c);
    }
    return c;
  }

  private async call(key: string, command: unknown): Promise<unknown> {
    this.started += 1;
    if (this.signal?.aborted) this.startedAfterAbort += 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const now = (this.perKey.get(key) ?? 0) + 1;
    this.perKey.set(key, now);
    this.maxPerKey.set(key, Math.max(this.maxPerKey.get(key) ?? 0, now));
    const outcome = this.behaviour(key, this.started);
    try {
      await sleep(outcome.delayMs ?? 1 + (this.started % 4));
      if (outcome.error) throw Object.assign(outcome.error, { $metadata: { attempts: outcome.attempts ?? 1 } });
      return { $metadata: { attempts: outcome.attempts ?? 1 }, command };
    } finally {
      this.inFlight -= 1;
      this.perKey.set(key, (this.perKey.get(key) ?? 1) - 1);
    }
  }
}

interface FakeClient {
  config: { serviceId: string; region: () => Promise<string> };
  send(command: unknown): Promise<unknown>;
}

/** Three regional paged datasets and a per-resource dataset of 400 resources spread over the regions. */
function datasets(meter: Meter): DatasetDef[] {
  const paged = (id: string, service: 'ec2' | 'cloudtrail', pages: number): DatasetDef => ({
    id,
    service,
    scope: 'regional',
    iamActions: [id],
    async collect(ctx) {
      const out = [];
      for (let p = 0; p < pages; p++) out.push(await ctx.send(meter.client(service, ctx.region), { id, p }));
      return out.length;
    },
  });
  return [
    paged('ec2:DescribeThings', 'ec2', 5),
    paged('ec2:DescribeOthers', 'ec2', 3),
    paged('cloudtrail:DescribeTrails', 'cloudtrail', 2),
    { id: 's3:ListBuckets', service: 's3', scope: 'global', iamActions: [], collect: async (ctx) => ctx.send(meter.client('s3', 'us-east-1'), {}) },
    {
      id: 's3:GetBucketThing',
      service: 's3',
      scope: 'per-resource',
      iamActions: [],
      dependsOn: ['s3:ListBuckets'],
      collect: (ctx) =>
        perResource(
          ctx,
          Array.from({ length: 400 }, (_, i) => ({ name: `b${i}`, region: REGIONS[i % 7 === 0 ? 1 : i % REGIONS.length] as string })),
          (b) => ({ region: b.region, resourceKey: b.name }),
          (b, region) => ctx.send(meter.client('s3', region), { bucket: b.name }),
        ),
    },
  ];
}

async function collect(meter: Meter, extra: Partial<CollectOptions> = {}) {
  const snapshot = new Snapshot({ accountId: '1', partition: 'aws', regions: REGIONS }, []);
  const records: SnapshotRecord[] = [];
  const progress: CollectProgress[] = [];
  await collectSnapshot({
    session: { homeRegion: 'us-east-1' } as AwsSession,
    datasets: datasets(meter),
    regions: REGIONS,
    snapshot,
    signal: new AbortController().signal,
    onRecords: (r) => records.push(...r),
    onProgress: (p) => progress.push(p),
    ...extra,
  });
  return { snapshot, records, progress };
}

test('never more than the account limit in flight, nor the service+region limit, and both are reached', async () => {
  for (const limits of [{ total: 12, perServiceRegion: 4 }, { total: 32, perServiceRegion: 16 }, { total: 6, perServiceRegion: 6 }]) {
    const meter = new Meter();
    const { records, progress } = await collect(meter, { concurrency: limits });
    assert.ok(meter.maxInFlight <= limits.total, `${meter.maxInFlight} in flight > ${limits.total}`);
    for (const [key, max] of meter.maxPerKey) assert.ok(max <= limits.perServiceRegion, `${key}: ${max} in flight > ${limits.perServiceRegion}`);
    assert.equal(meter.maxInFlight, limits.total, 'the limit is used, not just respected');
    // With room for two busy keys, the busiest reaches its own limit (else idle keys get the slots first).
    if (limits.total >= 2 * limits.perServiceRegion) assert.equal(Math.max(...meter.maxPerKey.values()), limits.perServiceRegion);
    // Every call made and counted once; progress once per unit (3 regional x 4 regions, 2 global).
    assert.equal(meter.started, 4 * (5 + 3 + 2) + 1 + 400);
    assert.equal(records.reduce((n, r) => n + r.calls, 0), meter.started);
    assert.equal(records.filter((r) => r.dataset === 's3:GetBucketThing').length, 400);
    assert.equal(progress.length, 3 * 4 + 2);
    assert.equal(progress.at(-1)?.unitsDone, progress.at(-1)?.unitsTotal);
  }
});

test('concurrency 1 is a sequential scan: one call at a time, per-resource calls included', async () => {
  const meter = new Meter();
  await collect(meter, { concurrency: 1 });
  assert.equal(meter.maxInFlight, 1);
  assert.deepEqual(concurrencyLimits(1), { total: 1, perServiceRegion: 1 });
  assert.deepEqual(concurrencyLimits(8), { total: 8, perServiceRegion: 8 });
  assert.deepEqual(concurrencyLimits(undefined), { total: 48, perServiceRegion: 24 });
});

test('a service+region whose calls need retries gets fewer slots; the others keep theirs', async () => {
  const meter = new Meter();
  const throttled = 's3:eu-west-1';
  let throttledDone = 0;
  let maxLate = 0;
  meter.behaviour = (key) => {
    if (key !== throttled) return {};
    throttledDone += 1;
    // After the first retried calls have come back, the key should be held to a slot or two.
    if (throttledDone > 40) maxLate = Math.max(maxLate, meter.perKey.get(key) ?? 0);
    return { attempts: 3, delayMs: 6 };
  };
  const { records } = await collect(meter, { concurrency: { total: 32, perServiceRegion: 8 } });
  assert.ok(maxLate <= 2, `throttled key still had ${maxLate} in flight`);
  assert.equal(meter.maxPerKey.get('s3:us-east-1'), 8);
  assert.ok(records.every((r) => r.ok), 'retried calls that succeed are data, not errors');
});

test('each failed per-resource call is a classified record; a read-only violation stops the scan', async () => {
  const meter = new Meter();
  meter.behaviour = (key, n) => (key === 's3:ap-south-1' && n % 2 === 0 ? { error: Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }) } : {});
  const { records } = await collect(meter);
  const failed = records.filter((r) => !r.ok);
  assert.ok(failed.length > 0 && failed.every((r) => !r.ok && r.error.kind === 'permission-denied' && r.region === 'ap-south-1'));
  assert.equal(records.filter((r) => r.dataset === 's3:GetBucketThing').length, 400);

  const guarded = new Meter();
  guarded.behaviour = (key) => (key === 'ec2:sa-east-1' ? { error: Object.assign(new Error('read-only'), { name: 'ReadOnlyViolation' }) } : {});
  await assert.rejects(collect(guarded), { name: 'ReadOnlyViolation' });
});

test('cancellation stops between calls: nothing starts after the abort and cut units leave no records', async () => {
  const meter = new Meter();
  const controller = new AbortController();
  meter.signal = controller.signal;
  meter.behaviour = (_key, n) => {
    if (n === 60) controller.abort();
    return { delayMs: 5 };
  };
  const { records, progress } = await collect(meter, { signal: controller.signal, concurrency: { total: 8, perServiceRegion: 4 } });
  assert.equal(meter.startedAfterAbort, 0);
  assert.ok(meter.started < 100, `${meter.started} calls started`);
  assert.equal(records.filter((r) => r.dataset === 's3:GetBucketThing').length, 0, 'the per-resource unit was cut short and dropped whole');
  assert.ok(records.every((r) => r.ok));
  assert.equal(progress.length, new Set(records.map((r) => `${r.dataset}|${r.region}`)).size);
});

test('throttling from the loopback AWS (S3 SlowDown) is ridden out by adaptive retries, every attempt counted', async (t) => {
  const account = largeAccount({ regions: 1, buckets: 30, securityGroups: 1, instances: 0, roles: 0 }, 7);
  // A tight bucket: 5 at once, then 50 a second, for every GetBucketVersioning in the region.
  const fake = await startFakeAws(account, {
    latencyMs: 5,
    throttle: [{ service: 's3', action: 'GetBucketVersioning', ratePerSecond: 50, burst: 5 }],
  });
  t.after(() => fake.close());
  const files = writeAwsProfile(tempDir(t), { profile: 'p', endpoint: fake.endpoint, region: 'us-east-1' });
  const session = await AwsSession.open({ profile: 'p', env: { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile } });
  t.after(() => session.close());
  const snapshot = new Snapshot({ accountId: account.accountId, partition: 'aws', regions: ['us-east-1'] }, []);
  await collectSnapshot({
    session,
    datasets: ['s3:ListBuckets', 's3:GetBucketVersioning'].map((id) => DATASETS.get(id) as DatasetDef),
    regions: ['us-east-1'],
    snapshot,
    signal: new AbortController().signal,
    onRecords: () => {},
    onProgress: () => {},
  });
  const versioning = snapshot.records('s3:GetBucketVersioning');
  assert.equal(versioning.length, 30);
  assert.deepEqual(versioning.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code)), [], 'no bucket left unassessed');
  assert.ok((fake.throttled.get('s3:GetBucketVersioning') ?? 0) > 0, 'the fake did throttle');
  const served = [...fake.calls.values()].reduce((a, b) => a + b, 0);
  assert.equal(session.calls, served, 'the session counted every HTTP attempt the server saw');
  assert.equal([...snapshot.all()].reduce((n, r) => n + r.calls, 0), served, 'and the records carry them all');
  t.diagnostic(`${fake.throttled.get('s3:GetBucketVersioning')} SlowDown answers ridden out over ${served} requests`);
});

test('per-resource results keep their order and region', async () => {
  const results: ResourceResult[] = await perResource({ sample: 3 }, ['a', 'b', 'c', 'd'], (x) => ({ region: `r-${x}`, resourceKey: x }), async (x) => {
    await sleep(x === 'a' ? 5 : 1);
    return x.toUpperCase();
  });
  assert.deepEqual(results.map((r) => [r.resourceKey, r.region, r.ok && r.data]), [['a', 'r-a', 'A'], ['b', 'r-b', 'B'], ['c', 'r-c', 'C']]);
});
