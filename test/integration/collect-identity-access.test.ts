/**
 * The identity-access collectors through the real SDK against the fake: the credential report
 * (generate, poll, base64 CSV), NoSuchEntity as "no password policy", virtual MFA devices, server
 * certificates, Access Analyzer (REST JSON), and a whole area scan of the seeded account.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { CHECKS } from '../../main/core/checks/index.ts';
import type { StoredAccessFinding, StoredAnalyzer } from '../../main/core/collect/accessanalyzer.ts';
import type { StoredCredentialReport, StoredPasswordPolicy } from '../../main/core/collect/iam-credentials.ts';
import type { StoredServerCertificate, StoredVirtualMfaDevice } from '../../main/core/collect/iam-entities.ts';
import type { FakeAccount, FaultRule } from '../support/fake-aws/index.ts';
import { seeded, SEEDED_PLANTED } from '../support/fake-aws/accounts/seeded.ts';
import { identityAccessAuthorization, identityAccessFixture } from '../support/fake-aws/accounts/planted/identity-access.ts';
import { collectFromFake, scanFake } from '../support/fake-scan.ts';

/** The seeded account with this area's IAM entities, whether or not seeded.ts wires them in yet. */
const account: FakeAccount = { ...seeded, iam: { ...seeded.iam, authorization: seeded.iam.authorization ?? identityAccessAuthorization } };
const REGIONS = ['us-east-1', 'eu-west-1', 'af-south-1'];

const collect = (t: TestContext, acct: FakeAccount, ids: string[], faults: FaultRule[] = []) => collectFromFake(t, acct, ids, { regions: REGIONS, faults });

test('the credential report is generated, polled until COMPLETE and parsed from base64 CSV with AWS value conventions', async (t) => {
  const rows = [...(identityAccessFixture.credentialReport?.rows ?? []), { user: 'ops,oncall', arn: 'arn:aws:iam::111122223333:user/ops,oncall', password_enabled: true }];
  const polled: FakeAccount = { ...account, ext: { ...account.ext, identityAccess: { ...identityAccessFixture, credentialReport: { rows }, credentialReportPendingPolls: 2 } } };
  const { snapshot, fake } = await collect(t, polled, ['iam:GetCredentialReport']);
  assert.equal(fake.calls.get('iam:GenerateCredentialReport'), 3, 'STARTED, INPROGRESS, COMPLETE');
  assert.equal(fake.calls.get('iam:GetCredentialReport'), 1);
  const read = snapshot.read<StoredCredentialReport>('iam:GetCredentialReport', 'global');
  assert.ok(read.ok);
  assert.equal(read.data.columns.length, 22);
  const root = read.data.rows.find((r) => r.user === '<root_account>');
  assert.equal(root?.password_enabled, 'not_supported');
  assert.equal(root?.mfa_active, 'false');
  assert.match(root?.password_last_used ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
  const newHire = read.data.rows.find((r) => r.user === 'new-hire');
  assert.equal(newHire?.password_last_used, 'no_information');
  assert.equal(newHire?.access_key_1_last_used_date, 'N/A');
  assert.equal(read.data.rows.at(-1)?.user, 'ops,oncall', 'a quoted field keeps its comma');
});

test('no password policy (NoSuchEntity) is stored as null; AccessDenied stays a classified error', async (t) => {
  const { snapshot } = await collect(t, account, ['iam:GetAccountPasswordPolicy']);
  const none = snapshot.read<StoredPasswordPolicy>('iam:GetAccountPasswordPolicy', 'global');
  assert.ok(none.ok);
  assert.equal(none.data.PasswordPolicy, null);
  const denied = await collect(t, account, ['iam:GetAccountPasswordPolicy'], [
    { service: 'iam', action: 'GetAccountPasswordPolicy', status: 403, code: 'AccessDenied', message: 'User is not authorized to perform: iam:GetAccountPasswordPolicy' },
  ]);
  const read = denied.snapshot.read('iam:GetAccountPasswordPolicy', 'global');
  assert.equal(read.ok, false);
  assert.equal(!read.ok && read.error.kind, 'permission-denied');
});

test('virtual MFA devices, server certificates and Access Analyzer analyzers and ACTIVE findings come through the SDK', async (t) => {
  const { snapshot, fake } = await collect(t, account, ['iam:ListVirtualMFADevices', 'iam:ListServerCertificates', 'access-analyzer:ListFindings']);
  const mfa = snapshot.read<StoredVirtualMfaDevice[]>('iam:ListVirtualMFADevices', 'global');
  assert.ok(mfa.ok);
  assert.deepEqual(mfa.data.map((d) => d.User?.UserName ?? null), ['alice', null]);
  const certs = snapshot.read<StoredServerCertificate[]>('iam:ListServerCertificates', 'global');
  assert.ok(certs.ok);
  assert.deepEqual(certs.data.map((c) => [c.ServerCertificateName, c.Expiration?.slice(0, 10)]).slice(0, 1), [['legacy-portal-2019', '2020-03-01']]);
  const eu = snapshot.read<StoredAnalyzer[]>('access-analyzer:ListAnalyzers', 'eu-west-1');
  assert.ok(eu.ok);
  assert.deepEqual(eu.data.map((a) => a.type), ['ACCOUNT_UNUSED_ACCESS']);
  const arn = 'arn:aws:access-analyzer:us-east-1:111122223333:analyzer/account-external';
  const findings = snapshot.read<StoredAccessFinding[]>('access-analyzer:ListFindings', 'us-east-1', arn);
  assert.ok(findings.ok);
  assert.deepEqual(findings.data.map((f) => f.id), ['f-public-site', 'f-vendor-role'], 'the ARCHIVED finding is filtered out by AWS');
  assert.equal(findings.data[0]?.isPublic, true);
  assert.match(findings.data[0]?.createdAt ?? '', /^\d{4}-\d\d-\d\dT/);
  assert.equal(fake.calls.get('access-analyzer:ListFindings'), 2, 'only the active external access analyzers (us-east-1, af-south-1)');
});

test('a scan of the seeded account reports every planted identity-access item as planted, and assesses everything', async (t) => {
  const { findings } = await scanFake(t, account, { areas: ['identity-access'] });
  const ours = new Set(CHECKS.filter((c) => c.meta.area === 'identity-access').map((c) => c.meta.id));
  const problems: string[] = [];
  for (const item of SEEDED_PLANTED.filter((p) => p.checkId && ours.has(p.checkId))) {
    const region = item.region ?? 'global';
    const match = findings.filter((f) => f.checkId === item.checkId && f.resourceId === item.resource && f.region === region);
    if (match.length !== 1) problems.push(`${item.checkId} ${item.resource} ${region}: ${match.length} findings (${item.note})`);
    else if (match[0]?.status !== item.expect) problems.push(`${item.checkId} ${item.resource} ${region}: ${match[0]?.status}, expected ${item.expect}: ${match[0]?.message}`);
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(findings.filter((f) => f.status === 'NOT_ASSESSED').map((f) => `${f.checkId}: ${f.message}`), []);
  assert.ok(findings.filter((f) => f.status === 'FAIL').every((f) => f.evidence.length > 0), 'every FAIL has evidence');
});
