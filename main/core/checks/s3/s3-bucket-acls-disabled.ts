import type { BucketAcl, BucketOwnershipControls } from '../../collect/s3-buckets.ts';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { eachBucket, readBucket } from './support/buckets.ts';

const meta = {
  id: 's3-bucket-acls-disabled',
  title: 'S3 buckets have ACLs disabled (bucket owner enforced)',
  area: 's3',
  service: 's3',
  severity: 'medium',
  responsibility:
    'You choose how access to your buckets is granted. Setting Object Ownership to "Bucket owner enforced" turns ACLs off, so access is decided only by policies you can review in one place, and every object belongs to your account.',
  risk: 'With ACLs enabled, any bucket or object ACL can quietly grant access that no policy shows, and objects uploaded by other accounts stay owned by them.',
  remediation: {
    console: 'S3 console > bucket > Permissions > Object Ownership > Edit > "ACLs disabled (recommended)" > Save.',
    cli: 'aws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]',
    terraform:
      'resource "aws_s3_bucket_ownership_controls" "this" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}',
  },
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html'],
} as const satisfies Check['meta'];

export const s3BucketAclsDisabled: Check = {
  meta,
  needs: ['s3:ListBuckets', 's3:GetBucketOwnershipControls', 's3:GetBucketAcl'],
  evaluate(snap) {
    return eachBucket(meta, snap, (b, resource) => {
      const read = readBucket<BucketOwnershipControls>(snap, 's3:GetBucketOwnershipControls', b);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const acl = readBucket<BucketAcl>(snap, 's3:GetBucketAcl', b);
      const proof = [evidence(read, read.data), ...(acl.ok ? [evidence(acl, acl.data.Grants)] : [])];
      // Grants beyond the owner's own are what ACLs are doing for this bucket right now: context, not the verdict.
      const ownerId = acl.ok ? acl.data.Owner?.ID : undefined;
      const extra = acl.ok ? acl.data.Grants.filter((g) => !(g.Grantee?.Type === 'CanonicalUser' && g.Grantee.ID === ownerId)).length : 0;
      const context = extra > 0 ? ` The bucket ACL has ${extra} grant(s) besides the owner's.` : '';
      const controls = read.data.OwnershipControls;
      if (controls === null) {
        return finding(meta, snap, resource, 'FAIL', `ACLs are enabled: no Object Ownership setting (OwnershipControlsNotFoundError), so ACLs apply and uploaders own their objects.${context}`, proof);
      }
      const ownership = controls.Rules?.[0]?.ObjectOwnership;
      if (ownership === undefined) return missingField(meta, snap, resource, read, 'OwnershipControls.Rules[0].ObjectOwnership');
      if (ownership === 'BucketOwnerEnforced') return finding(meta, snap, resource, 'PASS', 'ACLs are disabled: Object Ownership is BucketOwnerEnforced.', proof);
      return finding(meta, snap, resource, 'FAIL', `ACLs are enabled: Object Ownership is ${ownership}.${context}`, proof);
    });
  },
};
