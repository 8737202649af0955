import { evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { eachBucket, readBucket } from './support/buckets.ts';

const meta = {
  id: 's3-bucket-mfa-delete-enabled',
  title: 'S3 buckets require MFA to delete object versions',
  area: 's3',
  service: 's3',
  severity: 'low',
  responsibility:
    'Protecting important data against deletion is your job. With MFA delete on a versioned bucket, permanently deleting an object version or changing versioning needs the root user and its MFA device, not just stolen keys.',
  risk: 'Without MFA delete, anyone holding credentials with delete rights can permanently destroy every version of your data.',
  remediation: {
    console: 'MFA delete cannot be set in the console: the root user enables it with the CLI or API.',
    cli: 'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "arn:aws:iam::<account-id>:mfa/root-account-mfa-device <code>"',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketVersioning.html',
  ],
} as const satisfies Check['meta'];

export const s3BucketMfaDeleteEnabled: Check = {
  meta,
  needs: ['s3:ListBuckets', 's3:GetBucketVersioning'],
  evaluate(snap) {
    return eachBucket(meta, snap, (b, resource) => {
      const read = readBucket<{ Status: string | null; MFADelete: string | null }>(snap, 's3:GetBucketVersioning', b);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const proof = [evidence(read, read.data)];
      const versioning = read.data.Status ?? 'never enabled';
      if (read.data.MFADelete === 'Enabled') {
        return finding(meta, snap, resource, 'PASS', `MFA delete is enabled (versioning: ${versioning}).`, proof);
      }
      // S3 omits MfaDelete when it was never configured: that is "not enabled", not unknown.
      const state = read.data.MFADelete === 'Disabled' ? 'disabled' : 'not enabled (never configured)';
      return finding(meta, snap, resource, 'FAIL', `MFA delete is ${state} (versioning: ${versioning}).`, proof);
    });
  },
};
