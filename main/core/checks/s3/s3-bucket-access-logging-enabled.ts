import type { BucketLogging } from '../../collect/s3-buckets.ts';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { eachBucket, readBucket } from './support/buckets.ts';

const meta = {
  id: 's3-bucket-access-logging-enabled',
  title: 'S3 buckets record server access logs',
  area: 's3',
  service: 's3',
  severity: 'low',
  responsibility:
    'Knowing who accessed your data is your job. Server access logging records every request made to a bucket, which you need to investigate a leak or misuse.',
  risk: 'Without access logs (or CloudTrail data events), you cannot tell who read, changed or deleted objects.',
  remediation: {
    console: 'S3 console > bucket > Properties > Server access logging > Edit > Enable, and choose a target bucket in the same Region.',
    cli: 'aws s3api put-bucket-logging --bucket <bucket> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<log-bucket>","TargetPrefix":"<bucket>/"}}\'',
    terraform:
      'resource "aws_s3_bucket_logging" "this" {\n  bucket        = aws_s3_bucket.this.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "${aws_s3_bucket.this.id}/"\n}',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/logging-with-S3.html',
  ],
} as const satisfies Check['meta'];

export const s3BucketAccessLoggingEnabled: Check = {
  meta,
  needs: ['s3:ListBuckets', 's3:GetBucketLogging'],
  evaluate(snap) {
    return eachBucket(meta, snap, (b, resource) => {
      const read = readBucket<BucketLogging>(snap, 's3:GetBucketLogging', b);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const proof = [evidence(read, read.data)];
      const target = read.data.LoggingEnabled?.TargetBucket;
      if (read.data.LoggingEnabled && !target) return missingField(meta, snap, resource, read, 'LoggingEnabled.TargetBucket');
      if (read.data.LoggingEnabled) {
        return finding(meta, snap, resource, 'PASS', `Server access logs go to bucket ${target} (prefix "${read.data.LoggingEnabled.TargetPrefix ?? ''}").`, proof);
      }
      return finding(meta, snap, resource, 'FAIL', 'Server access logging is off (GetBucketLogging returned no LoggingEnabled).', proof);
    });
  },
};
