/**
 * What a scan of the account moto_seed.py builds must say: the verdict for each seeded resource
 * (as real AWS would give it for the same setup), and the operations moto does not implement,
 * whose checks are NOT_ASSESSED with that reason. Where moto's data differs from AWS's in a way
 * no scanner can see (docs/aws-behaviour.md), the verdict is the right one for moto's data and
 * `why` says what AWS would answer.
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
  /** Exactly one finding of the check is about this resource, in all scanned Regions together. */
  once?: boolean;
  /** The message must say this (for the cases a fix of moto's answers is about). */
  says?: RegExp;
}

const named = (name: string) => () => name;
const id = (key: string) => (s: Seeded) => s[key];
const account = () => undefined;

const IDENTITY: Expectation[] = [
  { checkId: 'iam-password-policy-min-length', resource: account, status: 'FAIL', why: 'minimum length 6' },
  { checkId: 'iam-password-policy-complexity', resource: account, status: 'FAIL', why: 'no uppercase, number or symbol required' },
  { checkId: 'iam-password-policy-reuse-prevention', resource: account, status: 'FAIL', why: 'remembers 2 passwords' },
  { checkId: 'iam-password-policy-expiry', resource: account, status: 'FAIL', why: 'passwords expire after 365 days' },
  { checkId: 'iam-user-console-mfa-enabled', resource: named('alice'), status: 'FAIL', why: 'console password, no MFA' },
  { checkId: 'iam-user-console-mfa-enabled', resource: named('carol-ok'), status: 'PASS', why: 'console password with a virtual MFA device' },
  { checkId: 'iam-user-console-mfa-enabled', resource: named('ci-deploy'), status: 'PASS', why: 'no console password' },
  { checkId: 'iam-user-single-active-access-key', resource: named('ci-deploy'), status: 'FAIL', alone: true, why: 'two active access keys' },
  { checkId: 'iam-user-access-keys-setup-unused', resource: named('frank-setup'), status: 'FAIL', alone: true, why: 'console user whose key, made with the user, was never used' },
  { checkId: 'iam-user-no-attached-policies', resource: named('bob-admin'), status: 'FAIL', why: 'AdminAll attached to the user' },
  { checkId: 'iam-user-no-attached-policies', resource: named('carol-ok'), status: 'PASS', why: 'permissions only through the developers group' },
  // moto sends customer managed policies without PolicyName or PolicyId: each is still judged on its own.
  { checkId: 'iam-policy-no-full-admin', resource: named('AdminAll'), status: 'FAIL', why: '"*" on "*", attached to bob-admin', says: /attached to 1 identity/ },
  { checkId: 'iam-policy-no-full-admin', resource: named('Versioned'), status: 'FAIL', why: 'its default version v2 is "*" on "*" (v1 was harmless)' },
  { checkId: 'iam-policy-no-full-admin', resource: named('S3Everything'), status: 'PASS', why: 's3:* is not "*"' },
  { checkId: 'iam-policy-no-full-admin', resource: named('ReadOnlyS3ok'), status: 'PASS', why: 'two actions on one bucket' },
  { checkId: 'iam-policy-no-full-admin', resource: named('BoundaryAll'), status: 'PASS', why: 'used only as a permissions boundary (counted from the answer: moto sends no PermissionsBoundaryUsageCount)', says: /permissions boundary/ },
  { checkId: 'iam-policy-no-full-admin', resource: named('alice'), status: 'FAIL', why: 'inline "*" on "*"' },
  { checkId: 'iam-policy-no-full-admin', resource: named('ops-admin'), status: 'FAIL', why: 'role inline "*" on "*"' },
  { checkId: 'iam-policy-no-service-wildcard', resource: named('S3Everything'), status: 'FAIL', why: 's3:*' },
  { checkId: 'iam-policy-no-service-wildcard', resource: named('ReadOnlyS3ok'), status: 'PASS', why: 'named actions only' },
  { checkId: 'iam-principal-privilege-escalation', resource: named('ec2-app'), status: 'FAIL', alone: true, why: 'iam:PassRole with ec2:RunInstances on "*"' },
  { checkId: 'iam-role-trust-policy-restricted', resource: named('cross-account-any'), status: 'FAIL', why: 'trusts Principal AWS "*"' },
  { checkId: 'iam-role-trust-policy-restricted', resource: named('vendor-no-externalid'), status: 'FAIL', why: 'another whole account, no sts:ExternalId' },
  { checkId: 'iam-role-trust-policy-restricted', resource: named('github-any-repo'), status: 'FAIL', why: 'GitHub OIDC without a condition on the subject' },
  { checkId: 'iam-role-trust-policy-restricted', resource: named('vendor-with-externalid'), status: 'PASS', why: 'sts:ExternalId required' },
  { checkId: 'iam-role-trust-policy-restricted', resource: named('bounded-lambda'), status: 'PASS', why: 'trusts the Lambda service' },
  { checkId: 'iam-root-mfa-enabled', resource: account, status: 'FAIL', why: 'the root user has no MFA device' },
];

const NETWORK: Expectation[] = [
  { checkId: 'ec2-sg-admin-ports-open', resource: id('sg_open'), status: 'FAIL', why: 'SSH from 0.0.0.0/0, RDP from ::/0' },
  { checkId: 'ec2-sg-admin-ports-open', resource: id('sg_all_open'), status: 'FAIL', why: 'all traffic from anywhere' },
  { checkId: 'ec2-sg-admin-ports-open', resource: id('sg_numeric'), status: 'FAIL', why: 'protocol "6" (tcp) 3389, 0.0.0.0/0 listed after a private range' },
  { checkId: 'ec2-sg-admin-ports-open', resource: id('sg_unused'), status: 'FAIL', why: 'SSH from anywhere; attached to nothing', says: /not attached/ },
  { checkId: 'ec2-sg-admin-ports-open', resource: id('sg_eu_ssh'), region: 'eu-west-1', status: 'FAIL', why: 'SSH from anywhere, in eu-west-1' },
  { checkId: 'ec2-sg-admin-ports-open', resource: id('sg_ssh_corp'), status: 'PASS', why: 'SSH from one office range only' },
  { checkId: 'ec2-sg-admin-ports-open', resource: id('sg_web_ok'), status: 'PASS', why: 'HTTPS only' },
  { checkId: 'ec2-sg-all-traffic-open', resource: id('sg_all_open'), status: 'FAIL', why: 'protocol -1 from 0.0.0.0/0 and ::/0' },
  { checkId: 'ec2-sg-all-traffic-open', resource: id('sg_db_open'), status: 'PASS', why: 'single ports only' },
  { checkId: 'ec2-sg-high-risk-ports-open', resource: id('sg_db_open'), status: 'FAIL', why: 'MySQL, PostgreSQL (::/0), Redis, MongoDB from anywhere' },
  // moto creates no network interface for a DB instance: the group is in use through the instance's VpcSecurityGroups.
  { checkId: 'ec2-sg-high-risk-ports-open', resource: id('sg_rds_only'), status: 'FAIL', why: 'PostgreSQL from anywhere, used only by public-db', says: /in use \(attached to public-db\)/ },
  { checkId: 'ec2-sg-high-risk-ports-open', resource: id('sg_web_ok'), status: 'PASS', why: 'HTTPS only' },
  { checkId: 'ec2-sg-unauthorized-ports-open', resource: id('sg_from_web'), status: 'PASS', why: 'opens 8080 to another group, not to the internet' },
  { checkId: 'ec2-sg-default-no-rules', resource: id('default_sg_open'), status: 'FAIL', why: 'the default group has an inbound rule' },
  { checkId: 'ec2-sg-default-no-rules', resource: id('default_sg_clean'), status: 'PASS', why: 'every rule removed' },
  { checkId: 'ec2-nacl-admin-ports-open', resource: id('nacl_open'), status: 'FAIL', why: 'rules allow 22 and 3389 from 0.0.0.0/0' },
  { checkId: 'ec2-nacl-admin-ports-open', resource: id('nacl_tight'), status: 'PASS', why: '22 and 3389 denied before the allow rule' },
  { checkId: 'ec2-vpc-flow-logs-enabled', resource: id('prod_vpc'), status: 'PASS', why: 'flow log of ALL traffic' },
  { checkId: 'ec2-vpc-flow-logs-enabled', resource: id('accept_only_vpc'), status: 'FAIL', why: 'flow log of ACCEPT traffic only' },
  { checkId: 'ec2-vpc-flow-logs-enabled', resource: id('vpc'), status: 'FAIL', why: 'the default VPC has no flow log' },
  { checkId: 'ec2-vpc-peering-least-access', resource: id('pcx_wide'), status: 'FAIL', why: 'route 10.0.0.0/8 to a 10.20.0.0/16 peer' },
  { checkId: 'ec2-vpc-peering-least-access', resource: id('pcx_exact'), status: 'PASS', why: 'route equals the peer block' },
  { checkId: 'ec2-vpc-peering-least-access', resource: id('pcx_secondary'), status: 'PASS', why: "route to the peer's secondary block, which moto leaves out of CidrBlockSet" },
  { checkId: 'ec2-subnet-public-ip-auto-assign', resource: id('public_subnet'), status: 'FAIL', why: 'MapPublicIpOnLaunch on' },
  { checkId: 'ec2-subnet-public-ip-auto-assign', resource: id('private_subnet'), status: 'PASS', why: 'MapPublicIpOnLaunch off' },
  { checkId: 'ec2-instance-internet-exposure', resource: id('i_all_open'), status: 'FAIL', why: 'public address, IGW route, every port open, ACL lets 22 in' },
  { checkId: 'ec2-instance-internet-exposure', resource: id('i_web'), status: 'PASS', why: 'reachable on 443 only' },
  { checkId: 'ec2-instance-internet-exposure', resource: id('i_private'), status: 'PASS', why: 'no group open to the internet' },
  { checkId: 'ec2-instance-internet-exposure', resource: id('instance'), status: 'PASS', why: "moto's default VPC has no internet gateway route (AWS's has one, and this SSH-open instance would FAIL)" },
  { checkId: 'ec2-instance-public-ip', resource: id('i_all_open'), status: 'FAIL', why: 'public IPv4 address' },
  { checkId: 'ec2-instance-public-ip', resource: id('i_private'), status: 'PASS', why: 'launched without a public address' },
  { checkId: 'rds-instance-internet-exposure', resource: named('public-db'), status: 'FAIL', alone: true, why: 'public, in a subnet routed to an IGW, 5432 open in its group and ACL' },
  { checkId: 'rds-instance-public-access', resource: named('public-db'), status: 'FAIL', why: 'PubliclyAccessible' },
  { checkId: 'rds-instance-public-access', resource: named('billing-db-ok'), status: 'PASS', why: 'not publicly accessible' },
];

const COMPUTE: Expectation[] = [
  { checkId: 'ec2-instance-imdsv2-required', resource: id('instance'), status: 'FAIL', alone: true, why: 'HttpTokens optional' },
  { checkId: 'ec2-instance-imdsv2-required', resource: id('i_imdsv2'), status: 'PASS', why: 'HttpTokens required' },
  { checkId: 'ec2-instance-imdsv2-required', resource: id('i_imds_off'), status: 'PASS', why: 'metadata endpoint disabled' },
  { checkId: 'ec2-instance-os-supported', resource: id('i_win2003'), status: 'FAIL', alone: true, why: 'Windows Server 2003, read from the AMI name (moto sends no PlatformDetails)' },
  { checkId: 'ec2-instance-os-supported', resource: id('i_imdsv2'), status: 'PASS', why: 'Windows Server 2016' },
  { checkId: 'ec2-instance-ami-recent', resource: id('instance'), status: 'PASS', why: 'moto dates its bundled AMIs at server start (AWS: built 2017, FAIL)' },
  { checkId: 'eks-cluster-version-supported', resource: named('old-cluster'), status: 'FAIL', why: 'Kubernetes 1.23, standard support ended' },
  { checkId: 'eks-cluster-version-supported', resource: named('current-cluster'), status: 'PASS', why: 'Kubernetes 1.35' },
  { checkId: 'lambda-function-runtime-supported', resource: named('legacy-py37'), status: 'FAIL', why: 'python3.7 deprecated' },
  { checkId: 'lambda-function-runtime-supported', resource: named('legacy-node12'), status: 'FAIL', why: 'nodejs12.x deprecated' },
  { checkId: 'lambda-function-runtime-supported', resource: named('current-py312'), status: 'PASS', why: 'python3.12 supported' },
  { checkId: 'rds-instance-engine-supported', resource: named('acme-db'), status: 'FAIL', why: "moto's default PostgreSQL 9.3.3, older than the oldest ended major in the reference data", says: /older than/ },
  { checkId: 'rds-instance-engine-supported', resource: named('mysql57-no-minor'), status: 'FAIL', why: 'MySQL 5.7, standard support ended' },
  { checkId: 'rds-instance-engine-supported', resource: named('billing-db-ok'), status: 'PASS', why: 'PostgreSQL 16.4' },
  { checkId: 'rds-instance-auto-minor-upgrade', resource: named('mysql57-no-minor'), status: 'FAIL', alone: true, why: 'AutoMinorVersionUpgrade false' },
  { checkId: 'rds-instance-auto-minor-upgrade', resource: named('billing-db-ok'), status: 'PASS', why: 'AutoMinorVersionUpgrade true' },
  // Inspector never activated: moto answers an empty account list where AWS lists the account as DISABLED.
  ...['inspector-ec2-scanning-enabled', 'inspector-ecr-scanning-enabled', 'inspector-lambda-scanning-enabled'].map((checkId): Expectation => ({
    checkId, resource: account, status: 'FAIL', why: 'Inspector off in both Regions', says: /no status at all for the account/,
  })),
];

const DATA_PROTECTION: Expectation[] = [
  { checkId: 'ec2-volume-encrypted', resource: id('volume'), status: 'FAIL', why: 'created without encryption' },
  { checkId: 'ec2-volume-encrypted', resource: id('volume_encrypted'), status: 'PASS', why: 'encrypted with a customer key' },
  { checkId: 'ec2-ebs-default-encryption', resource: account, region: 'us-east-1', status: 'FAIL', why: 'off in us-east-1' },
  { checkId: 'ec2-ebs-default-encryption', resource: account, region: 'eu-west-1', status: 'PASS', why: 'turned on in eu-west-1' },
  { checkId: 'ec2-snapshot-encrypted', resource: id('snapshot_public'), status: 'FAIL', alone: true, why: 'the one unencrypted snapshot of this account; the AMI snapshots moto lists belong to other accounts' },
  { checkId: 'ec2-snapshot-encrypted', resource: id('snapshot_private'), status: 'PASS', why: 'of an encrypted volume' },
  { checkId: 'ec2-snapshot-not-public', resource: id('snapshot_public'), status: 'NOT_ASSESSED', why: 'shared with "all", but moto has no GetSnapshotBlockPublicAccessState (block-all-sharing would make it private)' },
  { checkId: 'ec2-snapshot-not-public', resource: id('snapshot_shared'), status: 'PASS', why: 'shared with one named account' },
  { checkId: 'ec2-snapshot-not-public', resource: id('snapshot_private'), status: 'PASS', why: 'not shared' },
  // alone: the key moto creates for alias/aws/dynamodb (KeyManager CUSTOMER there) is AWS managed and must not FAIL.
  { checkId: 'kms-key-rotation-enabled', resource: id('key_no_rotation'), status: 'FAIL', alone: true, why: 'customer managed symmetric key without rotation (moto omits KeyUsage)' },
  { checkId: 'kms-key-rotation-enabled', resource: id('key_rotating'), status: 'PASS', why: 'rotation on' },
  { checkId: 'kms-key-rotation-enabled', resource: id('key_rsa'), status: 'NOT_APPLICABLE', why: 'asymmetric keys cannot rotate' },
  { checkId: 'kms-key-rotation-enabled', resource: id('key_pending'), status: 'NOT_APPLICABLE', why: 'pending deletion' },
  { checkId: 'kms-key-not-pending-deletion', resource: id('key_pending'), status: 'FAIL', alone: true, why: 'scheduled for deletion in 7 days' },
  { checkId: 'kms-key-policy-not-public', resource: id('key_public'), status: 'FAIL', alone: true, why: 'Principal "*" may Encrypt and Decrypt' },
  { checkId: 'rds-instance-storage-encrypted', resource: named('acme-db'), status: 'FAIL', why: 'StorageEncrypted false' },
  { checkId: 'rds-instance-storage-encrypted', resource: named('billing-db-ok'), status: 'PASS', why: 'encrypted with a customer key' },
  { checkId: 'rds-instance-backups-enabled', resource: named('orders-db'), status: 'FAIL', alone: true, why: 'BackupRetentionPeriod 0' },
  { checkId: 'rds-instance-backups-enabled', resource: named('billing-db-ok'), status: 'PASS', why: '7 days of backups' },
  { checkId: 'rds-db-tls-required', resource: named('orders-db'), status: 'FAIL', why: 'rds.force_ssl 0 in its parameter group' },
  { checkId: 'rds-db-tls-required', resource: named('billing-db-ok'), status: 'PASS', why: 'rds.force_ssl 1' },
  { checkId: 'rds-db-tls-required', resource: named('public-db'), status: 'PASS', why: 'default group on PostgreSQL 16: rds.force_ssl defaults to 1' },
  { checkId: 'rds-snapshot-not-public', resource: named('acme-db-public-snap'), status: 'FAIL', alone: true, why: 'restore attribute holds "all"' },
  { checkId: 'rds-snapshot-not-public', resource: named('billing-db-ok-snap'), status: 'PASS', why: 'not shared' },
  { checkId: 'rds-snapshot-encrypted', resource: named('acme-db-public-snap'), status: 'FAIL', why: 'of an unencrypted instance' },
  { checkId: 'rds-snapshot-encrypted', resource: named('billing-db-ok-snap'), status: 'PASS', why: 'of an encrypted instance' },
  { checkId: 'dynamodb-table-pitr-enabled', resource: named('orders'), status: 'FAIL', why: 'point-in-time recovery off' },
  { checkId: 'dynamodb-table-pitr-enabled', resource: named('payments'), status: 'PASS', why: 'point-in-time recovery on' },
  // moto echoes the bare key id the table was created with: a key of the table's own account.
  { checkId: 'dynamodb-table-encryption-key', resource: named('sessions'), status: 'PASS', why: 'SSEType KMS without a key: the AWS managed key aws/dynamodb, which moto marks CUSTOMER', says: /with the AWS managed key aws\/dynamodb/ },
  { checkId: 'dynamodb-table-encryption-key', resource: named('payments'), status: 'PASS', why: 'customer managed key of this account', says: /with a customer managed key \(arn:aws:kms:us-east-1:\d{12}:key\// },
  { checkId: 'efs-file-system-encrypted', resource: id('efs_plain'), status: 'FAIL', why: 'Encrypted false' },
  { checkId: 'efs-file-system-encrypted', resource: id('efs_encrypted'), status: 'PASS', why: 'encrypted with a customer key' },
  { checkId: 'logs-log-group-kms-encrypted', resource: named('/app/no-retention'), status: 'FAIL', why: 'no KMS key' },
  { checkId: 'logs-log-group-kms-encrypted', resource: named('/app/kms'), status: 'PASS', why: 'KMS key set' },
];

const S3: Expectation[] = [
  { checkId: 's3-bucket-not-public', resource: named('acme-public-assets'), status: 'FAIL', why: 'policy allows s3:GetObject to "*"' },
  { checkId: 's3-bucket-not-public', resource: named('acme-acl-public'), status: 'FAIL', why: 'public-read ACL' },
  { checkId: 's3-bucket-not-public', resource: named('acme-authread-acl'), status: 'FAIL', why: 'authenticated-read ACL: any AWS account' },
  { checkId: 's3-bucket-not-public', resource: named('acme-eu-public'), region: 'eu-west-1', status: 'FAIL', why: 'policy allows Principal AWS "*", in eu-west-1' },
  { checkId: 's3-bucket-not-public', resource: named('acme-private-ok'), status: 'PASS', why: 'all four public access block settings on' },
  // moto has no GetBucketPolicyStatus: the policy settles the cases AWS's definition of "public" decides.
  { checkId: 's3-bucket-not-public', resource: named('acme-vpce-only'), status: 'PASS', why: 'Principal "*" limited to one aws:SourceVpce' },
  { checkId: 's3-bucket-not-public', resource: named('acme-partner-share'), status: 'PASS', why: 'every Allow names a fixed account' },
  { checkId: 's3-bucket-not-public', resource: named('acme-shielded'), status: 'PASS', why: 'public policy, but the bucket restricts public buckets' },
  { checkId: 's3-bucket-not-public', resource: named('acme-office-ip'), status: 'NOT_ASSESSED', why: 'aws:SourceIp is left to GetBucketPolicyStatus, which moto lacks (AWS: not public, PASS)' },
  { checkId: 's3-bucket-cross-account-permissions', resource: named('acme-partner-share'), status: 'FAIL', alone: true, why: 'another account may rewrite the policy and ACL (s3:*)' },
  { checkId: 's3-bucket-cross-account-permissions', resource: named('acme-private-ok'), status: 'PASS', why: 'only a Deny' },
  { checkId: 's3-bucket-versioning-enabled', resource: named('acme-private-ok'), status: 'PASS', why: 'versioning enabled' },
  { checkId: 's3-bucket-versioning-enabled', resource: named('acme-logs-eu'), status: 'FAIL', why: 'never versioned' },
  { checkId: 's3-bucket-tls-required', resource: named('acme-private-ok'), status: 'PASS', why: 'denies s3:* when aws:SecureTransport is false' },
  { checkId: 's3-bucket-tls-required', resource: named('acme-tls-partial'), status: 'FAIL', why: 'the Deny covers GetObject only' },
  { checkId: 's3-bucket-public-access-block', resource: named('acme-private-ok'), status: 'PASS', why: 'all four on' },
  { checkId: 's3-bucket-public-access-block', resource: named('acme-public-assets'), status: 'FAIL', why: 'all off at bucket level, three off at account level' },
  { checkId: 's3-account-public-access-block', resource: account, status: 'FAIL', why: 'only BlockPublicAcls on' },
  { checkId: 's3-bucket-acls-disabled', resource: named('acme-private-ok'), status: 'PASS', why: 'BucketOwnerEnforced' },
  { checkId: 's3-bucket-acls-disabled', resource: named('acme-acl-public'), status: 'FAIL', why: 'ObjectWriter with a public grant' },
  { checkId: 's3-bucket-access-logging-enabled', resource: named('acme-private-ok'), status: 'PASS', why: 'logs to acme-access-logs' },
  { checkId: 's3-bucket-access-logging-enabled', resource: named('acme-public-assets'), status: 'FAIL', why: 'no access logging' },
  { checkId: 's3-bucket-default-encryption-key-type', resource: named('acme-private-ok'), status: 'PASS', why: 'SSE-KMS with a customer key' },
  // moto sends Days and Years both, the unset one 0.
  { checkId: 's3-bucket-object-lock-enabled', resource: named('acme-backup-vault'), status: 'PASS', why: 'COMPLIANCE retention of 1 year', says: /COMPLIANCE 1 years/ },
  { checkId: 's3-bucket-object-lock-enabled', resource: named('acme-backups-eu'), status: 'FAIL', why: 'a backup bucket without Object Lock' },
  { checkId: 's3-bucket-mfa-delete-enabled', resource: named('acme-mfa-delete'), status: 'FAIL', why: 'moto ignores MFADelete on PutBucketVersioning (AWS: enabled, PASS)' },
  // moto lists every access point in every Region, each ARN naming us-east-1: each is judged once, there.
  { checkId: 's3-access-point-public-access-block', resource: named('ap-open'), region: 'us-east-1', status: 'FAIL', once: true, why: 'Block Public Access off on the access point and its bucket' },
  { checkId: 's3-access-point-public-access-block', resource: named('ap-eu-vpc'), region: 'us-east-1', status: 'PASS', once: true, why: "all four on by default; made in eu-west-1 but moto's ARN names us-east-1" },
];

const LOGGING: Expectation[] = [
  { checkId: 'cloudtrail-trail-log-file-validation', resource: named('main'), status: 'FAIL', why: 'log file validation off' },
  { checkId: 'cloudtrail-multi-region-logging', resource: account, status: 'FAIL', why: 'the only trail is single-region' },
  { checkId: 'guardduty-detector-enabled', resource: account, status: 'FAIL', why: 'no detector in either region' },
];

export const EXPECTED: Expectation[] = [...IDENTITY, ...NETWORK, ...COMPUTE, ...DATA_PROTECTION, ...S3, ...LOGGING];

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
    why: 'moto has no ?policyStatus route (it answers the bucket listing, without IsPublic); a policy only that verdict settles stays unjudged',
    matches: (f: Finding) => f.checkId === 's3-bucket-not-public' && f.reason?.call === 's3:GetBucketPolicyStatus' && f.reason.code === 'MissingField',
  },
  {
    why: 'a service the account has not enabled cannot report on its resources (Inspector off: no vulnerability data)',
    matches: (f: Finding) => f.reason?.kind === 'service-not-enabled',
  },
];
