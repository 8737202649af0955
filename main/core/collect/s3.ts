import {
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  ListBucketsCommand,
  type Bucket,
  type GetBucketLocationCommandOutput,
  type GetBucketVersioningCommandOutput,
  type ListBucketsCommandOutput,
} from '@aws-sdk/client-s3';
import { GLOBAL } from '../engine/snapshot.ts';
import { orAbsent } from './absence.ts';
import { collectPages } from './paginate.ts';
import { perResource } from './per-resource.ts';
import type { CollectContext, DatasetDef } from './types.ts';

/** ListBuckets as stored: each bucket with the region its own calls must go to. */
export interface BucketEntry {
  Name: string;
  CreationDate?: string;
  BucketRegion: string;
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
      const entries: BucketEntry[] = [];
      for (const b of buckets) {
        if (!b.Name) continue;
        const region = b.BucketRegion || (await bucketLocation(ctx, b.Name));
        // Deleted between ListBuckets and GetBucketLocation: it is not there to assess.
        if (region === undefined) continue;
        entries.push({ Name: b.Name, CreationDate: b.CreationDate?.toISOString(), BucketRegion: region });
      }
      return entries;
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
      return perResource(
        ctx,
        list.data,
        (b) => ({ region: b.BucketRegion, resourceKey: b.Name }),
        (b, region) => call(ctx, b.Name, region),
      );
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
