/**
 * The logging-monitoring checks on fixture snapshots: PASS, FAIL and NOT_ASSESSED for each, and
 * the traps of CHECKS.md (an organization trail covers a member account, a pending SNS
 * subscription reaches nobody, "not subscribed" is a FAIL, equivalent filter patterns count).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../shared/model/finding.ts';
import { DEFAULT_EVAL_CONTEXT } from '../../main/core/engine/evaluate.ts';
import type { SnapshotRecord } from '../../main/core/engine/snapshot.ts';
import type { Check } from '../../main/core/checks/types.ts';
import { loggingMonitoringChecks } from '../../main/core/checks/logging-monitoring/index.ts';
import { cloudtrailMultiRegionLogging } from '../../main/core/checks/logging-monitoring/cloudtrail-multi-region-logging.ts';
import { cloudtrailTrailLogFileValidation } from '../../main/core/checks/logging-monitoring/cloudtrail-trail-log-file-validation.ts';
import { cloudtrailTrailKmsEncryption } from '../../main/core/checks/logging-monitoring/cloudtrail-trail-kms-encryption.ts';
import { cloudtrailTrailCloudwatchLogs } from '../../main/core/checks/logging-monitoring/cloudtrail-trail-cloudwatch-logs.ts';
import { cloudtrailBucketNotPublic } from '../../main/core/checks/logging-monitoring/cloudtrail-bucket-not-public.ts';
import { cloudtrailBucketAccessLogging } from '../../main/core/checks/logging-monitoring/cloudtrail-bucket-access-logging.ts';
import { configRecorderAllRegions } from '../../main/core/checks/logging-monitoring/config-recorder-all-regions.ts';
import { guarddutyDetectorEnabled } from '../../main/core/checks/logging-monitoring/guardduty-detector-enabled.ts';
import { guarddutyHighSeverityFindings } from '../../main/core/checks/logging-monitoring/guardduty-high-severity-findings.ts';
import { securityhubHubEnabled } from '../../main/core/checks/logging-monitoring/securityhub-hub-enabled.ts';
import { securityhubStandardsEnabled } from '../../main/core/checks/logging-monitoring/securityhub-standards-enabled.ts';
import { logsLogGroupRetention } from '../../main/core/checks/logging-monitoring/logs-log-group-retention.ts';
import { cloudwatchAlarmRootUsage } from '../../main/core/checks/logging-monitoring/cloudwatch-alarm-root-usage.ts';
import { cloudwatchAlarmIamPolicyChanges } from '../../main/core/checks/logging-monitoring/cloudwatch-alarm-iam-policy-changes.ts';
import { cloudwatchAlarmConsoleAuthFailures } from '../../main/core/checks/logging-monitoring/cloudwatch-alarm-console-auth-failures.ts';
import { cloudwatchAlarmUnauthorizedApiCalls } from '../../main/core/checks/logging-monitoring/cloudwatch-alarm-unauthorized-api-calls.ts';
import { cloudwatchAlarmVpcChanges } from '../../main/core/checks/logging-monitoring/cloudwatch-alarm-vpc-changes.ts';
import { CIS_PATTERNS } from '../../main/core/checks/logging-monitoring/support/cis-patterns.ts';
import { compileFilterPattern } from '../../main/core/checks/logging-monitoring/support/filter-pattern.ts';
import { ACCOUNT, failed, ok, snapshot } from '../support/snapshots.ts';

const R = 'eu-west-1';
const run = (check: Check, records: SnapshotRecord[], regions = [R]) => check.evaluate(snapshot(records, regions), DEFAULT_EVAL_CONTEXT);
const statuses = (fs: Finding[]) => fs.map((f) => f.status);
const one = (fs: Finding[]) => {
  assert.equal(fs.length, 1, fs.map((f) => f.message).join(' | '));
  return fs[0] as Finding;
};

// --- CloudTrail fixtures -------------------------------------------------------------------
const TRAIL = `arn:aws:cloudtrail:${R}:${ACCOUNT}:trail/main`;
const MGMT = '999988887777';
const ORG_TRAIL = `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/org-wide`;
const LOG_GROUP = '/aws/cloudtrail/main';
const LOG_GROUP_ARN = `arn:aws:logs:${R}:${ACCOUNT}:log-group:${LOG_GROUP}:*`;
const trail = (over: object = {}) => ({
  Name: 'main', TrailARN: TRAIL, HomeRegion: R, IsMultiRegionTrail: true, IsOrganizationTrail: false, LogFileValidationEnabled: true,
  HasCustomEventSelectors: true, S3BucketName: 'trail-bucket', KmsKeyId: `arn:aws:kms:${R}:${ACCOUNT}:key/k1`, CloudWatchLogsLogGroupArn: LOG_GROUP_ARN, ...over,
});
const trails = (list: object[], region = R) => ok('cloudtrail:DescribeTrails', region, list);
const status = (data: object, arn = TRAIL, region = R) => ok('cloudtrail:GetTrailStatus', region, data, arn);
const selectors = (data: object, arn = TRAIL, region = R) => ok('cloudtrail:GetEventSelectors', region, data, arn);
const basic = (ReadWriteType: string, IncludeManagementEvents = true) => ({ EventSelectors: [{ ReadWriteType, IncludeManagementEvents }], AdvancedEventSelectors: null });
const advanced = (...selectorsFields: object[][]) => ({ EventSelectors: null, AdvancedEventSelectors: selectorsFields.map((FieldSelectors, i) => ({ Name: `s${i}`, FieldSelectors })) });
const logging = () => [trails([trail()]), status({ IsLogging: true }), selectors(basic('All'))];

test('multi-region trail: logging with read and write management events passes; write-only, stopped or single-region fails', () => {
  assert.deepEqual(statuses(run(cloudtrailMultiRegionLogging, logging())), ['PASS']);
  const adv = advanced([{ Field: 'eventCategory', Equals: ['Management'] }]);
  assert.deepEqual(statuses(run(cloudtrailMultiRegionLogging, [trails([trail()]), status({ IsLogging: true }), selectors(adv)])), ['PASS'], 'advanced selector without readOnly = reads and writes');
  const split = advanced([{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['true'] }], [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }]);
  assert.deepEqual(statuses(run(cloudtrailMultiRegionLogging, [trails([trail()]), status({ IsLogging: true }), selectors(split)])), ['PASS'], 'a read selector plus a write selector cover both');
  const writeOnly = one(run(cloudtrailMultiRegionLogging, [trails([trail()]), status({ IsLogging: true }), selectors(basic('WriteOnly'))]));
  assert.equal(writeOnly.status, 'FAIL');
  assert.match(writeOnly.message, /write-only management events/);
  const readsOnly = advanced([{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['true'] }]);
  assert.deepEqual(statuses(run(cloudtrailMultiRegionLogging, [trails([trail()]), status({ IsLogging: true }), selectors(readsOnly)])), ['FAIL']);
  assert.deepEqual(statuses(run(cloudtrailMultiRegionLogging, [trails([trail()]), status({ IsLogging: true }), selectors(basic('All', false))])), ['FAIL'], 'management events excluded');
  assert.deepEqual(statuses(run(cloudtrailMultiRegionLogging, [trails([trail()]), status({ IsLogging: false }), selectors(basic('All'))])), ['FAIL']);
  const single = one(run(cloudtrailMultiRegionLogging, [trails([trail({ IsMultiRegionTrail: false })])]));
  assert.equal(single.status, 'FAIL');
  assert.match(single.message, /only single-region trails: main/);
  assert.equal(single.evidence[0]?.call, 'cloudtrail:DescribeTrails');
});

test('multi-region trail: unread status or selectors are NOT_ASSESSED, never FAIL; the default selectors need no read', () => {
  const denied = one(run(cloudtrailMultiRegionLogging, [trails([trail()]), status({ IsLogging: true }), failed('cloudtrail:GetEventSelectors', R, 'permission-denied', 'AccessDeniedException', TRAIL)]));
  assert.equal(denied.status, 'NOT_ASSESSED');
  assert.equal(denied.reason?.call, 'cloudtrail:GetEventSelectors');
  const byDefault = run(cloudtrailMultiRegionLogging, [trails([trail({ HasCustomEventSelectors: false })]), status({ IsLogging: true }), failed('cloudtrail:GetEventSelectors', R, 'permission-denied', 'AccessDeniedException', TRAIL)]);
  assert.deepEqual(statuses(byDefault), ['PASS'], 'HasCustomEventSelectors false: the default records all management events');
  assert.deepEqual(statuses(run(cloudtrailMultiRegionLogging, [trails([trail()]), failed('cloudtrail:GetTrailStatus', R, 'throttled', 'ThrottlingException', TRAIL)])), ['NOT_ASSESSED']);
  assert.equal(one(run(cloudtrailMultiRegionLogging, [trails([trail()]), status({ IsLogging: null })])).reason?.code, 'MissingField');
  assert.deepEqual(statuses(run(cloudtrailMultiRegionLogging, [failed('cloudtrail:DescribeTrails', R, 'permission-denied', 'AccessDeniedException')])), ['NOT_ASSESSED']);
  const partial = run(cloudtrailMultiRegionLogging, [trails([]), failed('cloudtrail:DescribeTrails', 'us-east-1', 'timeout', 'TimeoutError')], [R, 'us-east-1']);
  assert.deepEqual(statuses(partial), ['NOT_ASSESSED'], 'a region that could not be listed might hold the trail');
});

test('trap: an organization trail owned by the management account covers a member account', () => {
  const org = { Name: 'org-wide', TrailARN: ORG_TRAIL, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: true, HasCustomEventSelectors: false, LogFileValidationEnabled: true };
  const records = [
    trails([org]),
    ok('cloudtrail:GetTrailStatus', 'us-east-1', { IsLogging: true }, ORG_TRAIL),
    // A member account may read the status of the organization trail by ARN but not its selectors.
    failed('cloudtrail:GetEventSelectors', 'us-east-1', 'unknown', 'CloudTrailARNInvalidException', ORG_TRAIL),
  ];
  const f = one(run(cloudtrailMultiRegionLogging, records));
  assert.equal(f.status, 'PASS');
  assert.match(f.message, /organization trail org-wide of account 999988887777/);
  assert.equal(one(run(cloudtrailTrailLogFileValidation, records)).resourceId, ORG_TRAIL);
});

test('per-trail settings: log file validation, KMS and CloudWatch Logs, one finding per trail in its home region', () => {
  const other = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/old`;
  const old = trail({ Name: 'old', TrailARN: other, HomeRegion: 'us-east-1', IsMultiRegionTrail: false, LogFileValidationEnabled: false, KmsKeyId: undefined, CloudWatchLogsLogGroupArn: undefined });
  const both = [trails([trail()]), trails([trail(), old], 'us-east-1'), status({ IsLogging: true }), status({ IsLogging: false }, other, 'us-east-1')];
  const regions = [R, 'us-east-1'];
  assert.deepEqual(run(cloudtrailTrailLogFileValidation, both, regions).map((f) => `${f.resourceName}:${f.region}:${f.status}`), ['main:eu-west-1:PASS', 'old:us-east-1:FAIL']);
  assert.deepEqual(statuses(run(cloudtrailTrailKmsEncryption, both, regions)), ['PASS', 'FAIL']);
  assert.deepEqual(statuses(run(cloudtrailTrailCloudwatchLogs, both, regions)), ['PASS', 'FAIL']);
  assert.equal(one(run(cloudtrailTrailLogFileValidation, [trails([trail({ LogFileValidationEnabled: undefined })])])).reason?.code, 'MissingField');
  const listFailed = run(cloudtrailTrailKmsEncryption, [trails([trail()]), failed('cloudtrail:DescribeTrails', 'us-east-1', 'permission-denied', 'AccessDeniedException')], regions);
  assert.deepEqual(listFailed.map((f) => `${f.region}:${f.status}`), ['eu-west-1:PASS', 'us-east-1:NOT_ASSESSED']);
  assert.deepEqual(statuses(run(cloudtrailTrailKmsEncryption, [trails([])])), ['NOT_APPLICABLE']);
});

test('CloudWatch Logs delivery: configured but stopped, failing or stale fails; unread status is NOT_ASSESSED', () => {
  const at = '2026-11-01T10:00:00.000Z';
  const cw = (s: object) => run(cloudtrailTrailCloudwatchLogs, [trails([trail()]), status({ IsLogging: true, ...s })]);
  assert.deepEqual(statuses(cw({ LatestCloudWatchLogsDeliveryTime: '2026-11-01T09:58:00.000Z' })), ['PASS']);
  const stale = one(cw({ LatestCloudWatchLogsDeliveryTime: '2026-10-28T10:00:00.000Z' }));
  assert.equal(stale.status, 'FAIL');
  assert.match(stale.message, /96 hours before the scan/, `judged against the collection time ${at}, not the clock`);
  assert.deepEqual(statuses(cw({ LatestCloudWatchLogsDeliveryTime: null })), ['FAIL'], 'never delivered');
  assert.deepEqual(statuses(cw({ LatestCloudWatchLogsDeliveryError: 'AccessDenied' })), ['FAIL']);
  assert.deepEqual(statuses(run(cloudtrailTrailCloudwatchLogs, [trails([trail()]), status({ IsLogging: false })])), ['FAIL']);
  assert.deepEqual(statuses(run(cloudtrailTrailCloudwatchLogs, [trails([trail()]), failed('cloudtrail:GetTrailStatus', R, 'permission-denied', 'AccessDeniedException', TRAIL)])), ['NOT_ASSESSED']);
  assert.deepEqual(statuses(run(cloudtrailTrailCloudwatchLogs, [trails([trail({ CloudWatchLogsLogGroupArn: undefined })])])), ['FAIL']);
});

// --- Trail buckets --------------------------------------------------------------------------
const BUCKET = 'trail-bucket';
const bucketRecords = (over: { policy?: object; acl?: object; bpa?: object; account?: object } = {}) => [
  trails([trail()]),
  ok('s3:ListBuckets', 'global', [{ Name: BUCKET, BucketRegion: R }]),
  ok('s3:GetBucketPolicyStatus', R, over.policy ?? { PolicyStatus: null, NotFound: 'NoSuchBucketPolicy' }, BUCKET),
  ok('s3:GetBucketAcl', R, over.acl ?? { Owner: { ID: 'o' }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'o' }, Permission: 'FULL_CONTROL' }] }, BUCKET),
  ok('s3:GetPublicAccessBlock', R, over.bpa ?? { PublicAccessBlockConfiguration: null, NotFound: 'NoSuchPublicAccessBlockConfiguration' }, BUCKET),
  ok('s3control:GetPublicAccessBlock', 'global', over.account ?? { PublicAccessBlockConfiguration: null }),
];
const ALL_USERS = { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' };

test('trail bucket: public by policy or ACL fails unless Block Public Access neutralises it; a bucket of another account is not judged here', () => {
  assert.deepEqual(statuses(run(cloudtrailBucketNotPublic, bucketRecords())), ['PASS']);
  const byPolicy = one(run(cloudtrailBucketNotPublic, bucketRecords({ policy: { PolicyStatus: { IsPublic: true } } })));
  assert.equal(byPolicy.status, 'FAIL');
  assert.match(byPolicy.message, /bucket policy is public/);
  const restricted = bucketRecords({ policy: { PolicyStatus: { IsPublic: true } }, account: { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } } });
  assert.deepEqual(statuses(run(cloudtrailBucketNotPublic, restricted)), ['PASS'], 'RestrictPublicBuckets at the account level');
  const acl = one(run(cloudtrailBucketNotPublic, bucketRecords({ acl: { Owner: null, Grants: [ALL_USERS] } })));
  assert.equal(acl.status, 'FAIL');
  assert.match(acl.message, /READ to AllUsers/);
  const bpaUnknown = bucketRecords({ acl: { Owner: null, Grants: [ALL_USERS] } }).map((r) => (r.dataset === 's3:GetPublicAccessBlock' ? failed('s3:GetPublicAccessBlock', R, 'permission-denied', 'AccessDenied', BUCKET) : r));
  assert.deepEqual(statuses(run(cloudtrailBucketNotPublic, bpaUnknown)), ['NOT_ASSESSED'], 'a public ACL that an unreadable setting might ignore');
  const aclDenied = bucketRecords().map((r) => (r.dataset === 's3:GetBucketAcl' ? failed('s3:GetBucketAcl', R, 'permission-denied', 'AccessDenied', BUCKET) : r));
  assert.deepEqual(statuses(run(cloudtrailBucketNotPublic, aclDenied)), ['NOT_ASSESSED']);
  const elsewhere = one(run(cloudtrailBucketNotPublic, [trails([trail({ S3BucketName: 'central-log-archive' })]), ok('s3:ListBuckets', 'global', [])]));
  assert.equal(elsewhere.status, 'NOT_APPLICABLE');
  assert.match(elsewhere.message, /not in this account/);
});

test('trail bucket: a policy status without IsPublic is unknown, never "not public"; the policy document settles the plain cases', () => {
  const silent = one(run(cloudtrailBucketNotPublic, bucketRecords({ policy: { PolicyStatus: {} } })));
  assert.deepEqual([silent.status, silent.reason?.code], ['NOT_ASSESSED', 'MissingField'], 'an emulator answering another document must not pass');
  const unimplemented = bucketRecords().map((r) => (r.dataset === 's3:GetBucketPolicyStatus' ? failed('s3:GetBucketPolicyStatus', R, 'server-error', 'InternalFailure', BUCKET) : r));
  assert.equal(one(run(cloudtrailBucketNotPublic, unimplemented)).reason?.code, 'InternalFailure');
  const open = JSON.stringify({ Statement: [{ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` }] });
  const byDocument = one(run(cloudtrailBucketNotPublic, [...unimplemented, ok('s3:GetBucketPolicy', R, { Policy: open }, BUCKET)]));
  assert.equal(byDocument.status, 'FAIL');
  assert.match(byDocument.message, /statement "Anyone" allows "Principal": "\*" with no Condition/);
  const none = one(run(cloudtrailBucketNotPublic, [...unimplemented, ok('s3:GetBucketPolicy', R, { Policy: null, NotFound: 'NoSuchBucketPolicy' }, BUCKET)]));
  assert.equal(none.status, 'PASS');
});

test('trail bucket access logging: on passes, off fails, unreadable is NOT_ASSESSED', () => {
  const withLogging = (data: object) => [...bucketRecords(), ok('s3:GetBucketLogging', R, data, BUCKET)];
  assert.deepEqual(statuses(run(cloudtrailBucketAccessLogging, withLogging({ LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'ct/' } }))), ['PASS']);
  assert.deepEqual(statuses(run(cloudtrailBucketAccessLogging, withLogging({ LoggingEnabled: null }))), ['FAIL']);
  assert.deepEqual(statuses(run(cloudtrailBucketAccessLogging, [...bucketRecords(), failed('s3:GetBucketLogging', R, 'permission-denied', 'AccessDenied', BUCKET)])), ['NOT_ASSESSED']);
  assert.deepEqual(statuses(run(cloudtrailBucketAccessLogging, [trails([trail()]), failed('s3:ListBuckets', 'global', 'permission-denied', 'AccessDenied')])), ['NOT_ASSESSED']);
});

// --- Organizations --------------------------------------------------------------------------
const standalone = [ok('organizations:DescribeOrganization', 'global', { inOrganization: false })];
const member = (delegated: SnapshotRecord) => [
  ok('organizations:DescribeOrganization', 'global', { inOrganization: true, Organization: { Id: 'o-abc', MasterAccountId: MGMT } }),
  delegated,
];
const memberDenied = member(failed('organizations:ListDelegatedAdministrators', 'global', 'permission-denied', 'AccessDeniedException'));
const memberManaged = member(ok('organizations:ListDelegatedAdministrators', 'global', {
  'guardduty.amazonaws.com': [{ Id: '444455556666' }], 'securityhub.amazonaws.com': [{ Id: '444455556666' }], 'config.amazonaws.com': [{ Id: '444455556666' }],
}));
const memberUnmanaged = member(ok('organizations:ListDelegatedAdministrators', 'global', { 'guardduty.amazonaws.com': [], 'securityhub.amazonaws.com': [], 'config.amazonaws.com': [] }));

// --- AWS Config -----------------------------------------------------------------------------
const recorder = (group: object, name = 'default') => ({ name, roleARN: 'arn:aws:iam::123456789012:role/config', recordingGroup: group });
const ALL_TYPES = { allSupported: true, includeGlobalResourceTypes: true, recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' } };
const config = (recorders: object[], statusesList: object[]) => [ok('config:DescribeConfigurationRecorders', R, recorders), ok('config:DescribeConfigurationRecorderStatus', R, statusesList)];

test('AWS Config: a recorder recording everything passes; stopped, failing, partial or absent fails', () => {
  assert.deepEqual(statuses(run(configRecorderAllRegions, config([recorder(ALL_TYPES)], [{ name: 'default', recording: true, lastStatus: 'Success' }]))), ['PASS']);
  const stopped = one(run(configRecorderAllRegions, config([recorder(ALL_TYPES)], [{ name: 'default', recording: false, lastStatus: 'Success' }])));
  assert.equal(stopped.status, 'FAIL');
  assert.match(stopped.message, /not recording/);
  assert.deepEqual(statuses(run(configRecorderAllRegions, config([recorder(ALL_TYPES)], [{ name: 'default', recording: true, lastStatus: 'Failure', lastErrorCode: 'NoSuchBucket' }]))), ['FAIL']);
  const partial = { allSupported: false, resourceTypes: ['AWS::EC2::Instance'], recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' } };
  assert.match(one(run(configRecorderAllRegions, config([recorder(partial)], [{ name: 'default', recording: true, lastStatus: 'Success' }]))).message, /only 1 selected/);
  const excluded = { allSupported: false, exclusionByResourceTypes: { resourceTypes: ['AWS::EC2::NetworkInterface'] }, recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' } };
  assert.deepEqual(statuses(run(configRecorderAllRegions, config([recorder(excluded)], [{ name: 'default', recording: true, lastStatus: 'Pending' }]))), ['FAIL']);
  const none = one(run(configRecorderAllRegions, [...config([], []), ...standalone]));
  assert.equal(none.status, 'FAIL');
  assert.match(none.message, /not in an organization/);
});

test('AWS Config: unreadable recorders, and a member account whose organization may run Config, are NOT_ASSESSED', () => {
  assert.deepEqual(statuses(run(configRecorderAllRegions, [failed('config:DescribeConfigurationRecorders', R, 'permission-denied', 'AccessDeniedException')])), ['NOT_ASSESSED']);
  assert.deepEqual(statuses(run(configRecorderAllRegions, [ok('config:DescribeConfigurationRecorders', R, [recorder(ALL_TYPES)]), failed('config:DescribeConfigurationRecorderStatus', R, 'throttled', 'ThrottlingException')])), ['NOT_ASSESSED']);
  assert.equal(one(run(configRecorderAllRegions, config([recorder(undefined as unknown as object)], []))).reason?.code, 'MissingField');
  assert.equal(one(run(configRecorderAllRegions, [...config([], []), ...memberDenied])).reason?.code, 'AccessDeniedException');
  assert.equal(one(run(configRecorderAllRegions, [...config([], []), ...memberManaged])).reason?.code, 'DelegatedAdministrator');
  assert.deepEqual(statuses(run(configRecorderAllRegions, [...config([], []), ...memberUnmanaged])), ['FAIL']);
});

// --- GuardDuty ------------------------------------------------------------------------------
const DET = 'd1';
const detectors = (ids: string[]) => ok('guardduty:ListDetectors', R, ids);
const detector = (Status: string) => ok('guardduty:GetDetector', R, { Status, CreatedAt: '2024-01-01T00:00:00Z', UpdatedAt: null, FindingPublishingFrequency: 'SIX_HOURS', Features: [] }, DET);

test('GuardDuty: an ENABLED detector passes; a suspended one or none fails; a member managed by the organization is NOT_ASSESSED', () => {
  assert.deepEqual(statuses(run(guarddutyDetectorEnabled, [detectors([DET]), detector('ENABLED')])), ['PASS']);
  const suspended = one(run(guarddutyDetectorEnabled, [detectors([DET]), detector('DISABLED')]));
  assert.equal(suspended.status, 'FAIL');
  assert.match(suspended.message, /suspended/);
  assert.deepEqual(statuses(run(guarddutyDetectorEnabled, [detectors([]), ...standalone])), ['FAIL']);
  assert.deepEqual(statuses(run(guarddutyDetectorEnabled, [detectors([]), ...memberUnmanaged])), ['FAIL'], 'the organization has no GuardDuty administrator');
  const managed = one(run(guarddutyDetectorEnabled, [detectors([]), ...memberManaged]));
  assert.equal(managed.status, 'NOT_ASSESSED');
  assert.match(managed.message, /delegates GuardDuty administration to account 444455556666/);
  const denied = one(run(guarddutyDetectorEnabled, [detectors([]), ...memberDenied]));
  assert.equal(denied.status, 'NOT_ASSESSED', 'ListDelegatedAdministrators refused in a member account: never FAIL');
  assert.equal(denied.reason?.call, 'organizations:ListDelegatedAdministrators');
  assert.deepEqual(statuses(run(guarddutyDetectorEnabled, [detectors([]), failed('organizations:DescribeOrganization', 'global', 'permission-denied', 'AccessDeniedException')])), ['NOT_ASSESSED']);
  assert.deepEqual(statuses(run(guarddutyDetectorEnabled, [failed('guardduty:ListDetectors', R, 'permission-denied', 'AccessDeniedException')])), ['NOT_ASSESSED']);
  assert.deepEqual(statuses(run(guarddutyDetectorEnabled, [detectors([DET]), failed('guardduty:GetDetector', R, 'server-error', 'InternalServerErrorException', DET)])), ['NOT_ASSESSED']);
});

test('GuardDuty findings: open high-severity findings fail with what they are; none passes; no detector is not applicable', () => {
  const open = [detectors([DET]), ok('guardduty:ListFindings', R, { FindingIds: ['a', 'b'], truncated: false }, DET),
    ok('guardduty:GetFindings', R, [{ Id: 'a', Type: 'Backdoor:EC2/C&CActivity.B', Severity: 8, Title: 't', ResourceType: 'Instance', UpdatedAt: null, Count: 1 }, { Id: 'b', Type: 'CryptoCurrency:EC2/BitcoinTool.B', Severity: 9.5, Title: 't', ResourceType: 'Instance', UpdatedAt: null, Count: 1 }], DET)];
  const f = one(run(guarddutyHighSeverityFindings, open));
  assert.equal(f.status, 'FAIL');
  assert.equal(f.resourceId, DET);
  assert.match(f.message, /^2 open GuardDuty finding\(s\).*CryptoCurrency:EC2\/BitcoinTool\.B \(9\.5\), Backdoor/);
  assert.deepEqual(statuses(run(guarddutyHighSeverityFindings, [detectors([DET]), ok('guardduty:ListFindings', R, { FindingIds: [], truncated: false }, DET)])), ['PASS']);
  assert.deepEqual(statuses(run(guarddutyHighSeverityFindings, [detectors([])])), ['NOT_APPLICABLE']);
  assert.deepEqual(statuses(run(guarddutyHighSeverityFindings, [detectors([DET]), failed('guardduty:ListFindings', R, 'permission-denied', 'AccessDeniedException', DET)])), ['NOT_ASSESSED']);
  assert.deepEqual(statuses(run(guarddutyHighSeverityFindings, [failed('guardduty:ListDetectors', R, 'region-disabled', 'UnrecognizedClientException')])), ['NOT_ASSESSED']);
});

// --- Security Hub ---------------------------------------------------------------------------
const hubOn = ok('securityhub:DescribeHub', R, { subscribed: true, HubArn: `arn:aws:securityhub:${R}:${ACCOUNT}:hub/default`, SubscribedAt: '2024-01-01T00:00:00.000Z', AutoEnableControls: true, ControlFindingGenerator: 'SECURITY_CONTROL' });
const hubOff = ok('securityhub:DescribeHub', R, { subscribed: false, code: 'InvalidAccessException', message: `Account ${ACCOUNT} is not subscribed to AWS Security Hub` });

test('trap: Security Hub "not subscribed" is a FAIL, not NOT_ASSESSED; a refused call is NOT_ASSESSED', () => {
  assert.deepEqual(statuses(run(securityhubHubEnabled, [hubOn])), ['PASS']);
  const off = one(run(securityhubHubEnabled, [hubOff, ...standalone]));
  assert.equal(off.status, 'FAIL');
  assert.match(off.evidence[0]?.excerpt ?? '', /not subscribed/);
  assert.deepEqual(statuses(run(securityhubHubEnabled, [failed('securityhub:DescribeHub', R, 'permission-denied', 'AccessDeniedException')])), ['NOT_ASSESSED']);
  assert.deepEqual(statuses(run(securityhubHubEnabled, [hubOff, ...memberDenied])), ['NOT_ASSESSED']);
  assert.deepEqual(statuses(run(securityhubHubEnabled, [hubOff, ...memberManaged])), ['NOT_ASSESSED']);
});

test('one service principal refused (moto 5.2 knows no securityhub or config principal): only the services that need it are NOT_ASSESSED', () => {
  const refused = { error: { kind: 'unknown', code: 'InvalidInputException', message: 'You provided a value that does not match the required pattern.' } };
  const partly = member(ok('organizations:ListDelegatedAdministrators', 'global', { 'guardduty.amazonaws.com': [], 'securityhub.amazonaws.com': refused, 'config.amazonaws.com': refused }));
  const guardduty = one(run(guarddutyDetectorEnabled, [detectors([]), ...partly]));
  assert.equal(guardduty.status, 'FAIL', 'GuardDuty has no delegated administrator: its own list was read');
  const hub = one(run(securityhubHubEnabled, [hubOff, ...partly]));
  assert.equal(hub.status, 'NOT_ASSESSED');
  assert.deepEqual([hub.reason?.call, hub.reason?.code], ['organizations:ListDelegatedAdministrators', 'InvalidInputException']);
});

test('Security Hub standards: listed when running, FAIL when none, not applicable when the hub is off', () => {
  const std = (list: object[]) => ok('securityhub:GetEnabledStandards', R, { subscribed: true, StandardsSubscriptions: list });
  const fsbp = { StandardsArn: `arn:aws:securityhub:${R}::standards/aws-foundational-security-best-practices/v/1.0.0`, StandardsStatus: 'READY' };
  const cis12 = { StandardsArn: 'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0', StandardsStatus: 'READY' };
  const pass = one(run(securityhubStandardsEnabled, [hubOn, std([fsbp, cis12])]));
  assert.equal(pass.status, 'PASS');
  assert.match(pass.message, /aws-foundational-security-best-practices v1\.0\.0 \(READY\), cis-aws-foundations-benchmark v1\.2\.0/);
  assert.deepEqual(statuses(run(securityhubStandardsEnabled, [hubOn, std([])])), ['FAIL']);
  assert.deepEqual(statuses(run(securityhubStandardsEnabled, [hubOn, std([{ ...fsbp, StandardsStatus: 'FAILED' }])])), ['FAIL']);
  assert.deepEqual(statuses(run(securityhubStandardsEnabled, [hubOff])), ['NOT_APPLICABLE']);
  assert.deepEqual(statuses(run(securityhubStandardsEnabled, [hubOn, failed('securityhub:GetEnabledStandards', R, 'throttled', 'TooManyRequestsException')])), ['NOT_ASSESSED']);
});

// --- Log retention --------------------------------------------------------------------------
test('log group retention: under 365 days fails, a year or never-expire passes', () => {
  const groups = ok('logs:DescribeLogGroups', R, [
    { logGroupName: '/a', retentionInDays: 365, arn: `arn:aws:logs:${R}:${ACCOUNT}:log-group:/a:*` },
    { logGroupName: '/b' },
    { logGroupName: '/c', retentionInDays: 30 },
  ]);
  const out = run(logsLogGroupRetention, [groups]);
  assert.deepEqual(out.map((f) => `${f.resourceId}:${f.status}`), ['/a:PASS', '/b:PASS', '/c:FAIL']);
  assert.equal(out[0]?.resourceArn, `arn:aws:logs:${R}:${ACCOUNT}:log-group:/a`);
  assert.deepEqual(statuses(run(logsLogGroupRetention, [failed('logs:DescribeLogGroups', R, 'permission-denied', 'AccessDeniedException')])), ['NOT_ASSESSED']);
  assert.deepEqual(statuses(run(logsLogGroupRetention, [ok('logs:DescribeLogGroups', R, [])])), ['NOT_APPLICABLE']);
});

// --- CIS alarm chains -----------------------------------------------------------------------
const TOPIC = `arn:aws:sns:${R}:${ACCOUNT}:alerts`;
const filterRec = (filters: object[], region = R) => ok('logs:DescribeMetricFilters', region, filters);
const metricFilter = (filterName: string, filterPattern: string, logGroupName = LOG_GROUP) => ({ filterName, filterPattern, logGroupName, metricTransformations: [{ metricName: filterName, metricNamespace: 'CIS', metricValue: '1' }] });
const alarmOn = (metric: string, over: object = {}) => ({ AlarmName: `a-${metric}`, MetricName: metric, Namespace: 'CIS', ActionsEnabled: true, AlarmActions: [TOPIC], ...over });
const confirmed = { SubscriptionArn: `${TOPIC}:1b2c`, Protocol: 'email', Endpoint: 'sec@example.com', TopicArn: TOPIC };
const pendingSub = { SubscriptionArn: 'PendingConfirmation', Protocol: 'email', Endpoint: 'x@example.com', TopicArn: TOPIC };
const chain = (pattern: string, over: { alarm?: object; subs?: object[]; filters?: object[]; alarms?: object[] } = {}) => [
  ...logging(),
  filterRec(over.filters ?? [metricFilter('m', pattern)]),
  ok('cloudwatch:DescribeAlarms', R, over.alarms ?? [alarmOn('m', over.alarm)]),
  ok('sns:ListSubscriptionsByTopic', R, over.subs ?? [confirmed], TOPIC),
];

test('every CIS alarm check passes on a complete chain with the pattern CIS publishes, and fails without a trail in CloudWatch Logs', () => {
  const alarmChecks = loggingMonitoringChecks.filter((c) => c.meta.id.startsWith('cloudwatch-alarm-'));
  assert.equal(alarmChecks.length, 15);
  for (const check of alarmChecks) {
    // Each check's remediation quotes the pattern CIS publishes for it.
    const pattern = Object.values(CIS_PATTERNS).find((p) => check.meta.remediation.console.includes(p.pattern))?.pattern;
    assert.ok(pattern, check.meta.id);
    assert.ok(check.meta.remediation.cli?.includes('put-metric-filter'), `${check.meta.id} remediation`);
    const pass = one(run(check, chain(pattern)));
    assert.equal(pass.status, 'PASS', `${check.meta.id}: ${pass.message}`);
    assert.equal(pass.region, 'global');
    const noLogs = one(run(check, [trails([trail({ CloudWatchLogsLogGroupArn: undefined })]), status({ IsLogging: true }), selectors(basic('All'))]));
    assert.equal(noLogs.status, 'FAIL', check.meta.id);
    assert.equal(one(run(check, [...logging(), failed('logs:DescribeMetricFilters', R, 'permission-denied', 'AccessDeniedException')])).status, 'NOT_ASSESSED');
  }
});

test('equivalent filter patterns count whatever their spelling; incomplete, too broad or unparseable ones do not', () => {
  const root = (p: string) => one(run(cloudwatchAlarmRootUsage, chain(p))).status;
  assert.equal(root('{$.userIdentity.type="Root"&&$.userIdentity.invokedBy NOT EXISTS&&$.eventType!="AwsServiceEvent"}'), 'PASS');
  assert.equal(root('{ ($.eventType != AwsServiceEvent) && ($.userIdentity.invokedBy NOT EXISTS) && ($.userIdentity.type = Root) }'), 'PASS');
  assert.equal(root('{ $.userIdentity.type = "IAMUser" }'), 'FAIL');
  assert.equal(root('Root'), 'FAIL', 'a plain-text pattern is not evaluated as matching');
  assert.equal(one(run(cloudwatchAlarmUnauthorizedApiCalls, chain('{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }'))).status, 'PASS', 'CIS v1.x pattern');
  assert.equal(one(run(cloudwatchAlarmUnauthorizedApiCalls, chain('{ ($.errorCode = UnauthorizedOperation) || ($.errorCode = AccessDenied) }'))).status, 'PASS');
  const broad = one(run(cloudwatchAlarmIamPolicyChanges, chain('{ $.eventSource = iam.amazonaws.com }')));
  assert.equal(broad.status, 'FAIL', 'every IAM call, reads included, is not the focused CIS alarm');
  assert.match(broad.message, /also fires on events that are not IAM policy changes/);
  const half = one(run(cloudwatchAlarmIamPolicyChanges, chain('{ ($.eventName = PutUserPolicy) || ($.eventName = PutRolePolicy) }')));
  assert.match(half.message, /misses DeleteGroupPolicy, DeleteRolePolicy/);
  const mfaFilter = '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }';
  assert.equal(one(run(cloudwatchAlarmConsoleAuthFailures, chain(mfaFilter))).status, 'FAIL', 'the MFA filter also fires on successful sign-ins');
  assert.equal(one(run(cloudwatchAlarmVpcChanges, chain(CIS_PATTERNS.vpcChanges.pattern.replace(/ \|\| \(\$\.eventName = \w*ClassicLink\w*\)/g, '')))).status, 'PASS', 'retired ClassicLink calls may be left out');
});

test('trap: an SNS subscription pending confirmation reaches nobody; each broken link is named', () => {
  const p = CIS_PATTERNS.rootUsage.pattern;
  const pending = one(run(cloudwatchAlarmRootUsage, chain(p, { subs: [pendingSub] })));
  assert.equal(pending.status, 'FAIL');
  assert.match(pending.message, /pending confirmation/);
  assert.equal(one(run(cloudwatchAlarmRootUsage, chain(p, { subs: [pendingSub, confirmed] }))).status, 'PASS');
  assert.match(one(run(cloudwatchAlarmRootUsage, chain(p, { subs: [] }))).message, /no subscribers/);
  const gone = [...chain(p).filter((r) => r.dataset !== 'sns:ListSubscriptionsByTopic'), ok('sns:ListSubscriptionsByTopic', R, { Subscriptions: null, NotFound: 'NotFound' }, TOPIC)];
  const goneFinding = one(run(cloudwatchAlarmRootUsage, gone));
  assert.deepEqual([goneFinding.status, /no longer exists/.test(goneFinding.message)], ['FAIL', true]);
  assert.ok(goneFinding.evidence.some((e) => e.call === 'sns:ListSubscriptionsByTopic' && /"NotFound": "NotFound"/.test(e.excerpt)));
  const legacy = [...chain(p).filter((r) => r.dataset !== 'sns:ListSubscriptionsByTopic'), failed('sns:ListSubscriptionsByTopic', R, 'unknown', 'NotFound', TOPIC)];
  assert.match(one(run(cloudwatchAlarmRootUsage, legacy)).message, /no longer exists/, 'a snapshot from before NotFound was stored as data');
  const bare404 = [...chain(p).filter((r) => r.dataset !== 'sns:ListSubscriptionsByTopic'), failed('sns:ListSubscriptionsByTopic', R, 'server-error', 'NotImplemented', TOPIC)];
  assert.equal(one(run(cloudwatchAlarmRootUsage, bare404)).status, 'NOT_ASSESSED', 'a 404 without SNS\'s NotFound code is not a deleted topic');
  const synthesized = [...chain(p).filter((r) => r.dataset !== 'sns:ListSubscriptionsByTopic'), failed('sns:ListSubscriptionsByTopic', R, 'unknown', 'NotFoundException', TOPIC)];
  assert.equal(one(run(cloudwatchAlarmRootUsage, synthesized)).status, 'NOT_ASSESSED', 'the SDK\'s own name for a code-less 404');
  const denied = [...chain(p).filter((r) => r.dataset !== 'sns:ListSubscriptionsByTopic'), failed('sns:ListSubscriptionsByTopic', R, 'permission-denied', 'AuthorizationError', TOPIC)];
  assert.equal(one(run(cloudwatchAlarmRootUsage, denied)).status, 'NOT_ASSESSED');
  assert.match(one(run(cloudwatchAlarmRootUsage, chain(p, { alarm: { ActionsEnabled: false } }))).message, /actions are disabled/);
  assert.match(one(run(cloudwatchAlarmRootUsage, chain(p, { alarm: { AlarmActions: [] } }))).message, /notifies no SNS topic/);
  assert.match(one(run(cloudwatchAlarmRootUsage, chain(p, { alarms: [] }))).message, /no alarm watches its metric/);
  const math = alarmOn('ignored', { MetricName: undefined, Namespace: undefined, Metrics: [{ Id: 'm1', MetricStat: { Metric: { MetricName: 'm', Namespace: 'CIS' }, Stat: 'Sum', Period: 300 } }] });
  assert.equal(one(run(cloudwatchAlarmRootUsage, chain(p, { alarms: [math] }))).status, 'PASS', 'an alarm on a metric query of the filter metric');
  const wrongGroup = one(run(cloudwatchAlarmRootUsage, chain(p, { filters: [metricFilter('m', p, '/aws/lambda/app')] })));
  assert.match(wrongGroup.message, /on log group \/aws\/lambda\/app, which the trail does not write to/);
  const stopped = one(run(cloudwatchAlarmRootUsage, [trails([trail()]), status({ IsLogging: false }), selectors(basic('All')), filterRec([metricFilter('m', p)])]));
  assert.equal(stopped.status, 'FAIL', 'a stopped trail feeds no filter');
});

test('an organization trail delivering to another account\'s log group cannot be judged from the member account', () => {
  const org = { Name: 'org-wide', TrailARN: ORG_TRAIL, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: true, HasCustomEventSelectors: false, CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${MGMT}:log-group:/org:*` };
  const f = one(run(cloudwatchAlarmRootUsage, [trails([org]), ok('cloudtrail:GetTrailStatus', 'us-east-1', { IsLogging: true }, ORG_TRAIL)]));
  assert.equal(f.status, 'NOT_ASSESSED');
  assert.equal(f.reason?.code, 'OtherAccount');
  assert.match(f.message, /account 999988887777/);
});

test('the filter pattern evaluator: precedence, wildcards, EXISTS and IS tests, and hostile input', () => {
  const p = compileFilterPattern('{ $.a = 1 || $.b = "x*y" && $.c NOT EXISTS }');
  assert.ok(p);
  assert.equal(p.matches({ a: 1 }), true);
  assert.equal(p.matches({ b: 'x--y' }), true);
  assert.equal(p.matches({ b: 'x--y', c: 0 }), false, '&& binds tighter than ||');
  assert.equal(compileFilterPattern('{ $.flag IS TRUE && $.n > 5 }')?.matches({ flag: true, n: 6 }), true);
  assert.equal(compileFilterPattern('{ $.x IS NULL }')?.matches({ x: null }), true);
  assert.equal(compileFilterPattern('{ $.list[0].k = v }')?.matches({ list: [{ k: 'v' }] }), true);
  for (const bad of ['', '{', '{ $.a = }', '{ $.a = "unterminated }', '{ ($.a = 1 }', '[a, b]', '{ $.a = %re% }']) assert.equal(compileFilterPattern(bad), undefined, bad);
  const stars = compileFilterPattern(`{ $.a = "${'*a'.repeat(500)}b" }`);
  const t0 = Date.now();
  assert.equal(stars?.matches({ a: 'a'.repeat(60) }), false);
  assert.ok(Date.now() - t0 < 500, 'wildcards never backtrack exponentially');
});

test('moto: GetEventSelectors with two empty lists on a trail without custom selectors is the default (all management events), not "none"', () => {
  const empty = { EventSelectors: [], AdvancedEventSelectors: [] };
  const byDefault = one(run(cloudtrailMultiRegionLogging, [trails([trail({ HasCustomEventSelectors: false })]), status({ IsLogging: true }), selectors(empty)]));
  assert.equal(byDefault.status, 'PASS', byDefault.message);
  const custom = one(run(cloudtrailMultiRegionLogging, [trails([trail({ HasCustomEventSelectors: true })]), status({ IsLogging: true }), selectors(empty)]));
  assert.equal(custom.status, 'FAIL', 'custom selectors that list nothing record no management events');
  const unset = one(run(cloudtrailMultiRegionLogging, [trails([trail({ HasCustomEventSelectors: undefined })]), status({ IsLogging: true }), selectors(empty)]));
  assert.equal(unset.status, 'FAIL', 'without DescribeTrails saying "no custom selectors" the empty answer is taken as it is');
});

test('moto: a trail that started logging minutes before the scan has no CloudWatch Logs delivery yet; that is not "never delivered"', () => {
  const at = Date.parse('2026-11-01T10:00:00.000Z');
  const started = (minutesAgo: number) => new Date(at - minutesAgo * 60_000).toISOString();
  const cw = (s: object) => one(run(cloudtrailTrailCloudwatchLogs, [trails([trail()]), status({ IsLogging: true, LatestCloudWatchLogsDeliveryTime: null, ...s })]));
  const fresh = cw({ StartLoggingTime: started(3) });
  assert.equal(fresh.status, 'PASS', fresh.message);
  assert.match(fresh.message, /started logging 3 minute\(s\) before the scan/);
  assert.equal(cw({ StartLoggingTime: started(90) }).status, 'FAIL', 'an hour and a half without a first delivery');
  assert.equal(cw({ StartLoggingTime: null }).status, 'FAIL', 'no start time: nothing excuses the missing delivery');
  assert.equal(cw({ StartLoggingTime: started(3), LatestCloudWatchLogsDeliveryError: 'AccessDeniedException' }).status, 'FAIL', 'a delivery error is a FAIL however fresh');
});
