/**
 * Conformance against a real AWS emulator: moto's server, seeded by test/conformance/moto_seed.py
 * with a misconfigured account, scanned by Leasehold through the real SDK and its real HTTP stack,
 * exactly as a consultant's profile with `endpoint_url` would. Each seeded problem must FAIL, each
 * seeded correct setting must PASS, and what moto does not implement must be NOT_ASSESSED with
 * the reason, never a verdict. Skipped, with the reason, where moto or boto3 is not installed.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { startOrganizationScan } from '../../main/core/scan/organization.ts';
import { startScan } from '../../main/core/scan/run-scan.ts';
import { listFindings } from '../../main/core/store/findings.ts';
import { openDatabase } from '../../main/core/store/open.ts';
import type { Finding, Status } from '../../shared/model/finding.ts';
import { writeAwsProfile } from '../support/fake-aws/index.ts';
import { motoUnavailable, motoVersion, startMoto } from '../support/moto.ts';
import { MIGRATIONS_DIR, REPO_ROOT, tempDir } from '../support/temp.ts';
import { EXPECTED, EXPLAINED_NOT_ASSESSED, type Seeded } from '../conformance/moto-expected.ts';

const unavailable = motoUnavailable();

test(`a misconfigured account in moto ${unavailable ? '' : motoVersion()}: every seeded problem FAILs, every correct setting PASSes, nothing is guessed`, { skip: unavailable, timeout: 600_000 }, async (t) => {
  const moto = await startMoto(t);
  const seeded = JSON.parse((await moto.seed(join(REPO_ROOT, 'test', 'conformance', 'moto_seed.py'))).trim().split('\n').at(-1) ?? '{}') as Seeded;
  const dir = tempDir(t);
  const files = writeAwsProfile(dir, { profile: 'moto', endpoint: moto.endpoint, region: 'us-east-1' });
  const db = openDatabase(join(dir, 'l.db'), MIGRATIONS_DIR);
  t.after(() => db.close());
  const env = { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
  const scan = await startScan({ db, env, emit: () => {}, toolVersion: 'test' }, { profile: 'moto', regions: ['us-east-1', 'eu-west-1'] });
  assert.equal(await scan.done, 'complete');
  const findings = listFindings(db, scan.scanId);

  const wrong: string[] = [];
  for (const e of EXPECTED) {
    const resource = e.resource(seeded);
    const matching = findings.filter((f) => f.checkId === e.checkId && (resource === undefined || f.resourceId === resource || f.resourceName === resource) && (e.region === undefined || f.region === e.region));
    if (matching.length === 0) wrong.push(`${e.checkId} ${resource ?? '(any)'}: no finding (expected ${e.status}: ${e.why})`);
    for (const f of matching) if (f.status !== e.status) wrong.push(`${e.checkId} ${f.resourceId} ${f.region}: ${f.status}, expected ${e.status} (${e.why}): ${f.message}`);
    for (const f of matching) if (e.says && !e.says.test(f.message)) wrong.push(`${e.checkId} ${f.resourceId} ${f.region}: does not say ${e.says}: ${f.message}`);
    const everywhere = e.once ? findings.filter((f) => f.checkId === e.checkId && (f.resourceId === resource || f.resourceName === resource)) : [];
    if (e.once && everywhere.length !== 1) wrong.push(`${e.checkId} ${resource}: ${everywhere.length} findings (${everywhere.map((f) => f.region).join(', ')}), expected one`);
    const others = e.alone ? findings.filter((f) => f.checkId === e.checkId && f.status === e.status && !matching.includes(f)) : [];
    for (const f of others) wrong.push(`${e.checkId} ${f.resourceId} ${f.region}: also ${f.status}, expected only ${resource}`);
  }
  assert.deepEqual(wrong, []);

  // Not assessed only where moto has no such operation or the account has the service off, saying so.
  const blind = findings.filter((f) => f.status === 'NOT_ASSESSED');
  const unexplained = blind.filter((f) => !EXPLAINED_NOT_ASSESSED.some((u) => u.matches(f)));
  assert.deepEqual(unexplained.map(describe), [], 'NOT_ASSESSED for a reason moto does not explain');
  const counts = (s: Status) => findings.filter((f) => f.status === s).length;
  t.diagnostic(`moto ${motoVersion()}: ${findings.length} findings: FAIL ${counts('FAIL')}, PASS ${counts('PASS')}, NOT_ASSESSED ${counts('NOT_ASSESSED')}, NOT_APPLICABLE ${counts('NOT_APPLICABLE')}`);
});

function describe(f: Finding): string {
  return `${f.checkId} ${f.resourceId} ${f.region}: ${f.reason?.call ?? ''} ${f.reason?.kind ?? ''} ${f.reason?.message.slice(0, 120) ?? ''}`;
}

test('an organization in moto: the member is scanned through OrganizationAccountAccessRole and judged as itself', { skip: unavailable, timeout: 300_000 }, async (t) => {
  const moto = await startMoto(t);
  const { member } = JSON.parse((await moto.seed(join(REPO_ROOT, 'test', 'conformance', 'moto_seed_org.py'))).trim().split('\n').at(-1) ?? '{}') as Seeded;
  const dir = tempDir(t);
  const files = writeAwsProfile(dir, { profile: 'moto', endpoint: moto.endpoint, region: 'us-east-1' });
  const db = openDatabase(join(dir, 'l.db'), MIGRATIONS_DIR);
  t.after(() => db.close());
  const env = { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
  const running: Promise<unknown>[] = [];
  const result = await startOrganizationScan(
    { db, env, emit: () => {}, toolVersion: 'test' },
    { profile: 'moto', role: 'OrganizationAccountAccessRole', regions: ['us-east-1'], areas: ['s3', 'logging-monitoring'] },
    { onStarted: (scan) => running.push(scan.done) },
  );
  assert.deepEqual(await Promise.all(running), ['complete', 'complete']);
  assert.deepEqual(result.skipped, []);
  const findings = result.scanIds.flatMap((id) => listFindings(db, id));
  const theirs = findings.filter((f) => f.accountId === member);
  assert.equal(theirs.find((f) => f.checkId === 's3-bucket-not-public' && f.resourceId === 'acme-workloads-public')?.status, 'FAIL', "the member's public bucket, read with the member's credentials");
  assert.ok(!findings.some((f) => f.accountId !== member && f.resourceId === 'acme-workloads-public'), 'and not seen from the management account');
  // The organization has no delegated GuardDuty administrator, and GuardDuty's list was read: a FAIL, not a guess.
  assert.equal(theirs.find((f) => f.checkId === 'guardduty-detector-enabled')?.status, 'FAIL');
});
