import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DBInstance } from '@aws-sdk/client-rds';
import type { NetworkInterface } from '@aws-sdk/client-ec2';
import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { AwsSession } from '../../main/core/aws/session.ts';
import { datasetsFor } from '../../main/core/collect/index.ts';
import { collectSnapshot } from '../../main/core/engine/collect.ts';
import { Snapshot } from '../../main/core/engine/snapshot.ts';
import { startFakeAws, writeAwsProfile } from '../support/fake-aws/index.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { RDS } from '../support/fake-aws/accounts/planted/shared.ts';
import { tempDir } from '../support/temp.ts';

test('RDS instances, network interfaces and log groups are collected through the real SDK with every page', async (t) => {
  const fake = await startFakeAws(seeded);
  t.after(() => fake.close());
  const files = writeAwsProfile(tempDir(t), { profile: 'p', endpoint: fake.endpoint, region: 'us-east-1' });
  const session = await AwsSession.open({ profile: 'p', env: { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile } });
  t.after(() => session.close());
  const snapshot = new Snapshot({ accountId: seeded.accountId, partition: 'aws', regions: ['us-east-1', 'eu-west-1'] }, []);
  await collectSnapshot({
    session,
    datasets: datasetsFor(['rds:DescribeDBInstances', 'ec2:DescribeNetworkInterfaces', 'logs:DescribeLogGroups']),
    regions: ['us-east-1', 'eu-west-1'],
    snapshot,
    signal: new AbortController().signal,
    onRecords: () => {},
    onProgress: () => {},
  });
  const rds = snapshot.read<DBInstance[]>('rds:DescribeDBInstances', 'us-east-1');
  assert.ok(rds.ok);
  assert.deepEqual(rds.data.map((d) => [d.DBInstanceIdentifier, d.StorageEncrypted, d.PubliclyAccessible, d.EngineVersion]), [
    [RDS.ordersDb, true, false, '16.4'],
    [RDS.legacyReporting, false, true, '5.7.44'],
  ]);
  const enis = snapshot.read<NetworkInterface[]>('ec2:DescribeNetworkInterfaces', 'us-east-1');
  assert.ok(enis.ok);
  assert.equal(enis.data.length, 3);
  assert.equal(enis.data[0]?.Groups?.length, 2);
  const logs = snapshot.read<LogGroup[]>('logs:DescribeLogGroups', 'us-east-1');
  assert.ok(logs.ok);
  assert.deepEqual(logs.data.map((g) => [g.logGroupName, g.retentionInDays ?? null]), [['/aws/cloudtrail/org-audit', 365], ['/aws/lambda/orders-worker', null]]);
  const empty = snapshot.read<DBInstance[]>('rds:DescribeDBInstances', 'eu-west-1');
  assert.ok(empty.ok && empty.data.length === 0, 'a region without instances reads as an empty list, not an error');
});
