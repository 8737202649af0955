/**
 * Every way a consultant signs in, through the SDK's own providers over real HTTP against the
 * loopback AWS: what the user sees is asserted (the caller ARN stored with the scan, a single MFA
 * prompt, the one-line SSO message, one renewal prompt mid-scan), plus what reached "AWS" (the
 * AssumeRole parameters, which endpoint STS was asked at) and what never reaches the store (secrets).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test, type TestContext } from 'node:test';
import { DescribeRegionsCommand, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import type { Handlers } from '../../main/core/api.ts';
import { createAuthBroker } from '../../main/core/aws/auth-broker.ts';
import { ENV_PROFILE, listProfiles } from '../../main/core/aws/profiles.ts';
import { AwsSession, type SessionOptions } from '../../main/core/aws/session.ts';
import { createEventHub } from '../../main/core/events.ts';
import { startScan, type ScanRequest } from '../../main/core/scan/run-scan.ts';
import { listFindings } from '../../main/core/store/findings.ts';
import { openDatabase } from '../../main/core/store/open.ts';
import { getScan } from '../../main/core/store/scans.ts';
import { attachRenewPrompt, renewQuestion } from '../../main/cli/renew-prompt.ts';
import { startFakeAws, type FakeAccount, type FakeAws } from '../support/fake-aws/index.ts';
import { misconfigured } from '../support/fake-aws/accounts/misconfigured.ts';
import { signInLog } from '../support/fake-aws/services/sts.ts';
import { MIGRATIONS_DIR, tempDir } from '../support/temp.ts';

const ACCOUNT = misconfigured.accountId;
const role = (name: string): string => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const user = (name: string): string => `arn:aws:iam::${ACCOUNT}:user/${name}`;
const MFA_SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/jane`;
const SSO_USER = 'jane@example.com';
const SSO_ROLE_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_SecurityAudit_0a1b2c3d4e5f6789/${SSO_USER}`;

/** Access keys the fake knows, each with its own identity; secrets are never checked, only kept out of the store. */
const KEYS = {
  jane: { accessKeyId: 'AKIAJANEEXAMPLE00001', secret: 'janeSecretKeyEXAMPLE0000000000000000000', arn: user('jane'), userId: 'AIDAJANE00000000001' },
  ci: { accessKeyId: 'AKIACIEXAMPLE0000001', secret: 'ciSecretKeyEXAMPLE000000000000000000000', arn: user('ci-runner'), userId: 'AIDACI0000000000001' },
  vault: { accessKeyId: 'AKIAVAULTEXAMPLE0001', secret: 'vaultSecretKeyEXAMPLE00000000000000000', arn: user('vault-broker'), userId: 'AIDAVAULT0000000001' },
  temp: {
    accessKeyId: 'ASIATEMPEXAMPLE00001',
    secret: 'tempSecretKeyEXAMPLE0000000000000000000',
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/BreakGlass/jane`,
    userId: 'AROABREAKGLASS00001:jane',
  },
  old: { accessKeyId: 'AKIAOLDEXAMPLE000001', secret: 'oldSecretKeyEXAMPLE00000000000000000000', arn: user('rotating'), userId: 'AIDAROT000000000001' },
  renewed: { accessKeyId: 'AKIANEWEXAMPLE000001', secret: 'newSecretKeyEXAMPLE00000000000000000000', arn: user('rotating'), userId: 'AIDAROT000000000001' },
};
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjSESSIONTOKENEXAMPLE0000000000000000';

/** A fresh account object per test: the fake keeps issued keys and used MFA codes per account object. */
function account(opts: { oldKeyCalls?: number; ssoTtl?: number } = {}): FakeAccount {
  return {
    ...misconfigured,
    signIn: {
      accessKeys: Object.values(KEYS).map(({ accessKeyId, arn, userId }) => ({
        accessKeyId,
        arn,
        userId,
        ...(accessKeyId === KEYS.old.accessKeyId ? { expiresAfterCalls: opts.oldKeyCalls ?? 10 } : {}),
      })),
      roles: [
        { arn: role('Hop') },
        { arn: role('LeaseholdAudit'), externalId: 'acme-2024' },
        { arn: role('AuditMfa'), mfaSerial: MFA_SERIAL },
        { arn: role('CiAudit') },
        { arn: role('IrsaAudit') },
      ],
      sso: { accessTokens: ['sso-token-1', 'sso-token-2'], roleNames: ['SecurityAudit'], userName: SSO_USER, credentialsTtlSeconds: opts.ssoTtl },
    },
  };
}

interface World {
  fake: FakeAws;
  dir: string;
  env: NodeJS.ProcessEnv;
  credentialsFile: string;
}

function keysSection(name: string, key: { accessKeyId: string; secret: string }, token?: string): string {
  return `[${name}]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secret}\n${token ? `aws_session_token = ${token}\n` : ''}`;
}

/** A fake over `acct` and a HOME with ~/.aws/config and credentials; `{fake}` in the text is its endpoint. */
async function world(t: TestContext, acct: FakeAccount, config: string, credentials = '', env: NodeJS.ProcessEnv = {}): Promise<World> {
  const fake = await startFakeAws(acct);
  t.after(() => fake.close());
  const dir = tempDir(t, 'leasehold-creds-');
  mkdirSync(join(dir, '.aws'));
  const credentialsFile = join(dir, '.aws', 'credentials');
  writeFileSync(join(dir, '.aws', 'config'), config.replaceAll('{fake}', fake.endpoint));
  writeFileSync(credentialsFile, credentials);
  return { fake, dir, credentialsFile, env: { HOME: dir, ...env } };
}

async function scan(t: TestContext, w: World, req: ScanRequest) {
  const dbPath = join(w.dir, `scan-${Math.random().toString(36).slice(2)}.db`);
  const db = openDatabase(dbPath, MIGRATIONS_DIR);
  let open = true;
  t.after(() => open && db.close());
  const running = await startScan({ db, env: w.env, emit: () => {}, toolVersion: 'test' }, req);
  const status = await running.done;
  const stored = getScan(db, running.scanId);
  const findings = listFindings(db, running.scanId).map((f) => `${f.checkId}|${f.region}|${f.resourceId}|${f.status}`).sort();
  db.close();
  open = false;
  const bytes = readFileSync(dbPath).toString('latin1');
  return { status, stored, findings, storeHas: (text: string) => bytes.includes(text) };
}

async function identity(w: World, profile: string, opts: Partial<SessionOptions> = {}) {
  const session = await AwsSession.open({ profile, env: w.env, ...opts });
  try {
    return await session.identity();
  } finally {
    session.close();
  }
}

function writeSsoToken(w: World, cacheKey: string, accessToken: string, expiresInSeconds: number): void {
  mkdirSync(join(w.dir, '.aws', 'sso', 'cache'), { recursive: true });
  const file = join(w.dir, '.aws', 'sso', 'cache', `${createHash('sha1').update(cacheKey).digest('hex')}.json`);
  const expiresAt = new Date(Date.now() + expiresInSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  writeFileSync(file, JSON.stringify({ startUrl: 'https://corp.awsapps.com/start', region: 'eu-west-1', accessToken, expiresAt }));
}

const ssoExpiredLine = (profile: string): string =>
  `The SSO session of profile "${profile}" has expired or is missing: run \`aws sso login --profile ${profile}\`, then try again.`;

test('static keys and session tokens: the scan stores profile, account and caller ARN, and no secret', async (t) => {
  const w = await world(
    t,
    account(),
    '[profile static]\nregion = us-east-1\nendpoint_url = {fake}\n[profile temp]\nregion = us-east-1\nendpoint_url = {fake}\n',
    keysSection('static', KEYS.jane) + keysSection('temp', KEYS.temp, SESSION_TOKEN),
  );
  const result = await scan(t, w, { profile: 'static', regions: ['us-east-1'] });
  assert.equal(result.status, 'complete');
  assert.equal(result.stored?.profile, 'static');
  assert.equal(result.stored?.accountId, ACCOUNT);
  assert.equal(result.stored?.callerArn, KEYS.jane.arn);
  for (const secret of [KEYS.jane.secret, KEYS.jane.accessKeyId]) assert.equal(result.storeHas(secret), false, 'no key material in the store');
  assert.deepEqual(await identity(w, 'temp'), { accountId: ACCOUNT, arn: KEYS.temp.arn });
});

test('an assume-role chain (twice) sends external_id, role_session_name and duration_seconds to the STS endpoint of each source profile', async (t) => {
  const acct = account();
  // STS answers at its own endpoint (the source profiles'); the scan's calls go to the audited profile's.
  const sts = await startFakeAws(acct);
  t.after(() => sts.close());
  const w = await world(
    t,
    acct,
    `[profile base]
region = us-east-1
endpoint_url = ${sts.endpoint}

[profile hop]
role_arn = ${role('Hop')}
source_profile = base
endpoint_url = ${sts.endpoint}

[profile audit]
role_arn = ${role('LeaseholdAudit')}
source_profile = hop
external_id = acme-2024
role_session_name = jane-audit
duration_seconds = 1800
region = us-east-1
endpoint_url = {fake}

[profile wrong-external-id]
role_arn = ${role('LeaseholdAudit')}
source_profile = base
external_id = guessed
endpoint_url = {fake}
`,
    keysSection('base', KEYS.jane),
  );
  const result = await scan(t, w, { profile: 'audit' });
  assert.equal(result.status, 'complete');
  assert.equal(result.stored?.callerArn, `arn:aws:sts::${ACCOUNT}:assumed-role/LeaseholdAudit/jane-audit`);
  assert.equal(result.stored?.regions.length, 3, 'every enabled region was scanned with the one set of credentials');

  const log = signInLog(acct).map(({ action, roleArn, sessionName, externalId, durationSeconds, callerArn }) => ({
    action,
    roleArn,
    sessionName: sessionName.replace(/\d+$/, 'N'),
    externalId,
    durationSeconds,
    callerArn: callerArn.replace(/\d+$/, 'N'),
  }));
  assert.deepEqual(log, [
    { action: 'AssumeRole', roleArn: role('Hop'), sessionName: 'aws-sdk-js-N', externalId: undefined, durationSeconds: 3600, callerArn: KEYS.jane.arn },
    {
      action: 'AssumeRole',
      roleArn: role('LeaseholdAudit'),
      sessionName: 'jane-audit',
      externalId: 'acme-2024',
      durationSeconds: 1800,
      callerArn: `arn:aws:sts::${ACCOUNT}:assumed-role/Hop/aws-sdk-js-N`,
    },
  ]);
  assert.equal(sts.calls.get('sts:AssumeRole'), 2, 'both hops asked the source profiles\' STS endpoint, once each');
  assert.equal(w.fake.calls.get('sts:AssumeRole'), undefined, 'the audited profile\'s endpoint saw no AssumeRole');
  assert.ok((w.fake.calls.get('ec2:DescribeSecurityGroups') ?? 0) >= 3, 'the scan itself went to the audited profile\'s endpoint');
  assert.equal([...sts.calls.keys()].some((k) => !k.startsWith('sts:')), false);

  await assert.rejects(identity(w, 'wrong-external-id'), (err: Error & { code?: string }) => {
    assert.equal(err.code, 'aws-assume-role-denied');
    assert.match(err.message, /^Profile "wrong-external-id" could not assume its role \(check role_arn, external_id and the role's trust policy\): User: .* is not authorized to perform: sts:AssumeRole on resource: .*LeaseholdAudit$/);
    return true;
  });
});

test('credential_source = Environment takes the keys from the env given to the core, not from the process', async (t) => {
  const acct = account();
  const w = await world(t, acct, `[profile ci]\nrole_arn = ${role('CiAudit')}\ncredential_source = Environment\nregion = us-east-1\nendpoint_url = {fake}\n`, '', {
    AWS_ACCESS_KEY_ID: KEYS.ci.accessKeyId,
    AWS_SECRET_ACCESS_KEY: KEYS.ci.secret,
  });
  const before = { ...process.env };
  const who = await identity(w, 'ci');
  assert.match(who.arn, new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/CiAudit/aws-sdk-js-\\d+$`));
  assert.equal(signInLog(acct)[0]?.callerArn, KEYS.ci.arn, 'the role was assumed with the environment\'s keys');
  assert.deepEqual({ ...process.env }, before, 'process.env is left as it was');
});

test('MFA through the auth broker: a multi-region scan asks for exactly one code, and a reused code is one clear line', async (t) => {
  const acct = account();
  const w = await world(
    t,
    acct,
    `[profile base]\nregion = us-east-1\n[profile mfa]\nrole_arn = ${role('AuditMfa')}\nsource_profile = base\nmfa_serial = ${MFA_SERIAL}\nregion = us-east-1\nendpoint_url = {fake}\n`,
    keysSection('base', KEYS.jane),
  );
  const asked: { profile: string; mfaSerial: string }[] = [];
  const broker = createAuthBroker((event, payload) => {
    if (event !== 'auth:mfa-required') return;
    const p = payload as { requestId: string; profile: string; mfaSerial: string };
    asked.push({ profile: p.profile, mfaSerial: p.mfaSerial });
    setImmediate(() => broker.answerMfa(p.requestId, '123456'));
  });
  const result = await scan(t, w, { profile: 'mfa', mfaCodeProvider: broker.mfaProvider('mfa') });
  assert.equal(result.status, 'complete');
  assert.equal(result.stored?.regions.length, 3);
  assert.deepEqual(asked, [{ profile: 'mfa', mfaSerial: MFA_SERIAL }], 'one code for every client and region');
  assert.equal(w.fake.calls.get('sts:AssumeRole'), 1);
  assert.match(result.stored?.callerArn ?? '', new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/AuditMfa/`));
  assert.deepEqual(signInLog(acct).map((r) => [r.serialNumber, r.tokenCode]), [[MFA_SERIAL, '123456']]);

  // TOTP codes are single-use: the same code again is refused, in one line.
  await assert.rejects(scan(t, w, { profile: 'mfa', mfaCodeProvider: broker.mfaProvider('mfa') }), {
    code: 'aws-mfa-rejected',
    message: 'AWS refused the MFA code for profile "mfa": a code works only once, so wait for the next one and try again.',
  });
  assert.equal(asked.length, 2);
});

test('IAM Identity Center (sso_session): the token cached under the HOME given to the core signs the scan in', async (t) => {
  const w = await world(
    t,
    account(),
    `[profile sso-dev]
sso_session = corp
sso_account_id = ${ACCOUNT}
sso_role_name = SecurityAudit
region = us-east-1
endpoint_url = {fake}

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access
`,
  );
  writeSsoToken(w, 'corp', 'sso-token-1', 3600);
  const home = process.env.HOME;
  const result = await scan(t, w, { profile: 'sso-dev', regions: ['us-east-1', 'eu-west-1'] });
  assert.equal(result.status, 'complete');
  assert.equal(result.stored?.callerArn, SSO_ROLE_ARN);
  assert.equal(w.fake.calls.get('sso:GetRoleCredentials'), 1, 'role credentials fetched once for the whole scan');
  assert.equal(result.storeHas('sso-token-1'), false);
  assert.equal(process.env.HOME, home, 'the process HOME is untouched');
});

test('an SSO session that is missing, expired or refused is exactly one line telling the user to run aws sso login', async (t) => {
  const w = await world(
    t,
    account(),
    `[profile sso-dev]
sso_session = corp
sso_account_id = ${ACCOUNT}
sso_role_name = SecurityAudit
region = us-east-1
endpoint_url = {fake}

[profile sso-legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = ${ACCOUNT}
sso_role_name = SecurityAudit
region = us-east-1
endpoint_url = {fake}

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
`,
  );
  const oneLine = (profile: string) => ({ code: 'aws-sso-expired', message: ssoExpiredLine(profile) });
  // Never logged in: no cache file at all.
  await assert.rejects(scan(t, w, { profile: 'sso-dev' }), oneLine('sso-dev'));
  await assert.rejects(identity(w, 'sso-legacy'), oneLine('sso-legacy'));
  // Logged in yesterday: the cached token has expired (and has no refresh token).
  writeSsoToken(w, 'corp', 'sso-token-1', -3600);
  writeSsoToken(w, 'https://legacy.awsapps.com/start', 'sso-token-1', -3600);
  await assert.rejects(scan(t, w, { profile: 'sso-dev' }), oneLine('sso-dev'));
  await assert.rejects(identity(w, 'sso-legacy'), oneLine('sso-legacy'));
  assert.equal(w.fake.calls.get('sso:GetRoleCredentials'), undefined, 'nothing was sent with an expired token');
  // A token the portal no longer accepts (signed out elsewhere).
  writeSsoToken(w, 'corp', 'revoked-token', 3600);
  await assert.rejects(identity(w, 'sso-dev'), oneLine('sso-dev'));
  // The legacy form works like the sso_session form once logged in.
  writeSsoToken(w, 'https://legacy.awsapps.com/start', 'sso-token-2', 3600);
  assert.deepEqual(await identity(w, 'sso-legacy'), { accountId: ACCOUNT, arn: SSO_ROLE_ARN });
});

test('credential_process: the JSON a helper prints signs in; a failing helper is one line', async (t) => {
  const w = await world(t, account(), '');
  const script = join(w.dir, 'vault-aws.mjs');
  const expiration = new Date(Date.now() + 3600_000).toISOString();
  writeFileSync(
    script,
    `if (process.argv[2] === 'fail') { console.error('vault: permission denied'); process.exit(3); }\n` +
      `console.log(JSON.stringify({ Version: 1, AccessKeyId: '${KEYS.vault.accessKeyId}', SecretAccessKey: '${KEYS.vault.secret}', Expiration: '${expiration}' }));\n`,
  );
  const run = `"${process.execPath}" "${script}"`;
  writeFileSync(
    join(w.dir, '.aws', 'config'),
    `[profile vault]\ncredential_process = ${run}\nregion = us-east-1\nendpoint_url = ${w.fake.endpoint}\n` +
      `[profile vault-broken]\ncredential_process = ${run} fail\nregion = us-east-1\nendpoint_url = ${w.fake.endpoint}\n`,
  );
  const result = await scan(t, w, { profile: 'vault', regions: ['us-east-1'] });
  assert.equal(result.status, 'complete');
  assert.equal(result.stored?.callerArn, KEYS.vault.arn);
  assert.equal(result.storeHas(KEYS.vault.secret), false);
  await assert.rejects(identity(w, 'vault-broken'), (err: Error & { code?: string }) => {
    assert.equal(err.code, 'aws-credential-process');
    assert.match(err.message, /^The credential_process of profile "vault-broken" failed: Command failed: .*vault: permission denied/);
    assert.doesNotMatch(err.message, /\n/);
    return true;
  });
});

test('keys in the environment given to the core: listed as "(environment)" and scanned with fromEnv', async (t) => {
  const fake = await startFakeAws(account());
  t.after(() => fake.close());
  const dir = tempDir(t, 'leasehold-creds-');
  const w: World = {
    fake,
    dir,
    credentialsFile: join(dir, 'none'),
    env: {
      HOME: dir,
      AWS_ACCESS_KEY_ID: KEYS.temp.accessKeyId,
      AWS_SECRET_ACCESS_KEY: KEYS.temp.secret,
      AWS_SESSION_TOKEN: SESSION_TOKEN,
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL: fake.endpoint,
    },
  };
  assert.deepEqual(await listProfiles(w.env), [{ name: ENV_PROFILE, kind: 'keys', region: 'eu-west-1', endpointUrl: fake.endpoint }]);
  const result = await scan(t, w, { profile: ENV_PROFILE });
  assert.equal(result.status, 'complete');
  assert.equal(result.stored?.profile, ENV_PROFILE);
  assert.equal(result.stored?.callerArn, KEYS.temp.arn);
  assert.equal(fake.requests.find((r) => r.action === 'GetCallerIdentity')?.region, 'eu-west-1', 'home region from AWS_DEFAULT_REGION');
  for (const secret of [KEYS.temp.secret, SESSION_TOKEN]) assert.equal(result.storeHas(secret), false);
  await assert.rejects(AwsSession.open({ profile: ENV_PROFILE, env: { HOME: dir } }), { code: 'aws-profile-missing' });
});

test('web identity: the token file is exchanged at the profile\'s STS endpoint (the SDK alone would go to AWS)', async (t) => {
  const acct = account();
  const w = await world(t, acct, '');
  const tokenFile = join(w.dir, 'token');
  writeFileSync(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.c2lnbmF0dXJl');
  writeFileSync(
    join(w.dir, '.aws', 'config'),
    `[profile eks]\nrole_arn = ${role('IrsaAudit')}\nweb_identity_token_file = ${tokenFile}\nrole_session_name = eks-audit\nregion = us-east-1\nendpoint_url = ${w.fake.endpoint}\n`,
  );
  assert.deepEqual(await identity(w, 'eks'), { accountId: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/IrsaAudit/eks-audit` });
  assert.deepEqual(signInLog(acct).map((r) => r.action), ['AssumeRoleWithWebIdentity']);
});

/** The terminal side of a renewal, wired like the CLI: broker -> event -> prompt -> auth:renewed. */
function terminal(onPrompt: (answer: (line: string) => void) => void, isTTY = true) {
  const hub = createEventHub();
  const broker = createAuthBroker(hub.emit);
  const handlers = {
    'auth:renewed': async (req: { requestId: string; abort?: boolean }) => ({ accepted: broker.answerRenewal(req.requestId, req.abort === true) }),
  } as unknown as Handlers;
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    if (text.endsWith('or type q to stop: ')) onPrompt((line) => input.write(`${line}\n`));
  });
  const detach = attachRenewPrompt({ events: hub, handlers }, { input, output, isTTY });
  return { broker, detach, output: () => text };
}

test('credentials that expire mid-scan: one prompt, the user refreshes the file, the scan completes with full results', async (t) => {
  const w = await world(
    t,
    account({ oldKeyCalls: 12 }),
    '[profile rotating]\nregion = us-east-1\nendpoint_url = {fake}\n[profile steady]\nregion = us-east-1\nendpoint_url = {fake}\n',
    keysSection('rotating', KEYS.old) + keysSection('steady', KEYS.jane),
  );
  const baseline = await scan(t, w, { profile: 'steady' });
  const renewals: string[] = [];
  const term = terminal((answer) => {
    // The user refreshes the credentials (here: a new key in the file), then presses Enter.
    writeFileSync(w.credentialsFile, keysSection('rotating', KEYS.renewed) + keysSection('steady', KEYS.jane));
    answer('');
  });
  t.after(term.detach);
  const result = await scan(t, w, {
    profile: 'rotating',
    onCredentialsExpired: (profile, message) => {
      renewals.push(message);
      return term.broker.renewal(profile, message);
    },
  });
  assert.equal(result.status, 'complete');
  assert.deepEqual(renewals, ['The credentials of profile "rotating" have expired: refresh them and try again.'], 'exactly one renewal request');
  assert.equal(term.output(), renewQuestion('rotating'), 'one prompt on the terminal');
  assert.equal(
    term.output(),
    'Credentials of profile rotating expired: refresh them (e.g. aws sso login --profile rotating), then press Enter to continue, or type q to stop: ',
  );
  assert.ok(w.fake.requests.some((r) => r.status === 400 || r.status === 403), 'the old key was refused along the way');
  assert.deepEqual(result.findings, baseline.findings, 'the same results as a scan that never expired');
  assert.equal(result.stored?.callerArn, KEYS.old.arn);
});

test('calls that hit the expiry together wait for one renewal; a declined renewal fails every later call at once', async (t) => {
  const w = await world(t, account({ oldKeyCalls: 1 }), '[profile rotating]\nregion = us-east-1\nendpoint_url = {fake}\n', keysSection('rotating', KEYS.old));
  let asked = 0;
  const session = await AwsSession.open({
    profile: 'rotating',
    env: w.env,
    onCredentialsExpired: async () => {
      asked += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      writeFileSync(w.credentialsFile, keysSection('rotating', KEYS.renewed));
    },
  });
  t.after(() => session.close());
  await session.identity();
  const regions = ['us-east-1', 'eu-west-1', 'af-south-1'];
  const results = await Promise.all(
    Array.from({ length: 12 }, (_, i) => session.client('ec2', regions[i % 3] as string).send(new DescribeSecurityGroupsCommand({}))),
  );
  assert.equal(results.length, 12);
  assert.equal(asked, 1, 'twelve calls, one renewal');

  // Declined (the user typed q): this call and every later one fail with one line, and nothing more is sent.
  const w2 = await world(t, account({ oldKeyCalls: 1 }), '[profile rotating]\nregion = us-east-1\nendpoint_url = {fake}\n', keysSection('rotating', KEYS.old));
  const term = terminal((answer) => answer('q'));
  t.after(term.detach);
  const declined = await AwsSession.open({ profile: 'rotating', env: w2.env, onCredentialsExpired: term.broker.renewal });
  t.after(() => declined.close());
  await declined.identity();
  const notRenewed = {
    name: 'CredentialsNotRenewed',
    code: 'aws-credentials-expired',
    message: 'The credentials of profile "rotating" expired and were not renewed: the scan stopped here; resume it once they are.',
  };
  await assert.rejects(declined.client('ec2', 'us-east-1').send(new DescribeRegionsCommand({})), notRenewed);
  const sent = w2.fake.requests.length;
  await assert.rejects(declined.client('ec2', 'eu-west-1').send(new DescribeRegionsCommand({})), notRenewed);
  assert.equal(w2.fake.requests.length, sent, 'nothing sent after the decline');
  assert.equal(term.output(), renewQuestion('rotating'), 'asked once');
});

test('an SSO session that expires mid-scan asks the user to log in again, with the SSO line, then carries on', async (t) => {
  // Role credentials shorter than the refresh window: every call goes back to the SSO token cache.
  const w = await world(
    t,
    account({ ssoTtl: 120 }),
    `[profile sso-dev]\nsso_session = corp\nsso_account_id = ${ACCOUNT}\nsso_role_name = SecurityAudit\nregion = us-east-1\nendpoint_url = {fake}\n` +
      '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n',
  );
  writeSsoToken(w, 'corp', 'sso-token-1', 3600);
  const messages: string[] = [];
  const session = await AwsSession.open({
    profile: 'sso-dev',
    env: w.env,
    onCredentialsExpired: async (_profile, message) => {
      messages.push(message);
      writeSsoToken(w, 'corp', 'sso-token-2', 3600); // what `aws sso login` does
    },
  });
  t.after(() => session.close());
  assert.equal((await session.identity()).arn, SSO_ROLE_ARN);
  writeSsoToken(w, 'corp', 'sso-token-1', -60); // the session's token runs out
  const out = await session.client('ec2', 'us-east-1').send(new DescribeRegionsCommand({ AllRegions: true }));
  assert.ok((out.Regions ?? []).length > 0);
  assert.deepEqual(messages, [ssoExpiredLine('sso-dev')]);
});

test('without a terminal a renewal is declined at once with a line saying the scan can be resumed', async (t) => {
  const term = terminal(() => assert.fail('no prompt without a terminal'), false);
  t.after(term.detach);
  await assert.rejects(term.broker.renewal('audit', 'expired'), { code: 'aws-credentials-expired' });
  assert.equal(
    term.output(),
    'leasehold: the credentials of profile "audit" expired and there is no terminal to renew them; the scan stops here and can be resumed (leasehold resume --scan ID).\n',
  );
});
