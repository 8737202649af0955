/**
 * The S3 buckets trails deliver to, each once, located in this account's bucket list. A bucket
 * that is not in the list belongs to another account (a central log archive, or an organization
 * trail's bucket) or no longer exists: it is judged where it lives, so NOT_APPLICABLE here.
 */
import type { Finding } from '../../../../../shared/model/finding.ts';
import type { BucketEntry } from '../../../collect/s3.ts';
import { GLOBAL, type Snapshot } from '../../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed, type Resource } from '../../helpers.ts';
import type { Check } from '../../types.ts';
import { trailInventory, type OkRead, type TrailView } from './trails.ts';

export interface TrailBucket {
  bucket: BucketEntry;
  resource: Resource;
  trails: TrailView[];
  list: OkRead<BucketEntry[]>;
}

export function eachTrailBucket(meta: Check['meta'], snap: Snapshot, judge: (b: TrailBucket) => Finding): Finding[] {
  const { trails, failedRegions } = trailInventory(snap);
  const out: Finding[] = failedRegions.map((f) => notAssessed(meta, snap, accountResource(snap, f.region, `CloudTrail trails (${f.region})`), f));
  const byBucket = new Map<string, TrailView[]>();
  for (const t of trails) if (t.trail.S3BucketName) byBucket.set(t.trail.S3BucketName, [...(byBucket.get(t.trail.S3BucketName) ?? []), t]);
  if (byBucket.size === 0 && failedRegions.length === 0) {
    return [finding(meta, snap, accountResource(snap, GLOBAL, 'CloudTrail'), 'NOT_APPLICABLE', 'No CloudTrail trail delivers to an S3 bucket (the account has no trails).')];
  }
  const list = snap.read<BucketEntry[]>('s3:ListBuckets', GLOBAL);
  for (const [name, views] of byBucket) {
    const guess: Resource = { id: name, arn: `arn:${snap.meta.partition}:s3:::${name}`, name, region: views[0]?.trail.HomeRegion ?? GLOBAL };
    if (!list.ok) {
      out.push(notAssessed(meta, snap, guess, list));
      continue;
    }
    const bucket = list.data.find((b) => b.Name === name);
    if (!bucket) {
      const names = views.map((v) => v.trail.Name).join(', ');
      out.push(finding(meta, snap, guess, 'NOT_APPLICABLE', `Trail bucket ${name} (of ${names}) is not in this account: it belongs to another account, such as a central log archive, or no longer exists; judge it where it lives.`, [evidence(list, { Buckets: list.data.length, [name]: 'not listed' })]));
      continue;
    }
    out.push(judge({ bucket, resource: { ...guess, region: bucket.BucketRegion }, trails: views, list }));
  }
  return out;
}

export function trailNames(b: TrailBucket): string {
  return b.trails.map((t) => t.trail.Name).join(', ');
}
