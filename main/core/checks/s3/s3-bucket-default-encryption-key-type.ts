import type { BucketEncryption } from '../../collect/s3-buckets.ts';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { eachBucket, readBucket } from './support/buckets.ts';

const meta = {
  id: 's3-bucket-default-encryption-key-type',
  title: 'Which key encrypts each S3 bucket by default',
  area: 's3',
  service: 's3',
  severity: 'info',
  responsibility:
    'S3 encrypts every new object since January 2023 (SSE-S3, keys managed by AWS). Choosing a KMS key instead (SSE-KMS or DSSE-KMS) is your decision when you need to control and audit who may decrypt the data.',
  risk: 'None by itself: this reports the key type as context. With SSE-S3, anyone allowed to read an object can decrypt it; a KMS key adds a second, separately audited permission.',
  remediation: {
    console: 'S3 console > bucket > Properties > Default encryption > Edit > SSE-KMS, choose a key, and enable the bucket key.',
    cli: 'aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<key-arn>"},"BucketKeyEnabled":true}]}\'',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html',
  ],
} as const satisfies Check['meta'];

function keyType(algorithm: string, keyId: string | undefined): string {
  if (algorithm === 'AES256') return 'SSE-S3 (keys managed by S3)';
  const kind = algorithm === 'aws:kms:dsse' ? 'DSSE-KMS (dual-layer)' : algorithm === 'aws:kms' ? 'SSE-KMS' : `${algorithm}`;
  if (!keyId || /alias\/aws\/s3$/.test(keyId)) return `${kind} with the AWS managed key aws/s3`;
  return `${kind} with KMS key ${keyId}`;
}

export const s3BucketDefaultEncryptionKeyType: Check = {
  meta,
  needs: ['s3:ListBuckets', 's3:GetBucketEncryption'],
  evaluate(snap) {
    return eachBucket(meta, snap, (b, resource) => {
      const read = readBucket<BucketEncryption>(snap, 's3:GetBucketEncryption', b);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const proof = [evidence(read, read.data)];
      const config = read.data.ServerSideEncryptionConfiguration;
      if (config === null) {
        return finding(meta, snap, resource, 'PASS', 'No default encryption configuration was returned (ServerSideEncryptionConfigurationNotFoundError); S3 still encrypts every new object with SSE-S3 since January 2023.', proof);
      }
      const rule = config.Rules?.[0];
      const algorithm = rule?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
      if (!algorithm) return missingField(meta, snap, resource, read, 'Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm');
      const bucketKey = algorithm === 'AES256' ? '' : rule.BucketKeyEnabled === true ? ', S3 Bucket Key on' : ', S3 Bucket Key off';
      return finding(meta, snap, resource, 'PASS', `Default encryption: ${keyType(algorithm, rule.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID)}${bucketKey}.`, proof);
    });
  },
};
