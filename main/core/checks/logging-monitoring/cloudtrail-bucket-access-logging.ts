import type { BucketLogging } from '../../collect/s3-buckets.ts';
import { evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { eachTrailBucket, trailNames } from './support/trail-buckets.ts';

const meta = {
  id: 'cloudtrail-bucket-access-logging',
  title: 'The CloudTrail log bucket has server access logging',
  area: 'logging-monitoring',
  service: 's3',
  severity: 'low',
  responsibility:
    'Knowing who reads or deletes your audit logs is your job. Server access logging on the bucket CloudTrail writes to records every request made to the logs themselves.',
  risk: 'Without access logging on the trail bucket, someone who reads, copies or deletes the audit logs leaves no trace of having done so.',
  remediation: {
    console: 'S3 console > the trail bucket > Properties > Server access logging > Edit > Enable, with a separate target bucket.',
    cli: 'aws s3api put-bucket-logging --bucket <trail-bucket> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<access-log-bucket>","TargetPrefix":"cloudtrail/"}}\'',
    terraform: 'resource "aws_s3_bucket_logging" "trail" {\n  bucket        = aws_s3_bucket.trail.id\n  target_bucket = aws_s3_bucket.access_logs.id\n  target_prefix = "cloudtrail/"\n}',
  },
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html'],
} as const satisfies Check['meta'];

export const cloudtrailBucketAccessLogging: Check = {
  meta,
  needs: ['cloudtrail:DescribeTrails', 's3:ListBuckets', 's3:GetBucketLogging'],
  evaluate(snap) {
    return eachTrailBucket(meta, snap, (b) => {
      const read = snap.read<BucketLogging>('s3:GetBucketLogging', b.bucket.BucketRegion, b.bucket.Name);
      if (!read.ok) return notAssessed(meta, snap, b.resource, read);
      const on = read.data.LoggingEnabled;
      const proof = [evidence(read, { Bucket: b.bucket.Name, LoggingEnabled: on })];
      if (on?.TargetBucket) return finding(meta, snap, b.resource, 'PASS', `Trail bucket ${b.bucket.Name} (of ${trailNames(b)}) logs its access to ${on.TargetBucket}.`, proof);
      return finding(meta, snap, b.resource, 'FAIL', `Trail bucket ${b.bucket.Name} (of ${trailNames(b)}) has no server access logging.`, proof);
    });
  },
};
