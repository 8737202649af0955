/**
 * Northwind Logistics: the fictional, imperfect account behind the bundled demo engagement.
 * Served by the loopback fake AWS and scanned by Leasehold's own collectors (scripts/build-demo.ts).
 */
import type { FakeAccount } from '../../test/support/fake-aws/account.ts';

const ACCOUNT = '111122223333';
const world = [{ CidrIp: '0.0.0.0/0' }];

const sg = (id: string, name: string, vpc: string, ingress: NonNullable<FakeAccount['regional'][string]['securityGroups'][number]['IpPermissions']>) => ({
  GroupId: id,
  GroupName: name,
  Description: name,
  VpcId: vpc,
  OwnerId: ACCOUNT,
  IpPermissions: ingress,
  IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: world }],
});

const instance = (id: string, name: string, tokens: 'optional' | 'required', image: string) => ({
  InstanceId: id,
  ImageId: image,
  InstanceType: 't3.medium' as const,
  State: { Code: 16, Name: 'running' as const },
  MetadataOptions: { HttpTokens: tokens, HttpEndpoint: 'enabled' as const, State: 'applied' as const, HttpPutResponseHopLimit: 2 },
  PlatformDetails: 'Linux/UNIX',
  Tags: [{ Key: 'Name', Value: name }],
  LaunchTime: new Date('2025-03-14T08:00:00Z'),
});

export const demoAccount: FakeAccount = {
  accountId: ACCOUNT,
  callerArn: `arn:aws:iam::${ACCOUNT}:user/leasehold-auditor`,
  callerUserId: 'AIDAEXAMPLEAUDITOR01',
  regions: [
    { name: 'eu-west-1', optInStatus: 'opt-in-not-required' },
    { name: 'eu-central-1', optInStatus: 'opt-in-not-required' },
    { name: 'us-east-1', optInStatus: 'opt-in-not-required' },
    { name: 'af-south-1', optInStatus: 'not-opted-in' },
  ],
  iam: {
    accountSummary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1, Users: 14, Roles: 37, Policies: 22 },
    passwordPolicy: null,
  },
  regional: {
    'eu-west-1': {
      ebsEncryptionByDefault: true,
      securityGroups: [
        sg('sg-0a1b2c3d4e5f60001', 'default', 'vpc-0e1f2a3b', [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-0a1b2c3d4e5f60001' }] }]),
        sg('sg-0a1b2c3d4e5f60002', 'web-frontend', 'vpc-0e1f2a3b', [
          { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: world, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
          { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: world },
        ]),
        sg('sg-0a1b2c3d4e5f60003', 'bastion-legacy', 'vpc-0e1f2a3b', [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: world }]),
        sg('sg-0a1b2c3d4e5f60004', 'ops-vpn-only', 'vpc-0e1f2a3b', [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.0/24' }] }]),
      ],
      instances: [
        instance('i-0abc1230000000001', 'orders-api-1', 'required', 'ami-0aa1'),
        instance('i-0abc1230000000002', 'orders-api-2', 'required', 'ami-0aa1'),
        instance('i-0abc1230000000003', 'legacy-billing', 'optional', 'ami-0bb2'),
      ],
    },
    'eu-central-1': {
      ebsEncryptionByDefault: false,
      securityGroups: [
        sg('sg-0f9e8d7c6b5a40001', 'default', 'vpc-0c0ffee1', []),
        sg('sg-0f9e8d7c6b5a40002', 'win-jump-host', 'vpc-0c0ffee1', [
          { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: world, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
        ]),
      ],
      instances: [instance('i-0def4560000000001', 'warehouse-sync', 'optional', 'ami-0cc3')],
    },
    'us-east-1': { ebsEncryptionByDefault: false, securityGroups: [sg('sg-01234567890abcdef', 'default', 'vpc-0a0a0a0a', [])], instances: [] },
  },
  trails: [
    {
      Name: 'northwind-audit',
      TrailARN: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/northwind-audit`,
      HomeRegion: 'eu-west-1',
      IsMultiRegionTrail: true,
      IsOrganizationTrail: false,
      S3BucketName: 'northwind-cloudtrail-logs',
      LogFileValidationEnabled: true,
      IncludeGlobalServiceEvents: true,
      isLogging: true,
    },
    {
      Name: 'old-dev-trail',
      TrailARN: `arn:aws:cloudtrail:eu-central-1:${ACCOUNT}:trail/old-dev-trail`,
      HomeRegion: 'eu-central-1',
      IsMultiRegionTrail: false,
      S3BucketName: 'northwind-dev-logs',
      LogFileValidationEnabled: false,
      isLogging: false,
    },
  ],
  s3: {
    buckets: [
      { name: 'northwind-cloudtrail-logs', region: 'eu-west-1', creationDate: new Date('2022-05-02T10:00:00Z'), versioning: 'Enabled' },
      { name: 'northwind-invoices-prod', region: 'eu-west-1', creationDate: new Date('2023-01-17T10:00:00Z'), versioning: 'Enabled' },
      { name: 'northwind-marketing-assets', region: 'eu-west-1', creationDate: new Date('2023-06-08T10:00:00Z'), policyIsPublic: true },
      { name: 'northwind-dev-logs', region: 'eu-central-1', creationDate: new Date('2021-11-30T10:00:00Z'), versioning: 'Suspended' },
      { name: 'northwind-backups-useast', region: 'us-east-1', creationDate: new Date('2024-02-20T10:00:00Z') },
    ],
  },
};
