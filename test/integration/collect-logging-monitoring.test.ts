/**
 * The logging-monitoring collectors through the real SDK against the fake: every new service's
 * wire protocol (Config and Organizations over awsJson1_1, CloudWatch over query-compatible
 * awsJson1_0, SNS over awsQuery, GuardDuty and Security Hub over REST JSON), pagination, the
 * answers that mean "off", and two whole scans the seeded account cannot show: the alarm chains
 * when the trail delivers to CloudWatch Logs, and a member account covered by an organization trail.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { MetricFilter } from '@aws-sdk/client-cloudwatch-logs';
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { Subscription } from '@aws-sdk/client-sns';
import type { Finding } from '../../shared/model/finding.ts';
import { loggingMonitoringDatasets } from '../../main/core/collect/areas/logging-monitoring.ts';
import { ORG_SERVICE_PRINCIPALS } from '../../main/core/collect/organizations.ts';
import { GLOBAL, type Snapshot } from '../../main/core/engine/snapshot.ts';
import type { FakeAccount, FakeTrail, FaultRule } from '../support/fake-aws/index.ts';
import { ACCOUNT_ID } from '../support/fake-aws/accounts/misconfigured.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { alarmPlanted, DETECTOR, LOG_GROUP, TOPIC, withTrailLogGroup } from '../support/fake-aws/accounts/planted/logging-monitoring.ts';
import { collectFromFake, scanFake } from '../support/fake-scan.ts';

const REGIONS = ['us-east-1', 'eu-west-1', 'af-south-1'];

async function collect(t: TestContext, account: FakeAccount, ids: string[]): Promise<{ snapshot: Snapshot; calls: Map<string, number> }> {
  const { fake, snapshot } = await collectFromFake(t, account, ids, { regions: REGIONS });
  return { snapshot, calls: fake.calls };
}

const scan = async (t: TestContext, account: FakeAccount): Promise<Finding[]> => (await scanFake(t, account, { areas: ['logging-monitoring'] })).findings;

const data = <T>(snapshot: Snapshot, dataset: string, region: string, key = ''): T => {
  const read = snapshot.read<T>(dataset, region, key);
  assert.ok(read.ok, `${dataset} ${region} ${key}: ${read.ok ? '' : `${read.error.code} ${read.error.message}`}`);
  return read.data;
};

test('every logging-monitoring dataset is collected through the real SDK, "off" answers stored as answers', async (t) => {
  const { snapshot } = await collect(t, seeded, loggingMonitoringDatasets.map((d) => d.id));
  const selectors = data<{ EventSelectors: { ReadWriteType?: string }[] | null }>(snapshot, 'cloudtrail:GetEventSelectors', 'us-east-1', `arn:aws:cloudtrail:us-east-1:${ACCOUNT_ID}:trail/org-audit-trail`);
  assert.equal(selectors.EventSelectors?.[0]?.ReadWriteType, 'All');
  const filters = data<MetricFilter[]>(snapshot, 'logs:DescribeMetricFilters', 'us-east-1');
  assert.equal(filters.length, 13);
  assert.deepEqual(filters[0]?.metricTransformations?.[0], { metricName: 'UnauthorizedAPICalls', metricNamespace: 'CISBenchmark', metricValue: '1' });
  const alarms = data<MetricAlarm[]>(snapshot, 'cloudwatch:DescribeAlarms', 'us-east-1');
  assert.equal(alarms.length, 11);
  assert.ok(alarms[0]?.StateUpdatedTimestamp instanceof Date || typeof alarms[0]?.StateUpdatedTimestamp === 'string', 'awsJson timestamps parsed');
  assert.equal(alarms.find((a) => a.MetricName === 'AWSConfigChanges')?.ActionsEnabled, false);
  const subs = data<Subscription[]>(snapshot, 'sns:ListSubscriptionsByTopic', 'us-east-1', TOPIC.ops);
  assert.deepEqual(subs.map((s) => s.SubscriptionArn), ['PendingConfirmation']);
  assert.equal(data<Subscription[]>(snapshot, 'sns:ListSubscriptionsByTopic', 'eu-west-1', TOPIC.securityEu).length, 1, 'each topic read in its own region');
  const recorders = data<{ name: string; recordingGroup: { allSupported: boolean } }[]>(snapshot, 'config:DescribeConfigurationRecorders', 'us-east-1');
  assert.equal(recorders[0]?.recordingGroup.allSupported, true);
  const status = data<{ recording: boolean; lastStopTime?: Date }[]>(snapshot, 'config:DescribeConfigurationRecorderStatus', 'eu-west-1');
  assert.equal(status[0]?.recording, false);
  assert.ok(status[0]?.lastStopTime instanceof Date);
  assert.deepEqual(data<string[]>(snapshot, 'guardduty:ListDetectors', 'af-south-1'), [], 'no detector: an empty list, not an error');
  assert.equal(data<{ Status: string }>(snapshot, 'guardduty:GetDetector', 'eu-west-1', DETECTOR.euw1).Status, 'DISABLED');
  const open = data<{ FindingIds: string[] }>(snapshot, 'guardduty:ListFindings', 'us-east-1', DETECTOR.use1);
  assert.equal(open.FindingIds.length, 2, 'severity >= 7 and not archived, filtered by GuardDuty itself');
  const details = data<{ Type: string; Severity: number; ResourceType: string }[]>(snapshot, 'guardduty:GetFindings', 'us-east-1', DETECTOR.use1);
  assert.deepEqual(details.map((d) => [d.Type, d.Severity, d.ResourceType]).sort(), [['CryptoCurrency:EC2/BitcoinTool.B!DNS', 9.2, 'Instance'], ['UnauthorizedAccess:EC2/SSHBruteForce', 8, 'Instance']]);
  const hubOff = data<{ subscribed: boolean; code?: string; message?: string }>(snapshot, 'securityhub:DescribeHub', 'eu-west-1');
  assert.deepEqual(hubOff, { subscribed: false, code: 'InvalidAccessException', message: `Account ${ACCOUNT_ID} is not subscribed to AWS Security Hub` });
  assert.equal(data<{ subscribed: boolean }>(snapshot, 'securityhub:GetEnabledStandards', 'eu-west-1').subscribed, false);
  const standards = data<{ StandardsSubscriptions: { StandardsStatus: string }[] }>(snapshot, 'securityhub:GetEnabledStandards', 'us-east-1');
  assert.deepEqual(standards.StandardsSubscriptions.map((s) => s.StandardsStatus), ['READY', 'READY']);
  const org = data<{ inOrganization: boolean; Organization?: { MasterAccountId: string } }>(snapshot, 'organizations:DescribeOrganization', GLOBAL);
  assert.equal(org.Organization?.MasterAccountId, ACCOUNT_ID);
  const admins = data<Record<string, { Id: string }[]>>(snapshot, 'organizations:ListDelegatedAdministrators', GLOBAL);
  assert.deepEqual(admins['guardduty.amazonaws.com']?.map((a) => a.Id), ['444455556666']);
  assert.deepEqual(admins['config.amazonaws.com'], []);
});

test('pages are followed to the end: 120 alarms, 130 metric filters, 30 standards', async (t) => {
  const lm = seeded.ext?.loggingMonitoring ?? {};
  const many: FakeAccount = {
    ...seeded,
    ext: {
      ...seeded.ext,
      loggingMonitoring: {
        ...lm,
        alarms: { 'us-east-1': Array.from({ length: 120 }, (_, i) => ({ AlarmName: `a${i}`, MetricName: `m${i}`, Namespace: 'N', ActionsEnabled: true, AlarmActions: [] })) },
        metricFilters: { 'us-east-1': Array.from({ length: 130 }, (_, i) => ({ filterName: `f${i}`, logGroupName: LOG_GROUP, filterPattern: '{ $.a = 1 }', metricTransformations: [] })) },
        securityHub: { 'us-east-1': { SubscribedAt: '2024-01-01T00:00:00.000Z', standards: Array.from({ length: 30 }, (_, i) => ({ StandardsSubscriptionArn: `s${i}`, StandardsArn: `arn${i}`, StandardsInput: {}, StandardsStatus: 'READY' as const })) } },
      },
    },
  };
  const { snapshot, calls } = await collect(t, many, ['cloudwatch:DescribeAlarms', 'logs:DescribeMetricFilters', 'securityhub:GetEnabledStandards']);
  assert.equal(data<MetricAlarm[]>(snapshot, 'cloudwatch:DescribeAlarms', 'us-east-1').length, 120);
  assert.equal(data<MetricFilter[]>(snapshot, 'logs:DescribeMetricFilters', 'us-east-1').length, 130);
  assert.equal(data<{ StandardsSubscriptions: unknown[] }>(snapshot, 'securityhub:GetEnabledStandards', 'us-east-1').StandardsSubscriptions.length, 30);
  assert.equal(calls.get('monitoring:DescribeAlarms'), 2 + 2, 'two pages in us-east-1, one in each other region');
  assert.equal(calls.get('logs:DescribeMetricFilters'), 3 + 2);
});

test('a deleted SNS topic and a refused delegated-admin listing come back as AWS says them', async (t) => {
  const lm = seeded.ext?.loggingMonitoring ?? {};
  const gone = `arn:aws:sns:us-east-1:${ACCOUNT_ID}:deleted-topic`;
  const account: FakeAccount = {
    ...seeded,
    ext: { ...seeded.ext, loggingMonitoring: { ...lm, alarms: { 'us-east-1': [{ AlarmName: 'x', MetricName: 'x', Namespace: 'x', ActionsEnabled: true, AlarmActions: [gone] }] }, organization: { ...lm.organization!, organization: { ...lm.organization!.organization, MasterAccountId: '999988887777' } } } },
  };
  const { snapshot } = await collect(t, account, ['sns:ListSubscriptionsByTopic', 'organizations:ListDelegatedAdministrators']);
  // SNS's 404 NotFound is the answer "this topic reaches nobody": stored as data, with its code.
  assert.deepEqual(data(snapshot, 'sns:ListSubscriptionsByTopic', 'us-east-1', gone), { Subscriptions: null, NotFound: 'NotFound' });
  const admins = snapshot.read('organizations:ListDelegatedAdministrators', GLOBAL);
  assert.ok(!admins.ok);
  assert.deepEqual([admins.error.kind, admins.error.code], ['permission-denied', 'AccessDeniedException']);
});

test('a delegated-admin listing refused for one service principal keeps the others (moto 5.2: InvalidInputException)', async (t) => {
  const refuse: FaultRule = { service: 'organizations', action: 'ListDelegatedAdministrators', times: 1, status: 400, code: 'InvalidInputException', message: 'You provided a value that does not match the required pattern.' };
  const { snapshot } = await collectFromFake(t, seeded, ['organizations:ListDelegatedAdministrators'], { regions: REGIONS, faults: [refuse] });
  const admins = data<Record<string, unknown>>(snapshot, 'organizations:ListDelegatedAdministrators', GLOBAL);
  const first = Object.values(ORG_SERVICE_PRINCIPALS)[0] ?? '';
  assert.deepEqual(admins[first], { error: { kind: 'unknown', code: 'InvalidInputException', message: 'You provided a value that does not match the required pattern.' } });
  for (const p of Object.values(ORG_SERVICE_PRINCIPALS).slice(1)) assert.ok(Array.isArray(admins[p]), p);
});

test('with the trail delivering to CloudWatch Logs, every planted alarm chain is reported as planted', async (t) => {
  const findings = await scan(t, withTrailLogGroup(seeded));
  const problems: string[] = [];
  for (const item of alarmPlanted(true)) {
    const match = findings.filter((f) => f.checkId === item.checkId && f.resourceId === item.resource && f.region === 'global');
    if (match.length !== 1 || match[0]?.status !== item.expect) problems.push(`${item.checkId}: ${match.map((f) => `${f.status} ${f.message}`).join(' | ')} (expected ${item.expect}: ${item.note})`);
  }
  assert.deepEqual(problems, []);
  const cw = findings.find((f) => f.checkId === 'cloudtrail-trail-cloudwatch-logs' && f.resourceName === 'org-audit-trail');
  assert.equal(cw?.status, 'PASS');
  assert.deepEqual(findings.filter((f) => f.status === 'NOT_ASSESSED').map((f) => f.message), []);
});

const MEMBER = '555566667777';
const ORG_TRAIL: FakeTrail = {
  Name: 'org-wide', TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT_ID}:trail/org-wide`, HomeRegion: 'us-east-1', S3BucketName: 'acme-org-log-archive',
  IncludeGlobalServiceEvents: true, IsMultiRegionTrail: true, IsOrganizationTrail: true, HasCustomEventSelectors: false, HasInsightSelectors: false,
  LogFileValidationEnabled: true, KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9`,
  CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:/aws/cloudtrail/org-wide:*`, isLogging: true,
  status: { LatestDeliveryTime: new Date(Date.now() - 600_000), LatestCloudWatchLogsDeliveryTime: new Date(Date.now() - 600_000) },
};

test('trap: a member account is covered by the organization trail and is never failed for services its organization may run', async (t) => {
  const lm = seeded.ext?.loggingMonitoring ?? {};
  const memberAccount: FakeAccount = {
    ...seeded,
    accountId: MEMBER,
    callerArn: `arn:aws:iam::${MEMBER}:user/leasehold-auditor`,
    trails: [ORG_TRAIL],
    ext: {
      ...seeded.ext,
      loggingMonitoring: { organization: { ...lm.organization!, organization: { ...lm.organization!.organization, MasterAccountId: ACCOUNT_ID } } },
    },
  };
  const findings = await scan(t, memberAccount);
  const by = (id: string) => findings.filter((f) => f.checkId === id);
  const trail = by('cloudtrail-multi-region-logging');
  assert.deepEqual(trail.map((f) => f.status), ['PASS'], trail[0]?.message);
  assert.match(trail[0]?.message ?? '', /organization trail org-wide of account 111122223333/);
  for (const id of ['guardduty-detector-enabled', 'securityhub-hub-enabled', 'config-recorder-all-regions']) {
    const fs = by(id);
    assert.equal(fs.length, 3, id);
    for (const f of fs) {
      assert.equal(f.status, 'NOT_ASSESSED', `${id} ${f.region}: ${f.message}`);
      assert.deepEqual([f.reason?.call, f.reason?.code], ['organizations:ListDelegatedAdministrators', 'AccessDeniedException']);
    }
  }
  const alarm = by('cloudwatch-alarm-root-usage');
  assert.deepEqual([alarm[0]?.status, alarm[0]?.reason?.code], ['NOT_ASSESSED', 'OtherAccount'], 'the log group is in the management account');
  assert.equal(by('cloudtrail-bucket-not-public')[0]?.status, 'NOT_APPLICABLE', 'the log archive bucket is not in the member account');
  assert.deepEqual(findings.filter((f) => f.status === 'FAIL').map((f) => f.checkId), [], 'nothing failed on organization-wide settings');
});
