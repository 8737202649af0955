/** The checks of this area, one file each; the top-level registry test proves every file is listed. */
import { cloudtrailBucketAccessLogging } from './cloudtrail-bucket-access-logging.ts';
import { cloudtrailBucketNotPublic } from './cloudtrail-bucket-not-public.ts';
import { cloudtrailMultiRegionLogging } from './cloudtrail-multi-region-logging.ts';
import { cloudtrailTrailCloudwatchLogs } from './cloudtrail-trail-cloudwatch-logs.ts';
import { cloudtrailTrailKmsEncryption } from './cloudtrail-trail-kms-encryption.ts';
import { cloudtrailTrailLogFileValidation } from './cloudtrail-trail-log-file-validation.ts';
import { cloudwatchAlarmCloudtrailChanges } from './cloudwatch-alarm-cloudtrail-changes.ts';
import { cloudwatchAlarmCmkDisableDeletion } from './cloudwatch-alarm-cmk-disable-deletion.ts';
import { cloudwatchAlarmConfigChanges } from './cloudwatch-alarm-config-changes.ts';
import { cloudwatchAlarmConsoleAuthFailures } from './cloudwatch-alarm-console-auth-failures.ts';
import { cloudwatchAlarmConsoleSigninWithoutMfa } from './cloudwatch-alarm-console-signin-without-mfa.ts';
import { cloudwatchAlarmIamPolicyChanges } from './cloudwatch-alarm-iam-policy-changes.ts';
import { cloudwatchAlarmNaclChanges } from './cloudwatch-alarm-nacl-changes.ts';
import { cloudwatchAlarmNetworkGatewayChanges } from './cloudwatch-alarm-network-gateway-changes.ts';
import { cloudwatchAlarmOrganizationsChanges } from './cloudwatch-alarm-organizations-changes.ts';
import { cloudwatchAlarmRootUsage } from './cloudwatch-alarm-root-usage.ts';
import { cloudwatchAlarmRouteTableChanges } from './cloudwatch-alarm-route-table-changes.ts';
import { cloudwatchAlarmS3BucketPolicyChanges } from './cloudwatch-alarm-s3-bucket-policy-changes.ts';
import { cloudwatchAlarmSecurityGroupChanges } from './cloudwatch-alarm-security-group-changes.ts';
import { cloudwatchAlarmUnauthorizedApiCalls } from './cloudwatch-alarm-unauthorized-api-calls.ts';
import { cloudwatchAlarmVpcChanges } from './cloudwatch-alarm-vpc-changes.ts';
import { configRecorderAllRegions } from './config-recorder-all-regions.ts';
import { guarddutyDetectorEnabled } from './guardduty-detector-enabled.ts';
import { guarddutyHighSeverityFindings } from './guardduty-high-severity-findings.ts';
import { logsLogGroupRetention } from './logs-log-group-retention.ts';
import { securityhubHubEnabled } from './securityhub-hub-enabled.ts';
import { securityhubStandardsEnabled } from './securityhub-standards-enabled.ts';
import type { Check } from '../types.ts';

export const loggingMonitoringChecks: Check[] = [
  cloudtrailMultiRegionLogging,
  cloudtrailTrailLogFileValidation,
  cloudtrailTrailKmsEncryption,
  cloudtrailTrailCloudwatchLogs,
  cloudtrailBucketNotPublic,
  cloudtrailBucketAccessLogging,
  configRecorderAllRegions,
  cloudwatchAlarmUnauthorizedApiCalls,
  cloudwatchAlarmConsoleSigninWithoutMfa,
  cloudwatchAlarmRootUsage,
  cloudwatchAlarmIamPolicyChanges,
  cloudwatchAlarmCloudtrailChanges,
  cloudwatchAlarmConsoleAuthFailures,
  cloudwatchAlarmCmkDisableDeletion,
  cloudwatchAlarmS3BucketPolicyChanges,
  cloudwatchAlarmConfigChanges,
  cloudwatchAlarmSecurityGroupChanges,
  cloudwatchAlarmNaclChanges,
  cloudwatchAlarmNetworkGatewayChanges,
  cloudwatchAlarmRouteTableChanges,
  cloudwatchAlarmVpcChanges,
  cloudwatchAlarmOrganizationsChanges,
  guarddutyDetectorEnabled,
  guarddutyHighSeverityFindings,
  securityhubHubEnabled,
  securityhubStandardsEnabled,
  logsLogGroupRetention,
];
