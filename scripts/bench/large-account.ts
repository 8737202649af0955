/**
 * A synthetic large AWS account for the scan benchmark, the same for the same seed: resources
 * weighted towards a few busy regions as real estates are (us-east-1 carries about a third), with
 * realistic shapes (default groups per VPC, a share of open admin ports, IMDSv1 stragglers,
 * versioning mostly off, roles with trust policies and inline policies).
 */
import type { Instance, IpPermission, SecurityGroup } from '@aws-sdk/client-ec2';
import type { ManagedPolicyDetail, RoleDetail } from '@aws-sdk/client-iam';
import type { FakeAccount, FakeBucket, FakeRegion, FakeRegionalResources, FakeTrail } from '../../test/support/fake-aws/account.ts';
import { instance, securityGroup, tcp } from '../../test/support/fake-aws/accounts/builders.ts';
import { seededRandom } from '../../test/support/random.ts';

export interface LargeAccountSize {
  /** Enabled regions (the first N of REGION_WEIGHTS; at most 18). */
  regions: number;
  buckets: number;
  securityGroups: number;
  instances: number;
  roles: number;
}

/** The figures: at least 17 regions, 2,000 buckets, 5,000 groups, 1,000 instances, 1,000 roles. */
export const LARGE: LargeAccountSize = { regions: 18, buckets: 2000, securityGroups: 5000, instances: 1000, roles: 1000 };
/** Small enough for a smoke test: the same shapes, a few seconds end to end. */
export const QUICK: LargeAccountSize = { regions: 4, buckets: 60, securityGroups: 150, instances: 40, roles: 50 };

export const ACCOUNT_ID = '444455556666';

/** The 17 regions enabled by default, then one opt-in region the account has opted in to, by share of resources. */
const REGION_WEIGHTS: [string, number][] = [
  ['us-east-1', 32], ['us-west-2', 14], ['eu-west-1', 11], ['us-east-2', 8], ['eu-central-1', 7], ['ap-southeast-2', 4],
  ['ap-northeast-1', 4], ['eu-west-2', 3], ['ap-southeast-1', 3], ['ca-central-1', 2], ['ap-south-1', 2], ['us-west-1', 2],
  ['sa-east-1', 2], ['eu-north-1', 2], ['ap-northeast-2', 1], ['eu-west-3', 1], ['ap-northeast-3', 1], ['af-south-1', 1],
];
const NOT_OPTED_IN = ['me-central-1', 'ap-east-1', 'eu-south-2'];


export function largeAccount(size: LargeAccountSize = LARGE, seed = 1): FakeAccount {
  const rand = seededRandom(seed);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const enabled = REGION_WEIGHTS.slice(0, Math.min(size.regions, REGION_WEIGHTS.length));
  const totalWeight = enabled.reduce((n, [, w]) => n + w, 0);
  const weighted = (): string => {
    let r = rand() * totalWeight;
    for (const [name, w] of enabled) if ((r -= w) < 0) return name;
    return enabled[0]?.[0] ?? 'us-east-1';
  };

  const regions: FakeRegion[] = [
    ...enabled.map(([name]) => ({ name, optInStatus: name === 'af-south-1' ? ('opted-in' as const) : ('opt-in-not-required' as const) })),
    ...NOT_OPTED_IN.map((name) => ({ name, optInStatus: 'not-opted-in' as const })),
  ];
  const regional: Record<string, FakeRegionalResources> = {};
  const vpcs = new Map<string, string[]>();
  for (const [name] of enabled) {
    const vpcIds = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `vpc-0${hex(16)}`);
    vpcs.set(name, vpcIds);
    const groups = vpcIds.map((vpc) => securityGroup(name, ACCOUNT_ID, vpc, `sg-0${hex(16)}`, 'default', 'default VPC security group', []));
    regional[name] = { ebsEncryptionByDefault: rand() < 0.4, securityGroups: groups, instances: [] };
  }
  const res = (region: string) => regional[region] as FakeRegionalResources;

  const defaults = [...vpcs.values()].reduce((n, v) => n + v.length, 0);
  for (let i = defaults; i < size.securityGroups; i++) {
    const region = weighted();
    const vpc = pick(vpcs.get(region) ?? []);
    res(region).securityGroups.push(securityGroup(region, ACCOUNT_ID, vpc, `sg-0${hex(16)}`, `${pick(APPS)}-${i}`, `Managed by ${pick(TEAMS)}`, ingress(rand, pick)));
  }

  for (let i = 0; i < size.instances; i++) {
    const region = weighted();
    const groups = res(region).securityGroups;
    const group = pick(groups) as SecurityGroup;
    const spec: Instance = instance(`${region}${pick(['a', 'b', 'c'])}`, {
      InstanceId: `i-0${hex(16)}`,
      ImageId: `ami-0${hex(16)}`,
      InstanceType: pick(['t3.micro', 't3.large', 'm6i.xlarge', 'c7g.2xlarge', 'r6i.large'] as const),
      name: `${pick(APPS)}-${i}`,
      httpTokens: rand() < 0.7 ? 'required' : 'optional',
      privateIp: `10.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}.${1 + Math.floor(rand() * 254)}`,
      ...(rand() < 0.2 ? { publicIp: `54.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}.${1 + Math.floor(rand() * 254)}` } : {}),
      vpcId: group.VpcId ?? '',
      groups: [{ GroupId: group.GroupId ?? '', GroupName: group.GroupName ?? '' }],
      stopped: rand() < 0.15,
      ...(rand() < 0.1 ? { platform: 'Windows' as const } : {}),
    });
    res(region).instances.push(spec);
  }

  const buckets: FakeBucket[] = Array.from({ length: size.buckets }, (_, i) => {
    const region = weighted();
    const r = rand();
    return {
      name: `${pick(APPS)}-${pick(['logs', 'data', 'backup', 'artifacts', 'static', 'exports'])}-${region}-${i}-${hex(6)}`,
      region,
      creationDate: new Date(Date.UTC(2016 + Math.floor(rand() * 9), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28))),
      ...(r < 0.35 ? { versioning: 'Enabled' as const } : r < 0.45 ? { versioning: 'Suspended' as const } : {}),
    };
  });

  const home = enabled[0]?.[0] ?? 'us-east-1';
  const trails: FakeTrail[] = [
    trail(home, 'org-audit-trail', true, true),
    ...enabled.slice(1, 4).map(([region], i) => trail(region, `team-${i}-trail`, false, rand() < 0.7)),
  ];

  return {
    accountId: ACCOUNT_ID,
    callerArn: `arn:aws:iam::${ACCOUNT_ID}:user/leasehold-bench`,
    callerUserId: 'AIDABENCHBENCHBENCH01',
    regions,
    iam: {
      accountSummary: { Users: 60, Groups: 12, Roles: size.roles, Policies: 150, AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 },
      passwordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, AllowUsersToChangePassword: true },
      authorization: authorization(size.roles, rand, hex, pick),
    },
    regional,
    trails,
    s3: { buckets },
  };
}

const APPS = ['web', 'api', 'billing', 'search', 'etl', 'ml', 'auth', 'ledger', 'mail', 'media', 'ops', 'crm'] as const;
const TEAMS = ['platform', 'payments', 'data', 'growth', 'security', 'sre'] as const;

function ingress(rand: () => number, pick: <T>(xs: readonly T[]) => T): IpPermission[] {
  const rules = [tcp(pick([443, 80, 8080, 5432, 6379]), { cidrs: [`10.${Math.floor(rand() * 256)}.0.0/16`] })];
  if (rand() < 0.3) rules.push(tcp(443, { cidrs: ['0.0.0.0/0'], ipv6: ['::/0'] }));
  if (rand() < 0.05) rules.push(tcp(pick([22, 3389]), { cidrs: ['0.0.0.0/0'], description: 'temporary' }));
  return rules;
}

function trail(region: string, name: string, multiRegion: boolean, isLogging: boolean): FakeTrail {
  return {
    Name: name,
    TrailARN: `arn:aws:cloudtrail:${region}:${ACCOUNT_ID}:trail/${name}`,
    HomeRegion: region,
    S3BucketName: `${name}-logs-${ACCOUNT_ID}`,
    IsMultiRegionTrail: multiRegion,
    IncludeGlobalServiceEvents: multiRegion,
    IsOrganizationTrail: false,
    LogFileValidationEnabled: true,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    isLogging,
  };
}

const doc = (statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statement });

function authorization(roles: number, rand: () => number, hex: (n: number) => string, pick: <T>(xs: readonly T[]) => T) {
  const created = new Date('2021-03-04T05:06:07Z');
  const policies: ManagedPolicyDetail[] = [
    ...['ReadOnlyAccess', 'AdministratorAccess', 'AmazonS3ReadOnlyAccess', 'SecurityAudit'].map((name) => ({
      PolicyName: name, PolicyId: `ANPA${hex(17).toUpperCase()}`, Arn: `arn:aws:iam::aws:policy/${name}`, Path: '/',
      DefaultVersionId: 'v1', AttachmentCount: 10, IsAttachable: true, CreateDate: created, UpdateDate: created,
      PolicyVersionList: [{ Document: doc([{ Effect: 'Allow', Action: name === 'AdministratorAccess' ? '*' : ['s3:Get*', 's3:List*'], Resource: '*' }]), VersionId: 'v1', IsDefaultVersion: true, CreateDate: created }],
    })),
    ...Array.from({ length: 150 }, (_, i) => ({
      PolicyName: `${pick(APPS)}-access-${i}`, PolicyId: `ANPA${hex(17).toUpperCase()}`, Arn: `arn:aws:iam::${ACCOUNT_ID}:policy/${pick(APPS)}-access-${i}`,
      Path: '/', DefaultVersionId: 'v2', AttachmentCount: 1 + Math.floor(rand() * 5), IsAttachable: true, CreateDate: created, UpdateDate: created,
      PolicyVersionList: [{ Document: doc([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::${pick(APPS)}-data/*` }]), VersionId: 'v2', IsDefaultVersion: true, CreateDate: created }],
    })),
  ];
  const roleDetails: RoleDetail[] = Array.from({ length: roles }, (_, i) => {
    const name = `${pick(APPS)}-${pick(['task', 'lambda', 'ci', 'reader', 'admin'])}-${i}`;
    return {
      Path: '/', RoleName: name, RoleId: `AROA${hex(17).toUpperCase()}`, Arn: `arn:aws:iam::${ACCOUNT_ID}:role/${name}`, CreateDate: created,
      AssumeRolePolicyDocument: doc([{ Effect: 'Allow', Principal: { Service: pick(['ecs-tasks.amazonaws.com', 'lambda.amazonaws.com', 'ec2.amazonaws.com']) }, Action: 'sts:AssumeRole' }]),
      InstanceProfileList: [],
      RolePolicyList: rand() < 0.3 ? [{ PolicyName: 'inline', PolicyDocument: doc([{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }]) }] : [],
      AttachedManagedPolicies: [{ PolicyName: policies[4 + (i % 150)]?.PolicyName, PolicyArn: policies[4 + (i % 150)]?.Arn }],
      Tags: [{ Key: 'team', Value: pick(TEAMS) }],
      RoleLastUsed: rand() < 0.8 ? { LastUsedDate: new Date('2026-05-01T00:00:00Z'), Region: 'us-east-1' } : {},
    };
  });
  const groups = Array.from({ length: 12 }, (_, i) => ({
    Path: '/', GroupName: `${pick(TEAMS)}-${i}`, GroupId: `AGPA${hex(17).toUpperCase()}`, Arn: `arn:aws:iam::${ACCOUNT_ID}:group/g-${i}`, CreateDate: created,
    GroupPolicyList: [], AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
  }));
  const users = Array.from({ length: 60 }, (_, i) => ({
    Path: '/', UserName: `user-${i}`, UserId: `AIDA${hex(17).toUpperCase()}`, Arn: `arn:aws:iam::${ACCOUNT_ID}:user/user-${i}`, CreateDate: created,
    UserPolicyList: [], GroupList: [groups[i % groups.length]?.GroupName ?? ''], AttachedManagedPolicies: [], Tags: [],
  }));
  return { users, groups, roles: roleDetails, policies };
}
