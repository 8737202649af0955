/**
 * The foundation's promise end to end: a profile with endpoint_url, the real `leasehold` CLI, the
 * real SDK over HTTP to the loopback AWS, a real SQLite file, then report and export.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Finding } from '../../shared/model/finding.ts';
import { startFakeAws, writeAwsProfile, type FakeAws } from '../support/fake-aws/index.ts';
import { seeded as misconfigured, SEEDED_PLANTED as PLANTED } from '../support/fake-aws/accounts/seeded.ts';
import { runCli } from '../support/cli.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

let fake: FakeAws;
let dir: string;
let env: NodeJS.ProcessEnv;

before(async () => {
  fake = await startFakeAws(misconfigured);
  dir = mkdtempSync(join(tmpdir(), 'leasehold-scan-'));
  const files = writeAwsProfile(dir, { profile: 'client-audit', endpoint: fake.endpoint, region: 'us-east-1' });
  env = { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile, LEASEHOLD_DB: join(dir, 'leasehold.db') };
  for (const k of ['AWS_PROFILE', 'AWS_REGION', 'AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID']) env[k] = '';
});
after(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

test('profiles lists the configured profile with its kind and endpoint', async () => {
  const r = await runCli(['profiles'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /client-audit\s+keys\s+us-east-1\s+http:\/\/127\.0\.0\.1:\d+/);
});

test('scan, then report and export: every planted problem found, no planted correct configuration flagged', async () => {
  const scan = await runCli(['scan', '--profile', 'client-audit'], env);
  assert.equal(scan.code, 0, scan.stderr);
  assert.match(scan.stdout, /complete: account 111122223333/);
  assert.ok(fake.calls.get('sts:GetCallerIdentity'), 'the scan went through the endpoint_url');

  const jsonPath = join(dir, 'findings.json');
  const exported = await runCli(['export', '--scan', 'latest', '--format', 'json', '--out', jsonPath], env);
  assert.equal(exported.code, 0, exported.stderr);
  const findings = JSON.parse(readFileSync(jsonPath, 'utf8')) as Finding[];
  assert.ok(Array.isArray(findings) && findings.length > 10);
  for (const key of ['checkId', 'title', 'area', 'service', 'severity', 'status', 'message', 'resourceId', 'resourceArn', 'resourceName', 'region', 'accountId']) {
    assert.ok(findings.every((f) => typeof (f as unknown as Record<string, unknown>)[key] === 'string'), `every finding has ${key}`);
  }
  const areas = new Set(findings.map((f) => f.area));
  assert.deepEqual([...areas].sort(), ['compute-maintenance', 'data-protection', 'identity-access', 'logging-monitoring', 'network', 's3']);
  // Each finding names the requirements its check tests, so it can be matched to a control.
  const frameworks = (f: Finding) => (f as Finding & { frameworks: string[] }).frameworks;
  assert.ok(findings.every((f) => Array.isArray(frameworks(f))));
  assert.ok(findings.filter((f) => f.checkId === 's3-bucket-not-public').every((f) => frameworks(f).some((id) => /^FSBP S3\./.test(id))), 'the public-bucket check carries its FSBP S3 control');
  const listed = JSON.parse((await runCli(['findings', '--scan', 'latest', '--json'], env)).stdout) as Finding[];
  assert.deepEqual(listed.map(frameworks), findings.map(frameworks), 'findings --json carries the same requirements');

  for (const item of PLANTED.filter((p) => p.checkId)) {
    const region = item.region ?? 'global';
    const match = findings.filter((f) => f.checkId === item.checkId && f.resourceId === item.resource && f.region === region);
    assert.equal(match.length, 1, `one finding for ${item.checkId} on ${item.resource} in ${region}`);
    assert.equal(match[0]?.status, item.expect, `${item.checkId} ${item.resource}: ${item.note}`);
  }
  assert.ok(findings.filter((f) => f.status !== 'NOT_APPLICABLE').every((f) => f.status !== 'FAIL' || f.evidence.length > 0), 'every FAIL has evidence');

  const csvPath = join(dir, 'findings.csv');
  assert.equal((await runCli(['export', '--scan', 'latest', '--format', 'csv', '--out', csvPath], env)).code, 0);
  assert.equal(readFileSync(csvPath, 'utf8').trim().split('\n').length, findings.length + 1, 'one CSV row per finding plus a header');

  const pdfPath = join(dir, 'report.pdf');
  const report = await runCli(['report', '--scan', 'latest', '--out', pdfPath], env);
  assert.equal(report.code, 0, report.stderr);
  assert.equal(readFileSync(pdfPath).subarray(0, 5).toString(), '%PDF-');
  execFileSync('qpdf', ['--check', pdfPath]);
  const text = execFileSync('pdftotext', [pdfPath, '-']).toString();
  assert.match(text, /111122223333/);
  assert.match(text, /Services and regions read/);
  assert.ok(text.includes(fake.endpoint), 'the report names the endpoint each service used');
});

test('a denied API is NOT_ASSESSED with its reason, and the scan still completes', async () => {
  fake.faults.push({ service: 'iam', action: 'GetAccountSummary', status: 403, code: 'AccessDenied', message: 'User is not authorized to perform: iam:GetAccountSummary with an explicit deny in a service control policy' });
  const scan = await runCli(['scan', '--profile', 'client-audit', '--regions', 'us-east-1', '--areas', 'identity-access'], env);
  assert.equal(scan.code, 0, scan.stderr);
  const out = await runCli(['findings', '--scan', 'latest', '--json'], env);
  const findings = JSON.parse(out.stdout) as Finding[];
  const { CHECKS } = await import('../../main/core/checks/index.ts');
  const readers = new Set(CHECKS.filter((c) => c.needs.includes('iam:GetAccountSummary')).map((c) => c.meta.id));
  const root = findings.filter((f) => readers.has(f.checkId));
  assert.ok(root.length >= 2, 'every check that reads the account summary reports');
  for (const f of root) {
    assert.equal(f.status, 'NOT_ASSESSED');
    assert.equal(f.reason?.kind, 'explicit-deny');
    assert.equal(f.reason?.code, 'AccessDenied');
  }
  fake.faults.length = 0;
});

test('errors are one clear line: unknown profile exits 1, bad usage exits 2', async () => {
  const missing = await runCli(['scan', '--profile', 'nope'], env);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
  assert.match(missing.stderr, /Profile "nope" was not found/);
  // Without --profile, as the AWS CLI: here no keys in the environment and no AWS_PROFILE, so "default".
  const noProfile = await runCli(['scan'], env);
  assert.equal(noProfile.code, 1);
  assert.equal(noProfile.stderr.trim().split('\n').length, 1);
  assert.match(noProfile.stderr, /Profile "default" was not found/);
  const unknown = await runCli(['frobnicate'], env);
  assert.equal(unknown.code, 2);
  const badRegion = await runCli(['scan', '--profile', 'client-audit', '--regions', 'mars-north-9x'], env);
  assert.equal(badRegion.code, 1);
  assert.match(badRegion.stderr, /not an AWS region name/);
  const help = await runCli(['--help'], env);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /report --scan ID\|latest --out FILE\.pdf/);
});

test('without --profile the scan signs in as the AWS CLI would: keys and endpoint from the environment, else AWS_PROFILE', async () => {
  const fromEnv = { ...env, AWS_CONFIG_FILE: join(dir, 'absent-config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'absent-credentials'), AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_ENDPOINT_URL: fake.endpoint, AWS_REGION: 'us-east-1' };
  const scan = await runCli(['scan', '--regions', 'us-east-1', '--areas', 'network'], fromEnv);
  assert.equal(scan.code, 0, scan.stderr);
  assert.match(scan.stdout, /Scan \S+ complete: account 111122223333/);
  const doctor = await runCli(['doctor', '--areas', 'network'], fromEnv);
  assert.equal(doctor.code, 0, doctor.stderr);
  assert.match(doctor.stdout, /Identity: arn:aws:iam::111122223333:/);
  const named = await runCli(['scan', '--regions', 'us-east-1', '--areas', 'network'], { ...env, AWS_PROFILE: 'client-audit' });
  assert.equal(named.code, 0, named.stderr);
  assert.match(named.stdout, /Scan \S+ complete: account 111122223333/);
});

test('several profiles in one run: one scan per account, and a profile that cannot sign in is reported without stopping the others', async (t) => {
  const second = await startFakeAws({ ...misconfigured, accountId: '444455556666', callerArn: 'arn:aws:iam::444455556666:user/auditor' });
  t.after(() => second.close());
  const multi = mkdtempSync(join(tmpdir(), 'leasehold-multi-'));
  t.after(() => rmSync(multi, { recursive: true, force: true }));
  const a = writeAwsProfile(join(multi, 'a'), { profile: 'acct-a', endpoint: fake.endpoint, region: 'us-east-1' });
  const b = writeAwsProfile(join(multi, 'b'), { profile: 'acct-b', endpoint: second.endpoint, region: 'us-east-1' });
  const config = join(multi, 'config');
  const credentials = join(multi, 'credentials');
  writeFileSync(config, readFileSync(a.configFile, 'utf8') + readFileSync(b.configFile, 'utf8'));
  writeFileSync(credentials, readFileSync(a.credentialsFile, 'utf8') + readFileSync(b.credentialsFile, 'utf8'));
  const menv = { ...env, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, LEASEHOLD_DB: join(multi, 'l.db') };
  const r = await runCli(['scan', '--profile', 'acct-a,acct-b,ghost', '--regions', 'us-east-1', '--areas', 'network'], menv);
  assert.equal(r.code, 1, 'a failed profile makes the run fail');
  assert.match(r.stdout, /complete: account 111122223333/);
  assert.match(r.stdout, /complete: account 444455556666/);
  assert.match(r.stderr, /Could not scan ghost: Profile "ghost" was not found/);
  const scans = await runCli(['scans'], menv);
  assert.equal(scans.stdout.trim().split('\n').length, 3, 'two scans listed under the header');
});

test('history from the command line: diff two scans, hand an engagement over, back up the database', async (t) => {
  const hist = mkdtempSync(join(tmpdir(), 'leasehold-hist-'));
  t.after(() => rmSync(hist, { recursive: true, force: true }));
  const henv = { ...env, LEASEHOLD_DB: join(hist, 'l.db') };
  assert.equal((await runCli(['scan', '--profile', 'client-audit', '--regions', 'us-east-1', '--areas', 'network'], henv)).code, 0);
  fake.faults.push({ service: 'ec2', action: 'DescribeSecurityGroups', status: 403, code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' });
  assert.equal((await runCli(['scan', '--profile', 'client-audit', '--regions', 'us-east-1', '--areas', 'network'], henv)).code, 0);
  fake.faults.length = 0;
  const ids = (await runCli(['scans'], henv)).stdout.trim().split('\n').slice(1).map((l) => l.split(/\s+/)[0] as string).reverse();
  const diff = await runCli(['diff', ids[0] as string, ids[1] as string], henv);
  assert.equal(diff.code, 0, diff.stderr);
  assert.match(diff.stdout, /\d+ not comparable/);
  assert.ok(/not-comparable/.test(diff.stdout), 'a FAIL that could not be read again is not called resolved');
  const list = await runCli(['engagements'], henv);
  const engagementId = list.stdout.trim().split('\n')[1]?.split(/\s+/)[0] ?? '';
  const file = join(hist, 'handover.leasehold');
  assert.equal((await runCli(['engagement-export', '--engagement', engagementId, '--out', file], henv)).code, 0);
  const other = { ...env, LEASEHOLD_DB: join(hist, 'other.db') };
  const imported = await runCli(['engagement-import', '--file', file], other);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /with 2 new scan/);
  assert.equal((await runCli(['scans'], other)).stdout.trim().split('\n').length, 3);
  assert.equal((await runCli(['backup', '--out', join(hist, 'backup.db')], henv)).code, 0);
  const again = await runCli(['backup', '--out', join(hist, 'backup.db')], henv);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already exists/);
});
