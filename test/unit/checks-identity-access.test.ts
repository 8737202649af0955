/** Fixture tests of every identity-access check: PASS, FAIL and NOT_ASSESSED, with the traps of CHECKS.md. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identityAccessChecks } from '../../main/core/checks/identity-access/index.ts';
import { parseCsv } from '../../main/core/collect/iam-credentials.ts';
import { DEFAULT_EVAL_CONTEXT } from '../../main/core/engine/evaluate.ts';
import type { Check } from '../../main/core/checks/types.ts';
import type { SnapshotRecord } from '../../main/core/engine/snapshot.ts';
import { ACCOUNT, failed, ok, snapshot } from '../support/snapshots.ts';

const check = (id: string): Check => {
  const c = identityAccessChecks.find((x) => x.meta.id === id);
  assert.ok(c, id);
  return c;
};
const run = (id: string, records: SnapshotRecord[], regions?: string[]) => check(id).evaluate(snapshot(records, regions), DEFAULT_EVAL_CONTEXT);
const summary = (s: string[]) => s;
const view = (fs: { resourceId: string; status: string }[]) => summary(fs.map((f) => `${f.resourceId}:${f.status}`));

// The collection time of every fixture record (test/support/snapshots.ts).
const AT = Date.parse('2026-11-01T10:00:00.000Z');
const ago = (days: number) => new Date(AT - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');

const COLUMNS = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated'.split(',');
type Row = Record<string, string>;
const userRow = (user: string, more: Row = {}): Row => {
  const base: Row = Object.fromEntries(COLUMNS.map((c) => [c, c.endsWith('_active') ? 'false' : 'N/A']));
  return { ...base, user, arn: `arn:aws:iam::${ACCOUNT}:user/${user}`, user_creation_time: ago(400), password_enabled: 'false', ...more };
};
const rootRow = (more: Row = {}): Row =>
  userRow('<root_account>', { arn: `arn:aws:iam::${ACCOUNT}:root`, password_enabled: 'not_supported', password_last_changed: 'not_supported', password_next_rotation: 'not_supported', ...more });
const report = (rows: Row[], columns = COLUMNS) => ok('iam:GetCredentialReport', 'global', { GeneratedTime: '2026-11-01T09:00:00.000Z', columns, rows });
const reportDenied = failed('iam:GetCredentialReport', 'global', 'permission-denied', 'AccessDenied');

test('the credential report CSV parser keeps quoted commas, doubled quotes, CRLF and empty fields', () => {
  assert.deepEqual(parseCsv('user,arn\r\n"a,b","x ""y"""\r\nc,\n'), [['user', 'arn'], ['a,b', 'x "y"'], ['c', '']]);
  assert.deepEqual(parseCsv('a,b'), [['a', 'b']]);
});

test('root hardware MFA: a root virtual device fails, no virtual device passes, no MFA fails, no root password passes, unreadable is NOT_ASSESSED', () => {
  const sum = (m: Record<string, number>) => ok('iam:GetAccountSummary', 'global', m);
  const devices = (list: object[]) => ok('iam:ListVirtualMFADevices', 'global', list);
  const rootVirtual = { SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`, User: { Arn: `arn:aws:iam::${ACCOUNT}:root` } };
  const userVirtual = { SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice`, User: { Arn: `arn:aws:iam::${ACCOUNT}:user/alice` } };
  const id = 'iam-root-hardware-mfa-enabled';
  assert.deepEqual(view(run(id, [sum({ AccountMFAEnabled: 1 }), devices([userVirtual, rootVirtual])])), [`${ACCOUNT}:FAIL`]);
  assert.deepEqual(view(run(id, [sum({ AccountMFAEnabled: 1 }), devices([userVirtual, { SerialNumber: 'arn:aws:iam::1:mfa/x' }])])), [`${ACCOUNT}:PASS`]);
  assert.deepEqual(view(run(id, [sum({ AccountMFAEnabled: 0 }), devices([])])), [`${ACCOUNT}:FAIL`]);
  assert.deepEqual(view(run(id, [sum({ AccountMFAEnabled: 0, AccountPasswordPresent: 0 })])), [`${ACCOUNT}:PASS`], 'centrally managed root: no credentials');
  const denied = run(id, [sum({ AccountMFAEnabled: 1 }), failed('iam:ListVirtualMFADevices', 'global', 'permission-denied', 'AccessDenied')]);
  assert.equal(denied[0]?.status, 'NOT_ASSESSED', 'MFA on, device list unreadable: hardware or virtual is unknown');
  assert.equal(run(id, [sum({})])[0]?.status, 'NOT_ASSESSED');
});

test('root use: recent password or key use fails, old or never passes, an unknown value is NOT_ASSESSED', () => {
  const id = 'iam-root-user-unused';
  const recent = run(id, [report([rootRow({ password_last_used: ago(3) })])]);
  assert.deepEqual(view(recent), [`${ACCOUNT}:FAIL`]);
  assert.match(recent[0]?.message ?? '', /3 days before the scan/);
  assert.equal(run(id, [report([rootRow({ access_key_2_last_used_date: ago(10) })])])[0]?.status, 'FAIL');
  assert.equal(run(id, [report([rootRow({ password_last_used: ago(400) })])])[0]?.status, 'PASS');
  assert.equal(run(id, [report([rootRow({ password_last_used: 'no_information' })])])[0]?.status, 'PASS');
  assert.equal(run(id, [report([rootRow({ password_last_used: 'garbage' })])])[0]?.status, 'NOT_ASSESSED');
  assert.equal(run(id, [report([userRow('alice')])])[0]?.status, 'NOT_ASSESSED', 'no root row');
  assert.equal(run(id, [reportDenied])[0]?.reason?.kind, 'permission-denied');
  assert.equal(run(id, [report([rootRow()], COLUMNS.filter((c) => c !== 'password_last_used'))])[0]?.reason?.code, 'MissingField');
});

test('password policy: NoSuchEntity fails all four; any other error is NOT_ASSESSED; absent optional settings mean off', () => {
  const none = ok('iam:GetAccountPasswordPolicy', 'global', { PasswordPolicy: null });
  const denied = failed('iam:GetAccountPasswordPolicy', 'global', 'explicit-deny', 'AccessDenied');
  const ids = ['iam-password-policy-min-length', 'iam-password-policy-reuse-prevention', 'iam-password-policy-complexity', 'iam-password-policy-expiry'];
  for (const id of ids) {
    assert.equal(run(id, [none])[0]?.status, 'FAIL', id);
    assert.equal(run(id, [denied])[0]?.status, 'NOT_ASSESSED', id);
    assert.equal(run(id, [denied])[0]?.reason?.kind, 'explicit-deny', id);
  }
  const strong = { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, ExpirePasswords: true, MaxPasswordAge: 90, PasswordReusePrevention: 24 };
  const weak = { MinimumPasswordLength: 8, RequireSymbols: false, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, ExpirePasswords: false };
  const policy = (p: object) => [ok('iam:GetAccountPasswordPolicy', 'global', { PasswordPolicy: p })];
  for (const id of ids) assert.equal(run(id, policy(strong))[0]?.status, 'PASS', id);
  for (const id of ids) assert.equal(run(id, policy(weak))[0]?.status, 'FAIL', id);
  assert.match(run('iam-password-policy-complexity', policy(weak))[0]?.message ?? '', /a symbol/);
  assert.equal(run('iam-password-policy-reuse-prevention', policy({ ...strong, PasswordReusePrevention: 12 }))[0]?.status, 'FAIL');
  assert.equal(run('iam-password-policy-expiry', policy({ ...strong, MaxPasswordAge: 180 }))[0]?.status, 'FAIL');
  assert.equal(run('iam-password-policy-min-length', policy({ RequireSymbols: true }))[0]?.reason?.code, 'MissingField');
  assert.equal(run('iam-password-policy-complexity', policy({ MinimumPasswordLength: 14 }))[0]?.status, 'NOT_ASSESSED');
});

test('console MFA: password without MFA fails, with MFA or without password passes, not_supported is NOT_ASSESSED; root is not a user', () => {
  const out = run('iam-user-console-mfa-enabled', [report([
    rootRow({ mfa_active: 'false' }),
    userRow('bob', { password_enabled: 'true', mfa_active: 'false' }),
    userRow('alice', { password_enabled: 'TRUE', mfa_active: 'TRUE' }),
    userRow('bot', { password_enabled: 'false', mfa_active: 'false' }),
    userRow('odd', { password_enabled: 'not_supported' }),
  ])]);
  assert.deepEqual(view(out), ['bob:FAIL', 'alice:PASS', 'bot:PASS', 'odd:NOT_ASSESSED']);
  assert.equal(out[0]?.resourceArn, `arn:aws:iam::${ACCOUNT}:user/bob`);
  assert.equal(out[0]?.region, 'global');
  assert.equal(run('iam-user-console-mfa-enabled', [reportDenied])[0]?.status, 'NOT_ASSESSED');
  assert.equal(run('iam-user-console-mfa-enabled', [report([rootRow()])])[0]?.status, 'NOT_APPLICABLE');
});

test('keys at setup: an active never-used key of a console user fails; used keys, inactive keys and non-console users pass', () => {
  const out = run('iam-user-access-keys-setup-unused', [report([
    userRow('new', { password_enabled: 'true', user_creation_time: ago(2), access_key_1_active: 'true', access_key_1_last_rotated: ago(2) }),
    userRow('used', { password_enabled: 'true', access_key_1_active: 'true', access_key_1_last_rotated: ago(20), access_key_1_last_used_date: ago(1) }),
    userRow('off', { password_enabled: 'true', access_key_1_active: 'false', access_key_1_last_rotated: ago(20) }),
    userRow('bot', { access_key_1_active: 'true', access_key_1_last_rotated: ago(20) }),
    userRow('odd', { password_enabled: 'true', access_key_1_active: 'true', access_key_1_last_used_date: 'yesterday' }),
  ])]);
  assert.deepEqual(view(out), ['new:FAIL', 'used:PASS', 'off:PASS', 'bot:PASS', 'odd:NOT_ASSESSED']);
  assert.match(out[0]?.message ?? '', /with the user/);
  assert.match(out[2]?.message ?? '', /no active access key/, 'not "every active key has been used" for a user with none');
  assert.equal(run('iam-user-access-keys-setup-unused', [reportDenied])[0]?.status, 'NOT_ASSESSED');
});

test('unused 45 days: stale password or key fails; never used counts from creation (no_information, N/A); no credentials passes', () => {
  const out = run('iam-user-credentials-unused-45-days', [report([
    userRow('stale-pw', { password_enabled: 'true', password_last_used: ago(60), password_last_changed: ago(300) }),
    userRow('stale-key', { access_key_1_active: 'true', access_key_1_last_rotated: ago(300), access_key_1_last_used_date: ago(46) }),
    userRow('never-old', { password_enabled: 'true', password_last_used: 'no_information', password_last_changed: ago(100) }),
    userRow('never-new', { user_creation_time: ago(2), password_enabled: 'true', password_last_used: 'no_information', password_last_changed: ago(2), access_key_1_active: 'true', access_key_1_last_rotated: ago(2) }),
    userRow('fresh', { password_enabled: 'true', password_last_used: ago(1), access_key_1_active: 'true', access_key_1_last_rotated: ago(300), access_key_1_last_used_date: ago(3) }),
    userRow('inactive', { access_key_1_active: 'false', access_key_1_last_rotated: ago(900) }),
    userRow('odd', { password_enabled: 'true', password_last_used: '??' }),
  ])]);
  assert.deepEqual(view(out), ['stale-pw:FAIL', 'stale-key:FAIL', 'never-old:FAIL', 'never-new:PASS', 'fresh:PASS', 'inactive:PASS', 'odd:NOT_ASSESSED']);
  assert.equal(run('iam-user-credentials-unused-45-days', [reportDenied])[0]?.status, 'NOT_ASSESSED');
});

test('one active key: two active fail, one or none pass, unknown is NOT_ASSESSED', () => {
  const out = run('iam-user-single-active-access-key', [report([
    userRow('two', { access_key_1_active: 'true', access_key_2_active: 'true' }),
    userRow('one', { access_key_2_active: 'true' }),
    userRow('none'),
    userRow('odd', { access_key_1_active: '' }),
  ])]);
  assert.deepEqual(view(out), ['two:FAIL', 'one:PASS', 'none:PASS', 'odd:NOT_ASSESSED']);
  assert.equal(run('iam-user-single-active-access-key', [reportDenied])[0]?.status, 'NOT_ASSESSED');
});

test('key rotation: an active key older than 90 days fails; an old inactive key is ignored; a missing date is NOT_ASSESSED', () => {
  const out = run('iam-user-access-keys-rotated', [report([
    userRow('old', { access_key_1_active: 'true', access_key_1_last_rotated: ago(91) }),
    userRow('young', { access_key_1_active: 'true', access_key_1_last_rotated: ago(90) }),
    userRow('retired', { access_key_1_active: 'false', access_key_1_last_rotated: ago(900) }),
    userRow('odd', { access_key_2_active: 'true', access_key_2_last_rotated: 'N/A' }),
  ])]);
  assert.deepEqual(view(out), ['old:FAIL', 'young:PASS', 'retired:PASS', 'odd:NOT_ASSESSED']);
  assert.equal(run('iam-user-access-keys-rotated', [reportDenied])[0]?.status, 'NOT_ASSESSED');
});

/** GetAccountAuthorizationDetails as collect/iam.ts stores it: documents already decoded. */
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const authz = (d: { users?: object[]; groups?: object[]; roles?: object[]; policies?: object[] }) =>
  ok('iam:GetAccountAuthorizationDetails', 'global', { UserDetailList: d.users ?? [], GroupDetailList: d.groups ?? [], RoleDetailList: d.roles ?? [], Policies: d.policies ?? [] });
const authzDenied = failed('iam:GetAccountAuthorizationDetails', 'global', 'permission-denied', 'AccessDenied');
const arn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
const managed = (name: string, document: object | string, more: object = {}) => ({
  PolicyName: name, Arn: name === 'AdministratorAccess' || name.startsWith('AWS') ? `arn:aws:iam::aws:policy/${name}` : arn('policy', name),
  AttachmentCount: 1, PermissionsBoundaryUsageCount: 0, PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: document }], ...more,
});
const attach = (...names: string[]) => names.map((n) => ({ PolicyName: n, PolicyArn: n === 'AdministratorAccess' || n.startsWith('AWS') ? `arn:aws:iam::aws:policy/${n}` : arn('policy', n) }));
const user = (name: string, more: object = {}) => ({ UserName: name, Arn: arn('user', name), Path: '/', GroupList: [], AttachedManagedPolicies: [], UserPolicyList: [], ...more });
const group = (name: string, more: object = {}) => ({ GroupName: name, Arn: arn('group', name), Path: '/', AttachedManagedPolicies: [], GroupPolicyList: [], ...more });
const role = (name: string, trust: object | string, more: object = {}) => ({ RoleName: name, Arn: arn('role', name), Path: '/', AssumeRolePolicyDocument: trust, AttachedManagedPolicies: [], RolePolicyList: [], ...more });
const allowAll = doc({ Effect: 'Allow', Action: '*', Resource: '*' });

test('users with policies attached directly fail (managed or inline); group-only users pass; no users is not applicable', () => {
  const out = run('iam-user-no-attached-policies', [authz({ users: [
    user('direct', { AttachedManagedPolicies: attach('ReadOnlyAccess') }),
    user('inline', { UserPolicyList: [{ PolicyName: 'x', PolicyDocument: allowAll }] }),
    user('grouped', { GroupList: ['devs'] }),
  ] })]);
  assert.deepEqual(view(out), ['direct:FAIL', 'inline:FAIL', 'grouped:PASS']);
  assert.equal(run('iam-user-no-attached-policies', [authz({})])[0]?.status, 'NOT_APPLICABLE');
  assert.equal(run('iam-user-no-attached-policies', [authzDenied])[0]?.status, 'NOT_ASSESSED');
});

test('"*" on "*": Action string or array, "*:*", NotAction; boundary-only and AWS managed policies are not judged; a broken document is NOT_ASSESSED', () => {
  const out = run('iam-policy-no-full-admin', [authz({
    policies: [
      managed('AdministratorAccess', allowAll),
      managed('star', allowAll),
      managed('star-colon', doc({ Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: ['*'] })),
      managed('not-action', doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })),
      managed('scoped', doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' })),
      managed('deny-all', doc({ Effect: 'Deny', Action: '*', Resource: '*' })),
      managed('single', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' } }),
      managed('boundary', allowAll, { AttachmentCount: 0, PermissionsBoundaryUsageCount: 2 }),
      managed('broken', 'not json'),
    ],
    roles: [role('r', doc(), { RolePolicyList: [{ PolicyName: 'inline-admin', PolicyDocument: allowAll }] })],
  })]);
  assert.deepEqual(view(out), ['star:FAIL', 'star-colon:FAIL', 'not-action:FAIL', 'scoped:PASS', 'deny-all:PASS', 'single:PASS', 'boundary:PASS', 'broken:NOT_ASSESSED', 'r:FAIL']);
  assert.match(out[2]?.message ?? '', /NotAction/);
  assert.equal(run('iam-policy-no-full-admin', [authzDenied])[0]?.status, 'NOT_ASSESSED');
});

test('service wildcards: "s3:*" and NotAction fail, prefixes like "s3:Get*" pass, AWS managed policies are skipped', () => {
  const out = run('iam-policy-no-service-wildcard', [authz({ policies: [
    managed('AWSCloudShellFullAccess', doc({ Effect: 'Allow', Action: 'cloudshell:*', Resource: '*' })),
    managed('s3-all', doc({ Effect: 'Allow', Action: ['s3:*'], Resource: 'arn:aws:s3:::b/*' })),
    managed('prefix', doc({ Effect: 'Allow', Action: ['s3:Get*', 'ec2:Describe*'], Resource: '*' })),
    managed('not', doc({ Effect: 'Allow', NotAction: 'ec2:*', Resource: '*' })),
    managed('deny', doc({ Effect: 'Deny', Action: 'iam:*', Resource: '*' })),
  ] })]);
  assert.deepEqual(view(out), ['s3-all:FAIL', 'prefix:PASS', 'not:FAIL', 'deny:PASS']);
  assert.equal(run('iam-policy-no-service-wildcard', [authzDenied])[0]?.status, 'NOT_ASSESSED');
});

test('moto 5.2.1 omits PolicyName and PermissionsBoundaryUsageCount from GetAccountAuthorizationDetails Policies: names come from the ARN, boundary use from the roles and users', () => {
  const motoPolicy = (name: string, document: object, more: object = {}, path = '/') => {
    const { PolicyName: _name, PermissionsBoundaryUsageCount: _count, ...rest } = managed(name, document, { Path: path, Arn: `arn:aws:iam::${ACCOUNT}:policy${path}${name}`, ...more });
    return rest;
  };
  const policies = [
    motoPolicy('AdminAll', allowAll),
    motoPolicy('S3Everything', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), {}, '/team/'),
    motoPolicy('Scoped', doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })),
    motoPolicy('BoundaryAll', allowAll, { AttachmentCount: 0 }),
    motoPolicy('UnusedAll', allowAll, { AttachmentCount: 0 }),
  ];
  const roles = [role('bounded', doc(), { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn('policy', 'BoundaryAll') } })];
  const admin = run('iam-policy-no-full-admin', [authz({ policies, roles })]);
  assert.deepEqual(view(admin), ['AdminAll:FAIL', 'S3Everything:PASS', 'Scoped:PASS', 'BoundaryAll:PASS', 'UnusedAll:FAIL']);
  assert.match(admin[3]?.message ?? '', /only as a permissions boundary/);
  const wild = run('iam-policy-no-service-wildcard', [authz({ policies, roles })]);
  assert.deepEqual(view(wild), ['AdminAll:FAIL', 'S3Everything:FAIL', 'Scoped:PASS', 'UnusedAll:FAIL']);
  assert.equal(wild[1]?.resourceArn, `arn:aws:iam::${ACCOUNT}:policy/team/S3Everything`);
});

test('AdministratorAccess holders: users directly or through a group, groups and roles fail; nobody holding it passes', () => {
  const out = run('iam-administrator-access-holders', [authz({
    users: [user('direct', { AttachedManagedPolicies: attach('AdministratorAccess') }), user('member', { GroupList: ['admins'] }), user('plain')],
    groups: [group('admins', { AttachedManagedPolicies: attach('AdministratorAccess') })],
    roles: [role('ops', doc(), { AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws-us-gov:iam::aws:policy/AdministratorAccess' }] }), role('fake', doc(), { AttachedManagedPolicies: attach('AdministratorAccess-copy') })],
  })]);
  assert.deepEqual(view(out), ['direct:FAIL', 'member:FAIL', 'admins:FAIL', 'ops:FAIL']);
  assert.match(out[1]?.message ?? '', /through group admins/);
  assert.deepEqual(view(run('iam-administrator-access-holders', [authz({ users: [user('plain')] })])), [`${ACCOUNT}:PASS`]);
  assert.equal(run('iam-administrator-access-holders', [authzDenied])[0]?.status, 'NOT_ASSESSED');
});

test('privilege escalation: PassRole + RunInstances, Put*Policy wildcards, group policies fail; scoped resources, denies, NotAction iam:* and boundaries pass', () => {
  const policies = [
    managed('AdministratorAccess', allowAll),
    managed('passrun', doc({ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' })),
    managed('put', doc({ Effect: 'Allow', Action: 'iam:Put*Policy', Resource: '*' })),
    managed('scoped', doc({ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: arn('role', 'app') })),
    managed('no-iam', doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })),
    managed('deny-iam', doc({ Effect: 'Deny', Action: 'iam:*', Resource: '*' })),
    managed('bound', doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }), { AttachmentCount: 0, PermissionsBoundaryUsageCount: 1 }),
  ];
  const out = run('iam-principal-privilege-escalation', [authz({
    users: [
      user('runner', { AttachedManagedPolicies: attach('passrun') }),
      user('member', { GroupList: ['writers'] }),
      user('scoped', { AttachedManagedPolicies: attach('scoped') }),
      user('denied', { AttachedManagedPolicies: attach('passrun', 'deny-iam') }),
      user('bounded', { AttachedManagedPolicies: attach('passrun'), PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn('policy', 'bound') } }),
      user('admin', { AttachedManagedPolicies: attach('AdministratorAccess') }),
      user('unknown', { AttachedManagedPolicies: attach('not-returned') }),
    ],
    groups: [group('writers', { AttachedManagedPolicies: attach('put') })],
    roles: [
      role('power', doc(), { AttachedManagedPolicies: attach('no-iam') }),
      role('AWSServiceRoleForX', doc(), { Path: '/aws-service-role/x.amazonaws.com/', AttachedManagedPolicies: attach('passrun') }),
    ],
    policies,
  })]);
  assert.deepEqual(view(out), ['runner:FAIL', 'member:FAIL', 'scoped:PASS', 'denied:PASS', 'bounded:PASS', 'admin:NOT_APPLICABLE', 'unknown:NOT_ASSESSED', 'power:PASS']);
  assert.match(out[1]?.message ?? '', /iam:PutUserPolicy/);
  assert.equal(run('iam-principal-privilege-escalation', [authzDenied])[0]?.status, 'NOT_ASSESSED');
});

test('trust policies: "*", a whole foreign account and GitHub OIDC without sub fail; ExternalId, MFA, org conditions, own account and services pass', () => {
  const trust = (s: object) => doc({ Effect: 'Allow', Action: 'sts:AssumeRole', ...s });
  const out = run('iam-role-trust-policy-restricted', [authz({ roles: [
    role('star', trust({ Principal: '*' })),
    role('aws-star', trust({ Principal: { AWS: ['*'] } })),
    role('org', trust({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } })),
    role('foreign', trust({ Principal: { AWS: '999988887777' } })),
    role('foreign-ext', trust({ Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Condition: { StringEquals: { 'sts:ExternalId': 'x' } } })),
    role('foreign-mfa', trust({ Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })),
    role('foreign-role', trust({ Principal: { AWS: 'arn:aws:iam::999988887777:role/deployer' } })),
    role('own', trust({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } })),
    role('svc', trust({ Principal: { Service: ['ec2.amazonaws.com'] } })),
    role('gh', trust({ Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` }, Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } } })),
    role('gh-sub', trust({ Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` }, Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:*' } } })),
    role('deny', doc({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' })),
    role('broken', 'not a policy'),
    role('AWSServiceRoleForY', trust({ Principal: '*' }), { Path: '/aws-service-role/y.amazonaws.com/' }),
  ] })]);
  assert.deepEqual(view(out), ['star:FAIL', 'aws-star:FAIL', 'org:PASS', 'foreign:FAIL', 'foreign-ext:PASS', 'foreign-mfa:PASS', 'foreign-role:PASS', 'own:PASS', 'svc:PASS', 'gh:FAIL', 'gh-sub:PASS', 'deny:PASS', 'broken:NOT_ASSESSED']);
  assert.equal(run('iam-role-trust-policy-restricted', [authzDenied])[0]?.status, 'NOT_ASSESSED');
});

test('support role: AWSSupportAccess on any user, group or role passes; nowhere fails', () => {
  const support = { AttachedManagedPolicies: attach('AWSSupportAccess') };
  assert.equal(run('iam-support-role-exists', [authz({ roles: [role('support', doc(), support)] })])[0]?.status, 'PASS');
  assert.equal(run('iam-support-role-exists', [authz({ groups: [group('helpdesk', support)] })])[0]?.status, 'PASS');
  assert.equal(run('iam-support-role-exists', [authz({ roles: [role('other', doc())] })])[0]?.status, 'FAIL');
  assert.equal(run('iam-support-role-exists', [authzDenied])[0]?.status, 'NOT_ASSESSED');
});

test('CloudShell full access: each identity it is attached to fails; none passes', () => {
  const cs = { AttachedManagedPolicies: attach('AWSCloudShellFullAccess') };
  assert.deepEqual(view(run('iam-cloudshell-full-access-not-attached', [authz({ users: [user('u', cs), user('v')], roles: [role('r', doc(), cs)] })])), ['u:FAIL', 'r:FAIL']);
  assert.deepEqual(view(run('iam-cloudshell-full-access-not-attached', [authz({ users: [user('v')] })])), [`${ACCOUNT}:PASS`]);
  assert.equal(run('iam-cloudshell-full-access-not-attached', [authzDenied])[0]?.status, 'NOT_ASSESSED');
});

test('server certificates: expired fails, valid passes, none is not applicable, missing Expiration is NOT_ASSESSED', () => {
  const cert = (name: string, Expiration: string | null) => ({ ServerCertificateName: name, ServerCertificateId: `ASCA${name}`, Arn: arn('server-certificate', name), Path: '/', UploadDate: null, Expiration });
  const out = run('iam-server-certificates-not-expired', [ok('iam:ListServerCertificates', 'global', [cert('old', '2020-01-01T00:00:00.000Z'), cert('new', '2027-01-01T00:00:00.000Z'), cert('odd', null)])]);
  assert.deepEqual(view(out), ['old:FAIL', 'new:PASS', 'odd:NOT_ASSESSED']);
  assert.equal(run('iam-server-certificates-not-expired', [ok('iam:ListServerCertificates', 'global', [])])[0]?.status, 'NOT_APPLICABLE');
  assert.equal(run('iam-server-certificates-not-expired', [failed('iam:ListServerCertificates', 'global', 'throttled', 'Throttling')])[0]?.reason?.kind, 'throttled');
});

const analyzer = (region: string, name: string, type: string, status = 'ACTIVE') => ({ arn: `arn:aws:access-analyzer:${region}:${ACCOUNT}:analyzer/${name}`, name, type, status, statusReason: null, createdAt: null });

test('Access Analyzer per region: an active ACCOUNT or ORGANIZATION analyzer passes; none, unused-access only or disabled fails; unreadable is NOT_ASSESSED', () => {
  const regions = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-south-1', 'sa-east-1'];
  const out = run('accessanalyzer-analyzer-enabled', [
    ok('access-analyzer:ListAnalyzers', 'us-east-1', [analyzer('us-east-1', 'a', 'ACCOUNT')]),
    ok('access-analyzer:ListAnalyzers', 'eu-west-1', [analyzer('eu-west-1', 'u', 'ACCOUNT_UNUSED_ACCESS')]),
    ok('access-analyzer:ListAnalyzers', 'eu-central-1', []),
    ok('access-analyzer:ListAnalyzers', 'ap-south-1', [analyzer('ap-south-1', 'o', 'ORGANIZATION', 'DISABLED')]),
    failed('access-analyzer:ListAnalyzers', 'sa-east-1', 'permission-denied', 'AccessDeniedException'),
  ], regions);
  assert.deepEqual(out.map((f) => `${f.region}:${f.status}`), ['us-east-1:PASS', 'eu-west-1:FAIL', 'eu-central-1:FAIL', 'ap-south-1:FAIL', 'sa-east-1:NOT_ASSESSED']);
});

test('Access Analyzer findings: one FAIL per resource with active findings, archived ignored, a clean analyzer passes, unreadable findings are NOT_ASSESSED', () => {
  const a = analyzer('us-east-1', 'ext', 'ACCOUNT');
  const o = analyzer('us-east-1', 'org', 'ORGANIZATION');
  const f = (id: string, resource: string, status = 'ACTIVE', more: object = {}) => ({ id, resource, resourceType: 'AWS::S3::Bucket', resourceOwnerAccount: ACCOUNT, status, isPublic: false, principal: { AWS: '999988887777' }, action: null, condition: {}, error: null, createdAt: null, updatedAt: null, ...more });
  const out = run('accessanalyzer-no-active-findings', [
    ok('access-analyzer:ListAnalyzers', 'us-east-1', [a, o]),
    ok('access-analyzer:ListFindings', 'us-east-1', [f('1', 'arn:aws:s3:::public-bucket', 'ACTIVE', { isPublic: true }), f('2', 'arn:aws:kms:us-east-1:1:key/k', 'ARCHIVED')], a.arn),
    ok('access-analyzer:ListFindings', 'us-east-1', [f('3', 'arn:aws:s3:::public-bucket')], o.arn),
    ok('access-analyzer:ListAnalyzers', 'eu-west-1', [analyzer('eu-west-1', 'clean', 'ACCOUNT')]),
    ok('access-analyzer:ListFindings', 'eu-west-1', [], analyzer('eu-west-1', 'clean', 'ACCOUNT').arn),
    ok('access-analyzer:ListAnalyzers', 'eu-central-1', [analyzer('eu-central-1', 'x', 'ACCOUNT')]),
    failed('access-analyzer:ListFindings', 'eu-central-1', 'throttled', 'ThrottlingException', analyzer('eu-central-1', 'x', 'ACCOUNT').arn),
    ok('access-analyzer:ListAnalyzers', 'ap-south-1', []),
  ], ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-south-1']);
  assert.deepEqual(out.map((x) => `${x.region}:${x.resourceId}:${x.status}`), [
    'us-east-1:public-bucket:FAIL', 'eu-west-1:clean:PASS', 'eu-central-1:x:NOT_ASSESSED', `ap-south-1:${ACCOUNT}:NOT_APPLICABLE`,
  ]);
  assert.match(out[0]?.message ?? '', /anyone \(public\).*2 active findings/);
  assert.equal(out[0]?.resourceArn, 'arn:aws:s3:::public-bucket');
});

test('every identity-access FAIL carries evidence', () => {
  const fails = [
    ...run('iam-user-console-mfa-enabled', [report([userRow('bob', { password_enabled: 'true', mfa_active: 'false' })])]),
    ...run('iam-policy-no-full-admin', [authz({ policies: [managed('star', allowAll)] })]),
    ...run('iam-password-policy-min-length', [ok('iam:GetAccountPasswordPolicy', 'global', { PasswordPolicy: null })]),
  ];
  for (const f of fails) {
    assert.equal(f.status, 'FAIL');
    assert.ok(f.evidence.length > 0 && f.evidence[0]?.call && f.evidence[0].time, f.checkId);
  }
});
