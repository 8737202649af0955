/**
 * Resuming an organization member's scan, through the real SDK against the loopback AWS: the scan
 * keeps the role it signed in through (never credentials), so `leasehold resume` and the resume
 * call assume it again from the management profile, land in the member's account, keep what was
 * stored and end with the findings of an uninterrupted scan; a role that refuses now is one line.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import type { ApiEventName } from '../../shared/api.ts';
import type { ApiFailure } from '../../main/core/api.ts';
import { startOrganizationScan } from '../../main/core/scan/organization.ts';
import { resumeScan, type RunningScan, type ScanDeps } from '../../main/core/scan/run-scan.ts';
import { listFindings } from '../../main/core/store/findings.ts';
import { openDatabase, type Db } from '../../main/core/store/open.ts';
import { getScan, getScanAccess, listScans } from '../../main/core/store/scans.ts';
import { readRecords } from '../../main/core/store/snapshot.ts';
import { runCli } from '../support/cli.ts';
import { startFakeAws, type FakeAccount, type FakeAws } from '../support/fake-aws/index.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { signInLog } from '../support/fake-aws/services/sts.ts';
import { MEMBER_A, MEMBER_ROLE_ARN, MEMBER_SG, ORG_EXTERNAL_ID, ORG_ROLE, organizationWithMember } from '../support/organization.ts';
import { MIGRATIONS_DIR, REPO_ROOT, tempDir } from '../support/temp.ts';

const A = MEMBER_A;
const ROLE = ORG_ROLE;
const EXTERNAL_ID = ORG_EXTERNAL_ID;
const ROLE_ARN = MEMBER_ROLE_ARN;
const SG_A = MEMBER_SG;

interface World {
  org: FakeAccount;
  fake: FakeAws;
  env: NodeJS.ProcessEnv;
  dbPath: string;
  db: Db;
  deps: ScanDeps;
  events: { name: ApiEventName; scanId: string }[];
}

async function world(t: TestContext): Promise<World> {
  const org = organizationWithMember();
  const fake = await startFakeAws(org, { latencyMs: 15 });
  t.after(() => fake.close());
  const home = tempDir(t, 'leasehold-org-resume-');
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'config'), `[profile mgmt]\nregion = us-east-1\nendpoint_url = ${fake.endpoint}\n`);
  writeFileSync(join(home, '.aws', 'credentials'), '[mgmt]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
  const dbPath = join(home, 'leasehold.db');
  const env: NodeJS.ProcessEnv = { HOME: home, LEASEHOLD_DB: dbPath, AWS_EC2_METADATA_DISABLED: 'true' };
  for (const k of ['AWS_PROFILE', 'AWS_REGION', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_STS', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']) env[k] = '';
  const db = openDatabase(dbPath, MIGRATIONS_DIR);
  t.after(() => db.close());
  const events: World['events'] = [];
  const deps: ScanDeps = { db, env, emit: (name, payload) => events.push({ name, scanId: (payload as { scanId: string }).scanId }), toolVersion: 'test' };
  return { org, fake, env, dbPath, db, deps, events };
}

/** Scans member A the way `org:scan` does; `stopAfter` progress events, the scan is cancelled. */
async function scanMember(w: World, opts: { concurrency?: number; stopAfter?: number } = {}): Promise<{ scanId: string; status: string }> {
  let running: RunningScan | undefined;
  const deps: ScanDeps = {
    ...w.deps,
    concurrency: opts.concurrency,
    emit: (name, payload) => {
      w.deps.emit(name, payload);
      const progress = w.events.filter((e) => e.name === 'scan:progress' && e.scanId === running?.scanId).length;
      if (opts.stopAfter !== undefined && progress === opts.stopAfter) running?.cancel();
    },
  };
  const result = await startOrganizationScan(deps, { profile: 'mgmt', role: ROLE, externalId: EXTERNAL_ID, regions: ['us-east-1'], accounts: [A] }, { onStarted: (s) => (running = s) });
  assert.deepEqual(result.skipped, []);
  assert.ok(running);
  return { scanId: running.scanId, status: await running.done };
}

const findingKeys = (db: Db, scanId: string): string[] => listFindings(db, scanId).map((f) => `${f.checkId}|${f.region}|${f.resourceId}|${f.status}|${f.accountId}`).sort();
const total = (fake: FakeAws): number => [...fake.calls.values()].reduce((a, b) => a + b, 0);

test("a member's scan cancelled mid-collection resumes through its role in the member's account, keeping what it stored", async (t) => {
  const w = await world(t);
  const before = total(w.fake);
  const full = await scanMember(w);
  assert.equal(full.status, 'complete');
  const fullCalls = total(w.fake) - before;
  const expected = findingKeys(w.db, full.scanId);
  assert.ok(expected.includes(`ec2-sg-admin-ports-open|us-east-1|${SG_A}|FAIL|${A}`), "the uninterrupted scan found A's open SSH");

  const partial = await scanMember(w, { concurrency: 1, stopAfter: 16 });
  assert.equal(partial.status, 'cancelled');
  const kept = readRecords(w.db, partial.scanId);
  const keptCalls = kept.reduce((n, r) => n + r.calls, 0);
  assert.ok(kept.length >= 8 && keptCalls >= 6, `kept ${kept.length} records of ${keptCalls} calls`);

  // What the scan keeps to sign in again: the role and the external ID, nothing issued by STS.
  const raw = w.db.prepare('SELECT * FROM scans WHERE id = ?').get(partial.scanId) as Record<string, unknown>;
  assert.deepEqual(JSON.parse(String(raw.access)), { roleArn: ROLE_ARN, externalId: EXTERNAL_ID });
  assert.doesNotMatch(JSON.stringify(raw), /ASIA[A-Z2-7]{16}|IQoJb3JpZ2lu|SessionToken|SecretAccessKey/, 'no credentials in the scan row');
  assert.equal(getScan(w.db, partial.scanId)?.viaRoleArn, ROLE_ARN);
  assert.equal(getScan(w.db, partial.scanId)?.profile, 'mgmt');

  const signIns = signInLog(w.org).length;
  const beforeResume = total(w.fake);
  const callsBefore = new Map(w.fake.calls);
  const resumed = await resumeScan(w.deps, partial.scanId);
  assert.equal(resumed.scanId, partial.scanId);
  assert.equal(await resumed.done, 'complete');
  const resumeCalls = total(w.fake) - beforeResume;

  assert.deepEqual(findingKeys(w.db, partial.scanId), expected, 'the same findings as the uninterrupted scan, all about A');
  const scan = getScan(w.db, partial.scanId);
  assert.equal(scan?.accountId, A);
  assert.equal(scan?.status, 'complete');
  const again = signInLog(w.org).slice(signIns);
  assert.deepEqual(again.map((s) => [s.roleArn, s.externalId, s.callerArn]), [[ROLE_ARN, EXTERNAL_ID, seeded.callerArn]], 'one AssumeRole of the stored role, from the management profile');
  assert.match(again[0]?.sessionName ?? '', /^leasehold-\d{8}T\d{6}Z$/);

  // The stored units were kept, not collected again: same rows, same collection times, and fewer calls.
  const after = new Map(readRecords(w.db, partial.scanId).map((r) => [`${r.dataset}|${r.region}|${r.resourceKey}`, r.collectedAt]));
  for (const r of kept) assert.equal(after.get(`${r.dataset}|${r.region}|${r.resourceKey}`), r.collectedAt, `${r.dataset} was not collected again`);
  for (const r of kept.filter((x) => x.calls > 0)) {
    assert.equal((w.fake.calls.get(r.dataset) ?? 0) - (callsBefore.get(r.dataset) ?? 0), 0, `the resume did not call ${r.dataset} again`);
  }
  assert.ok(resumeCalls <= fullCalls - keptCalls, `the resume made ${resumeCalls} calls; a full scan ${fullCalls}, of which ${keptCalls} were kept`);
  assert.equal(w.events.at(-1)?.name, 'scan:finished');
});

test('a role that can no longer be assumed refuses the resume in one line naming the role and the account; the scan stays resumable', async (t) => {
  const w = await world(t);
  const partial = await scanMember(w, { concurrency: 1, stopAfter: 3 });
  assert.equal(partial.status, 'cancelled');
  const kept = readRecords(w.db, partial.scanId).length;
  const role = w.org.members?.[0]?.signIn?.roles?.[0];
  assert.ok(role);
  role.externalId = 'another-vendor';

  await assert.rejects(resumeScan(w.deps, partial.scanId), (e: ApiFailure) => {
    assert.equal(e.code, 'aws-assume-role-denied');
    assert.equal(
      e.message,
      `Scan ${partial.scanId} of account ${A} cannot resume: AccessDenied: could not assume ${ROLE_ARN}: the role does not exist or its trust policy does not trust ${seeded.callerArn} with this external ID.`,
    );
    return true;
  });
  const cli = await runCli(['resume', '--scan', partial.scanId], w.env);
  assert.equal(cli.code, 1);
  assert.equal(cli.stderr.trim().split('\n').length, 1, cli.stderr);
  assert.match(cli.stderr, new RegExp(`cannot resume: AccessDenied: could not assume ${ROLE_ARN.replace(/\//g, '\\/')}`));
  assert.equal(getScan(w.db, partial.scanId)?.status, 'cancelled', 'a refused resume leaves the scan as it was');
  assert.equal(readRecords(w.db, partial.scanId).length, kept);

  role.externalId = EXTERNAL_ID;
  const resumed = await resumeScan(w.deps, partial.scanId);
  assert.equal(await resumed.done, 'complete');
});

test('`leasehold resume` continues a member scan whose process was killed, in the member account, to the uninterrupted result', async (t) => {
  const w = await world(t);
  const full = await scanMember(w);
  const expected = findingKeys(w.db, full.scanId);
  // One call at a time, so the kill lands mid-collection.
  assert.equal((await runCli(['settings', '--concurrency', '1'], w.env)).code, 0);

  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'leasehold.mjs'), 'scan', '--profile', 'mgmt', '--org-role', ROLE, '--external-id', EXTERNAL_ID, '--accounts', A, '--regions', 'us-east-1'], {
    env: { ...process.env, ...w.env },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('close', resolve));
  const scanId = await waitForPartialScan(w.dbPath, full.scanId, 4);
  child.kill('SIGKILL');
  await exited;

  const cli = await runCli(['resume', '--scan', scanId], w.env);
  assert.equal(cli.code, 0, cli.stderr);
  assert.match(cli.stdout, new RegExp(`Scan ${scanId} complete: account ${A}`));
  const scan = listScans(w.db).find((s) => s.id === scanId);
  assert.equal(scan?.status, 'complete');
  assert.equal(scan?.viaRoleArn, ROLE_ARN);
  assert.deepEqual(findingKeys(w.db, scanId), expected);
  assert.equal(getScanAccess(w.db, scanId)?.externalId, EXTERNAL_ID);
});

/** The id of the first scan other than `except` once it has stored `records` snapshot records. */
async function waitForPartialScan(dbPath: string, except: string, records: number): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (existsSync(dbPath)) {
      const db = new Database(dbPath, { readonly: true });
      try {
        const row = db.prepare('SELECT scan_id, COUNT(*) AS n FROM snapshot_records WHERE scan_id <> ? GROUP BY scan_id').get(except) as { scan_id: string; n: number } | undefined;
        if (row && row.n >= records) return row.scan_id;
      } finally {
        db.close();
      }
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the scan never stored enough to be interrupted');
}
