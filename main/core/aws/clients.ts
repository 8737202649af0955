import { createRequire } from 'node:module';
/**
 * The SDK clients Leasehold may create, by service key. Adding a service: add its client here,
 * its read operations to read-only.ts, and its endpoint identifier to endpoints.ts.
 */
import type { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import type { BackupClient } from '@aws-sdk/client-backup';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { EFSClient } from '@aws-sdk/client-efs';
import type { EKSClient } from '@aws-sdk/client-eks';
import type { GuardDutyClient } from '@aws-sdk/client-guardduty';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { Inspector2Client } from '@aws-sdk/client-inspector2';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { STSClient } from '@aws-sdk/client-sts';

export interface ClientTypes {
  sts: STSClient;
  ec2: EC2Client;
  iam: IAMClient;
  s3: S3Client;
  s3control: S3ControlClient;
  cloudtrail: CloudTrailClient;
  kms: KMSClient;
  rds: RDSClient;
  efs: EFSClient;
  dynamodb: DynamoDBClient;
  backup: BackupClient;
  logs: CloudWatchLogsClient;
  cloudwatch: CloudWatchClient;
  sns: SNSClient;
  ssm: SSMClient;
  inspector2: Inspector2Client;
  lambda: LambdaClient;
  eks: EKSClient;
  accessanalyzer: AccessAnalyzerClient;
  config: ConfigServiceClient;
  guardduty: GuardDutyClient;
  securityhub: SecurityHubClient;
  organizations: OrganizationsClient;
}

/** Which export of which package is each service's client. */
const CLIENT_EXPORTS: Readonly<Record<keyof ClientTypes, string>> = {
  sts: 'STSClient',
  ec2: 'EC2Client',
  iam: 'IAMClient',
  s3: 'S3Client',
  s3control: 'S3ControlClient',
  cloudtrail: 'CloudTrailClient',
  kms: 'KMSClient',
  rds: 'RDSClient',
  efs: 'EFSClient',
  dynamodb: 'DynamoDBClient',
  backup: 'BackupClient',
  logs: 'CloudWatchLogsClient',
  cloudwatch: 'CloudWatchClient',
  sns: 'SNSClient',
  ssm: 'SSMClient',
  inspector2: 'Inspector2Client',
  lambda: 'LambdaClient',
  eks: 'EKSClient',
  accessanalyzer: 'AccessAnalyzerClient',
  config: 'ConfigServiceClient',
  guardduty: 'GuardDutyClient',
  securityhub: 'SecurityHubClient',
  organizations: 'OrganizationsClient',
};

export type ServiceKey = keyof ClientTypes;
export type ClientOf<S extends ServiceKey> = ClientTypes[S];

// Client packages are loaded on first use: importing all of them up front costs over a second
// at every CLI start, and a scan of a few areas needs only some of them.
const load = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

export function clientClass<S extends ServiceKey>(service: S): new (config: Record<string, unknown>) => ClientOf<S> {
  const mod = load(CLIENT_PACKAGES[service]) as Record<string, unknown>;
  return mod[CLIENT_EXPORTS[service]] as new (config: Record<string, unknown>) => ClientOf<S>;
}

/** Each client's package, for the read-only proof that enumerates every command. */
export const CLIENT_PACKAGES: Readonly<Record<ServiceKey, string>> = {
  sts: '@aws-sdk/client-sts',
  ec2: '@aws-sdk/client-ec2',
  iam: '@aws-sdk/client-iam',
  s3: '@aws-sdk/client-s3',
  s3control: '@aws-sdk/client-s3-control',
  cloudtrail: '@aws-sdk/client-cloudtrail',
  kms: '@aws-sdk/client-kms',
  rds: '@aws-sdk/client-rds',
  efs: '@aws-sdk/client-efs',
  dynamodb: '@aws-sdk/client-dynamodb',
  backup: '@aws-sdk/client-backup',
  logs: '@aws-sdk/client-cloudwatch-logs',
  cloudwatch: '@aws-sdk/client-cloudwatch',
  sns: '@aws-sdk/client-sns',
  ssm: '@aws-sdk/client-ssm',
  inspector2: '@aws-sdk/client-inspector2',
  lambda: '@aws-sdk/client-lambda',
  eks: '@aws-sdk/client-eks',
  accessanalyzer: '@aws-sdk/client-accessanalyzer',
  config: '@aws-sdk/client-config-service',
  guardduty: '@aws-sdk/client-guardduty',
  securityhub: '@aws-sdk/client-securityhub',
  organizations: '@aws-sdk/client-organizations',
};
