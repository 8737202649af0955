/**
 * Per-bucket S3 configuration reads, each sent to the bucket's own region. S3 answers "this
 * bucket has no such configuration" with a 404 error; that is a real answer, not a failure, so
 * it is stored as the configuration being null with the AWS error code in `NotFound`. Any other
 * error stays an error and the checks report NOT_ASSESSED.
 */
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  type GetBucketAclCommandOutput,
  type GetBucketEncryptionCommandOutput,
  type GetBucketLoggingCommandOutput,
  type GetBucketOwnershipControlsCommandOutput,
  type GetBucketPolicyCommandOutput,
  type GetBucketPolicyStatusCommandOutput,
  type GetObjectLockConfigurationCommandOutput,
  type GetPublicAccessBlockCommandOutput,
  type Grant,
  type LoggingEnabled,
  type ObjectLockConfiguration,
  type Owner,
  type OwnershipControls,
  type PolicyStatus,
  type PublicAccessBlockConfiguration,
  type ServerSideEncryptionConfiguration,
} from '@aws-sdk/client-s3';
import { orAbsent } from './absence.ts';
import { bucketDataset } from './s3.ts';
import type { CollectContext, DatasetDef } from './types.ts';

/** A configuration S3 may answer "not configured" for: null, with the error code that said so. */
export type Maybe<K extends string, T> = { [P in K]: T | null } & { NotFound?: string };

export type BucketPublicAccessBlock = Maybe<'PublicAccessBlockConfiguration', PublicAccessBlockConfiguration>;
export type BucketPolicyStatus = Maybe<'PolicyStatus', PolicyStatus>;
/** The policy document exactly as S3 returned it (JSON text). */
export type BucketPolicy = Maybe<'Policy', string>;
export interface BucketAcl {
  Owner: Owner | null;
  Grants: Grant[];
}
export type BucketOwnershipControls = Maybe<'OwnershipControls', OwnershipControls>;
/** LoggingEnabled null: server access logging is off (S3 returns an empty BucketLoggingStatus). */
export interface BucketLogging {
  LoggingEnabled: LoggingEnabled | null;
}
export type BucketEncryption = Maybe<'ServerSideEncryptionConfiguration', ServerSideEncryptionConfiguration>;
export type BucketObjectLock = Maybe<'ObjectLockConfiguration', ObjectLockConfiguration>;

/** Runs the call; the named "not configured" codes become `{ [field]: null, NotFound: code }`. */
function orNotFound<T>(field: string, codes: string[], call: () => Promise<T>): Promise<T | Record<string, unknown>> {
  return orAbsent(codes, call, (code) => ({ [field]: null, NotFound: code }));
}

const s3 = (ctx: CollectContext, region: string) => ctx.session.client('s3', region);

export const s3BucketDatasets: DatasetDef[] = [
  bucketDataset('s3:GetPublicAccessBlock', ['s3:GetBucketPublicAccessBlock'], (ctx, Bucket, region) =>
    orNotFound('PublicAccessBlockConfiguration', ['NoSuchPublicAccessBlockConfiguration'], async () => {
      const out = await ctx.send<GetPublicAccessBlockCommandOutput>(s3(ctx, region), new GetPublicAccessBlockCommand({ Bucket }));
      return { PublicAccessBlockConfiguration: out.PublicAccessBlockConfiguration ?? null };
    }),
  ),
  bucketDataset('s3:GetBucketPolicyStatus', ['s3:GetBucketPolicyStatus'], (ctx, Bucket, region) =>
    orNotFound('PolicyStatus', ['NoSuchBucketPolicy'], async () => {
      const out = await ctx.send<GetBucketPolicyStatusCommandOutput>(s3(ctx, region), new GetBucketPolicyStatusCommand({ Bucket }));
      return { PolicyStatus: out.PolicyStatus ?? null };
    }),
  ),
  bucketDataset('s3:GetBucketPolicy', ['s3:GetBucketPolicy'], (ctx, Bucket, region) =>
    orNotFound('Policy', ['NoSuchBucketPolicy'], async () => {
      const out = await ctx.send<GetBucketPolicyCommandOutput>(s3(ctx, region), new GetBucketPolicyCommand({ Bucket }));
      return { Policy: out.Policy ?? null };
    }),
  ),
  bucketDataset('s3:GetBucketAcl', ['s3:GetBucketAcl'], async (ctx, Bucket, region): Promise<BucketAcl> => {
    const out = await ctx.send<GetBucketAclCommandOutput>(s3(ctx, region), new GetBucketAclCommand({ Bucket }));
    return { Owner: out.Owner ?? null, Grants: out.Grants ?? [] };
  }),
  bucketDataset('s3:GetBucketOwnershipControls', ['s3:GetBucketOwnershipControls'], (ctx, Bucket, region) =>
    orNotFound('OwnershipControls', ['OwnershipControlsNotFoundError'], async () => {
      const out = await ctx.send<GetBucketOwnershipControlsCommandOutput>(s3(ctx, region), new GetBucketOwnershipControlsCommand({ Bucket }));
      return { OwnershipControls: out.OwnershipControls ?? null };
    }),
  ),
  bucketDataset('s3:GetBucketLogging', ['s3:GetBucketLogging'], async (ctx, Bucket, region): Promise<BucketLogging> => {
    const out = await ctx.send<GetBucketLoggingCommandOutput>(s3(ctx, region), new GetBucketLoggingCommand({ Bucket }));
    return { LoggingEnabled: out.LoggingEnabled ?? null };
  }),
  bucketDataset('s3:GetBucketEncryption', ['s3:GetEncryptionConfiguration'], (ctx, Bucket, region) =>
    orNotFound('ServerSideEncryptionConfiguration', ['ServerSideEncryptionConfigurationNotFoundError'], async () => {
      const out = await ctx.send<GetBucketEncryptionCommandOutput>(s3(ctx, region), new GetBucketEncryptionCommand({ Bucket }));
      return { ServerSideEncryptionConfiguration: out.ServerSideEncryptionConfiguration ?? null };
    }),
  ),
  bucketDataset('s3:GetObjectLockConfiguration', ['s3:GetBucketObjectLockConfiguration'], (ctx, Bucket, region) =>
    orNotFound('ObjectLockConfiguration', ['ObjectLockConfigurationNotFoundError'], async () => {
      const out = await ctx.send<GetObjectLockConfigurationCommandOutput>(s3(ctx, region), new GetObjectLockConfigurationCommand({ Bucket }));
      return { ObjectLockConfiguration: out.ObjectLockConfiguration ?? null };
    }),
  ),
];
