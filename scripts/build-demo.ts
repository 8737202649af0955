/**
 * Regenerates assets/demo/demo-snapshot.json: Leasehold's own collectors scan the fictional
 * Acme account (the seeded test account) served by the loopback fake AWS, through the real SDK over HTTP. Times are
 * pinned so the demo (and its report) is the same on every machine. Run: npm run demo:build
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AREAS } from '../shared/model/area.ts';
import { AwsSession } from '../main/core/aws/session.ts';
import { CHECKS } from '../main/core/checks/index.ts';
import { scanDatasets } from '../main/core/scan/plan.ts';
import { collectSnapshot } from '../main/core/engine/collect.ts';
import { planRegions } from '../main/core/engine/regions.ts';
import { Snapshot, type SnapshotRecord } from '../main/core/engine/snapshot.ts';
import type { DemoFile } from '../main/core/demo.ts';
import { startFakeAws, writeAwsProfile } from '../test/support/fake-aws/index.ts';
import { seeded } from '../test/support/fake-aws/accounts/seeded.ts';

// The demo is the seeded, deliberately imperfect account the catalogue is tested against, under a
// fictional client's name. Times are pinned to the minute of the build, so relative dates in the
// account (last delivery an hour ago...) read naturally, and the committed file never changes after.
const STARTED = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const ENDED = new Date(STARTED.getTime() + 161_000);
const PROFILE = 'acme-audit';

const root = join(import.meta.dirname, '..');
const fake = await startFakeAws(seeded);
const dir = mkdtempSync(join(tmpdir(), 'leasehold-demo-'));
try {
  const files = writeAwsProfile(dir, { profile: PROFILE, endpoint: fake.endpoint, region: 'us-east-1' });
  const env = { ...process.env, AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
  const session = await AwsSession.open({ profile: PROFILE, env });
  const identity = await session.identity();
  const plan = await planRegions(session, 'all', STARTED);
  const snapshot = new Snapshot({ accountId: identity.accountId, partition: session.partition, regions: plan.regions }, [plan.record]);
  const records: SnapshotRecord[] = [plan.record];
  await collectSnapshot({
    session,
    datasets: scanDatasets(CHECKS),
    regions: plan.regions,
    snapshot,
    signal: new AbortController().signal,
    concurrency: 1,
    now: () => new Date(STARTED.getTime() + 60_000),
    onRecords: (r) => records.push(...r),
    onProgress: () => {},
  });
  session.close();
  records.sort((a, b) => `${a.dataset}|${a.region}|${a.resourceKey}`.localeCompare(`${b.dataset}|${b.region}|${b.resourceKey}`));
  const demo: DemoFile = {
    meta: {
      accountId: identity.accountId,
      partition: session.partition,
      regions: plan.regions,
      label: 'Acme Corp (demo)',
      profile: PROFILE,
      callerArn: identity.arn,
      areas: [...AREAS],
      startedAt: STARTED.toISOString(),
      endedAt: ENDED.toISOString(),
      calls: records.reduce((n, r) => n + r.calls, 0),
    },
    records: records.map((r) => ({ ...r, collectedAt: new Date(STARTED.getTime() + 60_000).toISOString() })),
  };
  const out = join(root, 'assets', 'demo', 'demo-snapshot.json');
  writeFileSync(out, `${JSON.stringify(demo, null, 1)}\n`);
  console.log(`Wrote ${out}: ${records.length} records, ${demo.meta.calls} calls, regions ${plan.regions.join(', ')}`);
} finally {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
