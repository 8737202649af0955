/**
 * The identity-access part of the seeded account: what is planted (problems and correct configurations)
 * for this area's checks, and the items a scan must report for them. Credential dates are relative to
 * now, so "unused for 45 days" and "used 3 days ago" stay true whenever the suite runs.
 *
 * IAM users, groups, roles and policies are GetAccountAuthorizationDetails data: they belong in the
 * account's `iam.authorization` (identityAccessAuthorization below), which seeded.ts wires in.
 */
import type { GroupDetail, ManagedPolicyDetail, RoleDetail, UserDetail } from '@aws-sdk/client-iam';
import type { FakeAuthorization } from '../../account.ts';
import type { FakeAnalyzer } from '../../ext/accessanalyzer.ts';
import type { IdentityAccessFixture } from '../../ext/identity-access.ts';
import { ACCOUNT_ID, type PlantedItem } from '../misconfigured.ts';

const NOW = Date.now();
const daysAgo = (n: number) => new Date(NOW - n * 86_400_000);
const iam = (kind: string, name: string, path = '/') => `arn:aws:iam::${ACCOUNT_ID}:${kind}${path}${name}`;
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const aws = (name: string) => ({ PolicyName: name, PolicyArn: `arn:aws:iam::aws:policy/${name}` });
const local = (name: string) => ({ PolicyName: name, PolicyArn: iam('policy/', name, '') });
const VENDOR = '444455556666';

const user = (name: string, more: Partial<UserDetail> = {}): UserDetail => ({
  UserName: name, Path: '/', Arn: iam('user/', name, ''), UserId: `AIDA${name.toUpperCase().replace(/[^A-Z]/g, '').padEnd(17, 'X')}`,
  CreateDate: daysAgo(400), GroupList: [], AttachedManagedPolicies: [], UserPolicyList: [], ...more,
});
const group = (name: string, more: Partial<GroupDetail> = {}): GroupDetail => ({
  GroupName: name, Path: '/', Arn: iam('group/', name, ''), GroupId: `AGPA${name.toUpperCase().replace(/[^A-Z]/g, '').padEnd(17, 'X')}`,
  CreateDate: daysAgo(500), AttachedManagedPolicies: [], GroupPolicyList: [], ...more,
});
const role = (name: string, trust: object[], more: Partial<RoleDetail> = {}): RoleDetail => ({
  RoleName: name, Path: more.Path ?? '/', Arn: iam('role', name, more.Path ?? '/'), RoleId: `AROA${name.toUpperCase().replace(/[^A-Z]/g, '').padEnd(17, 'X')}`,
  CreateDate: daysAgo(300), AssumeRolePolicyDocument: doc(...trust), AttachedManagedPolicies: [], RolePolicyList: [], InstanceProfileList: [], Tags: [], ...more,
});
const policy = (arn: string, name: string, document: string, more: Partial<ManagedPolicyDetail> = {}): ManagedPolicyDetail => ({
  PolicyName: name, Arn: arn, PolicyId: `ANPA${name.toUpperCase().replace(/[^A-Z]/g, '').padEnd(17, 'X')}`, Path: '/', DefaultVersionId: 'v1',
  AttachmentCount: 1, PermissionsBoundaryUsageCount: 0, IsAttachable: true, CreateDate: daysAgo(600), UpdateDate: daysAgo(600),
  PolicyVersionList: [{ Document: document, VersionId: 'v1', IsDefaultVersion: true, CreateDate: daysAgo(600) }], ...more,
});
const awsPolicy = (name: string, document: string) => policy(`arn:aws:iam::aws:policy/${name}`, name, document);
const localPolicy = (name: string, document: string, more: Partial<ManagedPolicyDetail> = {}) => policy(iam('policy/', name, ''), name, document, more);
const trustAccount = (account: string, Condition?: object) => ({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole', ...(Condition ? { Condition } : {}) });
const trustService = (service: string) => ({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
const GITHUB_OIDC = `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com`;

export const identityAccessAuthorization: FakeAuthorization = {
  users: [
    user('alice', { GroupList: ['Admins'] }),
    user('bob', {
      AttachedManagedPolicies: [aws('ReadOnlyAccess'), aws('AWSCloudShellFullAccess')],
      UserPolicyList: [{ PolicyName: 'bob-break-glass', PolicyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }],
    }),
    user('carol', { GroupList: ['readers'] }),
    user('deploy-bot', { GroupList: ['deployers'] }),
    user('new-hire', { CreateDate: daysAgo(2) }),
  ],
  groups: [
    group('Admins', { AttachedManagedPolicies: [aws('AdministratorAccess')] }),
    group('readers', { AttachedManagedPolicies: [aws('ReadOnlyAccess')] }),
    group('deployers', { GroupPolicyList: [{ PolicyName: 'deploy', PolicyDocument: doc({ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }) }] }),
  ],
  roles: [
    role('public-role', [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]),
    role('org-shared', [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }]),
    role('vendor-audit', [trustAccount(VENDOR)], { AttachedManagedPolicies: [aws('ReadOnlyAccess')] }),
    role('partner-readonly', [trustAccount(VENDOR, { StringEquals: { 'sts:ExternalId': 'acme-7f3a' } })], { AttachedManagedPolicies: [aws('ReadOnlyAccess')] }),
    role('github-actions', [{ Effect: 'Allow', Principal: { Federated: GITHUB_OIDC }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } } }]),
    role('app-lambda', [trustService('lambda.amazonaws.com')], { AttachedManagedPolicies: [local('app-s3-full')] }),
    role('ci-runner', [trustService('codebuild.amazonaws.com')], { AttachedManagedPolicies: [local('ci-deploy'), local('s3-readonly')] }),
    role('break-glass', [trustAccount(ACCOUNT_ID, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } })], { AttachedManagedPolicies: [local('legacy-admin')] }),
    role('power-user', [trustAccount(ACCOUNT_ID)], { AttachedManagedPolicies: [local('notaction-admin')] }),
    role('aws-support', [trustAccount(ACCOUNT_ID)], { AttachedManagedPolicies: [aws('AWSSupportAccess')] }),
    role('AWSServiceRoleForSupport', [trustService('support.amazonaws.com')], { Path: '/aws-service-role/support.amazonaws.com/', AttachedManagedPolicies: [aws('AWSSupportServiceRolePolicy')] }),
  ],
  policies: [
    awsPolicy('AdministratorAccess', doc({ Effect: 'Allow', Action: '*', Resource: '*' })),
    awsPolicy('ReadOnlyAccess', doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'ec2:Describe*', 'iam:Get*', 'iam:List*'], Resource: '*' })),
    awsPolicy('AWSCloudShellFullAccess', doc({ Effect: 'Allow', Action: ['cloudshell:*'], Resource: '*' })),
    awsPolicy('AWSSupportAccess', doc({ Effect: 'Allow', Action: ['support:*'], Resource: '*' })),
    awsPolicy('AWSSupportServiceRolePolicy', doc({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' })),
    localPolicy('legacy-admin', doc({ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' })),
    localPolicy('notaction-admin', doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' })),
    localPolicy('app-s3-full', doc({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::acme-app-assets-eu/*' })),
    localPolicy('ci-deploy', doc({ Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:UpdateFunctionCode'], Resource: '*' })),
    localPolicy('s3-readonly', doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' })),
    localPolicy('dev-boundary', doc({ Effect: 'Allow', Action: '*', Resource: '*' }), { AttachmentCount: 0, PermissionsBoundaryUsageCount: 1 }),
  ],
};

const analyzerArn = (region: string, name: string) => `arn:aws:access-analyzer:${region}:${ACCOUNT_ID}:analyzer/${name}`;
type FakeFinding = NonNullable<FakeAnalyzer['findings']>[number];
const finding = (id: string, resource: string, resourceType: FakeFinding['resourceType'], more: Partial<FakeFinding>): FakeFinding => ({
  id, resource, resourceType, resourceOwnerAccount: ACCOUNT_ID, condition: {}, action: ['s3:GetObject'],
  createdAt: daysAgo(20).toISOString(), analyzedAt: daysAgo(1).toISOString(), updatedAt: daysAgo(1).toISOString(), status: 'ACTIVE', ...more,
});

export const identityAccessFixture: IdentityAccessFixture = {
  credentialReport: {
    rows: [
      { user: '<root_account>', arn: `arn:aws:iam::${ACCOUNT_ID}:root`, user_creation_time: daysAgo(2000), password_last_used: daysAgo(3), mfa_active: false,
        access_key_1_active: true, access_key_1_last_rotated: daysAgo(2000), access_key_1_last_used_date: daysAgo(200), access_key_1_last_used_region: 'us-east-1', access_key_1_last_used_service: 's3' },
      { user: 'alice', arn: iam('user/', 'alice', ''), user_creation_time: daysAgo(400), password_enabled: true, password_last_used: daysAgo(1), password_last_changed: daysAgo(60),
        mfa_active: true, access_key_1_active: true, access_key_1_last_rotated: daysAgo(30), access_key_1_last_used_date: daysAgo(2), access_key_1_last_used_region: 'eu-west-1', access_key_1_last_used_service: 'ec2' },
      { user: 'bob', arn: iam('user/', 'bob', ''), user_creation_time: daysAgo(400), password_enabled: true, password_last_used: daysAgo(10), password_last_changed: daysAgo(80), mfa_active: false },
      { user: 'carol', arn: iam('user/', 'carol', ''), user_creation_time: daysAgo(900), password_enabled: true, password_last_used: daysAgo(120), password_last_changed: daysAgo(700), mfa_active: true,
        access_key_1_active: true, access_key_1_last_rotated: daysAgo(400), access_key_1_last_used_date: daysAgo(200), access_key_1_last_used_region: 'us-east-1', access_key_1_last_used_service: 'sts',
        access_key_2_active: true, access_key_2_last_rotated: daysAgo(10), access_key_2_last_used_date: daysAgo(1), access_key_2_last_used_region: 'us-east-1', access_key_2_last_used_service: 's3' },
      { user: 'deploy-bot', arn: iam('user/', 'deploy-bot', ''), user_creation_time: daysAgo(400), password_enabled: false,
        access_key_1_active: true, access_key_1_last_rotated: daysAgo(20), access_key_1_last_used_date: daysAgo(1), access_key_1_last_used_region: 'eu-west-1', access_key_1_last_used_service: 'ec2' },
      { user: 'new-hire', arn: iam('user/', 'new-hire', ''), user_creation_time: daysAgo(2), password_enabled: true, password_last_used: 'no_information', password_last_changed: daysAgo(2), mfa_active: true,
        access_key_1_active: true, access_key_1_last_rotated: daysAgo(2) },
    ],
  },
  virtualMfaDevices: [
    { SerialNumber: `arn:aws:iam::${ACCOUNT_ID}:mfa/alice-phone`, EnableDate: daysAgo(390), User: { UserName: 'alice', UserId: 'AIDAALICEXXXXXXXXXXXX', Arn: iam('user/', 'alice', ''), Path: '/', CreateDate: daysAgo(400) } },
    { SerialNumber: `arn:aws:iam::${ACCOUNT_ID}:mfa/unassigned-token` },
  ],
  serverCertificates: [
    { ServerCertificateName: 'legacy-portal-2019', ServerCertificateId: 'ASCALEGACYPORTAL2019X', Path: '/', Arn: iam('server-certificate/', 'legacy-portal-2019', ''), UploadDate: new Date('2019-03-01T10:00:00Z'), Expiration: new Date('2020-03-01T23:59:59Z') },
    { ServerCertificateName: 'partner-api', ServerCertificateId: 'ASCAPARTNERAPIXXXXXXX', Path: '/cloudfront/', Arn: iam('server-certificate/', 'partner-api', '/cloudfront/'), UploadDate: daysAgo(100), Expiration: new Date(NOW + 200 * 86_400_000) },
  ],
  accessAnalyzer: {
    'us-east-1': [{
      arn: analyzerArn('us-east-1', 'account-external'), name: 'account-external', type: 'ACCOUNT', status: 'ACTIVE', createdAt: daysAgo(300).toISOString(),
      findings: [
        finding('f-public-site', 'arn:aws:s3:::acme-public-website', 'AWS::S3::Bucket', { isPublic: true, principal: { AWS: '*' } }),
        finding('f-vendor-role', iam('role/', 'vendor-audit', ''), 'AWS::IAM::Role', { isPublic: false, principal: { AWS: VENDOR }, action: ['sts:AssumeRole'] }),
        finding('f-old-key', `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`, 'AWS::KMS::Key', { isPublic: false, principal: { AWS: VENDOR }, status: 'ARCHIVED' }),
      ],
    }],
    'eu-west-1': [{ arn: analyzerArn('eu-west-1', 'unused-access'), name: 'unused-access', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE', createdAt: daysAgo(100).toISOString() }],
    'af-south-1': [{ arn: analyzerArn('af-south-1', 'external-afs1'), name: 'external-afs1', type: 'ACCOUNT', status: 'ACTIVE', createdAt: daysAgo(50).toISOString(), findings: [] }],
  },
};

const p = (checkId: string, resource: string, expect: 'FAIL' | 'PASS', note: string, region?: string): PlantedItem => ({ checkId, resource, expect, note, ...(region ? { region } : {}) });

export const identityAccessPlanted: PlantedItem[] = [
  p('iam-root-hardware-mfa-enabled', ACCOUNT_ID, 'FAIL', 'root has no MFA at all (AccountMFAEnabled 0)'),
  p('iam-root-user-unused', ACCOUNT_ID, 'FAIL', 'root signed in with its password 3 days ago'),
  p('iam-password-policy-min-length', ACCOUNT_ID, 'FAIL', 'no password policy (NoSuchEntity)'),
  p('iam-password-policy-reuse-prevention', ACCOUNT_ID, 'FAIL', 'no password policy (NoSuchEntity)'),
  p('iam-password-policy-complexity', ACCOUNT_ID, 'FAIL', 'no password policy (NoSuchEntity)'),
  p('iam-password-policy-expiry', ACCOUNT_ID, 'FAIL', 'no password policy (NoSuchEntity)'),
  p('iam-user-console-mfa-enabled', 'bob', 'FAIL', 'console password, mfa_active false'),
  p('iam-user-console-mfa-enabled', 'alice', 'PASS', 'console password and MFA'),
  p('iam-user-console-mfa-enabled', 'deploy-bot', 'PASS', 'no console password (password_enabled false)'),
  p('iam-user-access-keys-setup-unused', 'new-hire', 'FAIL', 'key created with the user 2 days ago, last used N/A'),
  p('iam-user-access-keys-setup-unused', 'alice', 'PASS', 'console user whose key is in use'),
  p('iam-user-credentials-unused-45-days', 'carol', 'FAIL', 'password last used 120 days ago, key 1 last used 200 days ago'),
  p('iam-user-credentials-unused-45-days', 'new-hire', 'PASS', 'never-used password and key, but created 2 days ago (no_information / N/A are not stale)'),
  p('iam-user-credentials-unused-45-days', 'alice', 'PASS', 'password and key used this week'),
  p('iam-user-single-active-access-key', 'carol', 'FAIL', 'two active keys'),
  p('iam-user-single-active-access-key', 'deploy-bot', 'PASS', 'one active key'),
  p('iam-user-access-keys-rotated', 'carol', 'FAIL', 'active key 1 created 400 days ago'),
  p('iam-user-access-keys-rotated', 'alice', 'PASS', 'active key created 30 days ago'),
  p('iam-user-no-attached-policies', 'bob', 'FAIL', 'ReadOnlyAccess and AWSCloudShellFullAccess attached directly, plus an inline policy'),
  p('iam-user-no-attached-policies', 'alice', 'PASS', 'permissions only through group Admins'),
  p('iam-policy-no-full-admin', 'legacy-admin', 'FAIL', 'customer managed policy: Allow * on *'),
  p('iam-policy-no-full-admin', 'notaction-admin', 'FAIL', 'NotAction [iam:*, organizations:*] on *: everything else'),
  p('iam-policy-no-full-admin', 'bob', 'FAIL', 'inline policy bob-break-glass: Allow * on *'),
  p('iam-policy-no-full-admin', 'ci-deploy', 'PASS', 'named actions only'),
  p('iam-policy-no-full-admin', 'dev-boundary', 'PASS', '"*" on "*", but used only as a permissions boundary'),
  p('iam-policy-no-service-wildcard', 'app-s3-full', 'FAIL', 's3:* (on one bucket still grants the whole service)'),
  p('iam-policy-no-service-wildcard', 's3-readonly', 'PASS', 's3:Get* and s3:List* are prefixes, not the whole service'),
  p('iam-administrator-access-holders', 'alice', 'FAIL', 'AdministratorAccess through group Admins'),
  p('iam-administrator-access-holders', 'Admins', 'FAIL', 'group with AdministratorAccess attached'),
  p('iam-principal-privilege-escalation', 'deploy-bot', 'FAIL', 'iam:PassRole + ec2:RunInstances on * through group deployers'),
  p('iam-principal-privilege-escalation', 'ci-runner', 'FAIL', 'iam:PassRole + lambda:CreateFunction on * (customer managed ci-deploy)'),
  p('iam-principal-privilege-escalation', 'power-user', 'PASS', 'NotAction iam:* excludes iam:PassRole, so no escalation path'),
  p('iam-principal-privilege-escalation', 'carol', 'PASS', 'read-only permissions'),
  p('iam-role-trust-policy-restricted', 'public-role', 'FAIL', 'Principal AWS "*" without conditions'),
  p('iam-role-trust-policy-restricted', 'vendor-audit', 'FAIL', 'whole foreign account without sts:ExternalId or MFA'),
  p('iam-role-trust-policy-restricted', 'github-actions', 'FAIL', 'GitHub OIDC with only an aud condition: any repository'),
  p('iam-role-trust-policy-restricted', 'partner-readonly', 'PASS', 'foreign account with sts:ExternalId'),
  p('iam-role-trust-policy-restricted', 'org-shared', 'PASS', 'Principal "*" narrowed by aws:PrincipalOrgID'),
  p('iam-role-trust-policy-restricted', 'app-lambda', 'PASS', 'service principal'),
  p('iam-role-trust-policy-restricted', 'break-glass', 'PASS', 'own account, MFA required'),
  p('iam-support-role-exists', ACCOUNT_ID, 'PASS', 'role aws-support has AWSSupportAccess'),
  p('iam-cloudshell-full-access-not-attached', 'bob', 'FAIL', 'AWSCloudShellFullAccess attached to the user'),
  p('iam-server-certificates-not-expired', 'legacy-portal-2019', 'FAIL', 'expired 2020-03-01'),
  p('iam-server-certificates-not-expired', 'partner-api', 'PASS', 'valid for 200 more days'),
  p('accessanalyzer-analyzer-enabled', ACCOUNT_ID, 'PASS', 'ACCOUNT analyzer active', 'us-east-1'),
  p('accessanalyzer-analyzer-enabled', ACCOUNT_ID, 'FAIL', 'only an unused-access analyzer, no external access analyzer', 'eu-west-1'),
  p('accessanalyzer-analyzer-enabled', ACCOUNT_ID, 'PASS', 'ACCOUNT analyzer active, opt-in region', 'af-south-1'),
  p('accessanalyzer-no-active-findings', 'acme-public-website', 'FAIL', 'active public-access finding on the bucket', 'us-east-1'),
  p('accessanalyzer-no-active-findings', 'vendor-audit', 'FAIL', 'active cross-account finding on the role', 'us-east-1'),
  p('accessanalyzer-no-active-findings', 'external-afs1', 'PASS', 'analyzer with no active findings', 'af-south-1'),
];
