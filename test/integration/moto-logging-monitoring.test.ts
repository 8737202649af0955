/**
 * The logging-monitoring area against moto. First moto 5.2.1's CloudTrail answers replayed
 * verbatim by the fake through the real SDK (captured from `moto_server` with boto3, November
 * 2026): where moto's answer differs from AWS's in a way AWS's documented rules settle, the verdict
 * must be the one the same setup gets from AWS. Then a live moto seeded with a misconfigured
 * account (skipped, with the reason, where moto is not installed).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { cloudtrailMultiRegionLogging } from '../../main/core/checks/logging-monitoring/cloudtrail-multi-region-logging.ts';
import { cloudtrailTrailCloudwatchLogs } from '../../main/core/checks/logging-monitoring/cloudtrail-trail-cloudwatch-logs.ts';
import { cloudwatchAlarmRootUsage } from '../../main/core/checks/logging-monitoring/cloudwatch-alarm-root-usage.ts';
import { securityhubStandardsEnabled } from '../../main/core/checks/logging-monitoring/securityhub-standards-enabled.ts';
import type { Check } from '../../main/core/checks/types.ts';
import { evaluateChecks } from '../../main/core/engine/evaluate.ts';
import type { Snapshot } from '../../main/core/engine/snapshot.ts';
import type { Finding } from '../../shared/model/finding.ts';
import { writeAwsProfile, type FaultRule } from '../support/fake-aws/index.ts';
import { TRAIL } from '../support/fake-aws/accounts/misconfigured.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { collectFromFake } from '../support/fake-scan.ts';
import { motoUnavailable, startMoto } from '../support/moto.ts';
import { MIGRATIONS_DIR, tempDir } from '../support/temp.ts';
import { startScan } from '../../main/core/scan/run-scan.ts';
import { listFindings } from '../../main/core/store/findings.ts';
import { openDatabase } from '../../main/core/store/open.ts';

const REGIONS = ['us-east-1', 'eu-west-1'];
const JSON_11 = 'application/x-amz-json-1.1';

async function collectAndJudge(t: TestContext, checks: Check[], faults: FaultRule[] = []): Promise<{ findings: Finding[]; snapshot: Snapshot; calls: Map<string, number> }> {
  const { fake, snapshot } = await collectFromFake(t, seeded, checks.flatMap((c) => c.needs), { regions: REGIONS, faults });
  return { findings: evaluateChecks(checks, snapshot), snapshot, calls: fake.calls };
}

const judge = async (t: TestContext, checks: Check[], faults: FaultRule[] = []) => (await collectAndJudge(t, checks, faults)).findings;

const verdicts = (fs: Finding[]) => fs.map((f) => `${f.checkId} ${f.resourceName} ${f.status}`).sort();

test('moto: GetEventSelectors answers two empty lists for a trail on the default selectors; the trail still records all management events', async (t) => {
  // moto's exact body; AWS sends the default selector (ReadWriteType All, management events on).
  const moto: FaultRule = {
    service: 'cloudtrail', action: 'GetEventSelectors', status: 200,
    raw: { contentType: JSON_11, body: JSON.stringify({ TrailARN: TRAIL.org, EventSelectors: [], AdvancedEventSelectors: [] }) },
  };
  const checks = [cloudtrailMultiRegionLogging, cloudwatchAlarmRootUsage];
  const fromMoto = await judge(t, checks, [moto]);
  const multi = fromMoto.find((f) => f.checkId === cloudtrailMultiRegionLogging.meta.id);
  assert.equal(multi?.status, 'PASS', multi?.message);
  assert.match(multi?.message ?? '', /no custom event selectors/);
  assert.deepEqual(verdicts(fromMoto), verdicts(await judge(t, checks)), 'the alarm chain reaches the same verdicts as with AWS\'s default selector');
});

test('moto: custom selectors moto lists are still judged, even though its DescribeTrails says HasCustomEventSelectors false', async (t) => {
  const writeOnly: FaultRule = {
    service: 'cloudtrail', action: 'GetEventSelectors', status: 200,
    raw: { contentType: JSON_11, body: JSON.stringify({ TrailARN: TRAIL.org, EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }], AdvancedEventSelectors: [] }) },
  };
  const [multi] = await judge(t, [cloudtrailMultiRegionLogging], [writeOnly]);
  assert.equal(multi?.status, 'FAIL');
  assert.match(multi?.message ?? '', /write-only management events/);
});

test('moto: GetTrailStatus never reports a CloudWatch Logs delivery; a trail that just started is not "never delivered", one started days ago is', async (t) => {
  // moto's body for a trail it started logging (epoch seconds; no LatestCloudWatchLogsDelivery* fields).
  const status = (startedSecondsAgo: number): FaultRule => {
    const started = Math.floor(Date.now() / 1000) - startedSecondsAgo;
    const body = {
      IsLogging: true, LatestDeliveryAttemptTime: new Date(started * 1000).toISOString().replace(/\.\d+Z$/, 'Z'), LatestNotificationAttemptTime: '',
      LatestNotificationAttemptSucceeded: '', LatestDeliveryAttemptSucceeded: '', TimeLoggingStarted: '', TimeLoggingStopped: '',
      StartLoggingTime: started, LatestDeliveryTime: started + 30,
    };
    return { service: 'cloudtrail', action: 'GetTrailStatus', region: 'us-east-1', status: 200, raw: { contentType: JSON_11, body: JSON.stringify(body) } };
  };
  const orgTrail = (fs: Finding[]) => fs.find((f) => f.resourceId === TRAIL.org);
  const fresh = orgTrail(await judge(t, [cloudtrailTrailCloudwatchLogs], [status(20)]));
  assert.equal(fresh?.status, 'PASS', fresh?.message);
  assert.match(fresh?.message ?? '', /started logging 0 minute\(s\) before the scan and has not reported a first delivery yet/);
  const old = orgTrail(await judge(t, [cloudtrailTrailCloudwatchLogs], [status(3 * 86_400)]));
  assert.equal(old?.status, 'FAIL');
  assert.match(old?.message ?? '', /has never delivered to it/);
});

test('moto: GetEnabledStandards is not implemented (HTML 404); where DescribeHub says the hub is off it is not asked, so only the enabled region is unread', async (t) => {
  const notFound: FaultRule = {
    service: 'securityhub', action: 'GetEnabledStandards', status: 404,
    raw: { contentType: 'text/html; charset=utf-8', body: '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n' },
  };
  const { findings, snapshot, calls } = await collectAndJudge(t, [securityhubStandardsEnabled], [notFound]);
  assert.equal(calls.get('securityhub:GetEnabledStandards'), 1, 'asked only in us-east-1, where the hub is on');
  const off = snapshot.read('securityhub:GetEnabledStandards', 'eu-west-1');
  assert.ok(off.ok, 'eu-west-1 keeps DescribeHub\'s "not subscribed", not a failed read');
  const byRegion = Object.fromEntries(findings.map((f) => [f.region, `${f.status} ${f.reason?.code ?? ''}`.trim()]));
  assert.deepEqual(byRegion, { 'us-east-1': 'NOT_ASSESSED NotImplemented', 'eu-west-1': 'NOT_APPLICABLE' });
});

/** The account: one good multi-region trail, one bad single-region trail per region, CIS chains in several states. */
const MOTO_SEED = String.raw`
import boto3, json, sys
kw = dict(endpoint_url=sys.argv[1], aws_access_key_id="testing", aws_secret_access_key="testing")
def c(svc, region="us-east-1"): return boto3.client(svc, region_name=region, **kw)
A = c("sts").get_caller_identity()["Account"]
s3, ct, logs, sns, cw = c("s3"), c("cloudtrail"), c("logs"), c("sns"), c("cloudwatch")
s3.create_bucket(Bucket="acme-trail-public")
s3.put_bucket_acl(Bucket="acme-trail-public", ACL="public-read")
s3.put_bucket_policy(Bucket="acme-trail-public", Policy=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-trail-public/*"}]}))
s3.create_bucket(Bucket="acme-trail-private")
s3.put_public_access_block(Bucket="acme-trail-private", PublicAccessBlockConfiguration={k: True for k in ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"]})
s3.create_bucket(Bucket="acme-access-logs", ACL="log-delivery-write")
s3.put_bucket_logging(Bucket="acme-trail-private", BucketLoggingStatus={"LoggingEnabled": {"TargetBucket": "acme-access-logs", "TargetPrefix": "t/"}})
ct.create_trail(Name="acme-single", S3BucketName="acme-trail-public")
ct.start_logging(Name="acme-single")
logs.create_log_group(logGroupName="/cloudtrail/main")
logs.put_retention_policy(logGroupName="/cloudtrail/main", retentionInDays=365)
key = c("kms").create_key()["KeyMetadata"]["Arn"]
ct.create_trail(Name="acme-main", S3BucketName="acme-trail-private", IsMultiRegionTrail=True, EnableLogFileValidation=True, KmsKeyId=key,
                CloudWatchLogsLogGroupArn=f"arn:aws:logs:us-east-1:{A}:log-group:/cloudtrail/main:*", CloudWatchLogsRoleArn=f"arn:aws:iam::{A}:role/ct")
ct.start_logging(Name="acme-main")
c("s3", "eu-west-1").create_bucket(Bucket="acme-trail-eu", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
c("cloudtrail", "eu-west-1").create_trail(Name="acme-eu-stopped", S3BucketName="acme-trail-eu")
heard = sns.create_topic(Name="sec-alerts")["TopicArn"]
q = c("sqs").create_queue(QueueName="sec")["QueueUrl"]
sns.subscribe(TopicArn=heard, Protocol="sqs", Endpoint=c("sqs").get_queue_attributes(QueueUrl=q, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"])
unheard = sns.create_topic(Name="nobody-listens")["TopicArn"]
def chain(name, pattern, topic, alarm=True):
    logs.put_metric_filter(logGroupName="/cloudtrail/main", filterName=name, filterPattern=pattern, metricTransformations=[{"metricName": name, "metricNamespace": "CIS", "metricValue": "1"}])
    if alarm: cw.put_metric_alarm(AlarmName=name, MetricName=name, Namespace="CIS", Statistic="Sum", Period=300, EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold", AlarmActions=[topic] if topic else [])
chain("RootUsage", '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }', heard)
chain("Unauthorized", '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }', unheard)
chain("AuthFailures", '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }', None)
chain("VpcChanges", '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) }', heard, alarm=False)
cfg = c("config")
s3.create_bucket(Bucket="acme-config")
cfg.put_configuration_recorder(ConfigurationRecorder={"name": "default", "roleARN": f"arn:aws:iam::{A}:role/config", "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True}})
cfg.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": "acme-config"})
cfg.start_configuration_recorder(ConfigurationRecorderName="default")
c("guardduty").create_detector(Enable=True)
c("securityhub").enable_security_hub(EnableDefaultStandards=True)
for region in ["us-east-1", "eu-west-1"]:
    l = c("logs", region)
    l.create_log_group(logGroupName="/app/no-retention")
    l.create_log_group(logGroupName="/app/short")
    l.put_retention_policy(logGroupName="/app/short", retentionInDays=7)
`;

const ACCT = '123456789012';
/** [check, region, resource, status AWS would give for the same setup]. */
const MOTO_EXPECTED: [string, string, string, string][] = [
  ['cloudtrail-multi-region-logging', 'global', ACCT, 'PASS'],
  ['cloudtrail-trail-log-file-validation', 'us-east-1', 'acme-main', 'PASS'],
  ['cloudtrail-trail-log-file-validation', 'us-east-1', 'acme-single', 'FAIL'],
  ['cloudtrail-trail-log-file-validation', 'eu-west-1', 'acme-eu-stopped', 'FAIL'],
  ['cloudtrail-trail-kms-encryption', 'us-east-1', 'acme-main', 'PASS'],
  ['cloudtrail-trail-kms-encryption', 'us-east-1', 'acme-single', 'FAIL'],
  ['cloudtrail-trail-cloudwatch-logs', 'us-east-1', 'acme-main', 'PASS'],
  ['cloudtrail-trail-cloudwatch-logs', 'us-east-1', 'acme-single', 'FAIL'],
  ['cloudtrail-trail-cloudwatch-logs', 'eu-west-1', 'acme-eu-stopped', 'FAIL'],
  ['cloudtrail-bucket-not-public', 'us-east-1', 'acme-trail-public', 'FAIL'],
  ['cloudtrail-bucket-not-public', 'us-east-1', 'acme-trail-private', 'PASS'],
  ['cloudtrail-bucket-access-logging', 'us-east-1', 'acme-trail-private', 'PASS'],
  ['cloudtrail-bucket-access-logging', 'us-east-1', 'acme-trail-public', 'FAIL'],
  ['cloudwatch-alarm-root-usage', 'global', ACCT, 'PASS'],
  ['cloudwatch-alarm-unauthorized-api-calls', 'global', ACCT, 'FAIL'],
  ['cloudwatch-alarm-console-auth-failures', 'global', ACCT, 'FAIL'],
  ['cloudwatch-alarm-vpc-changes', 'global', ACCT, 'FAIL'],
  ['config-recorder-all-regions', 'us-east-1', ACCT, 'PASS'],
  ['config-recorder-all-regions', 'eu-west-1', ACCT, 'FAIL'],
  ['guardduty-detector-enabled', 'us-east-1', ACCT, 'PASS'],
  ['guardduty-detector-enabled', 'eu-west-1', ACCT, 'FAIL'],
  ['securityhub-hub-enabled', 'us-east-1', ACCT, 'PASS'],
  ['securityhub-hub-enabled', 'eu-west-1', ACCT, 'FAIL'],
  ['logs-log-group-retention', 'us-east-1', '/app/short', 'FAIL'],
  ['logs-log-group-retention', 'eu-west-1', '/app/short', 'FAIL'],
  ['logs-log-group-retention', 'eu-west-1', '/app/no-retention', 'PASS'],
];

const unavailable = motoUnavailable();

test('live moto: a misconfigured account gets, for each seeded setting, the verdict AWS would give', { skip: unavailable, timeout: 300_000 }, async (t) => {
  const moto = await startMoto(t);
  const dir = tempDir(t);
  const script = join(dir, 'seed.py');
  writeFileSync(script, MOTO_SEED);
  await moto.seed(script);
  const files = writeAwsProfile(dir, { profile: 'moto', endpoint: moto.endpoint, region: 'us-east-1' });
  const db = openDatabase(join(dir, 'l.db'), MIGRATIONS_DIR);
  t.after(() => db.close());
  const env = { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
  const scan = await startScan({ db, env, emit: () => {}, toolVersion: 'test' }, { profile: 'moto', regions: REGIONS, areas: ['logging-monitoring'] });
  assert.equal(await scan.done, 'complete');
  const findings = listFindings(db, scan.scanId);
  const got = MOTO_EXPECTED.map(([checkId, region, resource]) => {
    const f = findings.filter((x) => x.checkId === checkId && x.region === region && (x.resourceName === resource || x.resourceId === resource || x.resourceId.endsWith(`/${resource}`)));
    return [checkId, region, resource, f.map((x) => x.status).join(',') || 'none'];
  });
  assert.deepEqual(got, MOTO_EXPECTED.map(([c, r, n, status]) => [c, r, n, status]));
  // NOT_ASSESSED only where moto has no such operation (404 for an unknown route), saying so.
  const blind = findings.filter((f) => f.status === 'NOT_ASSESSED').map((f) => `${f.checkId} ${f.reason?.call} ${f.reason?.code}`);
  assert.deepEqual([...new Set(blind)].sort(), ['guardduty-high-severity-findings guardduty:ListFindings NotImplemented', 'securityhub-standards-enabled securityhub:GetEnabledStandards NotImplemented']);
});
