import {
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  ListBucketsCommand,
  type Bucket,
  type GetBucketLocationCommandOutput,
  type GetBucketVersioningCommandOutput,
  type ListBucketsCommandOutput,
} from '@aws-sdk/client-s3';
import { classifyError } from '../engine/classify.ts';
import { GLOBAL, type CallError } from '../engine/snapshot.ts';
import { orAbsent } from './absence.ts';
import { collectPages } from './paginate.ts';
import { perResource, stopsTheUnit } from './per-resource.ts';
import type { CollectContext, DatasetDef, ResourceResult } from './types.ts';

/** ListBuckets as stored: each bucket with the region its own calls must go to. */
export interface BucketEntry {
  Name: string;
  CreationDate?: string;
  /** The bucket's region; "global" when it could not be read (see LocationError). */
  BucketRegion: string;
  /**
   * Set when ListBuckets gave no BucketRegion and GetBucketLocation failed for this bucket (for
   * example a bucket policy denying it): the bucket is listed, and each of its reads is
   * NOT_ASSESSED with this reason, instead of the whole bucket list failing.
   */
  LocationError?: CallError;
}

export const s3Datasets: DatasetDef[] = [
  {
    id: 's3:ListBuckets',
    service: 's3',
    scope: 'global',
    iamActions: ['s3:ListAllMyBuckets', 's3:GetBucketLocation'],
    async collect(ctx): Promise<BucketEntry[]> {
      const client = ctx.session.client('s3', ctx.homeRegion);
      const buckets = await collectPages<ListBucketsCommandOutput, Bucket>(
        (ContinuationToken) => ctx.send(client, new ListBucketsCommand({ ContinuationToken, MaxBuckets: 1000 })),
        (page) => page.Buckets,
        (page) => page.ContinuationToken,
      );
      // Regions are asked for all at once; the engine's limiter bounds what is in flight.
      const entries = await Promise.all(
        buckets.map(async (b): Promise<BucketEntry | undefined> => {
          if (!b.Name) return undefined;
          const entry = { Name: b.Name, CreationDate: b.CreationDate?.toISOString() };
          if (b.BucketRegion) return { ...entry, BucketRegion: b.BucketRegion };
          try {
            const region = await bucketLocation(ctx, b.Name);
            // Deleted between ListBuckets and GetBucketLocation: it is not there to assess.
            return region === undefined ? undefined : { ...entry, BucketRegion: region };
          } catch (err) {
            if (stopsTheUnit(err, ctx.signal)) throw err;
            const error = classifyError(err);
            return { ...entry, BucketRegion: GLOBAL, LocationError: { ...error, message: `The bucket's region could not be read (s3:GetBucketLocation): ${error.message}` } };
          }
        }),
      );
      return entries.filter((e) => e !== undefined);
    },
  },
  bucketDataset('s3:GetBucketVersioning', ['s3:GetBucketVersioning'], async (ctx, bucket, region) => {
    const out = await ctx.send<GetBucketVersioningCommandOutput>(
      ctx.session.client('s3', region),
      new GetBucketVersioningCommand({ Bucket: bucket }),
    );
    return { Status: out.Status ?? null, MFADelete: out.MFADelete ?? null };
  }),
];

/** A per-bucket dataset, each call sent to the bucket's own region. */
export function bucketDataset(
  id: string,
  iamActions: string[],
  call: (ctx: CollectContext, bucket: string, region: string) => Promise<unknown>,
): DatasetDef {
  return {
    id,
    service: 's3',
    scope: 'per-resource',
    iamActions,
    dependsOn: ['s3:ListBuckets'],
    async collect(ctx) {
      const list = ctx.snapshot.read<BucketEntry[]>('s3:ListBuckets', GLOBAL);
      if (!list.ok) return [];
      // A bucket whose region is unknown is not called at all: its reads carry the reason.
      const unlocated = list.data.flatMap((b): ResourceResult[] => (b.LocationError ? [{ region: b.BucketRegion, resourceKey: b.Name, ok: false, error: b.LocationError }] : []));
      const located = await perResource(
        ctx,
        list.data.filter((b) => !b.LocationError),
        (b) => ({ region: b.BucketRegion, resourceKey: b.Name }),
        (b, region) => call(ctx, b.Name, region),
      );
      return [...located, ...unlocated];
    },
  };
}

/** The bucket's region, or undefined when S3 says it no longer exists (NoSuchBucket). */
async function bucketLocation(ctx: CollectContext, bucket: string): Promise<string | undefined> {
  const out = await orAbsent(
    ['NoSuchBucket'],
    () => ctx.send<GetBucketLocationCommandOutput>(ctx.session.client('s3', ctx.homeRegion), new GetBucketLocationCommand({ Bucket: bucket })),
    () => undefined,
  );
  if (out === undefined) return undefined;
  return regionOfLocation(out.LocationConstraint);
}

/** An empty (or null) LocationConstraint is us-east-1; "EU" is the legacy name of eu-west-1. */
export function regionOfLocation(constraint: string | null | undefined): string {
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}
