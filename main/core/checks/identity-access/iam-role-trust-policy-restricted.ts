import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { describe, statements, unreadableMessage, type Statement } from './support/policy.ts';
import { isServiceLinked, principalResource, principals, readAuthz } from './support/principals.ts';
import { unreadable } from './support/unreadable.ts';

const meta = {
  id: 'iam-role-trust-policy-restricted',
  title: 'Role trust policies do not let anyone, or a whole foreign account, assume the role unchecked',
  area: 'identity-access',
  service: 'iam',
  severity: 'high',
  responsibility:
    'Deciding who may assume your roles is your job. Trust specific principals; when trusting another account, require sts:ExternalId (third parties) or MFA.',
  risk: 'A role that trusts "*", a whole outside account or any GitHub repository can be assumed by people you never meant to let in.',
  remediation: {
    console: 'IAM > Roles > the role > Trust relationships > Edit trust policy: name specific principals and add a Condition (sts:ExternalId, aws:MultiFactorAuthPresent, aws:PrincipalOrgID or the OIDC sub).',
    cli: 'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
  ],
} as const satisfies Check['meta'];

/** Condition keys that narrow "*" to your own organization, account or named principals. */
const NARROWING = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths'];
const GITHUB = 'token.actions.githubusercontent.com';

const strings = (v: unknown): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string'));

function problems(s: Statement, own: string): string[] {
  if (s.effect !== 'Allow') return [];
  const keys = Object.values(s.condition ?? {}).flatMap((o) => Object.keys(o ?? {}).map((k) => k.toLowerCase()));
  const narrowed = keys.some((k) => NARROWING.includes(k));
  const vetted = narrowed || keys.includes('sts:externalid') || keys.includes('aws:multifactorauthpresent') || keys.includes('aws:multifactorauthage');
  if (s.notPrincipal !== undefined) return narrowed ? [] : ['NotPrincipal: everyone except the principals listed may assume the role'];
  const p = s.principal;
  const aws = p === '*' ? ['*'] : strings((p as Record<string, unknown> | undefined)?.AWS);
  const federated = p && typeof p === 'object' ? strings((p as Record<string, unknown>).Federated) : [];
  const out: string[] = [];
  for (const a of aws) {
    const account = /^\d{12}$/.exec(a)?.[0] ?? /^arn:[\w-]+:iam::(\d{12}):root$/.exec(a)?.[1];
    if (a === '*' && !narrowed) out.push('Principal "*": any identity in any AWS account');
    else if (account && account !== own && !vetted) out.push(`the whole account ${account}, without an sts:ExternalId or MFA condition`);
  }
  for (const f of federated) {
    if (f.endsWith(`oidc-provider/${GITHUB}`) && !keys.includes(`${GITHUB}:sub`)) out.push(`GitHub Actions OIDC without a condition on ${GITHUB}:sub: any repository can assume the role`);
  }
  return out;
}

export const iamRoleTrustPolicyRestricted: Check = {
  meta,
  needs: ['iam:GetAccountAuthorizationDetails'],
  evaluate(snap) {
    const read = readAuthz(snap);
    if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, GLOBAL), read)];
    // Service-linked roles trust only their AWS service and cannot be changed.
    const roles = principals(read.data).filter((p) => p.kind === 'role' && !isServiceLinked(p));
    if (roles.length === 0) return [finding(meta, snap, accountResource(snap, GLOBAL), 'NOT_APPLICABLE', 'The account has no customer roles.', [evidence(read, { roles: 0 })])];
    return roles.map((role) => {
      const resource = principalResource(role);
      const list = statements(role.trust);
      if (!list) return unreadable(meta, snap, resource, read, unreadableMessage('The trust policy', role.trust, 'was not returned or is not a policy'));
      const bad = list.flatMap((s) => problems(s, snap.meta.accountId).map((why) => ({ why, statement: describe(s) })));
      if (bad.length === 0) return finding(meta, snap, resource, 'PASS', 'The trust policy names specific principals or services, or restricts them with conditions.', [evidence(read, list.map(describe))]);
      return finding(meta, snap, resource, 'FAIL', `The role can be assumed by ${[...new Set(bad.map((b) => b.why))].join('; ')}.`, [evidence(read, bad)]);
    });
  },
};
