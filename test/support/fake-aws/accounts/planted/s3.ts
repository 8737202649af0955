/**
 * The s3 part of the seeded account: what is planted (problems and correct configurations)
 * for this area's checks, and the items a scan must report for them.
 *
 * S3_BUCKETS are buckets added to the base account's four (seeded.ts lists them in `s3.buckets`);
 * s3Fixture configures all of them (policy documents, ACLs, ownership, logging, encryption, Object
 * Lock) plus the account-level Block Public Access (not configured here) and two access points.
 */
import type { FakeBucket } from '../../account.ts';
import type { S3Fixture } from '../../ext/s3.ts';
import { ACCOUNT_ID, type PlantedItem } from '../misconfigured.ts';

export const BUCKET = {
  trailLogs: `acme-cloudtrail-logs-${ACCOUNT_ID}`,
  assets: 'acme-app-assets-eu',
  website: 'acme-public-website',
  backups: 'acme-backups-af',
  accessLogs: 'acme-access-logs-use1',
  aclPublic: 'acme-acl-public-downloads',
  partner: 'acme-partner-exchange',
  legacyMedia: 'acme-legacy-media',
  finance: 'acme-finance-records',
} as const;

const PARTNER_ACCOUNT = '444455556666';
const KMS_KEY = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ALL_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const ALL_OFF = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const arn = (bucket: string) => `arn:aws:s3:::${bucket}`;

/** The statement AWS recommends (and CIS 2.1.1 / FSBP S3.5 look for). */
const denyHttp = (bucket: string, resources = [arn(bucket), `${arn(bucket)}/*`]) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: resources,
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

export const S3_BUCKETS: FakeBucket[] = [
  {
    name: BUCKET.accessLogs, region: 'us-east-1', creationDate: new Date('2023-06-01T07:50:00.000Z'),
    versioning: 'Enabled', policyIsPublic: false, publicAccessBlock: ALL_ON,
  },
  { name: BUCKET.aclPublic, region: 'us-east-1', creationDate: new Date('2019-04-02T10:00:00.000Z') },
  {
    name: BUCKET.partner, region: 'eu-west-1', creationDate: new Date('2024-08-20T09:30:00.000Z'),
    versioning: 'Enabled', policyIsPublic: true,
    publicAccessBlock: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: true },
  },
  {
    name: BUCKET.legacyMedia, region: 'us-east-1', creationDate: new Date('2017-11-11T11:11:11.000Z'),
    publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
  },
  {
    name: BUCKET.finance, region: 'eu-west-1', creationDate: new Date('2024-01-15T08:00:00.000Z'),
    versioning: 'Enabled', mfaDelete: 'Enabled', policyIsPublic: false, publicAccessBlock: ALL_ON,
  },
];

export const s3Fixture: S3Fixture = {
  accountPublicAccessBlock: null,
  buckets: {
    [BUCKET.trailLogs]: {
      policy: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: arn(BUCKET.trailLogs) },
          {
            Sid: 'AWSCloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject',
            Resource: `${arn(BUCKET.trailLogs)}/AWSLogs/${ACCOUNT_ID}/*`, Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
          },
          denyHttp(BUCKET.trailLogs),
        ],
      },
      objectOwnership: 'BucketOwnerEnforced',
      logging: { TargetBucket: BUCKET.accessLogs, TargetPrefix: 'cloudtrail/' },
      encryption: { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KMS_KEY }, BucketKeyEnabled: true },
      objectLock: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } } },
    },
    [BUCKET.assets]: {},
    [BUCKET.website]: {
      policy: { Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${arn(BUCKET.website)}/*` }] },
      objectOwnership: 'ObjectWriter',
      logging: { TargetBucket: BUCKET.accessLogs, TargetPrefix: 'website/' },
    },
    [BUCKET.backups]: {
      objectOwnership: 'BucketOwnerEnforced',
      encryption: { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms:dsse', KMSMasterKeyID: KMS_KEY.replace('us-east-1', 'af-south-1') }, BucketKeyEnabled: false },
    },
    [BUCKET.accessLogs]: {
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'S3ServerAccessLogsPolicy', Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject',
            Resource: `${arn(BUCKET.accessLogs)}/*`, Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT_ID } },
          },
          denyHttp(BUCKET.accessLogs),
        ],
      },
      objectOwnership: 'BucketOwnerEnforced',
    },
    [BUCKET.aclPublic]: {
      aclGrants: [{ Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' }],
      objectOwnership: 'ObjectWriter',
    },
    [BUCKET.partner]: {
      policy: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'PublicCatalogue', Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: `${arn(BUCKET.partner)}/catalogue/*` },
          { Sid: 'PartnerUpload', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PARTNER_ACCOUNT}:root` }, Action: ['s3:PutObject', 's3:PutObjectAcl'], Resource: `${arn(BUCKET.partner)}/inbox/*` },
          { Sid: 'OldTlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [arn(BUCKET.partner), `${arn(BUCKET.partner)}/*`], Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } },
        ],
      },
      objectOwnership: 'BucketOwnerPreferred',
    },
    [BUCKET.legacyMedia]: {
      aclGrants: [{ Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' }],
    },
    [BUCKET.finance]: {
      policy: { Version: '2012-10-17', Statement: [denyHttp(BUCKET.finance, [`${arn(BUCKET.finance)}/*`])] },
      objectOwnership: 'BucketOwnerEnforced',
      encryption: { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/aws/s3' }, BucketKeyEnabled: true },
    },
  },
  accessPoints: {
    'us-east-1': [{ name: 'website-cdn', bucket: BUCKET.website, publicAccessBlock: ALL_OFF }],
    'eu-west-1': [{ name: 'partner-read', bucket: BUCKET.partner, publicAccessBlock: ALL_ON }],
  },
};

const item = (checkId: string, resource: string, region: string | undefined, expect: 'FAIL' | 'PASS', note: string): PlantedItem =>
  region === undefined ? { checkId, resource, expect, note } : { checkId, resource, region, expect, note };

export const s3Planted: PlantedItem[] = [
  item('s3-account-public-access-block', ACCOUNT_ID, undefined, 'FAIL', 'account-level BPA never configured: NoSuchPublicAccessBlockConfiguration'),

  item('s3-bucket-not-public', BUCKET.website, 'us-east-1', 'FAIL', 'public by policy: IsPublic=true, every BPA off at bucket and account level'),
  item('s3-bucket-not-public', BUCKET.aclPublic, 'us-east-1', 'FAIL', 'public by ACL: READ to AllUsers, no BPA anywhere, no policy'),
  item('s3-bucket-not-public', BUCKET.partner, 'eu-west-1', 'PASS', 'public policy (IsPublic=true) neutralised by bucket-level RestrictPublicBuckets'),
  item('s3-bucket-not-public', BUCKET.legacyMedia, 'us-east-1', 'PASS', 'AllUsers READ grant ignored: bucket-level IgnorePublicAcls'),
  item('s3-bucket-not-public', BUCKET.assets, 'eu-west-1', 'PASS', 'no policy (404 NoSuchBucketPolicy), owner-only ACL, no BPA: not public'),
  item('s3-bucket-not-public', BUCKET.trailLogs, 'us-east-1', 'PASS', 'policy for CloudTrail only (IsPublic=false), BPA all on'),

  item('s3-bucket-public-access-block', BUCKET.trailLogs, 'us-east-1', 'PASS', 'all four on at bucket level (account not configured)'),
  item('s3-bucket-public-access-block', BUCKET.website, 'us-east-1', 'FAIL', 'all four off at both levels'),
  item('s3-bucket-public-access-block', BUCKET.assets, 'eu-west-1', 'FAIL', 'no bucket-level block (404) and none at account level'),
  item('s3-bucket-public-access-block', BUCKET.partner, 'eu-west-1', 'FAIL', 'BlockPublicAcls and IgnorePublicAcls off at both levels'),

  item('s3-access-point-public-access-block', 'website-cdn', 'us-east-1', 'FAIL', 'access point with every BPA setting off, bucket and account too'),
  item('s3-access-point-public-access-block', 'partner-read', 'eu-west-1', 'PASS', 'access point with all four on'),

  item('s3-bucket-acls-disabled', BUCKET.trailLogs, 'us-east-1', 'PASS', 'BucketOwnerEnforced'),
  item('s3-bucket-acls-disabled', BUCKET.assets, 'eu-west-1', 'FAIL', 'OwnershipControlsNotFoundError: ACLs enabled'),
  item('s3-bucket-acls-disabled', BUCKET.aclPublic, 'us-east-1', 'FAIL', 'ObjectWriter'),
  item('s3-bucket-acls-disabled', BUCKET.partner, 'eu-west-1', 'FAIL', 'BucketOwnerPreferred still honours ACLs'),

  item('s3-bucket-tls-required', BUCKET.trailLogs, 'us-east-1', 'PASS', 'Deny * s3:* on bucket and bucket/* when aws:SecureTransport is false'),
  item('s3-bucket-tls-required', BUCKET.accessLogs, 'us-east-1', 'PASS', 'TLS-only statement next to the log delivery grant'),
  item('s3-bucket-tls-required', BUCKET.website, 'us-east-1', 'FAIL', 'policy without any TLS deny'),
  item('s3-bucket-tls-required', BUCKET.assets, 'eu-west-1', 'FAIL', 'no bucket policy at all'),
  item('s3-bucket-tls-required', BUCKET.partner, 'eu-west-1', 'FAIL', 'only a NumericLessThan s3:TlsVersion deny, which never matches plain HTTP'),
  item('s3-bucket-tls-required', BUCKET.finance, 'eu-west-1', 'FAIL', 'TLS deny covers bucket/* only, not bucket-level requests'),

  item('s3-bucket-cross-account-permissions', BUCKET.partner, 'eu-west-1', 'FAIL', `account ${PARTNER_ACCOUNT} may s3:PutObjectAcl`),
  item('s3-bucket-cross-account-permissions', BUCKET.website, 'us-east-1', 'PASS', 'public, but only s3:GetObject'),
  item('s3-bucket-cross-account-permissions', BUCKET.trailLogs, 'us-east-1', 'PASS', 'service principal only'),

  item('s3-bucket-mfa-delete-enabled', BUCKET.finance, 'eu-west-1', 'PASS', 'versioning Enabled, MFADelete Enabled'),
  item('s3-bucket-mfa-delete-enabled', BUCKET.trailLogs, 'us-east-1', 'FAIL', 'MFADelete Disabled'),
  item('s3-bucket-mfa-delete-enabled', BUCKET.assets, 'eu-west-1', 'FAIL', 'never configured (no MfaDelete element)'),

  item('s3-bucket-object-lock-enabled', BUCKET.trailLogs, 'us-east-1', 'PASS', 'CloudTrail destination with Object Lock, GOVERNANCE 365 days'),
  item('s3-bucket-object-lock-enabled', BUCKET.accessLogs, 'us-east-1', 'FAIL', 'server access log target without Object Lock'),
  item('s3-bucket-object-lock-enabled', BUCKET.backups, 'af-south-1', 'FAIL', 'backup bucket by name, no Object Lock'),

  item('s3-bucket-access-logging-enabled', BUCKET.trailLogs, 'us-east-1', 'PASS', `logs to ${BUCKET.accessLogs}`),
  item('s3-bucket-access-logging-enabled', BUCKET.assets, 'eu-west-1', 'FAIL', 'no LoggingEnabled'),

  item('s3-bucket-default-encryption-key-type', BUCKET.assets, 'eu-west-1', 'PASS', 'SSE-S3 is reported, never failed'),
  item('s3-bucket-default-encryption-key-type', BUCKET.trailLogs, 'us-east-1', 'PASS', 'SSE-KMS with a customer key, bucket key on'),
  item('s3-bucket-default-encryption-key-type', BUCKET.backups, 'af-south-1', 'PASS', 'DSSE-KMS'),
];
