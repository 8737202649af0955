import type { Check } from '../types.ts';
import { eachTrail, trailFinding } from './support/per-trail.ts';
import { sentence, trailLabel } from './support/trails.ts';

const meta = {
  id: 'cloudtrail-trail-kms-encryption',
  title: 'CloudTrail logs are encrypted with a KMS key',
  area: 'logging-monitoring',
  service: 'cloudtrail',
  severity: 'medium',
  responsibility:
    'Deciding who may read your audit logs is your job. Encrypting a trail with your own KMS key means reading its log files needs permission on the key as well as on the bucket.',
  risk: 'Logs encrypted only with S3-managed keys can be read by anyone who can read the bucket; a bucket misconfiguration then exposes a full record of your account activity.',
  remediation: {
    console: 'CloudTrail console > Trails > choose the trail > General details > Edit > Log file SSE-KMS encryption: Enabled, choose or create a KMS key whose policy lets CloudTrail use it.',
    cli: 'aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn>',
    terraform: 'resource "aws_cloudtrail" "audit" {\n  # ...\n  kms_key_id = aws_kms_key.trail.arn\n}',
  },
  references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html'],
} as const satisfies Check['meta'];

export const cloudtrailTrailKmsEncryption: Check = {
  meta,
  needs: ['cloudtrail:DescribeTrails'],
  evaluate(snap) {
    return eachTrail(meta, snap, (view) => {
      const key = view.trail.KmsKeyId;
      const label = sentence(trailLabel(view, snap.meta.accountId));
      // DescribeTrails leaves KmsKeyId out when the trail uses S3-managed encryption only.
      if (key) return trailFinding(meta, snap, view, 'PASS', `${label} encrypts its log files with KMS key ${key}.`, { KmsKeyId: key });
      return trailFinding(meta, snap, view, 'FAIL', `${label} has no KMS key: its log files are protected only by S3-managed encryption.`, { KmsKeyId: null });
    });
  },
};
