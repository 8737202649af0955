import type { AccountPublicAccessBlock } from '../../collect/s3control.ts';
import type { BucketAcl, BucketPublicAccessBlock } from '../../collect/s3-buckets.ts';
import { GLOBAL, type Read } from '../../engine/snapshot.ts';
import { evidence, finding, notAssessed } from '../helpers.ts';
import { policyPublic } from '../s3/support/policy-public.ts';
import type { Check } from '../types.ts';
import { eachTrailBucket, trailNames } from './support/trail-buckets.ts';
import type { FailedRead } from './support/trails.ts';

const meta = {
  id: 'cloudtrail-bucket-not-public',
  title: 'The CloudTrail log bucket is not public',
  area: 'logging-monitoring',
  service: 's3',
  severity: 'critical',
  responsibility:
    'Keeping your audit logs private is your job. The bucket CloudTrail writes to holds a record of everything done in your account and must not be readable by the public through its policy or its ACL.',
  risk: 'A public trail bucket hands anyone a map of your account (users, roles, resources, IP addresses and every change made), and lets them see what you can detect.',
  remediation: {
    console: 'S3 console > the trail bucket > Permissions > Block public access > Edit > turn on all four settings; remove public statements from the bucket policy and set Object Ownership to Bucket owner enforced.',
    cli: 'aws s3api put-public-access-block --bucket <trail-bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    terraform: 'resource "aws_s3_bucket_public_access_block" "trail" {\n  bucket                  = aws_s3_bucket.trail.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
  },
  references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
} as const satisfies Check['meta'];

const PUBLIC_GROUPS = ['http://acs.amazonaws.com/groups/global/AllUsers', 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers'];
type Flag = 'IgnorePublicAcls' | 'RestrictPublicBuckets';

/** On at the bucket or the account level: true; off at both: false; otherwise unknown. */
function blocked(flag: Flag, bucket: Read<BucketPublicAccessBlock>, account: Read<AccountPublicAccessBlock>): boolean | undefined {
  const level = (r: Read<{ PublicAccessBlockConfiguration: Partial<Record<Flag, boolean>> | null }>) =>
    !r.ok ? undefined : r.data.PublicAccessBlockConfiguration === null ? false : r.data.PublicAccessBlockConfiguration[flag];
  const values = [level(bucket), level(account)];
  if (values.includes(true)) return true;
  return values.every((v) => v === false) ? false : undefined;
}

/** A read that came back without the field the verdict needs, as the reason for NOT_ASSESSED. */
function silentRead(read: { call: string; region: string } | undefined, field = 'PolicyStatus.IsPublic'): FailedRead | undefined {
  if (!read) return undefined;
  return { ok: false, call: read.call, region: read.region, error: { kind: 'malformed-response', code: 'MissingField', message: `${field} was absent from the response` } };
}

export const cloudtrailBucketNotPublic: Check = {
  meta,
  needs: ['cloudtrail:DescribeTrails', 's3:ListBuckets', 's3:GetBucketPolicyStatus', 's3:GetBucketPolicy', 's3:GetBucketAcl', 's3:GetPublicAccessBlock', 's3control:GetPublicAccessBlock'],
  evaluate(snap) {
    const account = snap.read<AccountPublicAccessBlock>('s3control:GetPublicAccessBlock', GLOBAL);
    return eachTrailBucket(meta, snap, (b) => {
      const { Name: name, BucketRegion: region } = b.bucket;
      const policy = policyPublic(snap, name, region);
      const acl = snap.read<BucketAcl>('s3:GetBucketAcl', region, name);
      const bpa = snap.read<BucketPublicAccessBlock>('s3:GetPublicAccessBlock', region, name);
      const reasons: string[] = [];
      let unknown: FailedRead | undefined;
      const proof: ReturnType<typeof evidence>[] = [];
      if (policy.state === 'unknown') unknown ??= policy.failed ?? silentRead(policy.silent, policy.field);
      else if (policy.state === 'public') {
        const restricted = blocked('RestrictPublicBuckets', bpa, account);
        if (restricted === false) reasons.push(`its bucket policy is public (${policy.short})`);
        else if (restricted === undefined) unknown ??= [bpa, account].find((r): r is FailedRead => !r.ok);
        proof.push(...policy.proof);
      }
      if (!acl.ok) unknown ??= acl;
      else {
        const grants = acl.data.Grants.filter((g) => PUBLIC_GROUPS.includes(g.Grantee?.URI ?? ''));
        if (grants.length > 0) {
          const ignored = blocked('IgnorePublicAcls', bpa, account);
          if (ignored === false) reasons.push(`its ACL grants ${grants.map((g) => `${g.Permission} to ${g.Grantee?.URI?.split('/').pop()}`).join(', ')}`);
          else if (ignored === undefined) unknown ??= [bpa, account].find((r): r is FailedRead => !r.ok);
          proof.push(evidence(acl, { Bucket: name, Grants: grants }));
        }
      }
      for (const r of [bpa, account]) if (r.ok) proof.push(evidence(r, r.data));
      if (reasons.length > 0) return finding(meta, snap, b.resource, 'FAIL', `Trail bucket ${name} (of ${trailNames(b)}) is public: ${reasons.join(' and ')}.`, proof);
      if (unknown) return notAssessed(meta, snap, b.resource, unknown);
      if (policy.state === 'private') proof.unshift(...policy.proof);
      return finding(meta, snap, b.resource, 'PASS', `Trail bucket ${name} (of ${trailNames(b)}) is not public: no public policy and no ACL grant to everyone that Block Public Access leaves in effect.`, proof);
    });
  },
};
