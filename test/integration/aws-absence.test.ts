/**
 * "Not configured" versus "could not read", through the real SDK against the fake: each absence
 * code becomes data the checks judge, every other answer stays an error, and the answers AWS
 * emulators give for operations they do not implement (moto: HTTP 500 with an HTML page; LocalStack:
 * 501 InternalFailure; an unknown route: a bare 404) end NOT_ASSESSED with a reason that says so,
 * for the checks that need that call only, and without retrying what retrying cannot fix.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { GetBucketLocationCommand } from '@aws-sdk/client-s3';
import { GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { s3BucketNotPublic } from '../../main/core/checks/s3/s3-bucket-not-public.ts';
import { securityhubHubEnabled } from '../../main/core/checks/logging-monitoring/securityhub-hub-enabled.ts';
import { iamPasswordPolicyMinLength } from '../../main/core/checks/identity-access/iam-password-policy-min-length.ts';
import type { Check } from '../../main/core/checks/types.ts';
import { regionOfLocation } from '../../main/core/collect/s3.ts';
import { evaluateChecks } from '../../main/core/engine/evaluate.ts';
import { GLOBAL } from '../../main/core/engine/snapshot.ts';
import type { Finding } from '../../shared/model/finding.ts';
import { EMULATOR_HTML_500, localstackNotImplemented, type FakeAccount, type FaultRule } from '../support/fake-aws/index.ts';
import { ACCOUNT_ID } from '../support/fake-aws/accounts/misconfigured.ts';
import { BUCKET } from '../support/fake-aws/accounts/planted/s3.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { collectDatasets, collectFromFake, openFakeSession, openSessionOn, scanFake, type FakeCollection } from '../support/fake-scan.ts';

const REGIONS = ['us-east-1', 'eu-west-1', 'af-south-1'];

const collect = (t: TestContext, ids: string[], faults: FaultRule[] = [], account: FakeAccount = seeded): Promise<FakeCollection> =>
  collectFromFake(t, account, ids, { regions: REGIONS, faults });

async function judge(t: TestContext, check: Check, faults: FaultRule[] = [], account?: FakeAccount): Promise<FakeCollection & { findings: Finding[] }> {
  const run = await collect(t, check.needs, faults, account);
  return { ...run, findings: evaluateChecks([check], run.snapshot) };
}

const one = (findings: Finding[], resourceId: string, region?: string): Finding => {
  const match = findings.filter((f) => f.resourceId === resourceId && (region === undefined || f.region === region));
  assert.equal(match.length, 1, `${resourceId} ${region ?? ''}: ${match.length} findings`);
  return match[0] as Finding;
};

test('LocalStack\'s 501 "not yet implemented": NOT_ASSESSED saying so, for that call only, asked once', async (t) => {
  const fault = { service: 's3', action: 'GetBucketAcl', ...localstackNotImplemented('s3', 'GetBucketAcl') };
  const { findings, snapshot, fake } = await judge(t, s3BucketNotPublic, [fault]);
  const acl = snapshot.records('s3:GetBucketAcl');
  assert.ok(acl.length > 0 && acl.every((r) => !r.ok && r.error.kind === 'server-error' && r.error.code === 'InternalFailure'));
  const first = acl[0];
  assert.ok(first && !first.ok);
  assert.match(first.error.message, /^The endpoint does not implement this operation \(HTTP 501 InternalFailure\): API action 'GetBucketAcl'/);
  assert.equal(fake.calls.get('s3:GetBucketAcl'), acl.length, '501 is not retried: one request per bucket');
  // The ACL is unknown, so a bucket public through its policy still fails and one that could be public only through its ACL is not assessed.
  assert.equal(one(findings, BUCKET.website).status, 'FAIL');
  const aclOnly = one(findings, BUCKET.aclPublic);
  assert.equal(aclOnly.status, 'NOT_ASSESSED');
  assert.equal(aclOnly.reason?.code, 'InternalFailure');
});

test('moto\'s HTML 500 for an unimplemented call: a server error, not a malformed response; the policy document still decides', async (t) => {
  const fault = { service: 's3', action: 'GetBucketPolicyStatus', ...EMULATOR_HTML_500 };
  const { findings, snapshot, fake } = await judge(t, s3BucketNotPublic, [fault]);
  const status = snapshot.records('s3:GetBucketPolicyStatus')[0];
  assert.ok(status && !status.ok);
  assert.deepEqual([status.error.kind, status.error.code], ['server-error', 'HTTP500']);
  assert.match(status.error.message, /without an AWS error code/);
  const records = snapshot.records('s3:GetBucketPolicyStatus');
  assert.ok((fake.calls.get('s3:GetBucketPolicyStatus') ?? 0) > records.length, 'a 500 is retried, as it may be a real and passing failure');
  const website = one(findings, BUCKET.website);
  assert.equal(website.status, 'FAIL', 'an Allow to "*" with no Condition is public by AWS\'s own definition');
  assert.match(website.message, /statement "PublicRead" allows "Principal": "\*" with no Condition; GetBucketPolicyStatus gave no verdict/);
  assert.ok(website.evidence.some((e) => e.call === 's3:GetBucketPolicy'));
  const assets = one(findings, BUCKET.assets);
  assert.equal(assets.status, 'PASS');
  assert.match(assets.message, /no bucket policy \(GetBucketPolicy: NoSuchBucketPolicy\)/);
  // A policy whose public-ness depends on conditions is not judged by hand.
  assert.equal(one(findings, BUCKET.trailLogs).status, 'PASS', 'BPA all on neutralises whatever the policy says');
});

test('an emulator answering GetBucketPolicyStatus with some other document (no IsPublic) is not read as "not public"', async (t) => {
  const raw = { contentType: 'application/xml', body: `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>x</Name><IsTruncated>false</IsTruncated></ListBucketResult>` };
  const faults: FaultRule[] = [
    { service: 's3', action: 'GetBucketPolicyStatus', status: 200, raw },
    { service: 's3', action: 'GetBucketPolicy', ...localstackNotImplemented('s3', 'GetBucketPolicy') },
  ];
  const { findings } = await judge(t, s3BucketNotPublic, faults);
  const website = one(findings, BUCKET.website);
  assert.equal(website.status, 'NOT_ASSESSED');
  assert.equal(website.reason?.code, 'MissingField');
  assert.match(website.message, /PolicyStatus\.IsPublic was absent/);
});

test('a bare 404 with no AWS error code is an unknown route, never "not configured"', async (t) => {
  const raw = { contentType: 'text/html', body: '<!doctype html><title>404 Not Found</title><h1>Not Found</h1>' };
  const { findings, snapshot } = await judge(t, iamPasswordPolicyMinLength, [{ service: 'iam', action: 'GetAccountPasswordPolicy', status: 404, raw }]);
  const read = snapshot.read('iam:GetAccountPasswordPolicy', GLOBAL);
  assert.ok(!read.ok);
  assert.deepEqual([read.error.kind, read.error.code], ['server-error', 'NotImplemented']);
  assert.equal(one(findings, ACCOUNT_ID).status, 'NOT_ASSESSED', 'the SDK names this 404 "NotFound"; IAM\'s answer for no policy is NoSuchEntity');
});

test('IAM NoSuchEntity (404) is the finding: no password policy', async (t) => {
  const { findings, snapshot } = await judge(t, iamPasswordPolicyMinLength);
  const read = snapshot.read('iam:GetAccountPasswordPolicy', GLOBAL);
  assert.ok(read.ok);
  assert.deepEqual(read.data, { PasswordPolicy: null, NotFound: 'NoSuchEntity' });
  assert.equal(one(findings, ACCOUNT_ID).status, 'FAIL');
});

test('Security Hub "not subscribed" is "off", also in moto\'s shape (400, XML body, X-Amzn-ErrorType header)', async (t) => {
  const moto = {
    contentType: 'application/xml',
    headers: { 'X-Amzn-ErrorType': 'InvalidAccessException' },
    body: '<?xml version="1.0" encoding="UTF-8"?>\n  <ErrorResponse>\n    <Errors>\n      <Error>\n        <Code>InvalidAccessException</Code>\n        <Message><![CDATA[Account is not subscribed to AWS Security Hub]]></Message>\n      </Error>\n    </Errors>\n  <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>\n</ErrorResponse>\n',
  };
  const denied = { service: 'securityhub', action: 'DescribeHub', region: 'af-south-1', status: 403, code: 'AccessDeniedException', message: 'User is not authorized to perform: securityhub:DescribeHub' };
  const { findings, snapshot } = await judge(t, securityhubHubEnabled, [{ service: 'securityhub', action: 'DescribeHub', region: 'us-east-1', status: 400, raw: moto }, denied]);
  const hub = snapshot.read('securityhub:DescribeHub', 'us-east-1');
  assert.ok(hub.ok, hub.ok ? '' : `${hub.error.code}: ${hub.error.message}`);
  assert.deepEqual(hub.data, { subscribed: false, code: 'InvalidAccessException', message: "HTTP 400 InvalidAccessException; the rest of the response was not in the service's format" });
  assert.equal(one(findings, ACCOUNT_ID, 'us-east-1').status, 'FAIL');
  assert.equal(one(findings, ACCOUNT_ID, 'eu-west-1').status, 'FAIL', 'AWS\'s own 401 answer');
  const refused = one(findings, ACCOUNT_ID, 'af-south-1');
  assert.equal(refused.status, 'NOT_ASSESSED', 'AccessDenied is never "off"');
  assert.equal(refused.reason?.kind, 'permission-denied');
});

test('GenerateCredentialReport refused: the current report is read if there is one, else NOT_ASSESSED saying both', async (t) => {
  const refuse: FaultRule = { service: 'iam', action: 'GenerateCredentialReport', status: 403, code: 'AccessDenied', message: 'User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: iam:GenerateCredentialReport' };
  const none = await collect(t, ['iam:GetCredentialReport'], [refuse]);
  const read = none.snapshot.read('iam:GetCredentialReport', GLOBAL);
  assert.ok(!read.ok);
  assert.equal(read.error.kind, 'permission-denied');
  assert.match(read.error.message, /iam:GenerateCredentialReport \(and there is no current credential report to read instead: ReportNotPresent\)$/);

  // Someone built the report earlier (within its four hours): a reader without Generate still gets it.
  const { fake, session } = await openFakeSession(t, seeded);
  const iam = session.client('iam', 'us-east-1');
  await assert.rejects(iam.send(new GetCredentialReportCommand({})), (e: Error) => e.name === 'CredentialReportNotPresentException');
  const reader = await openSessionOn(t, fake);
  await reader.client('iam', 'us-east-1').send(new (await import('@aws-sdk/client-iam')).GenerateCredentialReportCommand({}));
  fake.faults.push(refuse);
  const snapshot = await collectDatasets(session, ACCOUNT_ID, ['iam:GetCredentialReport'], REGIONS);
  const report = snapshot.read<{ rows: { user: string }[] }>('iam:GetCredentialReport', GLOBAL);
  assert.ok(report.ok, report.ok ? '' : report.error.message);
  assert.ok(report.data.rows.some((r) => r.user === '<root_account>'));
});

test('Organizations: a standalone account is an answer, a refusal is not', async (t) => {
  const lm = seeded.ext?.loggingMonitoring ?? {};
  const standalone: FakeAccount = { ...seeded, ext: { ...seeded.ext, loggingMonitoring: { ...lm, organization: undefined } } };
  const { snapshot } = await collect(t, ['organizations:DescribeOrganization', 'organizations:ListDelegatedAdministrators'], [], standalone);
  const org = snapshot.read('organizations:DescribeOrganization', GLOBAL);
  assert.ok(org.ok);
  assert.deepEqual(org.data, { inOrganization: false, NotFound: 'AWSOrganizationsNotInUseException' });
  const denied = await collect(t, ['organizations:DescribeOrganization'], [{ service: 'organizations', action: 'DescribeOrganization', status: 400, code: 'AccessDeniedException', message: 'You don\'t have permissions to access this resource.' }]);
  const refused = denied.snapshot.read('organizations:DescribeOrganization', GLOBAL);
  assert.ok(!refused.ok);
  assert.equal(refused.error.kind, 'permission-denied');
  const empty = await collect(t, ['organizations:DescribeOrganization'], [{ service: 'organizations', action: 'DescribeOrganization', status: 200, raw: { contentType: 'application/x-amz-json-1.1', body: '{}' } }]);
  const silent = empty.snapshot.read('organizations:DescribeOrganization', GLOBAL);
  assert.ok(!silent.ok, 'an answer without Organization is not AWS saying "standalone"');
  assert.deepEqual([silent.error.kind, silent.error.code], ['malformed-response', 'MissingField']);
});

test('ListBuckets without BucketRegion (as emulators answer): GetBucketLocation\'s legacy "EU" and empty values, and a bucket deleted meanwhile', async (t) => {
  const body = (names: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>abc</ID></Owner><Buckets>${names.map((n) => `<Bucket><Name>${n}</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>`).join('')}</Buckets></ListAllMyBucketsResult>`;
  const listing: FaultRule = { service: 's3', action: 'ListBuckets', status: 200, raw: { contentType: 'application/xml', body: body([BUCKET.website, BUCKET.partner, 'acme-deleted-meanwhile']) } };
  const { snapshot } = await collect(t, ['s3:ListBuckets'], [listing]);
  const read = snapshot.read<{ Name: string; BucketRegion: string }[]>('s3:ListBuckets', GLOBAL);
  assert.ok(read.ok, read.ok ? '' : read.error.message);
  assert.deepEqual(read.data.map((b) => [b.Name, b.BucketRegion]), [[BUCKET.website, 'us-east-1'], [BUCKET.partner, 'eu-west-1']]);

  const { session } = await openFakeSession(t, seeded, [
    { service: 's3', action: 'GetBucketLocation', times: 1, status: 200, raw: { contentType: 'application/xml', body: '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">EU</LocationConstraint>' } },
  ]);
  const s3 = session.client('s3', 'us-east-1');
  const eu = await s3.send(new GetBucketLocationCommand({ Bucket: BUCKET.partner }));
  assert.equal(regionOfLocation(eu.LocationConstraint), 'eu-west-1');
  const use1 = await s3.send(new GetBucketLocationCommand({ Bucket: BUCKET.website }));
  assert.equal(use1.LocationConstraint ?? '', '', 'us-east-1 is an empty LocationConstraint');
  assert.equal(regionOfLocation(use1.LocationConstraint), 'us-east-1');
});

test('GetBucketLocation refused for one bucket: that bucket is NOT_ASSESSED with the reason, every other bucket is judged as usual', async (t) => {
  const names = Object.values(BUCKET);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>abc</ID></Owner><Buckets>${names.map((n) => `<Bucket><Name>${n}</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>`).join('')}</Buckets></ListAllMyBucketsResult>`;
  const withoutRegions: FaultRule = { service: 's3', action: 'ListBuckets', status: 200, raw: { contentType: 'application/xml', body } };
  const refused: FaultRule = { service: 's3', action: 'GetBucketLocation', bucket: BUCKET.finance, status: 403, code: 'AccessDenied', message: 'Access Denied' };
  const scanS3 = (faults: FaultRule[]) => scanFake(t, seeded, { areas: ['s3'], faults });
  const usual = await scanS3([]);
  const { findings, fake } = await scanS3([withoutRegions, refused]);
  assert.equal(fake.calls.get('s3:GetBucketLocation'), names.length, 'each bucket asked for its region once');
  const key = (f: Finding) => `${f.checkId} ${f.resourceId}`;
  const before = new Map(usual.findings.map((f) => [key(f), f.status]));
  const finance = findings.filter((f) => f.resourceId === BUCKET.finance);
  assert.ok(finance.length >= 5, 'the bucket is still listed, with a finding per bucket check');
  const blind = finance.filter((f) => f.status === 'NOT_ASSESSED');
  assert.ok(blind.length >= 5);
  for (const f of blind) {
    assert.equal(f.reason?.kind, 'permission-denied');
    assert.match(f.reason?.message ?? '', /^The bucket's region could not be read \(s3:GetBucketLocation\): Access Denied/);
  }
  // What account-wide settings decide alone may still be decided; nothing else about it is guessed.
  for (const f of finance.filter((f) => f.status !== 'NOT_ASSESSED')) assert.equal(f.status, before.get(key(f)), key(f));
  const others = findings.filter((f) => f.resourceId !== BUCKET.finance);
  assert.ok(others.length > 20);
  for (const f of others) {
    // Object Lock is asked of log buckets only, and the unread bucket could send access logs to any
    // bucket: "not a log bucket" can no longer be said of the others, so that check does not say it.
    if (f.checkId === 's3-bucket-object-lock-enabled' && before.get(key(f)) === 'NOT_APPLICABLE') {
      assert.equal(f.status, 'NOT_ASSESSED', key(f));
      assert.match(f.reason?.message ?? '', /s3:GetBucketLocation/);
    } else assert.equal(f.status, before.get(key(f)), key(f));
  }
  assert.equal(others.length, usual.findings.filter((f) => f.resourceId !== BUCKET.finance).length);
});

test('DescribeSnapshots listing other accounts\' snapshots (moto ignores OwnerIds=self): only this account\'s are kept and asked about', async (t) => {
  const item = (id: string, owner: string) => `<item><snapshotId>${id}</snapshotId><volumeId>vol-0123</volumeId><status>completed</status><startTime>2024-01-01T00:00:00.000Z</startTime><ownerId>${owner}</ownerId><volumeSize>8</volumeSize><encrypted>false</encrypted></item>`;
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeSnapshotsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><snapshotSet>${item('snap-0own', ACCOUNT_ID)}${item('snap-0amazon', '591542846629')}${item('snap-0canonical', '099720109477')}</snapshotSet></DescribeSnapshotsResponse>`;
  const { snapshot, fake } = await collect(t, ['ec2:DescribeSnapshots', 'ec2:DescribeSnapshotAttribute'], [{ service: 'ec2', action: 'DescribeSnapshots', status: 200, raw: { contentType: 'text/xml;charset=UTF-8', body } }]);
  const listed = snapshot.read<{ SnapshotId: string }[]>('ec2:DescribeSnapshots', 'us-east-1');
  assert.ok(listed.ok, listed.ok ? '' : listed.error.message);
  assert.deepEqual(listed.data.map((s) => s.SnapshotId), ['snap-0own']);
  assert.equal(fake.calls.get('ec2:DescribeSnapshotAttribute'), REGIONS.length, 'one attribute read per region, for the own snapshot only');
});

test('DescribeRegions listing China and GovCloud regions (as moto does): a scan of an aws-partition account covers only its own partition', async (t) => {
  const regions = ['us-east-1', 'eu-west-1', 'cn-north-1', 'cn-northwest-1', 'us-gov-west-1', 'us-gov-east-1'];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><regionInfo>${regions.map((r) => `<item><regionName>${r}</regionName><regionEndpoint>ec2.${r}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>`).join('')}</regionInfo></DescribeRegionsResponse>`;
  const faults: FaultRule[] = [{ service: 'ec2', action: 'DescribeRegions', status: 200, raw: { contentType: 'text/xml;charset=UTF-8', body } }];
  const { fake, findings } = await scanFake(t, seeded, { areas: ['network'], faults });
  assert.deepEqual([...new Set(findings.map((f) => f.region))].filter((r) => r !== 'global').sort(), ['eu-west-1', 'us-east-1']);
  assert.deepEqual([...new Set(fake.requests.map((r) => r.region))].filter((r) => r.startsWith('cn-') || r.startsWith('us-gov-')), [], 'nothing is sent to another partition');
});

test('a whole service the emulator lacks: only its checks are NOT_ASSESSED, each with the reason, after one request per region', async (t) => {
  const faults: FaultRule[] = [{ service: 'access-analyzer', action: '*', ...localstackNotImplemented('accessanalyzer', 'ListAnalyzers') }];
  const { fake, findings } = await scanFake(t, seeded, { areas: ['identity-access'], faults });
  const unassessed = findings.filter((f) => f.status === 'NOT_ASSESSED');
  assert.ok(unassessed.length > 0);
  assert.deepEqual([...new Set(unassessed.map((f) => f.checkId))].sort(), ['accessanalyzer-analyzer-enabled', 'accessanalyzer-no-active-findings']);
  for (const f of unassessed) {
    assert.deepEqual([f.reason?.kind, f.reason?.code, f.reason?.call], ['server-error', 'InternalFailure', 'access-analyzer:ListAnalyzers']);
    assert.match(f.reason?.message ?? '', /^The endpoint does not implement this operation \(HTTP 501 InternalFailure\)/);
  }
  const regions = new Set(fake.requests.filter((r) => r.service === 'access-analyzer').map((r) => r.region));
  assert.equal(fake.calls.get('access-analyzer:ListAnalyzers'), regions.size, 'not retried: a 501 will not change');
});
