/**
 * The seed of the fake: one AWS account described with the SDK's own output types, so a fixture
 * reads like the responses the scanner will parse (EC2 `Instance`, `SecurityGroup`, CloudTrail
 * `Trail`, IAM `PasswordPolicy`). Servers never mutate it.
 */
import type { Instance, SecurityGroup } from '@aws-sdk/client-ec2';
import type { GetTrailStatusResponse, Trail } from '@aws-sdk/client-cloudtrail';
import type { GroupDetail, ManagedPolicyDetail, PasswordPolicy, RoleDetail, UserDetail } from '@aws-sdk/client-iam';
import type { AccountExtensions } from './ext/types.ts';

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

/**
 * IAM entities as GetAccountAuthorizationDetails returns them, except that policy documents are
 * plain JSON here: the fake URL-encodes them on the wire, as IAM does. A policy whose Arn starts
 * with `arn:aws:iam::aws:policy/` is AWS managed (Filter `AWSManagedPolicy`), any other is local.
 */
export interface FakeAuthorization {
  users: UserDetail[];
  groups: GroupDetail[];
  roles: RoleDetail[];
  policies: ManagedPolicyDetail[];
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
    /** GetAccountAuthorizationDetails' entities. Absent: the account has none. */
    authorization?: FakeAuthorization;
  };
  /** Resources per region; an enabled region without an entry is empty (and EBS encryption off). */
  regional: Record<string, FakeRegionalResources>;
  trails: FakeTrail[];
  s3: { buckets: FakeBucket[] };
  /** Keys, roles and IAM Identity Center for sign-in tests. Absent: any key signs in as `callerArn`. */
  signIn?: FakeSignIn;
  /** Data added by each area of the check catalogue (see ext/). */
  ext?: AccountExtensions;
  /**
   * Accounts of this (management) account's organization: AssumeRole into a role of a member's
   * `signIn.roles` issues keys the server then answers with that member's data (services/sts.ts).
   */
  members?: FakeAccount[];
}

/** An access key with its own identity. Keys not listed sign in as the account's `callerArn`. */
export interface FakeAccessKey {
  accessKeyId: string;
  arn: string;
  userId: string;
  /** Requests signed with the key after this many are refused as expired (ExpiredToken and kin). */
  expiresAfterCalls?: number;
}

/** A role for sts:AssumeRole (and, by name, for IAM Identity Center's GetRoleCredentials). */
export interface FakeRole {
  arn: string;
  /** AssumeRole is AccessDenied unless this ExternalId is sent. */
  externalId?: string;
  /** AssumeRole is AccessDenied unless SerialNumber is this and TokenCode a six-digit code not used before. */
  mfaSerial?: string;
  /** Seconds; AWS's default is 3600. */
  maxSessionDuration?: number;
}

export interface FakeSignIn {
  accessKeys?: FakeAccessKey[];
  /** Roles AssumeRole accepts; any other RoleArn is AccessDenied. */
  roles?: FakeRole[];
  /** IAM Identity Center: bearer tokens the portal accepts (what `aws sso login` cached) and the user's roles. */
  sso?: { accessTokens: string[]; roleNames: string[]; userName: string; credentialsTtlSeconds?: number };
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
