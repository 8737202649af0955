/**
 * moto 5.2.1's IAM answers, replayed byte for byte by the fake through the real SDK, where they
 * differ from AWS's: the identity-access verdicts must be the ones AWS's own answers would give.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { FaultRule } from '../support/fake-aws/index.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { scanFake } from '../support/fake-scan.ts';

const ACCOUNT = seeded.accountId;
const arn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
const AWS_MANAGED = (name: string) => `arn:aws:iam::aws:policy/${name}`;
/** moto sends documents URL-encoded with encodeURIComponent's alphabet. */
const enc = (statement: object) => encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
const ALLOW_ALL = enc({ Effect: 'Allow', Action: '*', Resource: '*' });
const attached = (name: string, policyArn: string) => `<member><PolicyName>${name}</PolicyName><PolicyArn>${policyArn}</PolicyArn></member>`;

/** moto's ManagedPolicyDetail: no PolicyName, no PolicyId, no PermissionsBoundaryUsageCount. */
const motoPolicy = (policyArn: string, document: string, attachments: number) =>
  `<member><Arn>${policyArn}</Arn><Path>/</Path><DefaultVersionId>v1</DefaultVersionId><AttachmentCount>${attachments}</AttachmentCount><IsAttachable>true</IsAttachable><Description/>` +
  `<CreateDate>2026-11-29T15:44:22.606610Z</CreateDate><UpdateDate>2026-11-29T15:44:22.606613Z</UpdateDate><PolicyVersionList><member><Document>${document}</Document>` +
  `<VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion><CreateDate>2026-11-29T15:44:22.606601Z</CreateDate></member></PolicyVersionList></member>`;

/** What moto 5.2.1 answered for the seed in /work/conf/identity-access/seed.py, trimmed to what matters. */
function motoAuthorizationDetails(unusedAwsManaged: number): FaultRule {
  const user = `<member><Path>/</Path><UserName>bob-admin</UserName><UserId>vg8p7rnpamqrrgni4hob</UserId><Arn>${arn('user', 'bob-admin')}</Arn><CreateDate>2026-11-29T15:44:22.535230Z</CreateDate>` +
    `<UserPolicyList/><GroupList/><AttachedManagedPolicies>${attached('AdminAll', arn('policy', 'AdminAll'))}${attached('AdministratorAccess', AWS_MANAGED('AdministratorAccess'))}</AttachedManagedPolicies></member>`;
  const role = `<member><Path>/</Path><RoleName>bounded-lambda</RoleName><RoleId>AROARZPUZDIKFFPWDZHS6</RoleId><Arn>${arn('role', 'bounded-lambda')}</Arn><CreateDate>2026-11-29T15:46:01.063383Z</CreateDate>` +
    `<AssumeRolePolicyDocument>${enc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' })}</AssumeRolePolicyDocument><InstanceProfileList/><RolePolicyList/><AttachedManagedPolicies/>` +
    `<PermissionsBoundary><PermissionsBoundaryType>PermissionsBoundaryPolicy</PermissionsBoundaryType><PermissionsBoundaryArn>${arn('policy', 'BoundaryAll')}</PermissionsBoundaryArn></PermissionsBoundary><Tags/><RoleLastUsed/></member>`;
  const policies = [
    motoPolicy(arn('policy', 'AdminAll'), ALLOW_ALL, 1),
    motoPolicy(arn('policy', 'S3Everything'), enc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), 0),
    motoPolicy(arn('policy', 'BoundaryAll'), ALLOW_ALL, 0),
    motoPolicy(AWS_MANAGED('AdministratorAccess'), ALLOW_ALL, 1),
    // moto lists every AWS managed policy it knows (MOTO_IAM_LOAD_MANAGED_POLICIES=true), held or not.
    ...Array.from({ length: unusedAwsManaged }, (_, i) => motoPolicy(AWS_MANAGED(`AWSUnused${i}`), enc({ Effect: 'Allow', Action: `svc${i}:Get*`, Resource: '*' }), 0)),
  ].join('');
  const body = `<GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountAuthorizationDetailsResult><UserDetailList>${user}</UserDetailList>` +
    `<GroupDetailList/><RoleDetailList>${role}</RoleDetailList><Policies>${policies}</Policies><IsTruncated>false</IsTruncated></GetAccountAuthorizationDetailsResult>` +
    '<ResponseMetadata><RequestId>rDIykWGkxJdS4SiciRtP3pEXpkPzAetxHSx3mW8uRdOhnCapJQ9i</RequestId></ResponseMetadata></GetAccountAuthorizationDetailsResponse>';
  return { service: 'iam', action: 'GetAccountAuthorizationDetails', status: 200, raw: { body, contentType: 'text/xml' } };
}

const scan = (t: TestContext, faults: FaultRule[]) => scanFake(t, seeded, { areas: ['identity-access'], regions: ['us-east-1'], faults });

const verdicts = (findings: { checkId: string; resourceId: string; status: string }[], checkId: string) =>
  findings.filter((f) => f.checkId === checkId).map((f) => `${f.resourceId}:${f.status}`).sort();

test('moto omits PolicyName and PermissionsBoundaryUsageCount: every customer policy is judged on its own, a boundary-only "*" policy passes', async (t) => {
  const { findings } = await scan(t, [motoAuthorizationDetails(0)]);
  assert.deepEqual(verdicts(findings, 'iam-policy-no-full-admin'), ['AdminAll:FAIL', 'BoundaryAll:PASS', 'S3Everything:PASS']);
  assert.deepEqual(verdicts(findings, 'iam-policy-no-service-wildcard'), ['AdminAll:FAIL', 'S3Everything:FAIL']);
  assert.deepEqual(verdicts(findings, 'iam-administrator-access-holders'), ['bob-admin:FAIL']);
});

test('moto lists every AWS managed policy: only the ones an identity holds are stored', async (t) => {
  const { db, scanId, findings } = await scan(t, [motoAuthorizationDetails(300)]);
  const row = db.prepare("SELECT data FROM snapshot_records WHERE scan_id = ? AND dataset = 'iam:GetAccountAuthorizationDetails'").get(scanId) as { data: string };
  const stored = (JSON.parse(row.data) as { Policies: { Arn: string }[] }).Policies.map((p) => p.Arn.split('/').pop());
  assert.deepEqual(stored.sort(), ['AdminAll', 'AdministratorAccess', 'BoundaryAll', 'S3Everything']);
  assert.deepEqual(verdicts(findings, 'iam-principal-privilege-escalation'), ['bob-admin:NOT_APPLICABLE', 'bounded-lambda:PASS'], 'held AWS managed documents are still read');
});
