/**
 * Framework requirements tested by the logging-monitoring checks. Only ids verified against the
 * framework's own text: Security Hub's control pages for FSBP (CloudTrail.1/2/4/5, Config.1,
 * GuardDuty.1); CIS v3.0/v4.0/v5.0 share sections 3 (Logging) and 4 (Monitoring) numbering.
 * CloudWatch.1-14 belong to Security Hub's CIS v1.2/v1.4 standards, not FSBP, so they are not listed.
 */
import type { Crosswalk } from './types.ts';

const CIS_SHARED: Record<string, readonly string[]> = {
  '3.1': ['cloudtrail-multi-region-logging'],
  '3.2': ['cloudtrail-trail-log-file-validation'],
  '3.3': ['config-recorder-all-regions'],
  '3.4': ['cloudtrail-bucket-access-logging'],
  '3.5': ['cloudtrail-trail-kms-encryption'],
  '4.1': ['cloudwatch-alarm-unauthorized-api-calls'],
  '4.2': ['cloudwatch-alarm-console-signin-without-mfa'],
  '4.3': ['cloudwatch-alarm-root-usage'],
  '4.4': ['cloudwatch-alarm-iam-policy-changes'],
  '4.5': ['cloudwatch-alarm-cloudtrail-changes'],
  '4.6': ['cloudwatch-alarm-console-auth-failures'],
  '4.7': ['cloudwatch-alarm-cmk-disable-deletion'],
  '4.8': ['cloudwatch-alarm-s3-bucket-policy-changes'],
  '4.9': ['cloudwatch-alarm-config-changes'],
  '4.10': ['cloudwatch-alarm-security-group-changes'],
  '4.11': ['cloudwatch-alarm-nacl-changes'],
  '4.12': ['cloudwatch-alarm-network-gateway-changes'],
  '4.13': ['cloudwatch-alarm-route-table-changes'],
  '4.14': ['cloudwatch-alarm-vpc-changes'],
  '4.15': ['cloudwatch-alarm-organizations-changes'],
  '4.16': ['securityhub-hub-enabled'],
};

export const loggingMonitoringCrosswalk: Crosswalk = {
  fsbp: {
    'CloudTrail.1': ['cloudtrail-multi-region-logging'],
    'CloudTrail.2': ['cloudtrail-trail-kms-encryption'],
    'CloudTrail.4': ['cloudtrail-trail-log-file-validation'],
    'CloudTrail.5': ['cloudtrail-trail-cloudwatch-logs'],
    'Config.1': ['config-recorder-all-regions'],
    'GuardDuty.1': ['guardduty-detector-enabled'],
  },
  'cis-3.0': CIS_SHARED,
  'cis-4.0': CIS_SHARED,
  'cis-5.0': CIS_SHARED,
};
