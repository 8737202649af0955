/**
 * What a scan of the account moto_seed.py builds must say: the verdict for each seeded resource
 * (as real AWS would give it for the same setup), and the operations moto does not implement,
 * whose checks are NOT_ASSESSED with that reason.
 */
import type { Finding, Status } from '../../shared/model/finding.ts';

/** The ids moto_seed.py prints (the JSON on its last line). */
export type Seeded = Record<string, string>;

export interface Expectation {
  checkId: string;
  /** The finding's resourceId or resourceName; undefined: every finding of the check. */
  resource(seeded: Seeded): string | undefined;
  region?: string;
  status: Status;
  why: string;
  /** No other resource of this check has this status. */
  alone?: boolean;
}

const named = (name: string) => () => name;
const id = (key: string) => (s: Seeded) => s[key];
const account = () => undefined;

export const EXPECTED: Expectation[] = [
  // Identity and access
  { checkId: 'iam-password-policy-min-length', resource: account, status: 'FAIL', why: 'minimum length 6' },
  { checkId: 'iam-user-console-mfa-enabled', resource: named('alice'), status: 'FAIL', why: 'console password, no MFA' },
  { checkId: 'iam-role-trust-policy-restricted', resource: named('cross-account-any'), status: 'FAIL', why: 'trusts Principal AWS "*"' },
  // Network
  { checkId: 'ec2-sg-admin-ports-open', resource: id('sg_open'), status: 'FAIL', why: 'SSH from 0.0.0.0/0, RDP from ::/0' },
  // Compute
  { checkId: 'ec2-instance-imdsv2-required', resource: id('instance'), status: 'FAIL', why: 'HttpTokens optional' },
  // Data protection
  { checkId: 'ec2-volume-encrypted', resource: id('volume'), status: 'FAIL', why: 'created without encryption' },
  { checkId: 'ec2-snapshot-encrypted', resource: id('snapshot_public'), status: 'FAIL', alone: true, why: 'the one snapshot of this account is unencrypted; the AMI snapshots moto lists belong to other accounts' },
  { checkId: 'kms-key-rotation-enabled', resource: id('key_no_rotation'), status: 'FAIL', why: 'customer managed symmetric key without rotation (moto omits KeyUsage)' },
  { checkId: 'rds-instance-storage-encrypted', resource: named('acme-db'), status: 'FAIL', why: 'StorageEncrypted false' },
  { checkId: 'rds-instance-public-access', resource: named('acme-db'), status: 'FAIL', why: 'PubliclyAccessible' },
  // S3
  { checkId: 's3-bucket-not-public', resource: named('acme-public-assets'), status: 'FAIL', why: 'policy allows s3:GetObject to "*"' },
  { checkId: 's3-bucket-not-public', resource: named('acme-acl-public'), status: 'FAIL', why: 'public-read ACL' },
  { checkId: 's3-bucket-not-public', resource: named('acme-private-ok'), status: 'PASS', why: 'all four public access block settings on' },
  { checkId: 's3-bucket-versioning-enabled', resource: named('acme-private-ok'), status: 'PASS', why: 'versioning enabled' },
  { checkId: 's3-bucket-versioning-enabled', resource: named('acme-logs-eu'), status: 'FAIL', why: 'never versioned' },
  // Logging and monitoring
  { checkId: 'cloudtrail-trail-log-file-validation', resource: named('main'), status: 'FAIL', why: 'log file validation off' },
  { checkId: 'cloudtrail-multi-region-logging', resource: account, status: 'FAIL', why: 'the only trail is single-region' },
  { checkId: 'guardduty-detector-enabled', resource: account, status: 'FAIL', why: 'no detector in either region' },
];

/** Why a check may be NOT_ASSESSED against moto: what moto lacks, or what is off in the seeded account. */
export const EXPLAINED_NOT_ASSESSED: { why: string; matches(f: Finding): boolean }[] = [
  ...['access-analyzer:ListAnalyzers', 'ec2:GetInstanceMetadataDefaults', 'ec2:GetSnapshotBlockPublicAccessState', 'ssm:DescribeInstanceInformation', 'ssm:ListResourceComplianceSummaries'].map((call) => ({
    why: `moto does not implement ${call} (HTTP 500)`,
    matches: (f: Finding) => f.reason?.call === call && f.reason.kind === 'server-error',
  })),
  {
    why: "moto's credential report has no <root_account> row, which AWS's always has",
    matches: (f: Finding) => f.checkId === 'iam-root-user-unused' && f.reason?.call === 'iam:GetCredentialReport' && f.reason.kind === 'malformed-response',
  },
  {
    why: 'a service the account has not enabled cannot report on its resources (Inspector off: no vulnerability data)',
    matches: (f: Finding) => f.reason?.kind === 'service-not-enabled',
  },
];
