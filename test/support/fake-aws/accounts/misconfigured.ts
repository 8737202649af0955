/**
 * An imperfect but realistic account: the kind a first Leasehold audit finds. Every planted
 * problem and every planted correct configuration is listed in PLANTED, so checks can be written
 * against it and the integration suite can assert exact findings.
 *
 * Not listed because it has no finding: me-central-1 is not opted in. DescribeRegions shows it only
 * with AllRegions=true, and any regional call there fails (EC2 401 AuthFailure), so a scan must skip
 * it rather than report FAIL or an error.
 */
import type { FakeAccount } from '../account.ts';
import { instance, securityGroup, tcp } from './builders.ts';

export const ACCOUNT_ID = '111122223333';

export const SG = {
  defaultUse1: 'sg-0d1e2f3a4b5c60001',
  bastion: 'sg-0d1e2f3a4b5c60002',
  web: 'sg-0d1e2f3a4b5c60003',
  app: 'sg-0d1e2f3a4b5c60004',
  db: 'sg-0d1e2f3a4b5c60005',
  rdpOffice: 'sg-0d1e2f3a4b5c60006',
  defaultEuw1: 'sg-0e2f3a4b5c6d70001',
  legacyAllowAll: 'sg-0e2f3a4b5c6d70002',
  defaultAfs1: 'sg-0f3a4b5c6d7e80001',
} as const;

export const VPC = { use1: 'vpc-0a11b22c33d44e001', euw1: 'vpc-0a11b22c33d44e002', afs1: 'vpc-0a11b22c33d44e003' } as const;

export const INSTANCE = { web1: 'i-0a5b6c7d8e9f00001', worker1: 'i-0a5b6c7d8e9f00002', reportBuilder: 'i-0b6c7d8e9f0a10003' } as const;

export const TRAIL = {
  org: `arn:aws:cloudtrail:us-east-1:${ACCOUNT_ID}:trail/org-audit-trail`,
  legacy: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT_ID}:trail/legacy-eu-trail`,
} as const;

const selfRef = (groupId: string) => ({ IpProtocol: '-1', UserIdGroupPairs: [{ UserId: ACCOUNT_ID, GroupId: groupId }], IpRanges: [], Ipv6Ranges: [], PrefixListIds: [] });

export const misconfigured: FakeAccount = {
  accountId: ACCOUNT_ID,
  callerArn: `arn:aws:iam::${ACCOUNT_ID}:user/leasehold-auditor`,
  callerUserId: 'AIDAJQABLZS4A3QDU576Q',
  regions: [
    { name: 'us-east-1', optInStatus: 'opt-in-not-required' },
    { name: 'eu-west-1', optInStatus: 'opt-in-not-required' },
    { name: 'af-south-1', optInStatus: 'opted-in' },
    { name: 'me-central-1', optInStatus: 'not-opted-in' },
  ],
  iam: {
    accountSummary: {
      Users: 4, UsersQuota: 5000, Groups: 2, GroupsQuota: 300, Roles: 12, RolesQuota: 1000,
      Policies: 6, PoliciesQuota: 1500, PolicyVersionsInUse: 14, PolicyVersionsInUseQuota: 10000,
      InstanceProfiles: 3, InstanceProfilesQuota: 1000, ServerCertificates: 0, ServerCertificatesQuota: 20,
      MFADevices: 1, MFADevicesInUse: 1, Providers: 1, GlobalEndpointTokenVersion: 1,
      AccountMFAEnabled: 0, AccountAccessKeysPresent: 1, AccountSigningCertificatesPresent: 0,
      AccessKeysPerUserQuota: 2, SigningCertificatesPerUserQuota: 2, GroupsPerUserQuota: 10,
      AttachedPoliciesPerUserQuota: 10, AttachedPoliciesPerGroupQuota: 10, AttachedPoliciesPerRoleQuota: 10,
      UserPolicySizeQuota: 2048, GroupPolicySizeQuota: 5120, RolePolicySizeQuota: 10240,
      AssumeRolePolicySizeQuota: 2048, PolicySizeQuota: 6144, VersionsPerPolicyQuota: 5,
    },
    passwordPolicy: null,
  },
  regional: {
    'us-east-1': {
      ebsEncryptionByDefault: false,
      securityGroups: [
        securityGroup('us-east-1', ACCOUNT_ID, VPC.use1, SG.defaultUse1, 'default', 'default VPC security group', [selfRef(SG.defaultUse1)]),
        securityGroup('us-east-1', ACCOUNT_ID, VPC.use1, SG.bastion, 'bastion-ssh', 'SSH to the bastion', [
          tcp(22, { cidrs: ['0.0.0.0/0'], ipv6: ['::/0'], description: 'temporary: vendor access' }),
        ]),
        securityGroup('us-east-1', ACCOUNT_ID, VPC.use1, SG.web, 'web-frontend', 'Public HTTP(S) only', [
          tcp(80, { cidrs: ['0.0.0.0/0'], ipv6: ['::/0'] }),
          tcp(443, { cidrs: ['0.0.0.0/0'], ipv6: ['::/0'] }),
        ]),
        securityGroup('us-east-1', ACCOUNT_ID, VPC.use1, SG.app, 'app-internal', 'App tier, from the web tier only', [
          tcp(8080, { groups: [{ UserId: ACCOUNT_ID, GroupId: SG.web }] }),
        ]),
        securityGroup('us-east-1', ACCOUNT_ID, VPC.use1, SG.db, 'db-postgres', 'Postgres from the corporate prefix list', [
          tcp(5432, { prefixLists: ['pl-0a1b2c3d4e5f60789'] }),
        ]),
        securityGroup('us-east-1', ACCOUNT_ID, VPC.use1, SG.rdpOffice, 'rdp-office', 'RDP from the office range only', [
          tcp(3389, { cidrs: ['203.0.113.0/24'], description: 'office NAT' }),
        ]),
      ],
      instances: [
        instance('us-east-1a', {
          InstanceId: INSTANCE.web1, ImageId: 'ami-0c02fb55956c7d316', InstanceType: 't3.small', name: 'web-1',
          httpTokens: 'optional', publicIp: '54.210.33.12', privateIp: '10.0.1.15', vpcId: VPC.use1,
          groups: [{ GroupId: SG.web, GroupName: 'web-frontend' }, { GroupId: SG.bastion, GroupName: 'bastion-ssh' }],
        }),
        instance('us-east-1b', {
          InstanceId: INSTANCE.worker1, ImageId: 'ami-0c02fb55956c7d316', InstanceType: 't3.medium', name: 'worker-1',
          httpTokens: 'required', privateIp: '10.0.2.40', vpcId: VPC.use1,
          groups: [{ GroupId: SG.app, GroupName: 'app-internal' }],
        }),
      ],
    },
    'eu-west-1': {
      ebsEncryptionByDefault: true,
      securityGroups: [
        securityGroup('eu-west-1', ACCOUNT_ID, VPC.euw1, SG.defaultEuw1, 'default', 'default VPC security group', [selfRef(SG.defaultEuw1)]),
        securityGroup('eu-west-1', ACCOUNT_ID, VPC.euw1, SG.legacyAllowAll, 'legacy-allow-all', 'migrated from EC2-Classic', [
          { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
        ]),
      ],
      instances: [
        instance('eu-west-1a', {
          InstanceId: INSTANCE.reportBuilder, ImageId: 'ami-0d71ea30463e0ff8d', InstanceType: 'm5.large', name: 'report-builder',
          httpTokens: 'required', privateIp: '10.1.3.7', vpcId: VPC.euw1, stopped: true, platform: 'Windows',
          groups: [{ GroupId: SG.defaultEuw1, GroupName: 'default' }],
        }),
      ],
    },
    'af-south-1': {
      ebsEncryptionByDefault: true,
      securityGroups: [
        securityGroup('af-south-1', ACCOUNT_ID, VPC.afs1, SG.defaultAfs1, 'default', 'default VPC security group', [selfRef(SG.defaultAfs1)]),
      ],
      instances: [],
    },
  },
  trails: [
    {
      Name: 'org-audit-trail', TrailARN: TRAIL.org, HomeRegion: 'us-east-1', S3BucketName: `acme-cloudtrail-logs-${ACCOUNT_ID}`,
      IncludeGlobalServiceEvents: true, IsMultiRegionTrail: true, LogFileValidationEnabled: true,
      HasCustomEventSelectors: false, HasInsightSelectors: false, IsOrganizationTrail: false,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:/aws/cloudtrail/org-audit:*`,
      CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/cloudtrail-to-cloudwatch`,
      isLogging: true,
      // Delivery an hour before the scan, whenever the tests run: a healthy, current trail.
      status: {
        LatestDeliveryTime: new Date(Date.now() - 3_600_000),
        LatestCloudWatchLogsDeliveryTime: new Date(Date.now() - 3_600_000),
        StartLoggingTime: new Date('2023-06-01T08:00:00.000Z'),
      },
    },
    {
      Name: 'legacy-eu-trail', TrailARN: TRAIL.legacy, HomeRegion: 'eu-west-1', S3BucketName: 'acme-legacy-trail-eu',
      IncludeGlobalServiceEvents: false, IsMultiRegionTrail: false, LogFileValidationEnabled: false,
      HasCustomEventSelectors: false, HasInsightSelectors: false, IsOrganizationTrail: false,
      isLogging: false,
      status: { StopLoggingTime: new Date('2024-11-02T17:20:00.000Z') },
    },
  ],
  s3: {
    buckets: [
      {
        name: `acme-cloudtrail-logs-${ACCOUNT_ID}`, region: 'us-east-1', creationDate: new Date('2023-06-01T07:58:12.000Z'),
        versioning: 'Enabled', mfaDelete: 'Disabled', policyIsPublic: false,
        publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      },
      { name: 'acme-app-assets-eu', region: 'eu-west-1', creationDate: new Date('2024-02-10T12:00:00.000Z') },
      {
        name: 'acme-public-website', region: 'us-east-1', creationDate: new Date('2022-09-19T15:31:44.000Z'),
        versioning: 'Suspended', policyIsPublic: true,
        publicAccessBlock: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false },
      },
      {
        name: 'acme-backups-af', region: 'af-south-1', creationDate: new Date('2025-03-03T03:03:03.000Z'),
        versioning: 'Enabled', policyIsPublic: null,
        publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      },
    ],
  },
};

export interface PlantedItem {
  /** The check expected to report on it; absent for planted state no current check id covers. */
  checkId?: string;
  /** The resource id as AWS names it (account id, sg-/i- id, bucket name, trail ARN). */
  resource: string;
  region?: string;
  expect: 'FAIL' | 'PASS';
  note: string;
}

export const PLANTED: PlantedItem[] = [
  { checkId: 'ec2-ebs-default-encryption', resource: ACCOUNT_ID, region: 'us-east-1', expect: 'FAIL', note: 'EBS encryption by default off' },
  { checkId: 'ec2-ebs-default-encryption', resource: ACCOUNT_ID, region: 'eu-west-1', expect: 'PASS', note: 'EBS encryption by default on' },
  { checkId: 'ec2-ebs-default-encryption', resource: ACCOUNT_ID, region: 'af-south-1', expect: 'PASS', note: 'on, in an opted-in region' },
  { checkId: 'iam-root-mfa-enabled', resource: ACCOUNT_ID, expect: 'FAIL', note: 'SummaryMap AccountMFAEnabled = 0' },
  { checkId: 'iam-root-access-keys-absent', resource: ACCOUNT_ID, expect: 'FAIL', note: 'SummaryMap AccountAccessKeysPresent = 1' },
  { checkId: 'ec2-instance-imdsv2-required', resource: INSTANCE.web1, region: 'us-east-1', expect: 'FAIL', note: 'web-1: HttpTokens optional (IMDSv1 allowed), public IP' },
  { checkId: 'ec2-instance-imdsv2-required', resource: INSTANCE.worker1, region: 'us-east-1', expect: 'PASS', note: 'worker-1: HttpTokens required' },
  { checkId: 'ec2-instance-imdsv2-required', resource: INSTANCE.reportBuilder, region: 'eu-west-1', expect: 'PASS', note: 'stopped Windows instance, HttpTokens required' },
  { checkId: 'ec2-sg-admin-ports-open', resource: SG.bastion, region: 'us-east-1', expect: 'FAIL', note: 'tcp 22 from 0.0.0.0/0 and ::/0' },
  { checkId: 'ec2-sg-admin-ports-open', resource: SG.legacyAllowAll, region: 'eu-west-1', expect: 'FAIL', note: 'protocol -1 (all ports) from 0.0.0.0/0: includes 22 and 3389' },
  { checkId: 'ec2-sg-admin-ports-open', resource: SG.web, region: 'us-east-1', expect: 'PASS', note: 'only 80 and 443 open to the world' },
  { checkId: 'ec2-sg-admin-ports-open', resource: SG.rdpOffice, region: 'us-east-1', expect: 'PASS', note: '3389 from one /24 only, not the world' },
  { checkId: 'ec2-sg-admin-ports-open', resource: SG.app, region: 'us-east-1', expect: 'PASS', note: 'source is a security group, not a CIDR' },
  { checkId: 'ec2-sg-admin-ports-open', resource: SG.db, region: 'us-east-1', expect: 'PASS', note: 'source is a prefix list' },
  { checkId: 'ec2-sg-admin-ports-open', resource: SG.defaultUse1, region: 'us-east-1', expect: 'PASS', note: 'all traffic, but only from itself' },
  { resource: SG.defaultUse1, region: 'us-east-1', expect: 'FAIL', note: 'default SG has rules (CIS: the default SG should restrict all traffic)' },
  { checkId: 's3-bucket-versioning-enabled', resource: `acme-cloudtrail-logs-${ACCOUNT_ID}`, region: 'us-east-1', expect: 'PASS', note: 'Enabled' },
  { checkId: 's3-bucket-versioning-enabled', resource: 'acme-backups-af', region: 'af-south-1', expect: 'PASS', note: 'Enabled, bucket in an opt-in region' },
  { checkId: 's3-bucket-versioning-enabled', resource: 'acme-app-assets-eu', region: 'eu-west-1', expect: 'FAIL', note: 'never configured: empty VersioningConfiguration' },
  { checkId: 's3-bucket-versioning-enabled', resource: 'acme-public-website', region: 'us-east-1', expect: 'FAIL', note: 'Suspended' },
  { resource: 'acme-public-website', region: 'us-east-1', expect: 'FAIL', note: 'public: bucket policy IsPublic, every public access block off' },
  { resource: 'acme-app-assets-eu', region: 'eu-west-1', expect: 'PASS', note: 'no policy (404 NoSuchBucketPolicy) and no bucket-level block (404): not public' },
  { checkId: 'cloudtrail-multi-region-logging', resource: ACCOUNT_ID, expect: 'PASS', note: 'org-audit-trail: multi-region, logging, home us-east-1 (a shadow trail elsewhere)' },
  { resource: TRAIL.legacy, region: 'eu-west-1', expect: 'FAIL', note: 'single-region trail, stopped: must not count as coverage' },
  { checkId: 'iam-password-policy-min-length', resource: ACCOUNT_ID, expect: 'FAIL', note: 'no IAM password policy (GetAccountPasswordPolicy: 404 NoSuchEntity)' },
];
