/**
 * Fake AWS operations added for the s3 checks: the per-bucket configuration reads S3 answers on
 * `/{bucket}?{subresource}`, and S3 Control (see s3control.ts). A bucket the fixture says nothing
 * about answers as a bucket left at AWS's defaults: an ACL granting only its owner, no ownership
 * controls, no logging, SSE-S3 default encryption (on every bucket since January 2023), no Object Lock.
 */
import { createHash } from 'node:crypto';
import {
  GetBucketAclOutput$,
  GetBucketLoggingOutput$,
  ObjectLockConfiguration$,
  OwnershipControls$,
  ServerSideEncryptionConfiguration$,
  type Grant,
  type LoggingEnabled,
  type ObjectLockConfiguration,
  type ObjectOwnership,
  type ServerSideEncryptionRule,
} from '@aws-sdk/client-s3';
import type { FakeBucket } from '../account.ts';
import { AwsError, RawReply, type OperationContext } from '../protocol.ts';
import { s3control, s3controlBridge, type S3ControlFixture } from './s3control.ts';
import type { FakeAwsExtension } from './types.ts';

/** What the fixture adds to one bucket of `account.s3.buckets`, by bucket name. */
export interface S3BucketFixture {
  /** The bucket policy document. Absent: a minimal one derived from the bucket's policyIsPublic, or none. */
  policy?: object;
  /** ACL grants besides the owner's FULL_CONTROL (e.g. to the AllUsers group). */
  aclGrants?: Grant[];
  /** Absent or null: OwnershipControlsNotFoundError (ACLs enabled, the pre-April-2023 default). */
  objectOwnership?: ObjectOwnership | null;
  logging?: LoggingEnabled | null;
  /** Absent: SSE-S3. null: ServerSideEncryptionConfigurationNotFoundError, as emulators answer. */
  encryption?: ServerSideEncryptionRule | null;
  /** Absent or null: ObjectLockConfigurationNotFoundError. */
  objectLock?: ObjectLockConfiguration | null;
}

/** This area's part of a FakeAccount (account.ext.s3). */
export interface S3Fixture extends S3ControlFixture {
  buckets?: Record<string, S3BucketFixture>;
}

const notFound = (code: string, message: string, bucket: string) => new AwsError(code, message, 404, { fields: { BucketName: bucket } });

/** The bucket and its fixture, or AWS's answer: 404 NoSuchBucket, or 301 from another region's endpoint. */
function bucketFor(ctx: OperationContext): { bucket: FakeBucket; extra: S3BucketFixture } {
  const name = ctx.bucket ?? '';
  const bucket = ctx.account.s3.buckets.find((b) => b.name === name);
  if (!bucket) throw notFound('NoSuchBucket', 'The specified bucket does not exist', name);
  if (bucket.region !== ctx.region) {
    const endpoint = bucket.region === 'us-east-1' ? 's3.amazonaws.com' : `s3.${bucket.region}.amazonaws.com`;
    throw new AwsError('PermanentRedirect', 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.', 301, {
      fields: { Endpoint: endpoint, Bucket: name },
      headers: { 'x-amz-bucket-region': bucket.region },
    });
  }
  return { bucket, extra: ctx.account.ext?.s3?.buckets?.[name] ?? {} };
}

/** The canonical user id ListBuckets gives the owner (a stable hash of the account id). */
const ownerId = (ctx: OperationContext) => createHash('sha256').update(ctx.account.accountId).digest('hex');

function policyDocument(ctx: OperationContext, bucket: FakeBucket, extra: S3BucketFixture): object | undefined {
  if (extra.policy) return extra.policy;
  if (bucket.policyIsPublic === undefined || bucket.policyIsPublic === null) return undefined;
  const principal = bucket.policyIsPublic ? '*' : { AWS: `arn:aws:iam::${ctx.account.accountId}:root` };
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket.name}/*` }] };
}

export const s3Extension: FakeAwsExtension = {
  services: [s3control],
  operations: {
    s3: {
      ...s3controlBridge(),
      GetBucketPolicy: {
        // The payload is the policy document itself, as JSON text.
        handle: (ctx) => {
          const { bucket, extra } = bucketFor(ctx);
          const doc = policyDocument(ctx, bucket, extra);
          if (!doc) throw notFound('NoSuchBucketPolicy', 'The bucket policy does not exist', bucket.name);
          return new RawReply(JSON.stringify(doc), 200, { 'Content-Type': 'application/json' });
        },
      },
      GetBucketAcl: {
        output: GetBucketAclOutput$,
        handle: (ctx) => {
          const { extra } = bucketFor(ctx);
          const owner = { ID: ownerId(ctx) };
          return { Owner: owner, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: owner.ID }, Permission: 'FULL_CONTROL' }, ...(extra.aclGrants ?? [])] };
        },
      },
      GetBucketOwnershipControls: {
        output: OwnershipControls$,
        handle: (ctx) => {
          const { bucket, extra } = bucketFor(ctx);
          if (!extra.objectOwnership) throw notFound('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', bucket.name);
          return { Rules: [{ ObjectOwnership: extra.objectOwnership }] };
        },
      },
      GetBucketLogging: {
        output: GetBucketLoggingOutput$,
        handle: (ctx) => ({ LoggingEnabled: bucketFor(ctx).extra.logging ?? undefined }),
      },
      GetBucketEncryption: {
        output: ServerSideEncryptionConfiguration$,
        handle: (ctx) => {
          const { bucket, extra } = bucketFor(ctx);
          if (extra.encryption === null) {
            throw notFound('ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found', bucket.name);
          }
          return { Rules: [extra.encryption ?? { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] };
        },
      },
      GetObjectLockConfiguration: {
        output: ObjectLockConfiguration$,
        handle: (ctx) => {
          const { bucket, extra } = bucketFor(ctx);
          if (!extra.objectLock) throw notFound('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket', bucket.name);
          return { ...extra.objectLock };
        },
      },
    },
  },
};
