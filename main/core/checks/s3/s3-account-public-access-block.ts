import { GLOBAL } from '../../engine/snapshot.ts';
import type { AccountPublicAccessBlock } from '../../collect/s3control.ts';
import { accountResource, evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { BPA_FLAGS, levelFlag } from './support/block-public-access.ts';

const meta = {
  id: 's3-account-public-access-block',
  title: 'S3 Block Public Access is on for the whole account',
  area: 's3',
  service: 's3',
  severity: 'medium',
  responsibility:
    'Deciding what in S3 may be public is your job. Turning on all four account-level Block Public Access settings stops any bucket in the account from being made public by mistake, now or later.',
  risk: 'Without the account-level block, one bucket policy or ACL change is enough to expose data to the internet.',
  remediation: {
    console: 'S3 console > Block Public Access settings for this account > Edit > tick "Block all public access" > Save.',
    cli: 'aws s3control put-public-access-block --account-id <account-id> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    terraform:
      'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
  ],
} as const satisfies Check['meta'];

export const s3AccountPublicAccessBlock: Check = {
  meta,
  needs: ['s3control:GetPublicAccessBlock'],
  evaluate(snap) {
    const account = accountResource(snap, GLOBAL, 'S3 account settings');
    const read = snap.read<AccountPublicAccessBlock>('s3control:GetPublicAccessBlock', GLOBAL);
    if (!read.ok) return [notAssessed(meta, snap, account, read)];
    const proof = [evidence(read, read.data)];
    if (read.data.PublicAccessBlockConfiguration === null) {
      return [finding(meta, snap, account, 'FAIL', 'Account-level Block Public Access is not configured (NoSuchPublicAccessBlockConfiguration): all four settings are off.', proof)];
    }
    const values = BPA_FLAGS.map((flag) => ({ flag, on: levelFlag(read, flag) }));
    const unknown = values.find((v) => v.on === undefined);
    if (unknown) return [missingField(meta, snap, account, read, `PublicAccessBlockConfiguration.${unknown.flag}`)];
    const off = values.filter((v) => !v.on).map((v) => v.flag);
    if (off.length === 0) return [finding(meta, snap, account, 'PASS', 'All four account-level Block Public Access settings are on.', proof)];
    return [finding(meta, snap, account, 'FAIL', `Account-level Block Public Access is only partly on; off: ${off.join(', ')}.`, proof)];
  },
};
