/** Framework requirements tested by the s3 checks. Only ids verified against the framework's own text. */
import type { Crosswalk } from './types.ts';

// CIS 2.1.4 covers Block Public Access at both the account and the bucket level.
export const s3Crosswalk: Crosswalk = {
  fsbp: {
    'S3.1': ['s3-account-public-access-block'],
    'S3.2': ['s3-bucket-not-public'],
    'S3.3': ['s3-bucket-not-public'],
    'S3.5': ['s3-bucket-tls-required'],
    'S3.6': ['s3-bucket-cross-account-permissions'],
    'S3.8': ['s3-bucket-public-access-block'],
    'S3.9': ['s3-bucket-access-logging-enabled'],
    'S3.12': ['s3-bucket-acls-disabled'],
    'S3.14': ['s3-bucket-versioning-enabled'],
  },
  'cis-3.0': {
    '2.1.1': ['s3-bucket-tls-required'],
    '2.1.2': ['s3-bucket-mfa-delete-enabled'],
    '2.1.4': ['s3-account-public-access-block', 's3-bucket-public-access-block'],
  },
  'cis-4.0': {
    '2.1.1': ['s3-bucket-tls-required'],
    '2.1.2': ['s3-bucket-mfa-delete-enabled'],
    '2.1.4': ['s3-account-public-access-block', 's3-bucket-public-access-block'],
  },
  'cis-5.0': {
    '2.1.1': ['s3-bucket-tls-required'],
    '2.1.2': ['s3-bucket-mfa-delete-enabled'],
    '2.1.4': ['s3-account-public-access-block', 's3-bucket-public-access-block'],
  },
};
