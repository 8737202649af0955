import { GLOBAL } from '../../engine/snapshot.ts';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { describeOn, effectiveBpa, levelExcerpt, silentLevel, unreadableLevel, type BpaData, type BpaLevel } from './support/block-public-access.ts';
import { eachBucket, readBucket } from './support/buckets.ts';

const meta = {
  id: 's3-bucket-public-access-block',
  title: 'Block Public Access is in effect for each S3 bucket',
  area: 's3',
  service: 's3',
  severity: 'medium',
  responsibility:
    'You decide which buckets may ever be public. Every bucket should have all four Block Public Access settings in effect, set on the bucket itself or inherited from the account-level setting.',
  risk: 'A bucket without Block Public Access in effect can be made public by a single policy or ACL change.',
  remediation: {
    console: 'S3 console > bucket > Permissions > Block public access (bucket settings) > Edit > tick "Block all public access" > Save (or turn it on for the whole account).',
    cli: 'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    terraform:
      'resource "aws_s3_bucket_public_access_block" "this" {\n  bucket                  = aws_s3_bucket.this.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetPublicAccessBlock.html',
  ],
} as const satisfies Check['meta'];

export const s3BucketPublicAccessBlock: Check = {
  meta,
  needs: ['s3:ListBuckets', 's3:GetPublicAccessBlock', 's3control:GetPublicAccessBlock'],
  evaluate(snap) {
    const account = snap.read<BpaData>('s3control:GetPublicAccessBlock', GLOBAL);
    return eachBucket(meta, snap, (b, resource) => {
      const levels: BpaLevel[] = [
        { name: 'bucket', read: readBucket<BpaData>(snap, 's3:GetPublicAccessBlock', b) },
        { name: 'account', read: account },
      ];
      const states = effectiveBpa(levels);
      const proof = levels.flatMap((l) => (l.read.ok ? [evidence(l.read, levelExcerpt(l))] : []));
      const off = states.filter((s) => s.on === false).map((s) => s.flag);
      const unknown = states.filter((s) => s.on === undefined);
      if (off.length === 0 && unknown.length === 0) {
        return finding(meta, snap, resource, 'PASS', `All four Block Public Access settings are in effect: ${states.map(describeOn).join(', ')}.`, proof);
      }
      if (off.length > 0) {
        const on = states.filter((s) => s.on === true);
        const tail = on.length > 0 ? ` In effect: ${on.map(describeOn).join(', ')}.` : '';
        const unread = unknown.length > 0 ? ` Not known: ${unknown.map((s) => s.flag).join(', ')}.` : '';
        return finding(meta, snap, resource, 'FAIL', `Block Public Access is off at both the bucket and account level for: ${off.join(', ')}.${tail}${unread}`, proof);
      }
      const failed = unreadableLevel(levels);
      if (failed) return notAssessed(meta, snap, resource, failed);
      const flag = unknown[0]?.flag ?? 'BlockPublicAcls';
      return missingField(meta, snap, resource, silentLevel(levels, flag) as Extract<BpaLevel['read'], { ok: true }>, `PublicAccessBlockConfiguration.${flag}`);
    });
  },
};
