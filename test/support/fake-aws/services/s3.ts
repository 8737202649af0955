/**
 * S3 over restXml, path-style only (`/{bucket}?{subresource}`): the SDK uses path-style by itself
 * for an IP endpoint such as http://127.0.0.1:PORT, and always with forcePathStyle.
 *
 * Region handling follows AWS for a request that reaches a regional endpoint (here: the signing
 * region) other than the bucket's: 301 PermanentRedirect with `x-amz-bucket-region`, which the SDK
 * follows only with `followRegionRedirects: true`. GetBucketLocation and ListBuckets answer from
 * any region, as in AWS.
 */
import { createHash } from 'node:crypto';
import { GetBucketVersioningOutput$, ListBucketsOutput$, PolicyStatus$, PublicAccessBlockConfiguration$ } from '@aws-sdk/client-s3';
import type { FakeBucket } from '../account.ts';
import { paginate } from '../params.ts';
import { AwsError, RawReply, type OperationContext, type ServiceModule } from '../protocol.ts';
import { CONTROL_PREFIX, s3controlRoute } from '../ext/s3control.ts';

const NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

const SUBRESOURCES: Record<string, string> = {
  location: 'GetBucketLocation',
  versioning: 'GetBucketVersioning',
  publicAccessBlock: 'GetPublicAccessBlock',
  policyStatus: 'GetBucketPolicyStatus',
  // Served by ext/s3.ts:
  policy: 'GetBucketPolicy',
  acl: 'GetBucketAcl',
  ownershipControls: 'GetBucketOwnershipControls',
  logging: 'GetBucketLogging',
  encryption: 'GetBucketEncryption',
  'object-lock': 'GetObjectLockConfiguration',
};

function route(method: string, path: string, query: URLSearchParams): { action: string; bucket?: string } | undefined {
  // S3 Control is signed "s3" too; its operations all live under /v20180820/ (ext/s3control.ts).
  if (path.startsWith(CONTROL_PREFIX)) {
    const control = s3controlRoute(method, path);
    return control && { action: `s3control.${control.action}` };
  }
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return method === 'GET' ? { action: 'ListBuckets' } : undefined;
  if (parts.length > 1) return undefined; // object-level operations are not modelled yet
  const bucket = decodeURIComponent(parts[0] ?? '');
  if (method === 'HEAD') return { action: 'HeadBucket', bucket };
  if (method !== 'GET') return undefined;
  const sub = Object.keys(SUBRESOURCES).find((k) => query.has(k));
  return sub ? { action: SUBRESOURCES[sub] ?? '', bucket } : undefined;
}

function endpointHost(region: string): string {
  return region === 'us-east-1' ? 's3.amazonaws.com' : `s3.${region}.amazonaws.com`;
}

const bucketIndex = new WeakMap<FakeBucket[], Map<string, FakeBucket>>();

/** By name through an index, so 2,000 per-bucket calls stay linear (rebuilt when the list grows or shrinks). */
function findBucket(buckets: FakeBucket[], name: string): FakeBucket | undefined {
  let index = bucketIndex.get(buckets);
  if (!index || index.size !== buckets.length) {
    index = new Map(buckets.map((b) => [b.name, b]));
    bucketIndex.set(buckets, index);
  }
  const found = index.get(name);
  return found?.name === name ? found : buckets.find((b) => b.name === name);
}

/** The bucket, or the error AWS gives: 404 NoSuchBucket, or 301 from the wrong regional endpoint. */
function bucketFor(ctx: OperationContext, anyRegion = false): FakeBucket {
  const bucket = findBucket(ctx.account.s3.buckets, ctx.bucket ?? '');
  if (!bucket) {
    throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, { fields: { BucketName: ctx.bucket ?? '' } });
  }
  if (!anyRegion && bucket.region !== ctx.region) {
    throw new AwsError(
      'PermanentRedirect',
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
      301,
      { fields: { Endpoint: endpointHost(bucket.region), Bucket: bucket.name }, headers: { 'x-amz-bucket-region': bucket.region } },
    );
  }
  return bucket;
}

function listBuckets({ account, params }: OperationContext) {
  const maxRaw = params.get('max-buckets');
  const max = maxRaw === null ? undefined : Number(maxRaw);
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 10000)) {
    throw new AwsError('InvalidArgument', 'Argument max-buckets must be an integer between 1 and 10000.', 400, {
      fields: { ArgumentName: 'max-buckets', ArgumentValue: maxRaw ?? '' },
    });
  }
  const prefix = params.get('prefix');
  const region = params.get('bucket-region');
  const token = params.get('continuation-token');
  // AWS adds BucketRegion only when the request carries at least one of the paging/filter parameters.
  const withRegion = [maxRaw, prefix, region, token].some((v) => v !== null);
  const buckets = [...account.s3.buckets]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .filter((b) => (prefix === null || b.name.startsWith(prefix)) && (region === null || b.region === region));
  const page = paginate(buckets, {
    scope: 's3:ListBuckets',
    limit: max,
    token,
    tokenError: new AwsError('InvalidArgument', 'The continuation token provided is incorrect', 400, {
      fields: { ArgumentName: 'continuation-token' },
    }),
  });
  return {
    Buckets: page.items.map((b) => ({ Name: b.name, CreationDate: b.creationDate, BucketRegion: withRegion ? b.region : undefined })),
    Owner: { ID: createHash('sha256').update(account.accountId).digest('hex') },
    ContinuationToken: page.nextToken,
    Prefix: prefix ?? undefined,
  };
}

/** The one S3 body that is a bare text element; us-east-1 is an empty LocationConstraint. */
function getBucketLocation(ctx: OperationContext): RawReply {
  const bucket = bucketFor(ctx, true);
  const value = bucket.region === 'us-east-1' ? '' : bucket.region;
  const element = value ? `<LocationConstraint xmlns="${NAMESPACE}">${value}</LocationConstraint>` : `<LocationConstraint xmlns="${NAMESPACE}"/>`;
  return new RawReply(`<?xml version="1.0" encoding="UTF-8"?>\n${element}`);
}

export const s3: ServiceModule = {
  name: 's3',
  protocol: 'restXml',
  xmlNamespace: NAMESPACE,
  route,
  // Unverified against a live disabled region; S3 does not know the account's keys there.
  regionNotEnabled: () => new AwsError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403),
  operations: {
    ListBuckets: { output: ListBucketsOutput$, handle: listBuckets },
    GetBucketLocation: { handle: getBucketLocation },
    HeadBucket: {
      handle: (ctx) => {
        const bucket = bucketFor(ctx);
        return new RawReply('', 200, { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' });
      },
    },
    GetBucketVersioning: {
      output: GetBucketVersioningOutput$,
      handle: (ctx) => {
        const bucket = bucketFor(ctx);
        return { Status: bucket.versioning, MFADelete: bucket.mfaDelete };
      },
    },
    GetPublicAccessBlock: {
      output: PublicAccessBlockConfiguration$,
      handle: (ctx) => {
        const bucket = bucketFor(ctx);
        if (!bucket.publicAccessBlock) {
          throw new AwsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404, {
            fields: { BucketName: bucket.name },
          });
        }
        return { ...bucket.publicAccessBlock };
      },
    },
    GetBucketPolicyStatus: {
      output: PolicyStatus$,
      handle: (ctx) => {
        const bucket = bucketFor(ctx);
        if (bucket.policyIsPublic === undefined || bucket.policyIsPublic === null) {
          throw new AwsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, { fields: { BucketName: bucket.name } });
        }
        return { IsPublic: bucket.policyIsPublic };
      },
    },
  },
};
