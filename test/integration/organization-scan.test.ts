/**
 * Scanning a whole AWS Organization through the real CLI, the real SDK and HTTP: the management
 * profile lists the accounts (page by page), assumes the named role with the external ID in each
 * member at the configured STS endpoint, and every reachable account gets its own complete scan
 * with its own findings, all in one engagement; a member whose role refuses is reported, not fatal.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { Account } from '@aws-sdk/client-organizations';
import type { ApiFailure } from '../../main/core/api.ts';
import { startOrganizationScan } from '../../main/core/scan/organization.ts';
import type { RunningScan } from '../../main/core/scan/run-scan.ts';
import { listEngagements } from '../../main/core/store/engagements.ts';
import { listFindings } from '../../main/core/store/findings.ts';
import { openDatabase, type Db } from '../../main/core/store/open.ts';
import { listScans } from '../../main/core/store/scans.ts';
import { runCli } from '../support/cli.ts';
import { startFakeAws, type FakeAccount, type FaultRule } from '../support/fake-aws/index.ts';
import { securityGroup, tcp } from '../support/fake-aws/accounts/builders.ts';
import { misconfigured } from '../support/fake-aws/accounts/misconfigured.ts';
import { ORG_ID } from '../support/fake-aws/accounts/planted/logging-monitoring.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { signInLog } from '../support/fake-aws/services/sts.ts';
import { MIGRATIONS_DIR, tempDir } from '../support/temp.ts';

const MGMT = seeded.accountId;
const ROLE = 'OrganizationAccountAccessRole';
const EXTERNAL_ID = 'acme-audit-7';
const A = '222233334444';
const B = '333344445555';
const C = '444455556666';
const SUSPENDED = '555566667777';
const SG_A = 'sg-0aa1bb2cc3dd4ee01';
const SG_B = 'sg-0bb1cc2dd3ee4ff01';
const roleArn = (account: string): string => `arn:aws:iam::${account}:role/${ROLE}`;

/** A small member account: its own SSH rule (open to the world in A only), root MFA only in B. */
function member(accountId: string, opts: { sg: string; sshFrom: string; rootMfa: boolean; externalId: string }): FakeAccount {
  return {
    accountId,
    callerArn: `arn:aws:iam::${accountId}:user/nobody`,
    callerUserId: 'AIDAMEMBER0000000001',
    regions: [{ name: 'us-east-1', optInStatus: 'opt-in-not-required' }],
    iam: { accountSummary: { AccountMFAEnabled: opts.rootMfa ? 1 : 0, AccountAccessKeysPresent: 0 }, passwordPolicy: null },
    regional: {
      'us-east-1': {
        ebsEncryptionByDefault: true,
        securityGroups: [securityGroup('us-east-1', accountId, 'vpc-0c0ffee000000001', opts.sg, 'ssh', 'SSH', [tcp(22, { cidrs: [opts.sshFrom] })])],
        instances: [],
      },
    },
    trails: [],
    s3: { buckets: [] },
    signIn: { roles: [{ arn: roleArn(accountId), externalId: opts.externalId }] },
  };
}

function listed(id: string, name: string, state: 'ACTIVE' | 'SUSPENDED', joined: 'CREATED' | 'INVITED'): Account {
  return {
    Id: id,
    Arn: `arn:aws:organizations::${MGMT}:account/${ORG_ID}/${id}`,
    Email: `aws+${id}@acme.example`,
    Name: name,
    Status: state,
    State: state,
    JoinedMethod: joined,
    JoinedTimestamp: new Date('2024-02-01T10:00:00Z'),
  };
}

/** A fresh management account per test: the fake keeps issued keys per account object. */
function organization(): FakeAccount {
  return {
    ...seeded,
    ext: {
      ...seeded.ext,
      organizationMembers: {
        accounts: [
          listed(MGMT, 'acme-management', 'ACTIVE', 'CREATED'),
          listed(A, 'payments-prod', 'ACTIVE', 'CREATED'),
          listed(SUSPENDED, 'old-project', 'SUSPENDED', 'CREATED'),
          listed(B, 'data-lake', 'ACTIVE', 'INVITED'),
          listed(C, 'security-tooling', 'ACTIVE', 'CREATED'),
        ],
        // AWS may return fewer accounts than MaxResults: the scanner must follow NextToken.
        pageSize: 2,
      },
    },
    members: [
      member(A, { sg: SG_A, sshFrom: '0.0.0.0/0', rootMfa: false, externalId: EXTERNAL_ID }),
      member(B, { sg: SG_B, sshFrom: '10.20.0.0/16', rootMfa: true, externalId: EXTERNAL_ID }),
      // Its role's trust policy expects another vendor's external ID.
      member(C, { sg: 'sg-0cc1dd2ee3ff4aa01', sshFrom: '10.30.0.0/16', rootMfa: true, externalId: 'another-vendor' }),
    ],
  };
}

/** ~/.aws for the `mgmt` profile (keys), every service at `endpoint`, STS at `stsEndpoint`. */
function awsHome(t: TestContext, endpoint: string, stsEndpoint: string): NodeJS.ProcessEnv {
  const dir = tempDir(t, 'leasehold-org-');
  mkdirSync(join(dir, '.aws'));
  writeFileSync(join(dir, '.aws', 'config'), `[profile mgmt]\nregion = us-east-1\nendpoint_url = ${endpoint}\n`);
  writeFileSync(join(dir, '.aws', 'credentials'), '[mgmt]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
  const env: NodeJS.ProcessEnv = { HOME: dir, LEASEHOLD_DB: join(dir, 'leasehold.db'), AWS_ENDPOINT_URL_STS: stsEndpoint };
  for (const k of ['AWS_PROFILE', 'AWS_REGION', 'AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']) env[k] = '';
  return env;
}

function openDb(t: TestContext, path: string): Db {
  const db = openDatabase(path, MIGRATIONS_DIR);
  t.after(() => db.close());
  return db;
}

test('scan --org-role: one complete scan per reachable account with its own findings, in one engagement; the refused member is reported', async (t) => {
  const org = organization();
  const fake = await startFakeAws(org);
  const sts = await startFakeAws(org);
  t.after(() => Promise.all([fake.close(), sts.close()]));
  const env = awsHome(t, fake.endpoint, sts.endpoint);

  const r = await runCli(['scan', '--profile', 'mgmt', '--org-role', ROLE, '--external-id', EXTERNAL_ID], env);
  assert.equal(r.code, 1, 'an account that could not be scanned fails the command, after the others');
  assert.match(r.stderr, new RegExp(`Could not scan 1 account\\(s\\) of the organization: ${C}`));
  assert.match(r.stdout, /Organization scan: 3 account\(s\) scanned, 2 skipped/);
  assert.match(r.stdout, new RegExp(`Skipped ${C}: AccessDenied: could not assume ${roleArn(C).replace(/[/]/g, '\\/')}: the role does not exist or its trust policy does not trust .* with this external ID`));
  assert.match(r.stdout, new RegExp(`Skipped ${SUSPENDED}: The account is SUSPENDED`));
  for (const id of [MGMT, A, B]) assert.match(r.stdout, new RegExp(`complete: account ${id}`));

  const db = openDb(t, env.LEASEHOLD_DB as string);
  const scans = listScans(db);
  assert.deepEqual(scans.map((s) => s.accountId).sort(), [MGMT, A, B].sort());
  assert.ok(scans.every((s) => s.status === 'complete' && s.profile === 'mgmt'));
  const byAccount = new Map(scans.map((s) => [s.accountId, s]));
  for (const id of [A, B]) assert.match(byAccount.get(id)?.callerArn ?? '', new RegExp(`^arn:aws:sts::${id}:assumed-role/${ROLE}/leasehold-\\d{8}T\\d{6}Z$`));
  assert.equal(byAccount.get(MGMT)?.callerArn, seeded.callerArn, "the caller's own account is scanned with its own credentials");

  const engagements = listEngagements(db).filter((e) => e.client === ORG_ID);
  assert.equal(engagements.length, 1, 'one engagement named after the organization');
  assert.equal(engagements[0]?.scanCount, 3);

  // Each scan holds its own account's findings: A's world-open SSH and missing root MFA, B's neither.
  const findings = (id: string) => listFindings(db, byAccount.get(id)?.id ?? '');
  const sshA = findings(A).find((f) => f.checkId === 'ec2-sg-admin-ports-open' && f.resourceId === SG_A);
  assert.equal(sshA?.status, 'FAIL');
  assert.equal(findings(B).find((f) => f.checkId === 'ec2-sg-admin-ports-open' && f.resourceId === SG_B)?.status, 'PASS');
  assert.equal(findings(A).find((f) => f.checkId === 'iam-root-mfa-enabled')?.status, 'FAIL');
  assert.equal(findings(B).find((f) => f.checkId === 'iam-root-mfa-enabled')?.status, 'PASS');
  for (const id of [MGMT, A, B]) {
    const own = findings(id);
    assert.ok(own.length > 50, `${id} was assessed`);
    assert.ok(own.every((f) => f.accountId === id), `every finding of ${id}'s scan is about ${id}`);
  }
  assert.ok(!findings(MGMT).some((f) => f.resourceId === SG_A || f.resourceId === SG_B), "no member's resource leaks into the management scan");

  // What reached AWS: three AssumeRoles with the external ID and one session name, all at the STS endpoint.
  const log = signInLog(org).map((s) => ({ roleArn: s.roleArn, externalId: s.externalId, callerArn: s.callerArn }));
  assert.deepEqual(log.map((s) => s.roleArn).sort(), [roleArn(A), roleArn(B)].sort(), 'AssumeRole succeeded in A and B');
  assert.ok(log.every((s) => s.externalId === EXTERNAL_ID && s.callerArn === seeded.callerArn));
  assert.equal(new Set(signInLog(org).map((s) => s.sessionName)).size, 1);
  assert.equal(sts.calls.get('sts:AssumeRole'), 3, 'A, B and C were asked at the configured STS endpoint');
  assert.equal(fake.calls.get('sts:AssumeRole'), undefined);
  assert.equal(fake.calls.get('organizations:ListAccounts'), 3, 'three pages of two');
});

interface OrgScanOptions {
  accounts?: string[];
  role?: string;
  accountsAtOnce?: number;
  faults?: FaultRule[];
  onCredentialsExpired?: (profile: string, message: string) => Promise<void>;
  onStarted?: (scan: RunningScan) => void;
}

async function orgScan(t: TestContext, account: FakeAccount, req: OrgScanOptions) {
  // Enough latency that accounts free to run together do overlap (with a bound of 4 these two do).
  const fake = await startFakeAws(account, { latencyMs: 40 });
  t.after(() => fake.close());
  fake.faults.push(...(req.faults ?? []));
  const env = awsHome(t, fake.endpoint, fake.endpoint);
  const db = openDb(t, join(env.HOME as string, 'direct.db'));
  const active = new Set<string>();
  let most = 0;
  const emit = ((event: string, payload: { scanId: string }) => {
    if (event === 'scan:progress') active.add(payload.scanId);
    if (event === 'scan:finished') active.delete(payload.scanId);
    most = Math.max(most, active.size);
  }) as Parameters<typeof startOrganizationScan>[0]['emit'];
  const running: Promise<unknown>[] = [];
  const result = await startOrganizationScan(
    { db, env, emit, toolVersion: 'test' },
    { profile: 'mgmt', role: req.role ?? ROLE, externalId: EXTERNAL_ID, regions: ['us-east-1'], accounts: req.accounts, onCredentialsExpired: req.onCredentialsExpired },
    {
      onStarted: (scan) => {
        running.push(scan.done);
        req.onStarted?.(scan);
      },
      accountsAtOnce: req.accountsAtOnce,
    },
  );
  await Promise.all(running);
  return { result, db, most: () => most };
}

test('--accounts picks accounts (an unknown one is reported), and at most N accounts collect at once', async (t) => {
  const { result, db, most } = await orgScan(t, organization(), { accounts: [B, A, '999988887777'], accountsAtOnce: 1 });
  assert.deepEqual(listScans(db).map((s) => s.accountId).sort(), [A, B], "the caller's own account only when listed");
  assert.deepEqual(result.skipped, [{ accountId: '999988887777', code: 'not-in-organization', reason: `Not an account of organization ${ORG_ID}.` }]);
  assert.equal(most(), 1, 'with a bound of one, the second account waited for the first');
  assert.ok(listScans(db).every((s) => s.status === 'complete'));
});

test('a profile outside an organization, or a member that is not its administrator, gets one clear line', async (t) => {
  const notAdmin = /^Profile "mgmt" \(account \d{12}\) is not in an organization's management or delegated administrator account: organizations:ListAccounts answered (AWSOrganizationsNotInUseException|AccessDeniedException)\.$/;
  const standalone: FakeAccount = { ...misconfigured, ext: { ...misconfigured.ext, loggingMonitoring: undefined } };
  await assert.rejects(orgScan(t, standalone, {}), (e: ApiFailure) => e.code === 'org-not-admin' && notAdmin.test(e.message) && /NotInUse/.test(e.message));
  const memberView = member(A, { sg: SG_A, sshFrom: '0.0.0.0/0', rootMfa: false, externalId: EXTERNAL_ID });
  const inOrg: FakeAccount = { ...memberView, callerArn: `arn:aws:iam::${A}:user/auditor`, ext: { loggingMonitoring: seeded.ext?.loggingMonitoring && { organization: seeded.ext.loggingMonitoring.organization } } };
  await assert.rejects(orgScan(t, inOrg, {}), (e: ApiFailure) => e.code === 'org-not-admin' && notAdmin.test(e.message) && /AccessDeniedException/.test(e.message));
  await assert.rejects(orgScan(t, organization(), { role: roleArn(A) }), /Give the role's name/);
  const usage = await runCli(['scan', '--profile', 'mgmt', '--external-id', EXTERNAL_ID], { LEASEHOLD_DB: join(tempDir(t), 'x.db') });
  assert.deepEqual([usage.code, usage.stderr.trim()], [2, 'leasehold: --external-id and --accounts go with --org-role ROLE']);
});

test("credentials that expire mid-scan in a member are renewed with one question for the profile, and the member's role is assumed again", async (t) => {
  const org = organization();
  const asked: string[] = [];
  const { db } = await orgScan(t, org, {
    accounts: [A, B],
    faults: [{ service: 'ec2', action: 'DescribeSecurityGroups', status: 400, code: 'RequestExpired', message: 'Request has expired.', times: 1 }],
    onCredentialsExpired: async (profile) => {
      asked.push(profile);
    },
  });
  assert.deepEqual(asked, ['mgmt']);
  assert.ok(listScans(db).every((s) => s.status === 'complete'));
  for (const scan of listScans(db)) {
    assert.ok(listFindings(db, scan.id).some((f) => f.checkId === 'ec2-sg-admin-ports-open' && f.status !== 'NOT_ASSESSED'), 'the expired call was retried');
  }
  assert.equal(signInLog(org).length, 3, 'A and B signed in, then the member that hit the expiry signed in again');
});

test('a scan cancelled while waiting for its turn ends cancelled without collecting; the others go on', async (t) => {
  const started: RunningScan[] = [];
  const { db } = await orgScan(t, organization(), {
    accounts: [A, B],
    accountsAtOnce: 1,
    onStarted: (scan) => {
      started.push(scan);
      if (started.length === 2) scan.cancel();
    },
  });
  const [first, second] = started.map((s) => listScans(db).find((x) => x.id === s.scanId));
  assert.equal(first?.status, 'complete');
  assert.equal(second?.status, 'cancelled');
  assert.ok(second && second.calls <= 3, `only sign-in and the region list were called (${second?.calls})`);
});
