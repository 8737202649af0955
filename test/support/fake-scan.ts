/**
 * The set-up the integration tests share: the loopback fake AWS seeded with an account, a profile
 * pointing at it, and then a session, a collected snapshot or a whole scan into a real SQLite store.
 * Everything opened here is closed when the test ends.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { AwsSession } from '../../main/core/aws/session.ts';
import { datasetsFor } from '../../main/core/collect/index.ts';
import { collectSnapshot } from '../../main/core/engine/collect.ts';
import { Snapshot } from '../../main/core/engine/snapshot.ts';
import { startScan } from '../../main/core/scan/run-scan.ts';
import { listFindings } from '../../main/core/store/findings.ts';
import { openDatabase, type Db } from '../../main/core/store/open.ts';
import type { Area } from '../../shared/model/area.ts';
import type { Finding } from '../../shared/model/finding.ts';
import { startFakeAws, writeAwsProfile, type FakeAccount, type FakeAws, type FaultRule } from './fake-aws/index.ts';
import { MIGRATIONS_DIR, tempDir } from './temp.ts';

const PROFILE = 'audit';

export interface FakeSession {
  fake: FakeAws;
  session: AwsSession;
}

export interface FakeCollection extends FakeSession {
  snapshot: Snapshot;
}

export interface FakeScan {
  fake: FakeAws;
  db: Db;
  scanId: string;
  findings: Finding[];
}

/** Starts the fake AWS for `account` with `faults` armed; closed when the test ends. */
export async function startFake(t: TestContext, account: FakeAccount, faults: readonly FaultRule[] = []): Promise<FakeAws> {
  const fake = await startFakeAws(account);
  t.after(() => fake.close());
  fake.faults.push(...faults);
  return fake;
}

/** Writes a profile for `fake` into `dir` and returns the environment that selects it. */
function profileEnv(dir: string, fake: FakeAws): NodeJS.ProcessEnv {
  const files = writeAwsProfile(dir, { profile: PROFILE, endpoint: fake.endpoint, region: 'us-east-1' });
  return { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
}

/** A further session on a running fake, through a profile of its own; closed when the test ends. */
export async function openSessionOn(t: TestContext, fake: FakeAws): Promise<AwsSession> {
  const session = await AwsSession.open({ profile: PROFILE, env: profileEnv(tempDir(t), fake) });
  t.after(() => session.close());
  return session;
}

/** Starts the fake for `account` (with `faults` armed) and opens a session on it. */
export async function openFakeSession(t: TestContext, account: FakeAccount, faults: readonly FaultRule[] = []): Promise<FakeSession> {
  const fake = await startFake(t, account, faults);
  return { fake, session: await openSessionOn(t, fake) };
}

/** Collects the datasets `ids` (with what they depend on) in `regions` into a fresh snapshot, as a scan would. */
export async function collectDatasets(session: AwsSession, accountId: string, ids: Iterable<string>, regions: string[]): Promise<Snapshot> {
  const snapshot = new Snapshot({ accountId, partition: 'aws', regions }, []);
  await collectSnapshot({ session, datasets: datasetsFor(ids), regions, snapshot, signal: new AbortController().signal, onRecords: () => {}, onProgress: () => {} });
  return snapshot;
}

/** openFakeSession, then collectDatasets from that account. */
export async function collectFromFake(
  t: TestContext,
  account: FakeAccount,
  ids: Iterable<string>,
  opts: { regions: string[]; faults?: readonly FaultRule[] },
): Promise<FakeCollection> {
  const { fake, session } = await openFakeSession(t, account, opts.faults);
  return { fake, session, snapshot: await collectDatasets(session, account.accountId, ids, opts.regions) };
}

/** A whole scan of the fake account into a fresh SQLite store, which must complete; its findings as stored. */
export async function scanFake(
  t: TestContext,
  account: FakeAccount,
  opts: { areas: Area[]; regions?: string[]; faults?: readonly FaultRule[] },
): Promise<FakeScan> {
  const fake = await startFake(t, account, opts.faults);
  const dir = tempDir(t);
  const env = profileEnv(dir, fake);
  const db = openDatabase(join(dir, 'l.db'), MIGRATIONS_DIR);
  t.after(() => db.close());
  const scan = await startScan({ db, env, emit: () => {}, toolVersion: 'test' }, { profile: PROFILE, areas: opts.areas, regions: opts.regions });
  assert.equal(await scan.done, 'complete');
  return { fake, db, scanId: scan.scanId, findings: listFindings(db, scan.scanId) };
}
