/**
 * The SDK clients Leasehold may create, by service key. Adding a service: add its client here,
 * its read operations to read-only.ts, and its endpoint identifier to endpoints.ts.
 */
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';

export const CLIENTS = {
  sts: STSClient,
  ec2: EC2Client,
  iam: IAMClient,
  s3: S3Client,
  cloudtrail: CloudTrailClient,
} as const;

export type ServiceKey = keyof typeof CLIENTS;
export type ClientOf<S extends ServiceKey> = InstanceType<(typeof CLIENTS)[S]>;
