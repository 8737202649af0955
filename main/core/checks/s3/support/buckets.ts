/** What every per-bucket S3 check shares: the bucket list, each bucket as a finding's resource. */
import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { Finding } from '../../../../../shared/model/finding.ts';
import type { BucketEntry } from '../../../collect/s3.ts';
import { GLOBAL, type Read, type Snapshot } from '../../../engine/snapshot.ts';
import { accountResource, finding, notAssessed, type Resource } from '../../helpers.ts';

export type Ok<T> = Extract<Read<T>, { ok: true }>;

export function bucketArn(snap: Snapshot, bucket: string): string {
  return `arn:${snap.meta.partition}:s3:::${bucket}`;
}

export function bucketResource(snap: Snapshot, b: BucketEntry): Resource {
  return { id: b.Name, arn: bucketArn(snap, b.Name), name: b.Name, region: b.BucketRegion };
}

/** One finding per bucket; the list itself unreadable is one NOT_ASSESSED, no buckets one NOT_APPLICABLE. */
export function eachBucket(meta: CheckMeta, snap: Snapshot, judge: (b: BucketEntry, resource: Resource) => Finding): Finding[] {
  const list = snap.read<BucketEntry[]>('s3:ListBuckets', GLOBAL);
  const account = accountResource(snap, GLOBAL, 'S3 buckets');
  if (!list.ok) return [notAssessed(meta, snap, account, list)];
  if (list.data.length === 0) return [finding(meta, snap, account, 'NOT_APPLICABLE', 'The account has no S3 buckets.')];
  return list.data.map((b) => judge(b, bucketResource(snap, b)));
}

/** A per-bucket dataset's record for this bucket (sent to, and stored under, the bucket's region). */
export function readBucket<T>(snap: Snapshot, dataset: string, b: BucketEntry): Read<T> {
  return snap.read<T>(dataset, b.BucketRegion, b.Name);
}
