import { GLOBAL } from '../../engine/snapshot.ts';
import type { BucketEntry } from '../../collect/s3.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 's3-bucket-versioning-enabled',
  title: 'S3 buckets keep object versions',
  area: 's3',
  service: 's3',
  severity: 'medium',
  responsibility:
    'Protecting what you store in S3 is your job. Versioning keeps earlier copies of objects so an accidental delete, an overwrite or ransomware can be undone.',
  risk: 'Without versioning, a deleted or overwritten object is gone for good.',
  remediation: {
    console: 'S3 console > bucket > Properties > Bucket Versioning > Edit > Enable.',
    cli: 'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled',
    terraform: 'resource "aws_s3_bucket_versioning" "this" {\n  bucket = aws_s3_bucket.this.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}',
  },
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html'],
} as const satisfies Check['meta'];

export const s3BucketVersioningEnabled: Check = {
  meta,
  needs: ['s3:ListBuckets', 's3:GetBucketVersioning'],
  evaluate(snap) {
    const list = snap.read<BucketEntry[]>('s3:ListBuckets', GLOBAL);
    if (!list.ok) return [notAssessed(meta, snap, accountResource(snap, GLOBAL, 'S3 buckets'), list)];
    if (list.data.length === 0) {
      return [finding(meta, snap, accountResource(snap, GLOBAL, 'S3 buckets'), 'NOT_APPLICABLE', 'The account has no S3 buckets.')];
    }
    return list.data.map((b) => {
      const resource = { id: b.Name, arn: `arn:${snap.meta.partition}:s3:::${b.Name}`, name: b.Name, region: b.BucketRegion };
      const read = snap.read<{ Status: string | null }>('s3:GetBucketVersioning', b.BucketRegion, b.Name);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const proof = [evidence(read, read.data)];
      if (read.data.Status === 'Enabled') return finding(meta, snap, resource, 'PASS', `Versioning is enabled on ${b.Name}.`, proof);
      const state = read.data.Status === 'Suspended' ? 'suspended' : 'not enabled';
      return finding(meta, snap, resource, 'FAIL', `Versioning is ${state} on ${b.Name}.`, proof);
    });
  },
};
