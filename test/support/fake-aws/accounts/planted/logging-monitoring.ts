/**
 * The logging-monitoring part of the seeded account: what is planted (problems and correct configurations)
 * for this area's checks, and the items a scan must report for them.
 *
 * The account is the management account of an organization that delegates GuardDuty and Security
 * Hub to a security-tooling account: the management account is still judged on its own settings.
 * The CIS alarm chains hang off the log group /aws/cloudtrail/org-audit; they are reachable only
 * when the base account's org-audit-trail delivers to it (CloudWatchLogsLogGroupArn), so the
 * expected results follow that setting (see `alarmPlanted` and `withTrailLogGroup`).
 */
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { MetricFilter } from '@aws-sdk/client-cloudwatch-logs';
import type { FakeAccount } from '../../account.ts';
import type { LoggingMonitoringFixture } from '../../ext/logging-monitoring.ts';
import { ACCOUNT_ID, misconfigured, TRAIL, type PlantedItem } from '../misconfigured.ts';

export const LOG_GROUP = '/aws/cloudtrail/org-audit';
export const LOG_GROUP_ARN = `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:${LOG_GROUP}:*`;
export const SECURITY_ACCOUNT = '444455556666';
export const ORG_ID = 'o-a1b2c3d4e5';
export const TOPIC = {
  security: `arn:aws:sns:us-east-1:${ACCOUNT_ID}:security-alerts`,
  ops: `arn:aws:sns:us-east-1:${ACCOUNT_ID}:ops-alerts`,
  securityEu: `arn:aws:sns:eu-west-1:${ACCOUNT_ID}:security-alerts-eu`,
} as const;
export const DETECTOR = { use1: '6ab6e6ee780ed494f3b7ca56acdc74df', euw1: '2cb6e6ee780ed494f3b7ca56acdc7501' } as const;

const NS = 'CISBenchmark';
const filter = (filterName: string, filterPattern: string, logGroupName = LOG_GROUP): MetricFilter => ({
  filterName, filterPattern, logGroupName, creationTime: 1_700_000_000_000,
  metricTransformations: [{ metricName: filterName, metricNamespace: NS, metricValue: '1' }],
});
const alarm = (region: string, metric: string, actions: string[], actionsEnabled = true): MetricAlarm => ({
  AlarmName: `cis-${metric}`, AlarmArn: `arn:aws:cloudwatch:${region}:${ACCOUNT_ID}:alarm:cis-${metric}`,
  MetricName: metric, Namespace: NS, Statistic: 'Sum', Period: 300, EvaluationPeriods: 1, Threshold: 1,
  ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching', Dimensions: [],
  ActionsEnabled: actionsEnabled, AlarmActions: actions, OKActions: [], InsufficientDataActions: [],
  StateValue: 'OK', StateUpdatedTimestamp: new Date('2026-01-10T00:00:00Z'), AlarmConfigurationUpdatedTimestamp: new Date('2025-06-01T00:00:00Z'),
});
const or = (names: string[]) => names.map((n) => `($.eventName = ${n})`).join(' || ');
const email = (topic: string, id: string, endpoint: string) => ({ TopicArn: topic, Protocol: 'email', Endpoint: endpoint, Owner: ACCOUNT_ID, SubscriptionArn: `${topic}:${id}` });
const pending = (topic: string, endpoint: string) => ({ TopicArn: topic, Protocol: 'email', Endpoint: endpoint, Owner: ACCOUNT_ID, SubscriptionArn: 'PendingConfirmation' });
const delegated = (Name: string) => ({ Id: SECURITY_ACCOUNT, Arn: `arn:aws:organizations::${ACCOUNT_ID}:account/${ORG_ID}/${SECURITY_ACCOUNT}`, Name, Email: 'security@acme.example', Status: 'ACTIVE' as const, JoinedMethod: 'CREATED' as const, DelegationEnabledDate: new Date('2024-03-01T00:00:00Z') });
const finding = (id: string, type: string, severity: number, archived: boolean) => ({
  id, type, title: `${type} on a resource`, severity, resourceType: 'Instance', archived, count: 3,
  createdAt: '2026-01-02T10:00:00.000Z', updatedAt: '2026-01-12T10:00:00.000Z',
});
const standard = (region: string, path: string) => ({
  StandardsSubscriptionArn: `arn:aws:securityhub:${region}:${ACCOUNT_ID}:subscription/${path}`,
  StandardsArn: `arn:aws:securityhub:${region}::standards/${path}`, StandardsInput: {}, StandardsStatus: 'READY' as const,
});
const recorder = (name: string, recordingGroup: object) => ({ name, roleARN: `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`, recordingGroup, recordingMode: { recordingFrequency: 'CONTINUOUS' as const } });
const ALL = { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [], exclusionByResourceTypes: { resourceTypes: [] }, recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' as const } };

export const loggingMonitoringFixture: LoggingMonitoringFixture = {
  eventSelectors: {
    [TRAIL.org]: { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, ExcludeManagementEventSources: [], DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] },
    [TRAIL.legacy]: { EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, ExcludeManagementEventSources: [], DataResources: [] }] },
  },
  metricFilters: {
    'us-east-1': [
      filter('UnauthorizedAPICalls', '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }'),
      // Same meaning as CIS's pattern, written without spaces and without the newer clauses.
      filter('ConsoleSigninWithoutMFA', '{($.eventName="ConsoleLogin")&&($.additionalEventData.MFAUsed !="Yes")}'),
      filter('RootAccountUsage', '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }'),
      // Half of the IAM policy events only.
      filter('IAMPolicyChanges', `{ ${or(['DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy', 'CreatePolicy', 'DeletePolicy'])} }`),
      filter('CloudTrailChanges', `{ ${or(['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'])} }`),
      // Right pattern, wrong log group: the trail never writes there.
      filter('ConsoleAuthenticationFailures', '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }', '/aws/lambda/orders-worker'),
      filter('DisableOrDeleteCMK', '{ (($.eventName = ScheduleKeyDeletion) || ($.eventName = DisableKey)) && ($.eventSource = kms.amazonaws.com) }'),
      filter('S3BucketPolicyChanges', `{ ($.eventSource = s3.amazonaws.com) && (${or(['PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle', 'PutBucketReplication', 'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication'])}) }`),
      filter('AWSConfigChanges', `{ ($.eventSource = config.amazonaws.com) && (${or(['StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder'])}) }`),
      // One filter for security groups and network ACLs together: it catches both.
      filter('NetworkSecurityChanges', `{ ${or(['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup', 'CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'])} }`),
      filter('RouteTableChanges', `{ ($.eventSource = ec2.amazonaws.com) && (${or(['CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable'])}) }`),
      // Without the retired EC2-Classic calls: still the CIS alarm.
      filter('VPCChanges', `{ ${or(['CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection'])} }`),
      filter('OrganizationsChanges', `{ ($.eventSource = organizations.amazonaws.com) && (${or(['AcceptHandshake', 'AttachPolicy', 'CreateAccount', 'CreateOrganizationalUnit', 'CreatePolicy', 'DeclineHandshake', 'DeleteOrganization', 'DeleteOrganizationalUnit', 'DeletePolicy', 'DetachPolicy', 'DisablePolicyType', 'EnablePolicyType', 'InviteAccountToOrganization', 'LeaveOrganization', 'MoveAccount', 'RemoveAccountFromOrganization', 'UpdatePolicy', 'UpdateOrganizationalUnit'])}) }`),
    ],
  },
  alarms: {
    'us-east-1': [
      alarm('us-east-1', 'UnauthorizedAPICalls', [TOPIC.security]),
      alarm('us-east-1', 'ConsoleSigninWithoutMFA', [TOPIC.security]),
      alarm('us-east-1', 'RootAccountUsage', [TOPIC.ops]),
      alarm('us-east-1', 'IAMPolicyChanges', [TOPIC.security]),
      alarm('us-east-1', 'CloudTrailChanges', []),
      alarm('us-east-1', 'ConsoleAuthenticationFailures', [TOPIC.security]),
      alarm('us-east-1', 'DisableOrDeleteCMK', [TOPIC.security]),
      alarm('us-east-1', 'AWSConfigChanges', [TOPIC.security], false),
      alarm('us-east-1', 'NetworkSecurityChanges', [TOPIC.security]),
      alarm('us-east-1', 'RouteTableChanges', [TOPIC.security]),
      alarm('us-east-1', 'VPCChanges', [TOPIC.security]),
    ],
    // The metric lives in us-east-1: an alarm of the same name in eu-west-1 watches nothing.
    'eu-west-1': [alarm('eu-west-1', 'OrganizationsChanges', [TOPIC.securityEu])],
  },
  snsTopics: {
    [TOPIC.security]: [email(TOPIC.security, '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', 'secops@acme.example'), pending(TOPIC.security, 'new-hire@acme.example')],
    [TOPIC.ops]: [pending(TOPIC.ops, 'ops@acme.example')],
    [TOPIC.securityEu]: [email(TOPIC.securityEu, '1c2d3e4f-5061-7283-94a5-b6c7d8e9f0a1', 'secops@acme.example')],
  },
  configRecorders: {
    'us-east-1': {
      recorders: [recorder('default', ALL)],
      statuses: [{ name: 'default', recording: true, lastStatus: 'Success', lastStartTime: new Date('2024-01-01T00:00:00Z'), lastStatusChangeTime: new Date('2026-01-15T08:00:00Z') }],
    },
    'eu-west-1': {
      recorders: [recorder('default', ALL)],
      statuses: [{ name: 'default', recording: false, lastStatus: 'Success', lastStartTime: new Date('2024-01-01T00:00:00Z'), lastStopTime: new Date('2025-11-20T16:42:00Z') }],
    },
    'af-south-1': {
      recorders: [recorder('default', { allSupported: false, includeGlobalResourceTypes: false, resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::SecurityGroup'], recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' } })],
      statuses: [{ name: 'default', recording: true, lastStatus: 'Success', lastStartTime: new Date('2025-03-03T00:00:00Z') }],
    },
  },
  guardDuty: {
    'us-east-1': [{
      id: DETECTOR.use1, status: 'ENABLED', createdAt: '2023-06-01T08:00:00.000Z', updatedAt: '2025-12-01T08:00:00.000Z',
      findings: [
        finding('f1a2b3c4d5e6f708192a3b4c5d6e7f80', 'UnauthorizedAccess:EC2/SSHBruteForce', 8, false),
        finding('f1a2b3c4d5e6f708192a3b4c5d6e7f81', 'CryptoCurrency:EC2/BitcoinTool.B!DNS', 9.2, false),
        finding('f1a2b3c4d5e6f708192a3b4c5d6e7f82', 'Recon:EC2/PortProbeUnprotectedPort', 8.5, true),
        finding('f1a2b3c4d5e6f708192a3b4c5d6e7f83', 'Policy:S3/BucketBlockPublicAccessDisabled', 5, false),
      ],
    }],
    'eu-west-1': [{ id: DETECTOR.euw1, status: 'DISABLED', createdAt: '2023-06-01T08:00:00.000Z', updatedAt: '2025-09-14T12:00:00.000Z', findings: [] }],
  },
  securityHub: {
    'us-east-1': { SubscribedAt: '2023-06-02T09:00:00.000Z', standards: [standard('us-east-1', 'aws-foundational-security-best-practices/v/1.0.0'), standard('us-east-1', 'cis-aws-foundations-benchmark/v/3.0.0')] },
    'af-south-1': { SubscribedAt: '2025-03-03T09:00:00.000Z', standards: [] },
  },
  organization: {
    organization: {
      Id: ORG_ID, Arn: `arn:aws:organizations::${ACCOUNT_ID}:organization/${ORG_ID}`, FeatureSet: 'ALL',
      MasterAccountArn: `arn:aws:organizations::${ACCOUNT_ID}:account/${ORG_ID}/${ACCOUNT_ID}`, MasterAccountId: ACCOUNT_ID, MasterAccountEmail: 'aws-root@acme.example',
    },
    delegatedAdministrators: { 'guardduty.amazonaws.com': [delegated('security-tooling')], 'securityhub.amazonaws.com': [delegated('security-tooling')] },
  },
};

const item = (checkId: string, resource: string, region: string | undefined, expect: 'PASS' | 'FAIL', note: string): PlantedItem => ({ checkId, resource, region, expect, note });
const alarmItem = (name: string, expect: 'PASS' | 'FAIL', note: string) => item(`cloudwatch-alarm-${name}`, ACCOUNT_ID, undefined, expect, note);

/** The CIS alarm chains: all FAIL while no trail delivers to CloudWatch Logs; each planted link once it does. */
export function alarmPlanted(trailSendsToLogs: boolean): PlantedItem[] {
  if (!trailSendsToLogs) {
    const names = ['unauthorized-api-calls', 'console-signin-without-mfa', 'root-usage', 'iam-policy-changes', 'cloudtrail-changes', 'console-auth-failures', 'cmk-disable-deletion', 's3-bucket-policy-changes', 'config-changes', 'security-group-changes', 'nacl-changes', 'network-gateway-changes', 'route-table-changes', 'vpc-changes', 'organizations-changes'];
    return names.map((n) => alarmItem(n, 'FAIL', 'no multi-region trail delivers to CloudWatch Logs, so no metric filter can see its events'));
  }
  return [
    alarmItem('unauthorized-api-calls', 'PASS', 'CIS pattern, alarm, topic with one confirmed subscriber (and one pending)'),
    alarmItem('console-signin-without-mfa', 'PASS', 'equivalent pattern written differently (no spaces, fewer clauses) counts'),
    alarmItem('root-usage', 'FAIL', 'trap: the topic\'s only subscription is PendingConfirmation, so nobody is told'),
    alarmItem('iam-policy-changes', 'FAIL', 'the filter covers 8 of the 16 IAM policy events'),
    alarmItem('cloudtrail-changes', 'FAIL', 'the alarm has no actions'),
    alarmItem('console-auth-failures', 'FAIL', 'the filter is on a Lambda log group, not the trail\'s'),
    alarmItem('cmk-disable-deletion', 'PASS', 'conditions reordered and regrouped'),
    alarmItem('s3-bucket-policy-changes', 'FAIL', 'filter without an alarm'),
    alarmItem('config-changes', 'FAIL', 'the alarm\'s actions are disabled'),
    alarmItem('security-group-changes', 'PASS', 'one combined filter for security groups and network ACLs'),
    alarmItem('nacl-changes', 'PASS', 'one combined filter for security groups and network ACLs'),
    alarmItem('network-gateway-changes', 'FAIL', 'no filter at all'),
    alarmItem('route-table-changes', 'PASS', 'CIS v3 pattern with the eventSource clause'),
    alarmItem('vpc-changes', 'PASS', 'retired EC2-Classic calls left out of the filter'),
    alarmItem('organizations-changes', 'FAIL', 'the only alarm on the metric is in eu-west-1; the metric is in us-east-1'),
  ];
}

/** The base account with org-audit-trail delivering to the planted log group (as the alarm chains need), last delivery minutes ago. */
export function withTrailLogGroup(account: FakeAccount): FakeAccount {
  return {
    ...account,
    trails: account.trails.map((t) =>
      t.TrailARN === TRAIL.org
        ? { ...t, CloudWatchLogsLogGroupArn: LOG_GROUP_ARN, CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/CloudTrail_CloudWatchLogs_Role`, status: { ...t.status, LatestCloudWatchLogsDeliveryTime: new Date(Date.now() - 5 * 60_000) } }
        : t,
    ),
  };
}

const sendsToLogs = misconfigured.trails.some((t) => t.TrailARN === TRAIL.org && t.CloudWatchLogsLogGroupArn === LOG_GROUP_ARN);

export const loggingMonitoringPlanted: PlantedItem[] = [
  // cloudtrail-multi-region-logging PASS is planted in misconfigured.ts; the event selectors here keep it so.
  item('cloudtrail-trail-log-file-validation', TRAIL.org, 'us-east-1', 'PASS', 'LogFileValidationEnabled true'),
  item('cloudtrail-trail-log-file-validation', TRAIL.legacy, 'eu-west-1', 'FAIL', 'stopped single-region trail without validation: every trail counts'),
  item('cloudtrail-trail-kms-encryption', TRAIL.org, 'us-east-1', 'FAIL', 'no KmsKeyId: S3-managed encryption only'),
  item('cloudtrail-trail-kms-encryption', TRAIL.legacy, 'eu-west-1', 'FAIL', 'no KmsKeyId'),
  item('cloudtrail-trail-cloudwatch-logs', TRAIL.org, 'us-east-1', sendsToLogs ? 'PASS' : 'FAIL', 'org-audit-trail CloudWatch Logs delivery follows the base trail\'s CloudWatchLogsLogGroupArn'),
  item('cloudtrail-trail-cloudwatch-logs', TRAIL.legacy, 'eu-west-1', 'FAIL', 'no CloudWatch Logs log group'),
  item('cloudtrail-bucket-not-public', `acme-cloudtrail-logs-${ACCOUNT_ID}`, 'us-east-1', 'PASS', 'policy not public, Block Public Access on, ACLs disabled'),
  item('cloudtrail-bucket-access-logging', `acme-cloudtrail-logs-${ACCOUNT_ID}`, 'us-east-1', 'PASS', 'logs to the access-log bucket'),
  item('config-recorder-all-regions', ACCOUNT_ID, 'us-east-1', 'PASS', 'recording all supported types, last delivery Success'),
  item('config-recorder-all-regions', ACCOUNT_ID, 'eu-west-1', 'FAIL', 'trap: the recorder exists and records everything, but is stopped (recording false)'),
  item('config-recorder-all-regions', ACCOUNT_ID, 'af-south-1', 'FAIL', 'recording, but only two EC2 resource types'),
  item('guardduty-detector-enabled', ACCOUNT_ID, 'us-east-1', 'PASS', 'detector ENABLED'),
  item('guardduty-detector-enabled', ACCOUNT_ID, 'eu-west-1', 'FAIL', 'trap: a detector exists but is suspended (DISABLED)'),
  item('guardduty-detector-enabled', ACCOUNT_ID, 'af-south-1', 'FAIL', 'no detector; a delegated administrator exists, but this is the management account, judged on its own settings'),
  item('guardduty-high-severity-findings', DETECTOR.use1, 'us-east-1', 'FAIL', 'two open findings of severity 8 and 9.2; the archived 8.5 and the medium 5 do not count'),
  item('guardduty-high-severity-findings', DETECTOR.euw1, 'eu-west-1', 'PASS', 'no findings'),
  item('securityhub-hub-enabled', ACCOUNT_ID, 'us-east-1', 'PASS', 'hub subscribed'),
  item('securityhub-hub-enabled', ACCOUNT_ID, 'eu-west-1', 'FAIL', 'trap: InvalidAccessException "not subscribed" is the answer "off", not a failed read'),
  item('securityhub-hub-enabled', ACCOUNT_ID, 'af-south-1', 'PASS', 'hub subscribed'),
  item('securityhub-standards-enabled', ACCOUNT_ID, 'us-east-1', 'PASS', 'FSBP and CIS v3.0 READY'),
  item('securityhub-standards-enabled', ACCOUNT_ID, 'af-south-1', 'FAIL', 'hub on, no standard enabled'),
  item('logs-log-group-retention', LOG_GROUP, 'us-east-1', 'PASS', '365 days'),
  item('logs-log-group-retention', '/aws/lambda/orders-worker', 'us-east-1', 'PASS', 'never expires: everything is kept'),
  ...alarmPlanted(sendsToLogs),
];
