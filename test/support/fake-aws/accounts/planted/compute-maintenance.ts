/**
 * The compute-maintenance part of the seeded account: what is planted (problems and correct configurations)
 * for this area's checks, and the items a scan must report for them. The base account's instances are
 * web-1 (running, us-east-1), worker-1 (running, us-east-1) and report-builder (stopped Windows, eu-west-1).
 * Times that a check compares with the scan's own time are relative to now, so the planted verdicts hold.
 */
import type { Finding, Severity } from '@aws-sdk/client-inspector2';
import type { Image } from '@aws-sdk/client-ec2';
import type { ComputeMaintenanceFixture } from '../../ext/compute-maintenance.ts';
import { ACCOUNT_ID, INSTANCE, type PlantedItem } from '../misconfigured.ts';
import { RDS } from './shared.ts';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const isoDaysAgo = (n: number) => daysAgo(n).toISOString();

export const AMI = { al2Old: 'ami-0c02fb55956c7d316', windows2022: 'ami-0d71ea30463e0ff8d' } as const;
export const LAMBDA = { current: 'orders-worker', node16: 'legacy-thumbnailer', container: 'image-resizer', python38: 'eu-report-export' } as const;
export const EKS = { current: 'platform-prod', old: 'legacy-batch' } as const;

const AMAZON_OWNER = '137112412989';
const WINDOWS_OWNER = '801119661308';

export const computeMaintenanceFixture: ComputeMaintenanceFixture = {
  ssmInstances: {
    'us-east-1': [
      {
        InstanceId: INSTANCE.worker1, PingStatus: 'Online', LastPingDateTime: daysAgo(0), AgentVersion: '3.2.582.0', IsLatestVersion: false,
        PlatformType: 'Linux', PlatformName: 'Amazon Linux', PlatformVersion: '2', ResourceType: 'EC2Instance', IPAddress: '10.0.2.40',
        ComputerName: 'ip-10-0-2-40.ec2.internal', AssociationStatus: 'Failed', SourceId: INSTANCE.worker1, SourceType: 'AWS::EC2::Instance',
      },
    ],
    'eu-west-1': [
      {
        InstanceId: INSTANCE.reportBuilder, PingStatus: 'ConnectionLost', LastPingDateTime: daysAgo(45), AgentVersion: '3.3.1142.0', IsLatestVersion: true,
        PlatformType: 'Windows', PlatformName: 'Microsoft Windows Server 2022 Datacenter', PlatformVersion: '10.0.20348', ResourceType: 'EC2Instance',
        IPAddress: '10.1.3.7', ComputerName: 'EC2AMAZ-RB01', AssociationStatus: 'Success', SourceId: INSTANCE.reportBuilder, SourceType: 'AWS::EC2::Instance',
      },
    ],
  },
  patchStates: {
    'us-east-1': [
      {
        InstanceId: INSTANCE.worker1, PatchGroup: '', BaselineId: 'pb-0c10e65780EXAMPLE', Operation: 'Scan', OperationStartTime: daysAgo(2), OperationEndTime: daysAgo(2),
        InstalledCount: 412, InstalledOtherCount: 0, InstalledPendingRebootCount: 0, InstalledRejectedCount: 0, MissingCount: 3, FailedCount: 0, NotApplicableCount: 1280,
        CriticalNonCompliantCount: 1, SecurityNonCompliantCount: 2, OtherNonCompliantCount: 0,
      },
    ],
    'eu-west-1': [
      {
        InstanceId: INSTANCE.reportBuilder, PatchGroup: '', BaselineId: 'pb-016dc2a9c5EXAMPLE', Operation: 'Install', OperationStartTime: daysAgo(45), OperationEndTime: daysAgo(45),
        InstalledCount: 96, InstalledOtherCount: 0, InstalledPendingRebootCount: 0, InstalledRejectedCount: 0, MissingCount: 0, FailedCount: 0, NotApplicableCount: 302,
        CriticalNonCompliantCount: 0, SecurityNonCompliantCount: 0, OtherNonCompliantCount: 0,
      },
    ],
  },
  complianceSummaries: {
    'us-east-1': [
      {
        ComplianceType: 'Association', ResourceType: 'ManagedInstance', ResourceId: INSTANCE.worker1, Status: 'NON_COMPLIANT', OverallSeverity: 'UNSPECIFIED',
        ExecutionSummary: { ExecutionTime: daysAgo(1), ExecutionType: 'Command' },
        CompliantSummary: { CompliantCount: 1, SeveritySummary: { UnspecifiedCount: 1 } },
        NonCompliantSummary: { NonCompliantCount: 1, SeveritySummary: { UnspecifiedCount: 1 } },
      },
    ],
    'eu-west-1': [
      {
        ComplianceType: 'Association', ResourceType: 'ManagedInstance', ResourceId: INSTANCE.reportBuilder, Status: 'COMPLIANT', OverallSeverity: 'UNSPECIFIED',
        ExecutionSummary: { ExecutionTime: daysAgo(45), ExecutionType: 'Command' },
        CompliantSummary: { CompliantCount: 2, SeveritySummary: { UnspecifiedCount: 2 } },
        NonCompliantSummary: { NonCompliantCount: 0, SeveritySummary: {} },
      },
    ],
  },
  inspector: {
    'us-east-1': { ec2: 'ENABLED', ecr: 'ENABLED', lambda: 'ENABLED', lambdaCode: 'DISABLED' },
    'eu-west-1': { ec2: 'ENABLED', ecr: 'DISABLED', lambda: 'ENABLED', lambdaCode: 'ENABLED' },
  },
  coverage: {
    'us-east-1': [
      {
        resourceType: 'AWS_EC2_INSTANCE', resourceId: INSTANCE.worker1, accountId: ACCOUNT_ID, scanType: 'PACKAGE', scanMode: 'EC2_SSM_AGENT_BASED',
        scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' }, lastScannedAt: daysAgo(1), resourceMetadata: { ec2: { amiId: AMI.al2Old, platform: 'LINUX' } },
      },
      {
        resourceType: 'AWS_EC2_INSTANCE', resourceId: INSTANCE.web1, accountId: ACCOUNT_ID, scanType: 'PACKAGE', scanMode: 'EC2_AGENTLESS',
        scanStatus: { statusCode: 'INACTIVE', reason: 'STALE_INVENTORY' }, lastScannedAt: daysAgo(20), resourceMetadata: { ec2: { amiId: AMI.al2Old, platform: 'LINUX' } },
      },
    ],
    'eu-west-1': [
      {
        resourceType: 'AWS_EC2_INSTANCE', resourceId: INSTANCE.reportBuilder, accountId: ACCOUNT_ID, scanType: 'PACKAGE', scanMode: 'EC2_SSM_AGENT_BASED',
        scanStatus: { statusCode: 'INACTIVE', reason: 'EC2_INSTANCE_STOPPED' }, lastScannedAt: daysAgo(45), resourceMetadata: { ec2: { amiId: AMI.windows2022, platform: 'WINDOWS' } },
      },
    ],
  },
  findings: {
    'us-east-1': [
      inspectorFinding('f0001', INSTANCE.web1, 'CRITICAL', 'CVE-2024-6387 - openssh', 'CVE-2024-6387', 'YES', 'YES'),
      inspectorFinding('f0002', INSTANCE.web1, 'CRITICAL', 'CVE-2023-38408 - openssh', 'CVE-2023-38408', 'YES', 'NO'),
      inspectorFinding('f0003', INSTANCE.web1, 'HIGH', 'CVE-2024-2961 - glibc', 'CVE-2024-2961', 'YES', 'YES'),
      inspectorFinding('f0004', INSTANCE.worker1, 'MEDIUM', 'CVE-2024-0727 - openssl', 'CVE-2024-0727', 'YES', 'NO'),
      { ...inspectorFinding('f0005', INSTANCE.worker1, 'CRITICAL', 'CVE-2021-44228 - log4j', 'CVE-2021-44228', 'YES', 'YES'), status: 'CLOSED' },
    ],
  },
  images: {
    'us-east-1': [
      {
        ImageId: AMI.al2Old, Name: 'amzn2-ami-kernel-5.10-hvm-2.0.20230404.1-x86_64-gp2', Description: 'Amazon Linux 2 Kernel 5.10 AMI 2.0.20230404.1 x86_64 HVM gp2',
        OwnerId: AMAZON_OWNER, ImageOwnerAlias: 'amazon', State: 'available', Public: true, Architecture: 'x86_64', ImageType: 'machine', PlatformDetails: 'Linux/UNIX',
        UsageOperation: 'RunInstances', RootDeviceType: 'ebs', RootDeviceName: '/dev/xvda', VirtualizationType: 'hvm', Hypervisor: 'xen', EnaSupport: true,
        CreationDate: '2023-04-04T21:10:24.000Z', DeprecationTime: '2025-04-04T21:10:00.000Z',
      },
    ],
    'eu-west-1': [
      {
        ImageId: AMI.windows2022, Name: `Windows_Server-2022-English-Full-Base-${isoDaysAgo(40).slice(0, 10).replaceAll('-', '.')}`,
        Description: 'Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon', OwnerId: WINDOWS_OWNER, ImageOwnerAlias: 'amazon', State: 'available',
        Public: true, Architecture: 'x86_64', ImageType: 'machine', // EC2 sends `<platform>windows</platform>` although the SDK's enum says 'Windows'.
        Platform: 'windows' as unknown as Image['Platform'], PlatformDetails: 'Windows', UsageOperation: 'RunInstances:0002',
        RootDeviceType: 'ebs', RootDeviceName: '/dev/sda1', VirtualizationType: 'hvm', Hypervisor: 'xen', EnaSupport: true,
        CreationDate: isoDaysAgo(40), DeprecationTime: new Date(Date.now() + 690 * DAY).toISOString(),
      },
    ],
  },
  metadataDefaults: {
    'eu-west-1': { HttpTokens: 'optional', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled', InstanceMetadataTags: 'disabled', ManagedBy: 'account' },
    'af-south-1': { HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled', InstanceMetadataTags: 'disabled', ManagedBy: 'account' },
  },
  functions: {
    'us-east-1': [
      lambdaFunction('us-east-1', LAMBDA.current, { Runtime: 'python3.13', Handler: 'app.handler', PackageType: 'Zip', Environment: { Variables: { DB_PASSWORD: 'planted-secret-never-stored' } } }),
      lambdaFunction('us-east-1', LAMBDA.node16, { Runtime: 'nodejs16.x', Handler: 'index.handler', PackageType: 'Zip' }),
      lambdaFunction('us-east-1', LAMBDA.container, { PackageType: 'Image' }),
    ],
    'eu-west-1': [lambdaFunction('eu-west-1', LAMBDA.python38, { Runtime: 'python3.8', Handler: 'export.main', PackageType: 'Zip' })],
  },
  eksClusters: {
    'us-east-1': [eksCluster('us-east-1', EKS.current, '1.36', 'eks.3', 'STANDARD')],
    'eu-west-1': [eksCluster('eu-west-1', EKS.old, '1.29', 'eks.38', 'EXTENDED')],
  },
};

function inspectorFinding(n: string, instanceId: string, severity: Severity, title: string, cve: string, fixAvailable: 'YES' | 'NO', exploitAvailable: 'YES' | 'NO'): Finding {
  return {
    findingArn: `arn:aws:inspector2:us-east-1:${ACCOUNT_ID}:finding/${n}a1b2c3d4e5f60718293a4b5c6d7e8f90`,
    awsAccountId: ACCOUNT_ID, type: 'PACKAGE_VULNERABILITY', description: `${cve} affects a package installed on the instance.`, title, severity,
    remediation: { recommendation: { text: 'Update the affected package.' } }, firstObservedAt: daysAgo(60), lastObservedAt: daysAgo(20), updatedAt: daysAgo(20),
    status: 'ACTIVE', resources: [{ type: 'AWS_EC2_INSTANCE', id: instanceId, partition: 'aws', region: 'us-east-1' }], inspectorScore: severity === 'CRITICAL' ? 9.8 : 7.5,
    packageVulnerabilityDetails: { vulnerabilityId: cve, source: 'NVD', vulnerablePackages: [{ name: title.split(' - ')[1] ?? 'pkg', version: '1.0' }] }, fixAvailable, exploitAvailable,
  };
}

function lambdaFunction(region: string, name: string, extra: object) {
  return {
    FunctionName: name, FunctionArn: `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${name}`, Role: `arn:aws:iam::${ACCOUNT_ID}:role/${name}-role`,
    CodeSize: 10_240, Description: '', Timeout: 30, MemorySize: 256, LastModified: '2025-02-11T10:14:02.000+0000', Version: '$LATEST', Architectures: ['x86_64' as const],
    ...extra,
  };
}

function eksCluster(region: string, name: string, version: string, platformVersion: string, supportType: 'STANDARD' | 'EXTENDED') {
  return {
    name, arn: `arn:aws:eks:${region}:${ACCOUNT_ID}:cluster/${name}`, createdAt: new Date('2024-02-01T09:00:00Z'), version, platformVersion, status: 'ACTIVE' as const,
    endpoint: `https://${name.toUpperCase().replaceAll('-', '')}.gr7.${region}.eks.amazonaws.com`, roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/${name}-cluster`,
    upgradePolicy: { supportType },
  };
}

const item = (checkId: string, resource: string, region: string, expect: 'FAIL' | 'PASS', note: string): PlantedItem => ({ checkId, resource, region, expect, note });

export const computeMaintenancePlanted: PlantedItem[] = [
  item('ec2-account-imdsv2-default', ACCOUNT_ID, 'us-east-1', 'FAIL', 'no account default: GetInstanceMetadataDefaults returns an empty AccountLevel'),
  item('ec2-account-imdsv2-default', ACCOUNT_ID, 'eu-west-1', 'FAIL', 'account default explicitly HttpTokens optional'),
  item('ec2-account-imdsv2-default', ACCOUNT_ID, 'af-south-1', 'PASS', 'account default HttpTokens required'),
  item('ssm-instance-managed', INSTANCE.web1, 'us-east-1', 'FAIL', 'web-1 is running and absent from DescribeInstanceInformation'),
  item('ssm-instance-managed', INSTANCE.worker1, 'us-east-1', 'PASS', 'worker-1 is a managed node, Online'),
  item('ssm-instance-managed', INSTANCE.reportBuilder, 'eu-west-1', 'PASS', 'stopped, but registered (ConnectionLost while stopped)'),
  item('ssm-agent-online', INSTANCE.worker1, 'us-east-1', 'PASS', 'PingStatus Online'),
  item('ssm-agent-up-to-date', INSTANCE.worker1, 'us-east-1', 'FAIL', 'IsLatestVersion false (agent 3.2.582.0)'),
  item('ssm-agent-up-to-date', INSTANCE.reportBuilder, 'eu-west-1', 'PASS', 'IsLatestVersion true'),
  item('ssm-instance-patch-compliant', INSTANCE.worker1, 'us-east-1', 'FAIL', '3 missing, 1 critical and 2 security non-compliant'),
  item('ssm-instance-patch-compliant', INSTANCE.reportBuilder, 'eu-west-1', 'PASS', 'every count 0'),
  item('ssm-instance-patch-scan-recent', INSTANCE.worker1, 'us-east-1', 'PASS', 'scanned 2 days ago'),
  item('ssm-instance-patch-scan-recent', INSTANCE.reportBuilder, 'eu-west-1', 'FAIL', 'last install 45 days ago'),
  item('ssm-instance-association-compliant', INSTANCE.worker1, 'us-east-1', 'FAIL', 'association compliance NON_COMPLIANT'),
  item('ssm-instance-association-compliant', INSTANCE.reportBuilder, 'eu-west-1', 'PASS', 'association compliance COMPLIANT'),
  item('inspector-ec2-scanning-enabled', ACCOUNT_ID, 'us-east-1', 'PASS', 'ec2 ENABLED'),
  item('inspector-ec2-scanning-enabled', ACCOUNT_ID, 'af-south-1', 'FAIL', 'Inspector never enabled: every scan type DISABLED'),
  item('inspector-ecr-scanning-enabled', ACCOUNT_ID, 'eu-west-1', 'FAIL', 'ecr DISABLED'),
  item('inspector-ecr-scanning-enabled', ACCOUNT_ID, 'us-east-1', 'PASS', 'ecr ENABLED'),
  item('inspector-lambda-scanning-enabled', ACCOUNT_ID, 'us-east-1', 'PASS', 'lambda ENABLED'),
  item('inspector-lambda-scanning-enabled', ACCOUNT_ID, 'af-south-1', 'FAIL', 'lambda DISABLED'),
  item('inspector-lambda-code-scanning-enabled', ACCOUNT_ID, 'us-east-1', 'FAIL', 'lambdaCode DISABLED'),
  item('inspector-lambda-code-scanning-enabled', ACCOUNT_ID, 'eu-west-1', 'PASS', 'lambdaCode ENABLED'),
  item('inspector-ec2-instance-scanned', INSTANCE.web1, 'us-east-1', 'FAIL', 'coverage INACTIVE, STALE_INVENTORY'),
  item('inspector-ec2-instance-scanned', INSTANCE.worker1, 'us-east-1', 'PASS', 'coverage ACTIVE'),
  item('inspector-ec2-no-critical-findings', INSTANCE.web1, 'us-east-1', 'FAIL', '2 critical and 1 high ACTIVE findings, 2 with an exploit'),
  item('inspector-ec2-no-critical-findings', INSTANCE.worker1, 'us-east-1', 'PASS', 'one MEDIUM finding; its CRITICAL one is CLOSED (filtered out by the API)'),
  item('ec2-instance-ami-not-deprecated', INSTANCE.web1, 'us-east-1', 'FAIL', 'AL2 AMI deprecated since 2025-04-04 (only returned with IncludeDeprecated)'),
  item('ec2-instance-ami-not-deprecated', INSTANCE.reportBuilder, 'eu-west-1', 'PASS', 'Windows AMI, deprecation two years away'),
  item('ec2-instance-ami-recent', INSTANCE.worker1, 'us-east-1', 'FAIL', 'AMI built 2023-04-04'),
  item('ec2-instance-ami-recent', INSTANCE.reportBuilder, 'eu-west-1', 'PASS', 'AMI built 40 days ago'),
  item('ec2-instance-os-supported', INSTANCE.web1, 'us-east-1', 'FAIL', 'unmanaged; AMI name says Amazon Linux 2 (end of life 2026-06-30)'),
  item('ec2-instance-os-supported', INSTANCE.worker1, 'us-east-1', 'FAIL', 'SSM reports Amazon Linux 2'),
  item('ec2-instance-os-supported', INSTANCE.reportBuilder, 'eu-west-1', 'PASS', 'SSM reports Windows Server 2022 (support to 2031)'),
  item('lambda-function-runtime-supported', LAMBDA.current, 'us-east-1', 'PASS', 'python3.13'),
  item('lambda-function-runtime-supported', LAMBDA.node16, 'us-east-1', 'FAIL', 'nodejs16.x, deprecated 2024-06-12'),
  item('lambda-function-runtime-supported', LAMBDA.python38, 'eu-west-1', 'FAIL', 'python3.8, deprecated 2024-10-14'),
  item('rds-instance-engine-supported', RDS.ordersDb, 'us-east-1', 'PASS', 'PostgreSQL 16 (standard support to 2029-02-28)'),
  item('rds-instance-engine-supported', RDS.legacyReporting, 'us-east-1', 'FAIL', 'MySQL 5.7, standard support ended 2024-02-29'),
  item('rds-instance-auto-minor-upgrade', RDS.ordersDb, 'us-east-1', 'PASS', 'AutoMinorVersionUpgrade true'),
  item('rds-instance-auto-minor-upgrade', RDS.legacyReporting, 'us-east-1', 'FAIL', 'AutoMinorVersionUpgrade false'),
  item('eks-cluster-version-supported', EKS.current, 'us-east-1', 'PASS', 'Kubernetes 1.36, newer than every release in the reference data'),
  item('eks-cluster-version-supported', EKS.old, 'eu-west-1', 'FAIL', 'Kubernetes 1.29, standard support ended 2025-03-23'),
];
