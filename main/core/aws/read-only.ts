/**
 * The read-only guard. Every client Leasehold creates refuses, before anything is sent, any
 * operation that is not on this explicit allowlist of read operations. The list is kept by area
 * only so that each area's calls are reviewed together; the guard uses their union.
 */
type Allowlist = Partial<Record<string, readonly string[]>>;

const ENGINE: Allowlist = {
  sts: ['GetCallerIdentity'],
  ec2: ['DescribeRegions'],
};

const DATA_PROTECTION: Allowlist = {
  ec2: ['GetEbsEncryptionByDefault', 'DescribeVolumes', 'DescribeSnapshots', 'DescribeSnapshotAttribute', 'GetSnapshotBlockPublicAccessState'],
  rds: [
    'DescribeDBClusters',
    'DescribeDBSnapshots',
    'DescribeDBClusterSnapshots',
    'DescribeDBSnapshotAttributes',
    'DescribeDBClusterSnapshotAttributes',
    'DescribeDBParameters',
    'DescribeDBClusterParameters',
  ],
  kms: ['ListKeys', 'ListAliases', 'DescribeKey', 'GetKeyRotationStatus', 'GetKeyPolicy'],
  efs: ['DescribeFileSystems'],
  dynamodb: ['ListTables', 'DescribeTable', 'DescribeContinuousBackups'],
  backup: ['ListBackupVaults', 'ListRecoveryPointsByBackupVault'],
};

const IDENTITY_ACCESS: Allowlist = {
  iam: [
    'GetAccountSummary',
    'GetAccountPasswordPolicy',
    'GetAccountAuthorizationDetails',
    // Builds the credential report (at most once every four hours); it changes no configuration.
    'GenerateCredentialReport',
    'GetCredentialReport',
    'ListVirtualMFADevices',
    'ListServerCertificates',
  ],
  accessanalyzer: ['ListAnalyzers', 'ListFindings'],
};

const COMPUTE_MAINTENANCE: Allowlist = {
  ec2: ['DescribeInstances', 'DescribeImages', 'GetInstanceMetadataDefaults'],
  ssm: ['DescribeInstanceInformation', 'DescribeInstancePatchStates', 'ListResourceComplianceSummaries'],
  inspector2: ['BatchGetAccountStatus', 'ListCoverage', 'ListFindings'],
  lambda: ['ListFunctions'],
  eks: ['ListClusters', 'DescribeCluster'],
};

const NETWORK: Allowlist = {
  ec2: [
    'DescribeSecurityGroups',
    'DescribeNetworkInterfaces',
    'DescribeInstances',
    'DescribeVpcs',
    'DescribeSubnets',
    'DescribeRouteTables',
    'DescribeNetworkAcls',
    'DescribeFlowLogs',
    'DescribeVpcPeeringConnections',
  ],
  rds: ['DescribeDBInstances'],
};

const S3: Allowlist = {
  s3: [
    'ListBuckets',
    'GetBucketLocation',
    'GetBucketVersioning',
    'GetPublicAccessBlock',
    'GetBucketPolicyStatus',
    'GetBucketPolicy',
    'GetBucketAcl',
    'GetBucketOwnershipControls',
    'GetBucketLogging',
    'GetBucketEncryption',
    'GetObjectLockConfiguration',
  ],
  s3control: ['GetPublicAccessBlock', 'ListAccessPoints', 'GetAccessPoint'],
};

const LOGGING_MONITORING: Allowlist = {
  cloudtrail: ['DescribeTrails', 'GetTrailStatus', 'GetEventSelectors'],
  logs: ['DescribeLogGroups', 'DescribeMetricFilters'],
  cloudwatch: ['DescribeAlarms'],
  sns: ['ListSubscriptionsByTopic'],
  config: ['DescribeConfigurationRecorders', 'DescribeConfigurationRecorderStatus'],
  guardduty: ['ListDetectors', 'GetDetector', 'ListFindings', 'GetFindings'],
  securityhub: ['DescribeHub', 'GetEnabledStandards'],
  organizations: ['DescribeOrganization', 'ListDelegatedAdministrators'],
};

/** Importing Security Hub's findings (the status calls are in LOGGING_MONITORING). */
const SECURITY_HUB_IMPORT: Allowlist = {
  securityhub: ['GetFindings'],
};

/** Scanning every account of an organization: listing its accounts from the management account. */
const ORGANIZATIONS: Allowlist = {
  organizations: ['ListAccounts', 'DescribeOrganization'],
};

/** Calls read by more than one area. */
const SHARED: Allowlist = {
  rds: ['DescribeDBInstances'],
};

export const READ_OPERATIONS: Readonly<Record<string, ReadonlySet<string>>> = merge([
  ENGINE,
  DATA_PROTECTION,
  IDENTITY_ACCESS,
  COMPUTE_MAINTENANCE,
  NETWORK,
  S3,
  LOGGING_MONITORING,
  SECURITY_HUB_IMPORT,
  ORGANIZATIONS,
  SHARED,
]);

function merge(lists: Allowlist[]): Record<string, ReadonlySet<string>> {
  const out: Record<string, Set<string>> = {};
  for (const list of lists) {
    for (const [service, ops] of Object.entries(list)) for (const op of ops ?? []) (out[service] ??= new Set()).add(op);
  }
  return out;
}

export function isReadAllowed(service: string, operation: string): boolean {
  return READ_OPERATIONS[service]?.has(operation) ?? false;
}

export class ReadOnlyViolation extends Error {
  constructor(service: string, operation: string) {
    super(`Leasehold is read-only: ${service}:${operation} is not an allowed read operation and was not sent`);
    this.name = 'ReadOnlyViolation';
  }
}

/** A middleware-stack-like surface, so the guard can be installed on any SDK v3 client. */
interface MiddlewareStackLike {
  add(
    middleware: (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => Promise<unknown>,
    options: { step: 'initialize'; name: string; priority: 'high' },
  ): void;
}

export function installReadOnlyGuard(client: { middlewareStack: unknown }, service: string): void {
  (client.middlewareStack as MiddlewareStackLike).add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? '').replace(/Command$/, '');
      if (!isReadAllowed(service, operation)) throw new ReadOnlyViolation(service, operation);
      return next(args);
    },
    { step: 'initialize', name: 'leaseholdReadOnlyGuard', priority: 'high' },
  );
}
