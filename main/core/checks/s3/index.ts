/** The checks of this area, one file each; the top-level registry test proves every file is listed. */
import { s3AccessPointPublicAccessBlock } from './s3-access-point-public-access-block.ts';
import { s3AccountPublicAccessBlock } from './s3-account-public-access-block.ts';
import { s3BucketAccessLoggingEnabled } from './s3-bucket-access-logging-enabled.ts';
import { s3BucketAclsDisabled } from './s3-bucket-acls-disabled.ts';
import { s3BucketCrossAccountPermissions } from './s3-bucket-cross-account-permissions.ts';
import { s3BucketDefaultEncryptionKeyType } from './s3-bucket-default-encryption-key-type.ts';
import { s3BucketMfaDeleteEnabled } from './s3-bucket-mfa-delete-enabled.ts';
import { s3BucketNotPublic } from './s3-bucket-not-public.ts';
import { s3BucketObjectLockEnabled } from './s3-bucket-object-lock-enabled.ts';
import { s3BucketPublicAccessBlock } from './s3-bucket-public-access-block.ts';
import { s3BucketTlsRequired } from './s3-bucket-tls-required.ts';
import { s3BucketVersioningEnabled } from './s3-bucket-versioning-enabled.ts';
import type { Check } from '../types.ts';

export const s3Checks: Check[] = [
  s3AccountPublicAccessBlock,
  s3BucketPublicAccessBlock,
  s3BucketNotPublic,
  s3AccessPointPublicAccessBlock,
  s3BucketAclsDisabled,
  s3BucketTlsRequired,
  s3BucketCrossAccountPermissions,
  s3BucketVersioningEnabled,
  s3BucketMfaDeleteEnabled,
  s3BucketObjectLockEnabled,
  s3BucketAccessLoggingEnabled,
  s3BucketDefaultEncryptionKeyType,
];
