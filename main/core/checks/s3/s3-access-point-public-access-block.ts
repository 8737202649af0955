import type { AccessPoint } from '@aws-sdk/client-s3-control';
import type { BucketEntry } from '../../collect/s3.ts';
import type { AccessPointDetail } from '../../collect/s3control.ts';
import { GLOBAL } from '../../engine/snapshot.ts';
import type { Finding } from '../../../../shared/model/finding.ts';
import { accountResource, evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { describeOn, effectiveBpa, levelExcerpt, silentLevel, unreadableLevel, type BpaData, type BpaLevel } from './support/block-public-access.ts';

const meta = {
  id: 's3-access-point-public-access-block',
  title: 'Block Public Access is in effect for each S3 access point',
  area: 's3',
  service: 's3',
  severity: 'medium',
  responsibility:
    'Access points are extra doors into your buckets, each with its own policy. Every access point should have all four Block Public Access settings in effect, on the access point itself or from the bucket or account.',
  risk: 'An access point without Block Public Access can be opened to the internet through its own policy, even when the bucket policy is private.',
  remediation: {
    console:
      'Block Public Access of an access point cannot be changed after creation: create a replacement with "Block all public access" ticked, move clients to it and delete the old one, or turn the setting on for the whole account.',
    cli: 'aws s3control create-access-point --account-id <account-id> --name <name> --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-bpa-settings.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-19',
  ],
} as const satisfies Check['meta'];

export const s3AccessPointPublicAccessBlock: Check = {
  meta,
  needs: ['s3control:ListAccessPoints', 's3control:GetAccessPoint', 's3:ListBuckets', 's3:GetPublicAccessBlock', 's3control:GetPublicAccessBlock'],
  evaluate(snap) {
    const account = snap.read<BpaData>('s3control:GetPublicAccessBlock', GLOBAL);
    const buckets = snap.read<BucketEntry[]>('s3:ListBuckets', GLOBAL);
    // Per-bucket reads are stored under the bucket's own region, which need not be the access point's as listed.
    const bucketRegion = new Map(buckets.ok ? buckets.data.map((b) => [b.Name, b.BucketRegion]) : []);
    const out: Finding[] = [];
    for (const region of snap.meta.regions) {
      const list = snap.read<AccessPoint[]>('s3control:ListAccessPoints', region);
      if (!list.ok) {
        out.push(notAssessed(meta, snap, accountResource(snap, region, 'S3 access points'), list));
        continue;
      }
      for (const point of list.data) {
        const name = point.Name ?? '';
        const resource = { id: name, arn: point.AccessPointArn ?? '', name, region };
        const detail = snap.read<AccessPointDetail>('s3control:GetAccessPoint', region, name);
        if (!detail.ok) {
          out.push(notAssessed(meta, snap, resource, detail));
          continue;
        }
        const bucket = detail.data.Bucket ?? point.Bucket ?? '';
        const levels: BpaLevel[] = [
          { name: 'access point', read: detail },
          { name: 'bucket', read: snap.read<BpaData>('s3:GetPublicAccessBlock', bucketRegion.get(bucket) ?? region, bucket) },
          { name: 'account', read: account },
        ];
        const states = effectiveBpa(levels);
        const proof = levels.flatMap((l) => (l.read.ok ? [evidence(l.read, levelExcerpt(l))] : []));
        const origin = detail.data.NetworkOrigin === 'VPC' ? ` Reachable only from ${detail.data.VpcId ?? 'a VPC'} (network origin VPC).` : '';
        const off = states.filter((s) => s.on === false).map((s) => s.flag);
        const unknown = states.filter((s) => s.on === undefined);
        if (off.length > 0) {
          out.push(finding(meta, snap, resource, 'FAIL', `Block Public Access is off at access point, bucket and account level for: ${off.join(', ')} (bucket ${bucket}).${origin}`, proof));
        } else if (unknown.length === 0) {
          out.push(finding(meta, snap, resource, 'PASS', `All four settings are in effect: ${states.map(describeOn).join(', ')}.${origin}`, proof));
        } else {
          const failed = unreadableLevel(levels);
          const flag = unknown[0]?.flag ?? 'BlockPublicAcls';
          const silent = silentLevel(levels, flag);
          if (failed) out.push(notAssessed(meta, snap, resource, failed));
          else if (silent) out.push(missingField(meta, snap, resource, silent, `PublicAccessBlockConfiguration.${flag}`));
        }
      }
    }
    if (out.length === 0) out.push(finding(meta, snap, accountResource(snap, GLOBAL, 'S3 access points'), 'NOT_APPLICABLE', 'The account has no S3 access points in the scanned Regions.'));
    return out;
  },
};
