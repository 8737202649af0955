/**
 * Users, groups and roles from one GetAccountAuthorizationDetails, with the policies that apply
 * to each (a user's groups included) and the documents behind them.
 */
import type { AttachedPolicy } from '@aws-sdk/client-iam';
import type { AuthorizationDetails, PolicyDocument, StoredManagedPolicy } from '../../../collect/iam.ts';
import { GLOBAL, type Read, type Snapshot } from '../../../engine/snapshot.ts';
import type { Resource } from '../../helpers.ts';

export const AUTHZ = 'iam:GetAccountAuthorizationDetails';

export type Kind = 'user' | 'group' | 'role';

export interface Principal {
  kind: Kind;
  name: string;
  arn: string;
  path: string;
  attached: AttachedPolicy[];
  inline: { name: string; document: PolicyDocument | undefined }[];
  /** Users: the groups they belong to. */
  groups: string[];
  boundaryArn?: string;
  /** Roles: the trust policy. */
  trust?: PolicyDocument;
}

export function readAuthz(snap: Snapshot): Read<AuthorizationDetails> {
  return snap.read<AuthorizationDetails>(AUTHZ, GLOBAL);
}

export function principals(auth: AuthorizationDetails): Principal[] {
  const inline = (l: { PolicyName?: string; PolicyDocument?: PolicyDocument }[] | undefined) =>
    (l ?? []).map((p) => ({ name: p.PolicyName ?? '', document: p.PolicyDocument }));
  return [
    ...(auth.UserDetailList ?? []).map((u): Principal => ({
      kind: 'user', name: u.UserName ?? '', arn: u.Arn ?? '', path: u.Path ?? '/', attached: u.AttachedManagedPolicies ?? [],
      inline: inline(u.UserPolicyList), groups: u.GroupList ?? [], boundaryArn: u.PermissionsBoundary?.PermissionsBoundaryArn,
    })),
    ...(auth.GroupDetailList ?? []).map((g): Principal => ({
      kind: 'group', name: g.GroupName ?? '', arn: g.Arn ?? '', path: g.Path ?? '/', attached: g.AttachedManagedPolicies ?? [],
      inline: inline(g.GroupPolicyList), groups: [],
    })),
    ...(auth.RoleDetailList ?? []).map((r): Principal => ({
      kind: 'role', name: r.RoleName ?? '', arn: r.Arn ?? '', path: r.Path ?? '/', attached: r.AttachedManagedPolicies ?? [],
      inline: inline(r.RolePolicyList), groups: [], boundaryArn: r.PermissionsBoundary?.PermissionsBoundaryArn,
      trust: r.AssumeRolePolicyDocument,
    })),
  ];
}

export function principalResource(p: Principal): Resource {
  return { id: p.name, arn: p.arn, name: p.name, region: GLOBAL };
}

/** Roles AWS creates and controls for a service; the customer cannot change their policies. */
export const isServiceLinked = (p: Principal): boolean => p.kind === 'role' && p.path.startsWith('/aws-service-role/');

/** An AWS managed policy by name, in any partition (arn:aws:, arn:aws-cn:, arn:aws-us-gov:). */
export const awsManaged = (name: string) => (arn: string | undefined): boolean => /^arn:[\w-]+:iam::aws:policy\//.test(arn ?? '') && (arn ?? '').endsWith(`/${name}`);

export const isAwsManagedArn = (arn: string | undefined): boolean => /^arn:[\w-]+:iam::aws:policy\//.test(arn ?? '');

/**
 * A managed policy's name. IAM always sends PolicyName; moto 5.2.1 omits it. The ARN ends with the
 * name, which cannot contain "/" (arn:aws:iam::<account>:policy/<path>/<name>, IAM identifiers reference).
 */
export function managedPolicyName(policy: StoredManagedPolicy): string {
  return policy.PolicyName || policy.Arn?.split('/').pop() || policy.Arn || '';
}

/**
 * How many users and roles use the policy as their permissions boundary. IAM always sends
 * PermissionsBoundaryUsageCount; moto 5.2.1 omits it, so it is counted from the same answer's users
 * and roles (the count is defined as exactly that: ManagedPolicyDetail, IAM API reference).
 */
export function boundaryUses(auth: AuthorizationDetails, policy: StoredManagedPolicy): number {
  if (policy.PermissionsBoundaryUsageCount !== undefined) return policy.PermissionsBoundaryUsageCount;
  const holders = [...(auth.UserDetailList ?? []), ...(auth.RoleDetailList ?? [])];
  return holders.filter((h) => h.PermissionsBoundary?.PermissionsBoundaryArn === policy.Arn).length;
}

/** Attached to nothing and used as a boundary: it can only limit, never grant (IAM.1 and IAM.21 skip it). */
export const isBoundaryOnly = (auth: AuthorizationDetails, policy: StoredManagedPolicy): boolean => !policy.AttachmentCount && boundaryUses(auth, policy) > 0;

/** The document of a managed policy's default version; undefined when it was not returned. */
export function defaultDocument(policy: StoredManagedPolicy | undefined): PolicyDocument | undefined {
  return policy?.PolicyVersionList?.find((v) => v.IsDefaultVersion)?.Document;
}

export function policiesByArn(auth: AuthorizationDetails): Map<string, StoredManagedPolicy> {
  return new Map((auth.Policies ?? []).map((p) => [p.Arn ?? '', p]));
}

/** Every policy document that applies to a principal (for users, their groups' too), by label. */
export function effectiveDocuments(p: Principal, all: Principal[], byArn: Map<string, StoredManagedPolicy>): { label: string; document: PolicyDocument | undefined }[] {
  const groups = p.kind === 'user' ? all.filter((g) => g.kind === 'group' && p.groups.includes(g.name)) : [];
  const out: { label: string; document: PolicyDocument | undefined }[] = [];
  for (const owner of [p, ...groups]) {
    const via = owner === p ? '' : ` (via group ${owner.name})`;
    for (const a of owner.attached) out.push({ label: `${a.PolicyName ?? a.PolicyArn ?? '?'}${via}`, document: defaultDocument(byArn.get(a.PolicyArn ?? '')) });
    for (const i of owner.inline) out.push({ label: `inline ${i.name}${via}`, document: i.document });
  }
  return out;
}

/** Who has a given AWS managed policy attached: users directly or through a group, groups, roles. */
export function holders(all: Principal[], matches: (arn: string | undefined) => boolean): { principal: Principal; how: string }[] {
  const groupsWith = new Set(all.filter((g) => g.kind === 'group' && g.attached.some((a) => matches(a.PolicyArn))).map((g) => g.name));
  const out: { principal: Principal; how: string }[] = [];
  for (const p of all) {
    const direct = p.attached.some((a) => matches(a.PolicyArn));
    const via = p.groups.filter((g) => groupsWith.has(g));
    if (!direct && via.length === 0) continue;
    const how = [direct ? `attached to the ${p.kind}` : '', via.length > 0 ? `through group ${via.join(', ')}` : ''].filter(Boolean).join(' and ');
    out.push({ principal: p, how });
  }
  return out;
}
