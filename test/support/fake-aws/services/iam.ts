/** IAM over awsQuery. Global: the fake ignores the signing region (see README). */
import {
  GetAccountAuthorizationDetailsResponse$,
  GetAccountPasswordPolicyResponse$,
  GetAccountSummaryResponse$,
  type ManagedPolicyDetail,
  type PolicyDetail,
  type RoleDetail,
} from '@aws-sdk/client-iam';
import type { FakeAuthorization } from '../account.ts';
import { paginate, queryList } from '../params.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';

const ENTITY_TYPES = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;
type EntityType = (typeof ENTITY_TYPES)[number];
type Entity = { list: 'UserDetailList' | 'GroupDetailList' | 'RoleDetailList' | 'Policies'; item: object };

/** IAM returns policy documents URL-encoded per RFC 3986 (encodeURIComponent leaves !'()* alone). */
export function encodePolicy(document: string | undefined): string | undefined {
  if (document === undefined) return undefined;
  return encodeURIComponent(document).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const encodeInline = (list: PolicyDetail[] | undefined) => list?.map((p) => ({ ...p, PolicyDocument: encodePolicy(p.PolicyDocument) }));

function encodeRole(role: RoleDetail): RoleDetail {
  return {
    ...role,
    AssumeRolePolicyDocument: encodePolicy(role.AssumeRolePolicyDocument),
    RolePolicyList: encodeInline(role.RolePolicyList),
    InstanceProfileList: role.InstanceProfileList?.map((ip) => ({
      ...ip,
      Roles: ip.Roles?.map((r) => ({ ...r, AssumeRolePolicyDocument: encodePolicy(r.AssumeRolePolicyDocument) })),
    })),
  };
}

function encodeEntity({ list, item }: Entity): object {
  if (list === 'RoleDetailList') return encodeRole(item as RoleDetail);
  if (list === 'Policies') {
    const policy = item as ManagedPolicyDetail;
    return { ...policy, PolicyVersionList: policy.PolicyVersionList?.map((v) => ({ ...v, Document: encodePolicy(v.Document) })) };
  }
  const inline = list === 'UserDetailList' ? 'UserPolicyList' : 'GroupPolicyList';
  const detail = item as Record<string, PolicyDetail[] | undefined>;
  return { ...detail, [inline]: encodeInline(detail[inline]) };
}

const validation = (message: string) => new AwsError('ValidationError', message, 400);

/** Users, then groups, then roles, then policies, as IAM lists them; pages cut across the lists. */
function entities(auth: FakeAuthorization | undefined, wanted: Set<EntityType>): Entity[] {
  if (!auth) return [];
  const awsManaged = (p: ManagedPolicyDetail) => (p.Arn ?? '').startsWith('arn:aws:iam::aws:policy/');
  return [
    ...(wanted.has('User') ? auth.users.map((item) => ({ list: 'UserDetailList' as const, item })) : []),
    ...(wanted.has('Group') ? auth.groups.map((item) => ({ list: 'GroupDetailList' as const, item })) : []),
    ...(wanted.has('Role') ? auth.roles.map((item) => ({ list: 'RoleDetailList' as const, item })) : []),
    ...auth.policies
      .filter((p) => wanted.has(awsManaged(p) ? 'AWSManagedPolicy' : 'LocalManagedPolicy'))
      .map((item) => ({ list: 'Policies' as const, item })),
  ];
}

function getAccountAuthorizationDetails({ account, params }: OperationContext) {
  const filter = queryList(params, 'Filter');
  const unknown = filter.find((f) => !(ENTITY_TYPES as readonly string[]).includes(f));
  if (unknown !== undefined) {
    throw validation(`1 validation error detected: Value '[${filter.join(', ')}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${ENTITY_TYPES.join(', ')}]]`);
  }
  const raw = params.get('MaxItems');
  const maxItems = raw === null ? 100 : Number(raw);
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000) {
    throw validation(`1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`);
  }
  const wanted = new Set<EntityType>(filter.length > 0 ? (filter as EntityType[]) : ENTITY_TYPES);
  const page = paginate(entities(account.iam.authorization, wanted), {
    scope: `iam:GetAccountAuthorizationDetails:${[...wanted].sort().join(',')}`,
    limit: maxItems,
    token: params.get('Marker'),
    tokenError: validation('Invalid Marker.'),
  });
  const out: Record<Entity['list'], object[]> = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
  for (const e of page.items) out[e.list].push(encodeEntity(e));
  return { ...out, IsTruncated: page.nextToken !== undefined, Marker: page.nextToken };
}

export const iam: ServiceModule = {
  name: 'iam',
  protocol: 'query',
  xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
  global: true,
  operations: {
    GetAccountSummary: {
      output: GetAccountSummaryResponse$,
      handle: ({ account }) => ({ SummaryMap: account.iam.accountSummary }),
    },
    GetAccountPasswordPolicy: {
      output: GetAccountPasswordPolicyResponse$,
      handle: ({ account }) => {
        const policy = account.iam.passwordPolicy;
        if (!policy) {
          throw new AwsError('NoSuchEntity', `The Password Policy with domain name ${account.accountId} cannot be found.`, 404);
        }
        return { PasswordPolicy: policy };
      },
    },
    GetAccountAuthorizationDetails: { output: GetAccountAuthorizationDetailsResponse$, handle: getAccountAuthorizationDetails },
  },
};
