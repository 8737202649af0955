/**
 * The SDK clients Leasehold may create, by service key. Adding a service: add its client here,
 * its read operations to read-only.ts, and its endpoint identifier to endpoints.ts.
 */
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { BackupClient } from '@aws-sdk/client-backup';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EFSClient } from '@aws-sdk/client-efs';
import { EKSClient } from '@aws-sdk/client-eks';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SNSClient } from '@aws-sdk/client-sns';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';

export const CLIENTS = {
  sts: STSClient,
  ec2: EC2Client,
  iam: IAMClient,
  s3: S3Client,
  s3control: S3ControlClient,
  cloudtrail: CloudTrailClient,
  kms: KMSClient,
  rds: RDSClient,
  efs: EFSClient,
  dynamodb: DynamoDBClient,
  backup: BackupClient,
  logs: CloudWatchLogsClient,
  cloudwatch: CloudWatchClient,
  sns: SNSClient,
  ssm: SSMClient,
  inspector2: Inspector2Client,
  lambda: LambdaClient,
  eks: EKSClient,
  accessanalyzer: AccessAnalyzerClient,
  config: ConfigServiceClient,
  guardduty: GuardDutyClient,
  securityhub: SecurityHubClient,
  organizations: OrganizationsClient,
} as const;

export type ServiceKey = keyof typeof CLIENTS;
export type ClientOf<S extends ServiceKey> = InstanceType<(typeof CLIENTS)[S]>;

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
