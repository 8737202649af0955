/**
 * The seed of the fake: one AWS account described with the SDK's own output types, so a fixture
 * reads like the responses the scanner will parse (EC2 `Instance`, `SecurityGroup`, CloudTrail
 * `Trail`, IAM `PasswordPolicy`). Servers never mutate it.
 */
import type { Instance, SecurityGroup } from '@aws-sdk/client-ec2';
import type { GetTrailStatusResponse, Trail } from '@aws-sdk/client-cloudtrail';
import type { PasswordPolicy } from '@aws-sdk/client-iam';

export type OptInStatus = 'opt-in-not-required' | 'opted-in' | 'not-opted-in';

export interface FakeRegion {
  name: string;
  optInStatus: OptInStatus;
}

export interface FakeRegionalResources {
  ebsEncryptionByDefault: boolean;
  securityGroups: SecurityGroup[];
  /** One reservation per instance on the wire (reservation id derived from the instance id). */
  instances: Instance[];
}

/** A trail lives in its HomeRegion; a multi-region trail also shows as a shadow trail elsewhere. */
export type FakeTrail = Trail & {
  isLogging: boolean;
  /** Extra GetTrailStatus fields (delivery times, errors); IsLogging comes from `isLogging`. */
  status?: Omit<GetTrailStatusResponse, 'IsLogging'>;
};

export interface FakePublicAccessBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

export interface FakeBucket {
  name: string;
  region: string;
  creationDate: Date;
  /** Absent: versioning never configured (AWS then returns an empty VersioningConfiguration). */
  versioning?: 'Enabled' | 'Suspended';
  mfaDelete?: 'Enabled' | 'Disabled';
  /** Absent or null: no bucket-level block (GetPublicAccessBlock answers 404). */
  publicAccessBlock?: FakePublicAccessBlock | null;
  /** Absent or null: no bucket policy (GetBucketPolicyStatus answers 404 NoSuchBucketPolicy). */
  policyIsPublic?: boolean | null;
}

export interface FakeAccount {
  accountId: string;
  callerArn: string;
  callerUserId: string;
  regions: FakeRegion[];
  iam: {
    /** GetAccountSummary's SummaryMap, e.g. { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 }. */
    accountSummary: Record<string, number>;
    passwordPolicy: PasswordPolicy | null;
  };
  /** Resources per region; an enabled region without an entry is empty (and EBS encryption off). */
  regional: Record<string, FakeRegionalResources>;
  trails: FakeTrail[];
  s3: { buckets: FakeBucket[] };
}

const EMPTY_REGION: FakeRegionalResources = { ebsEncryptionByDefault: false, securityGroups: [], instances: [] };

export function regionalResources(account: FakeAccount, region: string): FakeRegionalResources {
  return account.regional[region] ?? EMPTY_REGION;
}

/**
 * Whether the account can call regional endpoints in `region`. A region missing from `regions`
 * is treated like one not opted in: the account's credentials are not valid there.
 */
export function isRegionEnabled(account: FakeAccount, region: string): boolean {
  const found = account.regions.find((r) => r.name === region);
  return found !== undefined && found.optInStatus !== 'not-opted-in';
}
