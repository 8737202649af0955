import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TerminateInstancesCommand, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { DeleteBucketCommand } from '@aws-sdk/client-s3';
import { AwsSession } from '../../main/core/aws/session.ts';
import { startFakeAws, writeAwsProfile } from '../support/fake-aws/index.ts';
import { misconfigured } from '../support/fake-aws/accounts/misconfigured.ts';

test('a session client refuses a mutating call before anything is sent, and still serves reads', async (t) => {
  const fake = await startFakeAws(misconfigured);
  const dir = mkdtempSync(join(tmpdir(), 'leasehold-ro-'));
  t.after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const files = writeAwsProfile(dir, { profile: 'p', endpoint: fake.endpoint, region: 'us-east-1' });
  const session = await AwsSession.open({ profile: 'p', env: { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile } });
  t.after(() => session.close());
  const before = [...fake.calls.values()].reduce((a, b) => a + b, 0);
  await assert.rejects(session.client('ec2', 'us-east-1').send(new TerminateInstancesCommand({ InstanceIds: ['i-1'] })), /read-only: ec2:TerminateInstances/);
  await assert.rejects(session.client('s3', 'us-east-1').send(new DeleteBucketCommand({ Bucket: 'b' })), { name: 'ReadOnlyViolation' });
  assert.equal([...fake.calls.values()].reduce((a, b) => a + b, 0), before, 'nothing reached the endpoint');
  const groups = await session.client('ec2', 'us-east-1').send(new DescribeSecurityGroupsCommand({}));
  assert.ok((groups.SecurityGroups ?? []).length > 0);
  assert.equal(session.endpoints.get('ec2'), fake.endpoint, 'the endpoint used is recorded per service');
});

const READ_PREFIX = /^(Describe|Get|List|Lookup|BatchGet|Search|Head)/;

test('every command of every client package used is refused before sending unless it is an allowlisted read', async (t) => {
  const { READ_OPERATIONS } = await import('../../main/core/aws/read-only.ts');
  const fake = await startFakeAws(misconfigured);
  const dir = mkdtempSync(join(tmpdir(), 'leasehold-ro-'));
  t.after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const files = writeAwsProfile(dir, { profile: 'p', endpoint: fake.endpoint, region: 'us-east-1' });
  const session = await AwsSession.open({ profile: 'p', env: { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile } });
  t.after(() => session.close());
  let refused = 0;
  const { CLIENT_PACKAGES } = await import('../../main/core/aws/clients.ts');
  for (const [service, pkg] of Object.entries(CLIENT_PACKAGES) as [keyof typeof CLIENT_PACKAGES, string][]) {
    const mod = (await import(pkg)) as Record<string, unknown>;
    const commands = Object.keys(mod).filter(
      (k) => /^[A-Z]\w*Command$/.test(k) && typeof (mod[k] as { prototype?: { resolveMiddleware?: unknown } }).prototype?.resolveMiddleware === 'function',
    );
    for (const op of READ_OPERATIONS[service] ?? []) {
      assert.ok(commands.includes(`${op}Command`), `${service}:${op} exists in ${pkg}`);
      // GenerateCredentialReport only asks IAM to build the credential report (reused for four
      // hours); it changes no configuration, and SecurityAudit grants it.
      if (!(service === 'iam' && op === 'GenerateCredentialReport')) assert.match(op, READ_PREFIX, `${service}:${op} is a read operation by name`);
    }
    const client = session.client(service, 'us-east-1') as unknown as { send(c: unknown): Promise<unknown> };
    for (const name of commands) {
      const op = name.slice(0, -'Command'.length);
      if (READ_OPERATIONS[service]?.has(op)) continue;
      const Command = mod[name] as new (input: object) => unknown;
      await assert.rejects(client.send(new Command({})), { name: 'ReadOnlyViolation' }, `${service}:${op} must be refused`);
      refused += 1;
    }
  }
  assert.equal([...fake.calls.values()].reduce((a, b) => a + b, 0), 0, 'no refused command reached the endpoint');
  assert.ok(refused > 2000, `refused ${refused} commands`);
  for (const service of Object.keys(READ_OPERATIONS)) assert.ok(service in CLIENT_PACKAGES, `${service} allowlisted but has no client`);
  t.diagnostic(`refused ${refused} non-allowlisted commands before sending`);
});
