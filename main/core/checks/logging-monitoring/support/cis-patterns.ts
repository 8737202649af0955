/**
 * The CIS AWS Foundations monitoring items (4.1-4.15 in v3.0-v5.0): for each, the filter pattern
 * CIS publishes, and sample CloudTrail events a filter must match (and a routine event it must
 * not), so any filter that catches the same events counts, however it is written. A filter that
 * matches everything (or a whole service) is not the alarm CIS asks for: it fails on the routine event.
 */

/** A minimal CloudTrail record: only the fields CIS patterns read. */
type Event = Record<string, unknown>;

export interface CisPattern {
  /** What is watched, for titles and messages ("root account usage"). */
  label: string;
  /** The filter pattern CIS gives (v3.0 wording), quoted in remediation. */
  pattern: string;
  mustMatch: Event[];
  mustNotMatch: Event[];
}

const ip = '203.0.113.10';
const user = { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/someone' };
const api = (eventSource: string, eventName: string, extra: Event = {}): Event => ({
  eventVersion: '1.09', eventSource, eventName, eventType: 'AwsApiCall', userIdentity: user, sourceIPAddress: ip, ...extra,
});
const calls = (source: string, names: string[]) => names.map((n) => api(source, n));
const orNames = (names: string[]) => names.map((n) => `($.eventName = ${n})`).join(' || ');

function changes(label: string, source: string, names: string[], routine: string, withSource = true): CisPattern {
  const pattern = withSource ? `{ ($.eventSource = ${source}) && (${orNames(names)}) }` : `{ ${orNames(names)} }`;
  return { label, pattern, mustMatch: calls(source, names), mustNotMatch: [api(source, routine)] };
}

const signin = (extra: Event): Event => ({ ...api('signin.amazonaws.com', 'ConsoleLogin'), eventType: 'AwsConsoleSignIn', ...extra });

const IAM_POLICY = [
  'DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy', 'CreatePolicy', 'DeletePolicy',
  'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy',
];
const S3_POLICY = [
  'PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle', 'PutBucketReplication',
  'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication',
];
const ORGANIZATIONS = [
  'AcceptHandshake', 'AttachPolicy', 'CreateAccount', 'CreateOrganizationalUnit', 'CreatePolicy', 'DeclineHandshake', 'DeleteOrganization',
  'DeleteOrganizationalUnit', 'DeletePolicy', 'DetachPolicy', 'DisablePolicyType', 'EnablePolicyType', 'InviteAccountToOrganization',
  'LeaveOrganization', 'MoveAccount', 'RemoveAccountFromOrganization', 'UpdatePolicy', 'UpdateOrganizationalUnit',
];
const VPC = ['CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection'];
/** Still in the CIS pattern, but EC2-Classic was retired in 2022: a filter may leave these out. */
const CLASSIC_LINK = ['AttachClassicLinkVpc', 'DetachClassicLinkVpc', 'DisableVpcClassicLink', 'EnableVpcClassicLink'];

export const CIS_PATTERNS = {
  unauthorizedApiCalls: {
    label: 'unauthorized API calls',
    pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    mustMatch: [
      api('ec2.amazonaws.com', 'RunInstances', { errorCode: 'UnauthorizedOperation', errorMessage: 'You are not authorized to perform this operation.' }),
      api('iam.amazonaws.com', 'CreateUser', { errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform: iam:CreateUser' }),
    ],
    mustNotMatch: [api('ec2.amazonaws.com', 'DescribeInstances')],
  },
  consoleSigninWithoutMfa: {
    label: 'console sign-in without MFA',
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    mustMatch: [signin({ additionalEventData: { MFAUsed: 'No', LoginTo: 'https://console.aws.amazon.com/' }, responseElements: { ConsoleLogin: 'Success' } })],
    mustNotMatch: [signin({ additionalEventData: { MFAUsed: 'Yes' }, responseElements: { ConsoleLogin: 'Success' } })],
  },
  rootUsage: {
    label: 'root user activity',
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    mustMatch: [
      api('iam.amazonaws.com', 'CreateAccessKey', { userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root' } }),
      signin({ userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root' }, additionalEventData: { MFAUsed: 'Yes' }, responseElements: { ConsoleLogin: 'Success' } }),
    ],
    mustNotMatch: [api('iam.amazonaws.com', 'CreateAccessKey')],
  },
  iamPolicyChanges: changes('IAM policy changes', 'iam.amazonaws.com', IAM_POLICY, 'GetPolicy', false),
  cloudtrailChanges: changes('CloudTrail configuration changes', 'cloudtrail.amazonaws.com', ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'], 'DescribeTrails', false),
  consoleAuthFailures: {
    label: 'console authentication failures',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    mustMatch: [signin({ errorMessage: 'Failed authentication', responseElements: { ConsoleLogin: 'Failure' }, additionalEventData: { MFAUsed: 'No' } })],
    // A successful sign-in, with or without MFA, is not an authentication failure.
    mustNotMatch: [
      signin({ responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'Yes' } }),
      signin({ responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No' } }),
    ],
  },
  cmkDisableOrDeletion: changes('disabling or scheduled deletion of customer managed KMS keys', 'kms.amazonaws.com', ['DisableKey', 'ScheduleKeyDeletion'], 'DescribeKey'),
  s3BucketPolicyChanges: changes('S3 bucket policy changes', 's3.amazonaws.com', S3_POLICY, 'GetBucketPolicy'),
  configChanges: changes('AWS Config configuration changes', 'config.amazonaws.com', ['StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder'], 'DescribeConfigurationRecorders'),
  securityGroupChanges: changes('security group changes', 'ec2.amazonaws.com', [
    'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup',
  ], 'DescribeSecurityGroups', false),
  naclChanges: changes('network ACL changes', 'ec2.amazonaws.com', [
    'CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation',
  ], 'DescribeNetworkAcls', false),
  networkGatewayChanges: changes('network gateway changes', 'ec2.amazonaws.com', [
    'CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway',
  ], 'DescribeInternetGateways', false),
  routeTableChanges: changes('route table changes', 'ec2.amazonaws.com', [
    'CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable',
  ], 'DescribeRouteTables'),
  vpcChanges: { ...changes('VPC changes', 'ec2.amazonaws.com', VPC, 'DescribeVpcs', false), pattern: `{ ${orNames([...VPC, ...CLASSIC_LINK])} }` },
  organizationsChanges: changes('AWS Organizations changes', 'organizations.amazonaws.com', ORGANIZATIONS, 'DescribeOrganization'),
} satisfies Record<string, CisPattern>;

/** The required event names a filter misses (for "your filter leaves out X, Y" messages). */
export function eventName(event: Event): string {
  return String(event.eventName ?? '');
}
