/**
 * The fake AWS server, exercised only through the real SDK v3 clients pointed at it by a temporary
 * shared-config profile: what the scanner will see is what these tests assert.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import {
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  DescribeKeyPairsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeInstances,
  paginateDescribeSecurityGroups,
} from '@aws-sdk/client-ec2';
import { GetAccountPasswordPolicyCommand, GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  GetBucketLocationCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  paginateListBuckets,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startFakeAws, writeAwsProfile, type FakeAccount, type FakeAws } from '../support/fake-aws/index.ts';
import { misconfigured } from '../support/fake-aws/accounts/misconfigured.ts';
import { instance } from '../support/fake-aws/accounts/builders.ts';
import { profileClientConfig, type ProfileClientConfig } from '../support/fake-aws/client-config.ts';

const PROFILE = 'leasehold-fake';
const AWS_ENV = ['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL'];
const savedEnv = new Map<string, string | undefined>();
let fake: FakeAws;
let dir: string;
let files: { configFile: string; credentialsFile: string };

interface SdkError {
  name: string;
  message: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number; requestId?: string };
  $response?: { headers: Record<string, string> };
}

/** Runs `p` expecting an SDK error; returns it for assertions. */
async function sdkError(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  assert.fail('expected the SDK to throw');
}

async function config(region = 'us-east-1', extra: object = {}): Promise<ProfileClientConfig & { maxAttempts: number }> {
  return { ...(await profileClientConfig(files, PROFILE, region)), maxAttempts: 1, ...extra };
}

before(async () => {
  for (const name of [...AWS_ENV, 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']) {
    savedEnv.set(name, process.env[name]);
    delete process.env[name];
  }
  fake = await startFakeAws(misconfigured);
  dir = mkdtempSync(join(tmpdir(), 'leasehold-fake-aws-'));
  files = writeAwsProfile(dir, { profile: PROFILE, endpoint: fake.endpoint, region: 'us-east-1' });
  process.env.AWS_CONFIG_FILE = files.configFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentialsFile;
});

after(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

beforeEach(() => {
  fake.faults.length = 0;
  fake.settings.latencyMs = 0;
});

describe('endpoint_url from a shared-config profile (pins this SDK version)', () => {
  /** The host a command would be sent to, captured after endpoint resolution, before sending. */
  async function targetHost(client: STSClient): Promise<string> {
    client.middlewareStack.add(
      () => async (args) => {
        const request = args.request as { hostname: string; port?: number };
        throw Object.assign(new Error('captured'), { host: `${request.hostname}${request.port ? `:${request.port}` : ''}` });
      },
      { step: 'build', name: 'captureHost' },
    );
    const err = (await sdkError(client.send(new GetCallerIdentityCommand({})))) as SdkError & { host: string };
    return err.host;
  }

  test('the client `profile` option alone selects region and keys but NOT endpoint_url', async () => {
    const client = new STSClient({ profile: PROFILE });
    assert.equal(await client.config.region(), 'us-east-1');
    assert.equal(await targetHost(client), 'sts.us-east-1.amazonaws.com', 'if this fails, the SDK now honours endpoint_url per profile');
  });

  test('AWS_PROFILE makes the SDK use the profile endpoint_url', async () => {
    process.env.AWS_PROFILE = PROFILE;
    try {
      assert.equal(await targetHost(new STSClient({ profile: PROFILE })), `127.0.0.1:${fake.port}`);
    } finally {
      delete process.env.AWS_PROFILE;
    }
  });
});

test('STS GetCallerIdentity returns the fixture identity', async () => {
  const out = await new STSClient(await config()).send(new GetCallerIdentityCommand({}));
  assert.deepEqual(
    { Account: out.Account, Arn: out.Arn, UserId: out.UserId },
    { Account: misconfigured.accountId, Arn: misconfigured.callerArn, UserId: misconfigured.callerUserId },
  );
  assert.match(out.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
});

describe('EC2 (ec2Query)', () => {
  test('DescribeRegions lists enabled regions, and all with their opt-in status when AllRegions=true', async () => {
    const ec2 = new EC2Client(await config());
    const enabled = await ec2.send(new DescribeRegionsCommand({}));
    assert.deepEqual(enabled.Regions?.map((r) => r.RegionName), ['us-east-1', 'eu-west-1', 'af-south-1']);
    const all = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    assert.deepEqual(
      all.Regions?.map((r) => [r.RegionName, r.OptInStatus, r.Endpoint]),
      misconfigured.regions.map((r) => [r.name, r.optInStatus, `ec2.${r.name}.amazonaws.com`]),
    );
  });

  test('GetEbsEncryptionByDefault follows the signing region', async () => {
    for (const region of ['us-east-1', 'eu-west-1', 'af-south-1']) {
      const out = await new EC2Client(await config(region)).send(new GetEbsEncryptionByDefaultCommand({}));
      assert.equal(out.EbsEncryptionByDefault, misconfigured.regional[region]?.ebsEncryptionByDefault, region);
    }
  });

  test('paginateDescribeSecurityGroups pages through every group with its rules', async () => {
    const before = fake.calls.get('ec2:DescribeSecurityGroups') ?? 0;
    const pages = [];
    for await (const page of paginateDescribeSecurityGroups({ client: new EC2Client(await config()), pageSize: 5 }, {})) pages.push(page);
    assert.equal(pages.length, 2);
    assert.deepEqual(pages.flatMap((p) => p.SecurityGroups ?? []), misconfigured.regional['us-east-1']?.securityGroups);
    assert.equal(fake.calls.get('ec2:DescribeSecurityGroups'), before + 2);
  });

  test('DescribeInstances returns reservations whose instances equal the fixture', async () => {
    const out = await new EC2Client(await config('eu-west-1')).send(new DescribeInstancesCommand({}));
    assert.deepEqual(out.Reservations?.flatMap((r) => r.Instances ?? []), misconfigured.regional['eu-west-1']?.instances);
    assert.equal(out.Reservations?.[0]?.OwnerId, misconfigured.accountId);
  });

  test('a region that is not opted in answers 401 AuthFailure', async () => {
    const err = await sdkError(new EC2Client(await config('me-central-1')).send(new DescribeInstancesCommand({})));
    assert.equal(err.name, 'AuthFailure');
    assert.equal(err.$metadata?.httpStatusCode, 401);
  });

  test('an operation the fake does not implement fails loudly with InvalidAction', async () => {
    const err = await sdkError(new EC2Client(await config()).send(new DescribeKeyPairsCommand({})));
    assert.equal(err.name, 'InvalidAction');
    assert.equal(err.$metadata?.httpStatusCode, 400);
  });
});

describe('IAM (awsQuery)', () => {
  test('GetAccountSummary returns the SummaryMap', async () => {
    const out = await new IAMClient(await config()).send(new GetAccountSummaryCommand({}));
    assert.deepEqual(out.SummaryMap, misconfigured.iam.accountSummary);
  });

  test('GetAccountPasswordPolicy without a policy is 404 NoSuchEntity (SDK name NoSuchEntityException)', async () => {
    const err = await sdkError(new IAMClient(await config()).send(new GetAccountPasswordPolicyCommand({})));
    assert.equal(err.name, 'NoSuchEntityException');
    assert.equal(err.$metadata?.httpStatusCode, 404);
  });
});

describe('S3 (restXml, path-style)', () => {
  const buckets = misconfigured.s3.buckets;

  test('ListBuckets without parameters lists every bucket, without BucketRegion', async () => {
    const out = await new S3Client(await config('us-east-1', { forcePathStyle: true })).send(new ListBucketsCommand({}));
    assert.deepEqual(out.Buckets?.map((b) => b.Name), buckets.map((b) => b.name).sort());
    assert.ok(out.Buckets?.every((b) => b.BucketRegion === undefined && b.CreationDate instanceof Date));
    assert.equal(out.ContinuationToken, undefined);
  });

  test('paginateListBuckets pages with max-buckets and carries BucketRegion', async () => {
    const s3 = new S3Client(await config('eu-west-1', { forcePathStyle: true }));
    const pages = [];
    for await (const page of paginateListBuckets({ client: s3, pageSize: 3 }, {})) pages.push(page);
    assert.equal(pages.length, 2);
    const listed = pages.flatMap((p) => p.Buckets ?? []);
    const expected = [...buckets].sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(listed, expected.map((b) => ({ Name: b.name, CreationDate: b.creationDate, BucketRegion: b.region })));
  });

  test('bucket settings read from each bucket region equal the fixture', async () => {
    for (const bucket of buckets) {
      const s3 = new S3Client(await config(bucket.region, { forcePathStyle: true }));
      const location = await s3.send(new GetBucketLocationCommand({ Bucket: bucket.name }));
      assert.equal(location.LocationConstraint, bucket.region === 'us-east-1' ? undefined : bucket.region);
      const versioning = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket.name }));
      assert.deepEqual({ Status: versioning.Status, MFADelete: versioning.MFADelete }, { Status: bucket.versioning, MFADelete: bucket.mfaDelete });
      if (bucket.publicAccessBlock) {
        const pab = await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket.name }));
        assert.deepEqual(pab.PublicAccessBlockConfiguration, bucket.publicAccessBlock);
      } else {
        const err = await sdkError(s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket.name })));
        assert.deepEqual([err.name, err.$metadata?.httpStatusCode], ['NoSuchPublicAccessBlockConfiguration', 404]);
      }
      if (typeof bucket.policyIsPublic === 'boolean') {
        const status = await s3.send(new GetBucketPolicyStatusCommand({ Bucket: bucket.name }));
        assert.equal(status.PolicyStatus?.IsPublic, bucket.policyIsPublic);
      } else {
        const err = await sdkError(s3.send(new GetBucketPolicyStatusCommand({ Bucket: bucket.name })));
        assert.deepEqual([err.name, err.$metadata?.httpStatusCode], ['NoSuchBucketPolicy', 404]);
      }
    }
  });

  test('a bucket asked in the wrong region gets 301 PermanentRedirect; followRegionRedirects recovers', async () => {
    const err = await sdkError(new S3Client(await config('us-east-1', { forcePathStyle: true })).send(new GetBucketVersioningCommand({ Bucket: 'acme-app-assets-eu' })));
    assert.deepEqual([err.name, err.$metadata?.httpStatusCode], ['PermanentRedirect', 301]);
    assert.equal(err.$response?.headers['x-amz-bucket-region'], 'eu-west-1');
    const s3 = new S3Client(await config('us-east-1', { forcePathStyle: true, followRegionRedirects: true }));
    const out = await s3.send(new GetBucketVersioningCommand({ Bucket: 'acme-app-assets-eu' }));
    assert.equal(out.Status, undefined);
    assert.deepEqual(fake.requests.slice(-2).map((r) => [r.region, r.status]), [['us-east-1', 301], ['eu-west-1', 200]]);
  });
});

describe('CloudTrail (awsJson1_1)', () => {
  const [orgTrail, legacyTrail] = misconfigured.trails;
  const asTrail = (t: typeof orgTrail) => {
    const { isLogging: _l, status: _s, ...trail } = t ?? { isLogging: false };
    return trail;
  };

  test('DescribeTrails shows a multi-region trail in every region, with its HomeRegion', async () => {
    const list = async (region: string, includeShadowTrails?: boolean) =>
      (await new CloudTrailClient(await config(region)).send(new DescribeTrailsCommand({ includeShadowTrails }))).trailList;
    assert.deepEqual(await list('us-east-1'), [asTrail(orgTrail)]);
    assert.deepEqual(await list('eu-west-1'), [asTrail(orgTrail), asTrail(legacyTrail)]);
    assert.deepEqual(await list('af-south-1'), [asTrail(orgTrail)]);
    assert.deepEqual(await list('eu-west-1', false), [asTrail(legacyTrail)]);
  });

  test('GetTrailStatus by name at home, by ARN for a shadow trail; TrailNotFoundException otherwise', async () => {
    const eu = new CloudTrailClient(await config('eu-west-1'));
    const legacy = await eu.send(new GetTrailStatusCommand({ Name: 'legacy-eu-trail' }));
    assert.equal(legacy.IsLogging, false);
    assert.deepEqual(legacy.StopLoggingTime, legacyTrail?.status?.StopLoggingTime);
    const shadow = await eu.send(new GetTrailStatusCommand({ Name: orgTrail?.TrailARN }));
    assert.equal(shadow.IsLogging, true);
    assert.deepEqual(shadow.LatestDeliveryTime, orgTrail?.status?.LatestDeliveryTime);
    for (const name of ['org-audit-trail', 'no-such-trail']) {
      const err = await sdkError(eu.send(new GetTrailStatusCommand({ Name: name })));
      assert.deepEqual([err.name, err.$fault, err.$metadata?.httpStatusCode], ['TrailNotFoundException', 'client', 400], name);
    }
  });
});

describe('fault injection', () => {
  test('IAM AccessDenied surfaces as a 403 client error with the message', async () => {
    fake.faults.push({ service: 'iam', action: 'GetAccountSummary', status: 403, code: 'AccessDenied', message: 'User: auditor is not authorized to perform: iam:GetAccountSummary' });
    const err = await sdkError(new IAMClient(await config()).send(new GetAccountSummaryCommand({})));
    assert.deepEqual([err.name, err.$fault, err.$metadata?.httpStatusCode], ['AccessDenied', 'client', 403]);
    assert.match(err.message, /not authorized to perform: iam:GetAccountSummary/);
  });

  test('EC2 UnauthorizedOperation is scoped to the rule region', async () => {
    fake.faults.push({ service: 'ec2', action: 'DescribeInstances', region: 'eu-west-1', status: 403, code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' });
    const err = await sdkError(new EC2Client(await config('eu-west-1')).send(new DescribeInstancesCommand({})));
    assert.deepEqual([err.name, err.$metadata?.httpStatusCode], ['UnauthorizedOperation', 403]);
    await new EC2Client(await config('us-east-1')).send(new DescribeInstancesCommand({}));
  });

  test('CloudTrail ThrottlingException is retried by the SDK, then surfaces after the last attempt', async () => {
    fake.faults.push({ service: 'cloudtrail', action: 'DescribeTrails', status: 400, code: 'ThrottlingException', message: 'Rate exceeded' });
    const before = fake.calls.get('cloudtrail:DescribeTrails') ?? 0;
    const err = await sdkError(new CloudTrailClient(await config('us-east-1', { maxAttempts: 2 })).send(new DescribeTrailsCommand({})));
    assert.deepEqual([err.name, err.$metadata?.httpStatusCode, err.$metadata?.attempts], ['ThrottlingException', 400, 2]);
    assert.equal(fake.calls.get('cloudtrail:DescribeTrails'), before + 2);
  });

  test('a 500 is a server fault; with `times: 1` a retry succeeds', async () => {
    fake.faults.push({ service: 'ec2', action: 'GetEbsEncryptionByDefault', status: 500, code: 'InternalError', message: 'An internal error has occurred', times: 1 });
    const err = await sdkError(new EC2Client(await config()).send(new GetEbsEncryptionByDefaultCommand({})));
    assert.deepEqual([err.name, err.$fault, err.$metadata?.httpStatusCode], ['InternalError', 'server', 500]);
    fake.faults.push({ service: 'ec2', action: 'GetEbsEncryptionByDefault', status: 500, code: 'InternalError', message: 'An internal error has occurred', times: 1 });
    const out = await new EC2Client(await config('us-east-1', { maxAttempts: 3 })).send(new GetEbsEncryptionByDefaultCommand({}));
    assert.equal(out.$metadata.attempts, 2);
  });

  test('a truncated body fails the call; the SDK retries it as a transient network error', async () => {
    fake.faults.push({ service: 'sts', action: 'GetCallerIdentity', status: 200, body: 'truncated', times: 1 });
    await sdkError(new STSClient(await config()).send(new GetCallerIdentityCommand({})));
    fake.faults.push({ service: 'sts', action: 'GetCallerIdentity', status: 200, body: 'truncated', times: 1 });
    const out = await new STSClient(await config('us-east-1', { maxAttempts: 3 })).send(new GetCallerIdentityCommand({}));
    assert.equal(out.Account, misconfigured.accountId);
  });

  test('a garbage body is a deserialization error, not data', async () => {
    fake.faults.push({ service: 's3', action: 'ListBuckets', status: 200, body: 'garbage' });
    const err = await sdkError(new S3Client(await config('us-east-1', { forcePathStyle: true })).send(new ListBucketsCommand({})));
    assert.match(err.message, /parse|Deserialization/i);
  });

  test('latency and per-rule delays slow requests down; a client timeout fires', async () => {
    fake.settings.latencyMs = 60;
    const started = Date.now();
    await new STSClient(await config()).send(new GetCallerIdentityCommand({}));
    assert.ok(Date.now() - started >= 55);
    fake.faults.push({ service: 'sts', action: '*', status: 200, delayMs: 2000 });
    // This SDK only logs a warning on requestTimeout unless throwOnRequestTimeout is set.
    const requestHandler = { requestTimeout: 100, throwOnRequestTimeout: true };
    const err = await sdkError(new STSClient({ ...(await config()), requestHandler }).send(new GetCallerIdentityCommand({})));
    assert.equal(err.name, 'TimeoutError');
  });

  test('requests without a SigV4 Authorization header get each protocol\'s refusal', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const cases = [
      { body: 'Action=GetCallerIdentity&Version=2011-06-15', headers: form, status: 403, code: 'MissingAuthenticationToken' },
      { body: 'Action=DescribeRegions&Version=2016-11-15', headers: form, status: 401, code: 'MissingAuthenticationToken' },
      { body: '{}', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'CloudTrail_20131101.DescribeTrails' }, status: 400, code: 'MissingAuthenticationTokenException' },
    ];
    for (const c of cases) {
      const res = await fetch(`${fake.endpoint}/`, { method: 'POST', headers: c.headers, body: c.body });
      assert.equal(res.status, c.status);
      assert.ok((await res.text()).includes(c.code), c.code);
    }
    const s3 = await fetch(`${fake.endpoint}/`);
    assert.deepEqual([s3.status, (await s3.text()).includes('<Code>AccessDenied</Code>')], [403, true]);
  });
});

describe('a second server with a larger generated account', () => {
  let big: FakeAws;
  const account: FakeAccount = structuredClone(misconfigured);
  account.iam.passwordPolicy = { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, ExpirePasswords: false, PasswordReusePrevention: 24 };
  account.regional['us-east-1'] = {
    ebsEncryptionByDefault: true,
    securityGroups: [],
    instances: Array.from({ length: 12 }, (_, i) =>
      instance('us-east-1c', {
        InstanceId: `i-0fa0000000000${String(i).padStart(4, '0')}`, ImageId: 'ami-0c02fb55956c7d316', InstanceType: 't3.nano', name: `batch-${i}`,
        httpTokens: i % 3 === 0 ? 'optional' : 'required', privateIp: `10.9.0.${i + 10}`, vpcId: 'vpc-0a11b22c33d44e001', groups: [],
      }),
    ),
  };

  before(async () => {
    big = await startFakeAws(account);
  });
  after(() => big.close());

  test('paginateDescribeInstances walks 12 instances in pages of 5', async () => {
    const ec2 = new EC2Client({ ...(await config()), endpoint: big.endpoint });
    const pages = [];
    for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 5 }, {})) pages.push(page);
    assert.deepEqual(pages.map((p) => p.Reservations?.length), [5, 5, 2]);
    assert.deepEqual(pages.flatMap((p) => p.Reservations ?? []).flatMap((r) => r.Instances ?? []), account.regional['us-east-1']?.instances);
    assert.equal(big.calls.get('ec2:DescribeInstances'), 3);
  });

  test('GetAccountPasswordPolicy returns a configured policy', async () => {
    const out = await new IAMClient({ ...(await config()), endpoint: big.endpoint }).send(new GetAccountPasswordPolicyCommand({}));
    assert.deepEqual(out.PasswordPolicy, account.iam.passwordPolicy);
  });

  test('close() returns promptly while a request is held by a delay fault', async () => {
    const held = await startFakeAws(misconfigured);
    held.faults.push({ service: 'sts', action: '*', status: 200, delayMs: 30_000 });
    const pending = new STSClient({ ...(await config()), endpoint: held.endpoint }).send(new GetCallerIdentityCommand({}));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await held.close();
    assert.ok(Date.now() - started < 1000);
    await sdkError(pending);
  });
});
