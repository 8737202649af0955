/**
 * Profiles as a consultant's ~/.aws files really look: every sign-in kind is named right, the
 * environment's keys show up as a profile, and a broken file gives one clear line (never a crash,
 * a hang or a silent empty list).
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { ApiFailure } from '../../main/core/api.ts';
import { readAwsConfigFiles } from '../../main/core/aws/config-files.ts';
import { ENV_PROFILE, listProfiles, profileProblem, roleChain } from '../../main/core/aws/profiles.ts';
import { AwsSession } from '../../main/core/aws/session.ts';
import { tempDir } from '../support/temp.ts';

const REALISTIC_CONFIG = `# Managed by hand, as they are
[default]
region = eu-west-1
output = json

[profile prod-keys]
region = us-east-1

[profile audit]
role_arn = arn:aws:iam::222233334444:role/SecurityAudit
source_profile = prod-keys
external_id = acme-2024
role_session_name = jane

[profile audit-mfa]
role_arn = arn:aws:iam::222233334444:role/SecurityAuditMfa
source_profile = prod-keys
mfa_serial = arn:aws:iam::111122223333:mfa/jane

; chained through an MFA profile: still asks for a code
[profile audit-via-mfa]
role_arn = arn:aws:iam::333344445555:role/ReadOnly
source_profile = audit-mfa

[profile ci]
role_arn = arn:aws:iam::222233334444:role/Ci
credential_source = Environment

[profile sso-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = SecurityAudit
region = eu-central-1

[profile sso-legacy]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = ReadOnly

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile vault]
credential_process = /usr/local/bin/vault-aws --role audit

[profile eks]
role_arn = arn:aws:iam::111122223333:role/Irsa
web_identity_token_file = /var/run/secrets/token

[profile local]
region = us-east-1
endpoint_url = http://127.0.0.1:4566
services = local-svc

[services local-svc]
s3 =
  endpoint_url = http://127.0.0.1:4566
`;

const REALISTIC_CREDENTIALS = `[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[prod-keys]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY

[temp]
aws_access_key_id = ASIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE
`;

function files(t: TestContext, config: string, credentials = ''): NodeJS.ProcessEnv {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'config'), config);
  writeFileSync(join(dir, 'credentials'), credentials);
  return { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir };
}

test('every sign-in kind in realistic files is named as the SDK will treat it', async (t) => {
  const env = files(t, REALISTIC_CONFIG, REALISTIC_CREDENTIALS);
  const kinds = Object.fromEntries((await listProfiles(env)).map((p) => [p.name, p.kind]));
  assert.deepEqual(kinds, {
    default: 'keys',
    audit: 'assume-role',
    'audit-mfa': 'mfa',
    'audit-via-mfa': 'mfa',
    ci: 'assume-role',
    eks: 'web-identity',
    local: 'unknown',
    'prod-keys': 'keys',
    'sso-dev': 'sso',
    'sso-legacy': 'sso',
    temp: 'keys',
    vault: 'process',
  });
  const list = await listProfiles(env);
  assert.equal(list[0]?.name, 'default', 'default first, then by name');
  assert.deepEqual(list.find((p) => p.name === 'local'), { name: 'local', kind: 'unknown', region: 'us-east-1', endpointUrl: 'http://127.0.0.1:4566' });
  assert.equal(list.some((p) => p.name.startsWith('sso-session') || p.name.startsWith('services')), false, 'sub-sections are not profiles');
});

test('keys in the environment are offered as the "(environment)" profile, with its region', async (t) => {
  const env = {
    ...files(t, REALISTIC_CONFIG, REALISTIC_CREDENTIALS),
    AWS_ACCESS_KEY_ID: 'AKIAENVEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_SESSION_TOKEN: 'token',
    AWS_DEFAULT_REGION: 'ap-southeast-2',
  };
  const list = await listProfiles(env);
  assert.deepEqual(list[0], { name: ENV_PROFILE, kind: 'keys', region: 'ap-southeast-2', endpointUrl: null });
  assert.equal((await listProfiles({ ...env, AWS_REGION: 'eu-north-1' }))[0]?.region, 'eu-north-1', 'AWS_REGION wins, as in the SDK');
  assert.equal((await listProfiles({ ...env, AWS_SECRET_ACCESS_KEY: '' }))[0]?.name, 'default', 'a key id alone is not credentials');
});

test('a malformed config (garbage lines, nameless sections) still lists what is usable', async (t) => {
  const env = files(
    t,
    `this line is garbage
= no key
[]
region = nowhere
[ ]
aws_access_key_id = lost
[profile ]
region = also-lost
[profile good]
region = eu-west-1
role_arn = arn:aws:iam::1:role/R
credential_source = Environment
just words here
[profile half
region = broken
`,
    `[ ]\naws_access_key_id = A\naws_secret_access_key = B\n[keys]\naws_access_key_id = A\naws_secret_access_key = B\ngarbage\n`,
  );
  const list = await listProfiles(env);
  assert.deepEqual(list.map((p) => [p.name, p.kind]), [['good', 'assume-role'], ['keys', 'keys']]);
  // An unterminated "[profile half" is a garbage line to the SDK: its keys fall into the section above.
  assert.equal(list[0]?.region, 'broken', 'the listing shows what the SDK will use');
});

test('a source_profile loop is one line naming the loop, from listing to opening a session', async (t) => {
  const env = files(
    t,
    `[profile a]
role_arn = arn:aws:iam::1:role/A
source_profile = b
[profile b]
role_arn = arn:aws:iam::1:role/B
source_profile = c
[profile c]
role_arn = arn:aws:iam::1:role/C
source_profile = a
[profile self]
role_arn = arn:aws:iam::1:role/S
source_profile = self
[profile self-with-keys]
role_arn = arn:aws:iam::1:role/S
source_profile = self-with-keys
aws_access_key_id = AKIA1
aws_secret_access_key = s
`,
  );
  const list = await listProfiles(env);
  assert.deepEqual(list.map((p) => p.kind), ['assume-role', 'assume-role', 'assume-role', 'assume-role', 'assume-role'], 'listing never walks into the loop');
  const config = await readAwsConfigFiles(env);
  assert.equal(profileProblem(config, 'a'), `Profile "a" sources its credentials in a loop: a -> b -> c -> a. Fix source_profile in ${env.AWS_CONFIG_FILE}.`);
  assert.match(profileProblem(config, 'self') ?? '', /loop: self -> self\./);
  assert.equal(profileProblem(config, 'self-with-keys'), undefined, 'a profile holding keys may name itself as source, as the SDK allows');
  assert.deepEqual(roleChain(config, 'self-with-keys'), { hops: [{ profile: 'self-with-keys', roleArn: 'arn:aws:iam::1:role/S', source: 'self-with-keys', mfaSerial: undefined }] });
  await assert.rejects(AwsSession.open({ profile: 'b', env }), (err: unknown) => {
    assert.ok(err instanceof ApiFailure);
    assert.equal(err.code, 'aws-profile-invalid');
    assert.match(err.message, /^Profile "b" sources its credentials in a loop: b -> c -> a -> b\./);
    assert.doesNotMatch(err.message, /\n/);
    return true;
  });
});

test('each broken profile gets one actionable line', async (t) => {
  const env = files(
    t,
    `[profile no-source]
role_arn = arn:aws:iam::1:role/R
[profile both]
role_arn = arn:aws:iam::1:role/R
source_profile = keys
credential_source = Environment
[profile ghost-source]
role_arn = arn:aws:iam::1:role/R
source_profile = ghost
[profile empty-source]
role_arn = arn:aws:iam::1:role/R
source_profile = region-only
[profile region-only]
region = eu-west-1
[profile bad-source]
role_arn = arn:aws:iam::1:role/R
credential_source = Laptop
[profile sso-orphan]
sso_session = missing
sso_account_id = 1
sso_role_name = R
[profile keys]
aws_access_key_id = A
aws_secret_access_key = B
`,
  );
  const config = await readAwsConfigFiles(env);
  const problems = Object.fromEntries(
    ['no-source', 'both', 'ghost-source', 'empty-source', 'region-only', 'bad-source', 'sso-orphan', 'keys'].map((p) => [p, profileProblem(config, p)]),
  );
  assert.deepEqual(problems, {
    'no-source': 'Profile "no-source" has a role_arn but no source_profile or credential_source to assume it with.',
    both: 'Profile "both" sets both source_profile and credential_source; keep one of them.',
    'ghost-source': `Profile "ghost-source" names source_profile "ghost", which is in neither ${env.AWS_CONFIG_FILE} nor ${env.AWS_SHARED_CREDENTIALS_FILE}.`,
    'empty-source': 'Profile "region-only" (source_profile of "empty-source") has no credentials: give it keys, a role, SSO or credential_process.',
    'region-only': 'Profile "region-only" has no credentials: no keys, role, SSO or credential_process.',
    'bad-source': 'Profile "bad-source" has credential_source = Laptop; use one of Environment, Ec2InstanceMetadata, EcsContainer.',
    'sso-orphan': `Profile "sso-orphan" names sso_session "missing", but ${env.AWS_CONFIG_FILE} has no [sso-session missing] section.`,
    keys: undefined,
  });
});

test('a file the SDK would silently ignore, or cannot read, is one line instead of an empty list', async (t) => {
  const env = files(t, `[profile fine]\nregion = eu-west-1\n[profile __proto__]\nregion = x\n`);
  await assert.rejects(listProfiles(env), {
    code: 'aws-config-invalid',
    message: `${env.AWS_CONFIG_FILE} has a section named [profile __proto__], which the AWS SDK refuses: rename or remove it.`,
  });
  const dir = tempDir(t);
  mkdirSync(join(dir, 'config'));
  await assert.rejects(listProfiles({ AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') }), {
    code: 'aws-config-unreadable',
    message: `Could not read ${join(dir, 'config')} (EISDIR): check that it is a file you can read.`,
  });
  assert.deepEqual(await listProfiles({ AWS_CONFIG_FILE: join(dir, 'absent'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') }), [], 'no files: no profiles, no error');
});
