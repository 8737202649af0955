/**
 * The engine against the loopback AWS through the real SDK: faults become classified
 * NOT_ASSESSED reasons, cancelled scans resume from what they stored, re-evaluation works
 * offline, and doctor lists what a missing permission would leave unassessed.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { ApiEventName } from '../../shared/api.ts';
import { AREAS } from '../../shared/model/area.ts';
import { runDoctor } from '../../main/core/aws/doctor.ts';
import { coverageOf } from '../../main/core/engine/coverage.ts';
import { resumeScan, startScan, type ScanDeps } from '../../main/core/scan/run-scan.ts';
import { reevaluateScan } from '../../main/core/scan/reevaluate.ts';
import { listFindings } from '../../main/core/store/findings.ts';
import { openDatabase } from '../../main/core/store/open.ts';
import { getScan } from '../../main/core/store/scans.ts';
import { readRecords } from '../../main/core/store/snapshot.ts';
import { startFakeAws, writeAwsProfile } from '../support/fake-aws/index.ts';
import { misconfigured } from '../support/fake-aws/accounts/misconfigured.ts';
import { MIGRATIONS_DIR, tempDir } from '../support/temp.ts';

async function setup(t: TestContext, latencyMs = 0) {
  const fake = await startFakeAws(misconfigured, { latencyMs });
  t.after(() => fake.close());
  const dir = tempDir(t);
  const files = writeAwsProfile(dir, { profile: 'audit', endpoint: fake.endpoint, region: 'us-east-1' });
  const db = openDatabase(join(dir, 'l.db'), MIGRATIONS_DIR);
  t.after(() => db.close());
  const events: { name: ApiEventName; payload: unknown }[] = [];
  const deps: ScanDeps = {
    db,
    env: { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile },
    emit: (name, payload) => events.push({ name, payload }),
    toolVersion: 'test',
  };
  return { fake, db, deps, events };
}

test('throttling, 500s, timeouts-as-errors and malformed bodies end as classified NOT_ASSESSED, never PASS or FAIL', async (t) => {
  const { fake, db, deps } = await setup(t);
  fake.faults.push(
    { service: 'ec2', action: 'DescribeSecurityGroups', region: 'eu-west-1', status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded.' },
    { service: 'ec2', action: 'GetEbsEncryptionByDefault', region: 'us-east-1', status: 500, code: 'InternalError', message: 'An internal error has occurred' },
    { service: 'cloudtrail', action: 'DescribeTrails', status: 200, code: '', message: '', body: 'garbage' },
    { service: 's3', action: 'GetBucketVersioning', status: 200, code: '', message: '', body: 'truncated' },
  );
  const scan = await startScan(deps, { profile: 'audit', regions: ['us-east-1', 'eu-west-1'] });
  assert.equal(await scan.done, 'complete');
  const findings = listFindings(db, scan.scanId);
  const sg = findings.filter((f) => f.checkId === 'ec2-sg-admin-ports-open' && f.region === 'eu-west-1');
  assert.deepEqual(sg.map((f) => [f.status, f.reason?.kind]), [['NOT_ASSESSED', 'throttled']]);
  const ebs = findings.find((f) => f.checkId === 'ec2-ebs-default-encryption' && f.region === 'us-east-1');
  assert.equal(ebs?.status, 'NOT_ASSESSED');
  assert.equal(ebs?.reason?.kind, 'server-error');
  const trail = findings.find((f) => f.checkId === 'cloudtrail-multi-region-logging');
  assert.equal(trail?.status, 'NOT_ASSESSED');
  assert.equal(trail?.reason?.kind, 'malformed-response');
  const buckets = findings.filter((f) => f.checkId === 's3-bucket-versioning-enabled');
  assert.ok(buckets.length > 0 && buckets.every((f) => f.status === 'NOT_ASSESSED' && f.reason?.kind === 'network'), 'truncated bodies: connection dropped');
  assert.ok((fake.calls.get('ec2:DescribeSecurityGroups') ?? 0) >= 5, 'throttled calls were retried');
  const cells = coverageOf(readRecords(db, scan.scanId));
  assert.ok(cells.find((c) => c.service === 'ec2' && c.region === 'eu-west-1')?.reasons.throttled);
  // Everything that could be read still gave real results.
  assert.equal(findings.find((f) => f.checkId === 'ec2-sg-admin-ports-open' && f.region === 'us-east-1' && f.status === 'FAIL')?.resourceName, 'bastion-ssh');
});

test('a cancelled scan keeps what it collected and resumes to the same results as an uninterrupted scan', async (t) => {
  const { db, deps, events } = await setup(t, 30);
  const full = await startScan(deps, { profile: 'audit' });
  assert.equal(await full.done, 'complete');
  const expected = listFindings(db, full.scanId).map((f) => `${f.checkId}|${f.region}|${f.resourceId}|${f.status}`).sort();

  const partial = await startScan({ ...deps, concurrency: 1 }, { profile: 'audit' });
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (events.filter((e) => e.name === 'scan:progress' && (e.payload as { scanId: string }).scanId === partial.scanId).length >= 3) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  partial.cancel();
  assert.equal(await partial.done, 'cancelled');
  const kept = readRecords(db, partial.scanId).length;
  assert.ok(kept >= 3, `kept ${kept} records`);
  assert.equal(getScan(db, partial.scanId)?.status, 'cancelled');

  const resumed = await resumeScan(deps, partial.scanId);
  assert.equal(await resumed.done, 'complete');
  const got = listFindings(db, partial.scanId).map((f) => `${f.checkId}|${f.region}|${f.resourceId}|${f.status}`).sort();
  assert.deepEqual(got, expected);
  assert.equal(events.at(-1)?.name, 'scan:finished');
});

test('re-evaluation runs the current checks on a stored snapshot offline, as a new result set', async (t) => {
  const { fake, db, deps } = await setup(t);
  const scan = await startScan(deps, { profile: 'audit', areas: ['network', 's3'] });
  await scan.done;
  const callsBefore = [...fake.calls.values()].reduce((a, b) => a + b, 0);
  const id = reevaluateScan(db, scan.scanId, 'test');
  assert.equal([...fake.calls.values()].reduce((a, b) => a + b, 0), callsBefore, 'no AWS call during re-evaluation');
  assert.notEqual(id, scan.scanId);
  const key = (f: { checkId: string; resourceId: string; region: string; status: string }) => `${f.checkId}|${f.region}|${f.resourceId}|${f.status}`;
  assert.deepEqual(listFindings(db, id).map(key), listFindings(db, scan.scanId).map(key));
  assert.equal(readRecords(db, id).length, readRecords(db, scan.scanId).length);
  assert.deepEqual(getScan(db, id)?.areas, ['network', 's3']);
});

test('doctor confirms the identity and lists the checks a missing permission would leave unassessed', async (t) => {
  const { fake, deps } = await setup(t);
  fake.faults.push({ service: 's3', action: 'GetBucketVersioning', status: 403, code: 'AccessDenied', message: 'Access Denied' });
  const report = await runDoctor('audit', deps.env, AREAS);
  assert.equal(report.accountId, '111122223333');
  const probe = report.probes.find((p) => p.call === 's3:GetBucketVersioning');
  assert.equal(probe?.ok, false);
  assert.equal(probe?.kind, 'permission-denied');
  assert.deepEqual(probe?.iamActions, ['s3:GetBucketVersioning']);
  assert.deepEqual(report.notAssessable.map((c) => c.checkId).sort(), ['s3-bucket-mfa-delete-enabled', 's3-bucket-versioning-enabled']);
  assert.ok(report.probes.filter((p) => p.ok).length >= 6);
});

test('a region whose calls are refused as AuthFailure (region not enabled, or denied by an SCP on regions) is NOT_ASSESSED there, assessed elsewhere', async (t) => {
  const { fake, db, deps } = await setup(t);
  fake.faults.push({ service: 'ec2', action: '*', region: 'eu-west-1', status: 401, code: 'AuthFailure', message: 'AWS was not able to validate the provided access credentials' });
  const scan = await startScan(deps, { profile: 'audit', regions: ['us-east-1', 'eu-west-1'], areas: ['network'] });
  assert.equal(await scan.done, 'complete');
  const findings = listFindings(db, scan.scanId);
  const eu = findings.filter((f) => f.region === 'eu-west-1' && f.service === 'ec2');
  const wrong = eu.filter((f) => !(f.status === 'NOT_ASSESSED' && f.reason?.kind === 'region-disabled'));
  assert.deepEqual(wrong.map((f) => `${f.checkId}: ${f.status} ${f.reason?.kind} ${f.message}`), [], 'every eu-west-1 result says the region could not be read');
  assert.ok(eu.length > 0);
  assert.ok(findings.some((f) => f.region === 'us-east-1' && f.status === 'FAIL'), 'us-east-1 still assessed');
  const cells = coverageOf(readRecords(db, scan.scanId)).filter((c) => c.region === 'eu-west-1' && c.service === 'ec2');
  assert.ok(cells[0]?.reasons['region-disabled']);
});
