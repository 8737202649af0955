import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { allResources, coversAction, statements, unreadableMessage, type Statement } from './support/policy.ts';
import { defaultDocument, effectiveDocuments, isServiceLinked, policiesByArn, principalResource, principals, readAuthz } from './support/principals.ts';
import { unreadable } from './support/unreadable.ts';

/** Known ways to gain more permissions than granted, each a set of actions that must all be allowed on "*". */
const PATHS: { actions: string[]; how: string }[] = [
  { actions: ['iam:CreatePolicyVersion'], how: 'rewrite a managed policy it holds' },
  { actions: ['iam:SetDefaultPolicyVersion'], how: 'switch a policy to a more permissive version' },
  { actions: ['iam:AttachUserPolicy'], how: 'attach any policy to a user' },
  { actions: ['iam:AttachGroupPolicy'], how: 'attach any policy to a group' },
  { actions: ['iam:AttachRolePolicy'], how: 'attach any policy to a role' },
  { actions: ['iam:PutUserPolicy'], how: 'write an inline policy on a user' },
  { actions: ['iam:PutGroupPolicy'], how: 'write an inline policy on a group' },
  { actions: ['iam:PutRolePolicy'], how: 'write an inline policy on a role' },
  { actions: ['iam:AddUserToGroup'], how: 'join a more privileged group' },
  { actions: ['iam:CreateAccessKey'], how: 'create access keys for other users' },
  { actions: ['iam:CreateLoginProfile'], how: 'set a console password for other users' },
  { actions: ['iam:UpdateLoginProfile'], how: 'change other users\' console passwords' },
  { actions: ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], how: 'rewrite a role\'s trust policy and assume it' },
  { actions: ['iam:PassRole', 'ec2:RunInstances'], how: 'launch an instance with a more privileged role' },
  { actions: ['iam:PassRole', 'lambda:CreateFunction'], how: 'create a Lambda function with a more privileged role' },
  { actions: ['iam:PassRole', 'cloudformation:CreateStack'], how: 'create a CloudFormation stack with a more privileged role' },
  { actions: ['iam:PassRole', 'glue:CreateDevEndpoint'], how: 'create a Glue endpoint with a more privileged role' },
];

const meta = {
  id: 'iam-principal-privilege-escalation',
  title: 'Users and roles cannot escalate their own privileges',
  area: 'identity-access',
  service: 'iam',
  severity: 'high',
  responsibility:
    'Designing permissions is your job. Do not grant identities the IAM write actions, or iam:PassRole with compute-creating actions, that let them give themselves more access.',
  risk: 'An identity that can rewrite policies or pass a privileged role to new compute is, in practice, an administrator, whatever its policy names suggest.',
  remediation: {
    console: 'IAM > the user or role > Permissions: remove the listed actions, or scope them to specific resources (for example iam:PassRole only on the roles it must pass, with iam:PassedToService).',
    cli: 'aws iam simulate-principal-policy --policy-source-arn <arn> --action-names iam:PassRole ec2:RunInstances',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html'],
} as const satisfies Check['meta'];

type Labeled = { label: string; s: Statement };

function can(action: string, grants: Labeled[], boundary: Statement[] | undefined): string | undefined {
  // Only unconditional denies are certain to apply; a conditional deny may not.
  const denied = (list: Statement[]) => list.some((s) => s.effect === 'Deny' && !s.condition && allResources(s) && coversAction(s, action));
  const allow = grants.find(({ s }) => s.effect === 'Allow' && allResources(s) && coversAction(s, action));
  if (!allow || denied(grants.map((g) => g.s))) return undefined;
  if (boundary && (!boundary.some((s) => s.effect === 'Allow' && allResources(s) && coversAction(s, action)) || denied(boundary))) return undefined;
  return allow.label;
}

export const iamPrincipalPrivilegeEscalation: Check = {
  meta,
  needs: ['iam:GetAccountAuthorizationDetails'],
  evaluate(snap) {
    const read = readAuthz(snap);
    if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, GLOBAL), read)];
    const all = principals(read.data);
    const byArn = policiesByArn(read.data);
    const subjects = all.filter((p) => p.kind !== 'group' && !isServiceLinked(p));
    if (subjects.length === 0) return [finding(meta, snap, accountResource(snap, GLOBAL), 'NOT_APPLICABLE', 'The account has no IAM users or customer roles.', [evidence(read, { users: 0, roles: 0 })])];
    return subjects.map((p) => {
      const resource = principalResource(p);
      const grants: Labeled[] = [];
      for (const d of effectiveDocuments(p, all, byArn)) {
        const list = statements(d.document);
        if (!list) return unreadable(meta, snap, resource, read, unreadableMessage(`The document of ${d.label}`, d.document, 'was not returned or is not a policy'));
        grants.push(...list.map((s) => ({ label: d.label, s })));
      }
      const boundaryDoc = p.boundaryArn ? defaultDocument(byArn.get(p.boundaryArn)) : undefined;
      const boundary = boundaryDoc ? statements(boundaryDoc) : undefined;
      if (grants.some(({ s }) => s.effect === 'Allow' && allResources(s) && s.action?.some((a) => a === '*' || a === '*:*')) && !p.boundaryArn) {
        return finding(meta, snap, resource, 'NOT_APPLICABLE', `The ${p.kind} already has full administrative access (see iam-policy-no-full-admin and iam-administrator-access-holders).`, [evidence(read, { [p.kind]: p.name })]);
      }
      const paths = PATHS.flatMap((path) => {
        const via = path.actions.map((a) => can(a, grants, boundary));
        return via.every(Boolean) ? [{ actions: path.actions, how: path.how, via: [...new Set(via)] }] : [];
      });
      if (paths.length > 0 && p.boundaryArn && !boundary) {
        return unreadable(meta, snap, resource, read, unreadableMessage(`The permissions boundary ${p.boundaryArn}`, boundaryDoc, 'was not returned, so its limits are unknown'));
      }
      if (paths.length === 0) return finding(meta, snap, resource, 'PASS', 'No known privilege-escalation combination is allowed on all resources.', [evidence(read, { [p.kind]: p.name, policies: [...new Set(grants.map((g) => g.label))] })]);
      const message = `The ${p.kind} can ${paths.map((x) => `${x.how} (${x.actions.join(' + ')})`).join('; ')}.`;
      return finding(meta, snap, resource, 'FAIL', message, [evidence(read, paths)]);
    });
  },
};
