import {
  GetAccountAuthorizationDetailsCommand,
  GetAccountSummaryCommand,
  type EntityType,
  type GetAccountAuthorizationDetailsCommandOutput,
  type GetAccountSummaryCommandOutput,
  type GroupDetail,
  type InstanceProfile,
  type ManagedPolicyDetail,
  type PolicyDetail,
  type PolicyVersion,
  type Role,
  type RoleDetail,
  type UserDetail,
} from '@aws-sdk/client-iam';
import { collectPages } from './paginate.ts';
import { MAX_POLICY_DEPTH, nestsDeeperThan } from './policy-depth.ts';
import type { DatasetDef } from './types.ts';

/**
 * A policy document as stored: parsed JSON, or the decoded text when it is not a JSON object or
 * nests deeper than MAX_POLICY_DEPTH. Checks read text as "not a policy" (NOT_ASSESSED).
 */
export type PolicyDocument = Record<string, unknown> | string;

type WithDocument<T, K extends keyof T> = Omit<T, K> & { [P in K]?: PolicyDocument };
export type StoredPolicyDetail = WithDocument<PolicyDetail, 'PolicyDocument'>;
export type StoredRole = Omit<WithDocument<RoleDetail, 'AssumeRolePolicyDocument'>, 'RolePolicyList' | 'InstanceProfileList'> & {
  RolePolicyList?: StoredPolicyDetail[];
  InstanceProfileList?: (Omit<InstanceProfile, 'Roles'> & { Roles?: WithDocument<Role, 'AssumeRolePolicyDocument'>[] })[];
};
export type StoredManagedPolicy = Omit<ManagedPolicyDetail, 'PolicyVersionList'> & { PolicyVersionList?: WithDocument<PolicyVersion, 'Document'>[] };

/**
 * GetAccountAuthorizationDetails as stored: every page merged, every policy document URL-decoded
 * and parsed, so checks read `RoleDetailList[i].AssumeRolePolicyDocument.Statement` directly.
 */
export interface AuthorizationDetails {
  UserDetailList: (Omit<UserDetail, 'UserPolicyList'> & { UserPolicyList?: StoredPolicyDetail[] })[];
  GroupDetailList: (Omit<GroupDetail, 'GroupPolicyList'> & { GroupPolicyList?: StoredPolicyDetail[] })[];
  RoleDetailList: StoredRole[];
  Policies: StoredManagedPolicy[];
}

const ALL_ENTITIES: EntityType[] = ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'];

export const iamDatasets: DatasetDef[] = [
  {
    id: 'iam:GetAccountSummary',
    service: 'iam',
    scope: 'global',
    iamActions: ['iam:GetAccountSummary'],
    async collect(ctx) {
      const out = await ctx.send<GetAccountSummaryCommandOutput>(
        ctx.session.client('iam', ctx.homeRegion),
        new GetAccountSummaryCommand({}),
      );
      return out.SummaryMap ?? {};
    },
  },
  {
    id: 'iam:GetAccountAuthorizationDetails',
    service: 'iam',
    scope: 'global',
    iamActions: ['iam:GetAccountAuthorizationDetails'],
    async collect(ctx): Promise<AuthorizationDetails> {
      const client = ctx.session.client('iam', ctx.homeRegion);
      // 1,000 is the largest page IAM serves; the default of 100 would cost ten times the calls.
      const pages = await collectPages<GetAccountAuthorizationDetailsCommandOutput, GetAccountAuthorizationDetailsCommandOutput>(
        (Marker) => ctx.send(client, new GetAccountAuthorizationDetailsCommand({ Filter: ALL_ENTITIES, MaxItems: 1000, Marker })),
        (page) => [page],
        (page) => (page.IsTruncated ? page.Marker : undefined),
      );
      return {
        UserDetailList: pages.flatMap((p) => p.UserDetailList ?? []).map((u) => ({ ...u, UserPolicyList: decodeInline(u.UserPolicyList) })),
        GroupDetailList: pages.flatMap((p) => p.GroupDetailList ?? []).map((g) => ({ ...g, GroupPolicyList: decodeInline(g.GroupPolicyList) })),
        RoleDetailList: pages.flatMap((p) => p.RoleDetailList ?? []).map(decodeRole),
        Policies: inUse(pages).map((p) => ({
          ...p,
          PolicyVersionList: p.PolicyVersionList?.map((v) => ({ ...v, Document: decodePolicy(v.Document) })),
        })),
      };
    },
  },
];

const AWS_MANAGED = /^arn:[\w-]+:iam::aws:policy\//;

/**
 * The account's own policies, and the AWS managed ones someone here holds (attached or as a boundary).
 * An emulator may list every AWS managed policy (moto 5.2.1 sends ~1,500, 3 MB): no check reads an
 * unheld one, so they are not stored.
 */
function inUse(pages: GetAccountAuthorizationDetailsCommandOutput[]): ManagedPolicyDetail[] {
  const held = new Set<string>();
  for (const page of pages) {
    for (const e of [...(page.UserDetailList ?? []), ...(page.GroupDetailList ?? []), ...(page.RoleDetailList ?? [])]) {
      for (const a of e.AttachedManagedPolicies ?? []) if (a.PolicyArn) held.add(a.PolicyArn);
      if ('PermissionsBoundary' in e && e.PermissionsBoundary?.PermissionsBoundaryArn) held.add(e.PermissionsBoundary.PermissionsBoundaryArn);
    }
  }
  return pages
    .flatMap((p) => p.Policies ?? [])
    .filter((p) => !AWS_MANAGED.test(p.Arn ?? '') || Boolean(p.AttachmentCount) || Boolean(p.PermissionsBoundaryUsageCount) || held.has(p.Arn ?? ''));
}

/** IAM sends policy documents URL-encoded (RFC 3986); the SDK hands them over as they came. */
export function decodePolicy(document: string | undefined): PolicyDocument | undefined {
  if (document === undefined) return undefined;
  let text = document;
  try {
    text = decodeURIComponent(document);
  } catch {
    // Not URL-encoded after all (an emulator that sends plain JSON): keep it as it came.
  }
  // Kept as text, as an unparseable document is: checks tell the two apart with isTooDeep (policy-depth.ts).
  if (nestsDeeperThan(text, MAX_POLICY_DEPTH)) return text;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : text;
  } catch {
    return text;
  }
}

function decodeInline(list: PolicyDetail[] | undefined): StoredPolicyDetail[] | undefined {
  return list?.map((p) => ({ ...p, PolicyDocument: decodePolicy(p.PolicyDocument) }));
}

function decodeRole(role: RoleDetail): StoredRole {
  return {
    ...role,
    AssumeRolePolicyDocument: decodePolicy(role.AssumeRolePolicyDocument),
    RolePolicyList: decodeInline(role.RolePolicyList),
    InstanceProfileList: role.InstanceProfileList?.map((ip) => ({
      ...ip,
      Roles: ip.Roles?.map((r) => ({ ...r, AssumeRolePolicyDocument: decodePolicy(r.AssumeRolePolicyDocument) })),
    })),
  };
}
