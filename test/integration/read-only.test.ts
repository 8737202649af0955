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
