/** The check registry. A test proves every file in this folder that defines a check is listed here. */
import { cloudtrailMultiRegionLogging } from './cloudtrail-multi-region-logging.ts';
import { ec2EbsDefaultEncryption } from './ec2-ebs-default-encryption.ts';
import { ec2InstanceImdsv2Required } from './ec2-instance-imdsv2-required.ts';
import { ec2SgAdminPortsOpen } from './ec2-sg-admin-ports-open.ts';
import { iamRootAccessKeysAbsent } from './iam-root-access-keys-absent.ts';
import { iamRootMfaEnabled } from './iam-root-mfa-enabled.ts';
import { s3BucketVersioningEnabled } from './s3-bucket-versioning-enabled.ts';
import type { Check } from './types.ts';

export const CHECKS: readonly Check[] = [
  ec2EbsDefaultEncryption,
  iamRootMfaEnabled,
  iamRootAccessKeysAbsent,
  ec2InstanceImdsv2Required,
  ec2SgAdminPortsOpen,
  s3BucketVersioningEnabled,
  cloudtrailMultiRegionLogging,
];
