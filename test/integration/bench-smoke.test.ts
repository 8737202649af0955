/**
 * `npm run bench` in --quick mode: the real scan pipeline against the benchmark's loopback AWS in
 * a few seconds, with well-formed figures and the server's and the session's call counts in
 * agreement. Also the IAM inventory the benchmark account carries (GetAccountAuthorizationDetails),
 * paged and URL-encoded as IAM sends it, read back by the collector.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { IAMClient } from '@aws-sdk/client-iam';
import type { AwsSession } from '../../main/core/aws/session.ts';
import { DATASETS } from '../../main/core/collect/index.ts';
import type { AuthorizationDetails } from '../../main/core/collect/iam.ts';
import type { CollectContext } from '../../main/core/collect/types.ts';
import { Snapshot } from '../../main/core/engine/snapshot.ts';
import { largeAccount } from '../../scripts/bench/large-account.ts';
import { FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, startFakeAws } from '../support/fake-aws/index.ts';
import { REPO_ROOT } from '../support/temp.ts';

const run = promisify(execFile);

test('the scan benchmark in --quick mode reports well-formed figures and agreeing call counts', async () => {
  const began = Date.now();
  const { stdout, stderr } = await run(process.execPath, [join(REPO_ROOT, 'scripts', 'bench', 'scan-bench.ts'), '--quick', '--latency', '2', '--json', '--no-write'], {
    cwd: REPO_ROOT,
    timeout: 60_000,
  });
  const r = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    calls: { server: number; session: number; recorded: number; byApi: Record<string, number> };
    wallMs: number;
    peakRssMiB: number;
    floorMs: number;
    ratioToFloor: number;
    speedup: number;
    latencyMs: number;
    limits: { total: number; perServiceRegion: number };
    sequential: { wallMs: number; estimated: boolean };
    units: { done: number; total: number };
    machine: { cpus: number; node: string };
  };
  assert.ok(r.calls.server > 50, `${r.calls.server} calls`);
  assert.equal(r.calls.session, r.calls.server, 'the session counted what the server served');
  assert.equal(r.calls.recorded, r.calls.server, 'and the snapshot records carry every attempt');
  assert.equal(r.calls.byApi['s3:GetBucketVersioning'], 60, 'one call per bucket, each to its own region');
  assert.equal(r.units.done, r.units.total);
  assert.equal(r.latencyMs, 2);
  assert.equal(r.floorMs, Math.round((r.calls.server * 2) / r.limits.total));
  assert.ok(r.wallMs > 0 && r.peakRssMiB > 0 && Number.isFinite(r.ratioToFloor));
  assert.equal(r.sequential.estimated, false, 'a small account is scanned sequentially in full');
  assert.ok(r.sequential.wallMs > r.wallMs && r.speedup > 1, `sequential ${r.sequential.wallMs} ms vs ${r.wallMs} ms`);
  assert.ok(r.machine.cpus >= 1 && r.machine.node.startsWith('v'));
  assert.match(stderr, /Ratio to floor/);
  assert.ok(Date.now() - began < 60_000, 'quick mode stays quick');
});

test('GetAccountAuthorizationDetails pages with Marker/IsTruncated and its URL-encoded policies are decoded', async (t) => {
  const account = largeAccount({ regions: 1, buckets: 0, securityGroups: 1, instances: 0, roles: 1200 }, 3);
  const fake = await startFakeAws(account);
  t.after(() => fake.close());
  // A client without the read-only guard: the dataset is tested here before it is on the allowlist.
  const iam = new IAMClient({ region: 'us-east-1', endpoint: fake.endpoint, credentials: { accessKeyId: FAKE_ACCESS_KEY_ID, secretAccessKey: FAKE_SECRET_ACCESS_KEY } });
  t.after(() => iam.destroy());
  const ctx = {
    session: { client: () => iam } as unknown as AwsSession,
    region: 'global',
    homeRegion: 'us-east-1',
    snapshot: new Snapshot({ accountId: account.accountId, partition: 'aws', regions: ['us-east-1'] }, []),
    signal: new AbortController().signal,
    send: (client: { send(c: never): Promise<unknown> }, command: unknown) => client.send(command as never),
  } as CollectContext;
  const data = (await DATASETS.get('iam:GetAccountAuthorizationDetails')?.collect(ctx)) as AuthorizationDetails;
  const auth = account.iam.authorization;
  assert.equal(fake.calls.get('iam:GetAccountAuthorizationDetails'), 2, '1,426 entities at 1,000 a page');
  assert.equal(data.RoleDetailList.length, 1200);
  assert.equal(data.UserDetailList.length, auth?.users.length);
  assert.equal(data.GroupDetailList.length, auth?.groups.length);
  assert.equal(data.Policies.length, auth?.policies.length);
  const role = data.RoleDetailList[0];
  assert.deepEqual(role?.AssumeRolePolicyDocument, JSON.parse(auth?.roles[0]?.AssumeRolePolicyDocument ?? ''));
  assert.equal(typeof data.Policies[0]?.PolicyVersionList?.[0]?.Document, 'object');
  assert.ok(role?.CreateDate instanceof Date);
});
