import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { principalResource, principals, readAuthz } from './support/principals.ts';

const meta = {
  id: 'iam-user-no-attached-policies',
  title: 'IAM users get permissions only through groups or roles',
  area: 'identity-access',
  service: 'iam',
  severity: 'low',
  responsibility: 'Organising who may do what is your job. Grant permissions to groups and roles, not to individual users.',
  risk: 'Policies scattered across individual users are hard to review, so excess permissions go unnoticed and outlive the person\'s job.',
  remediation: {
    console: 'IAM > Users > the user > Permissions: move each policy to a group the user belongs to, then remove it from the user.',
    cli: 'aws iam detach-user-policy --user-name <user> --policy-arn <arn>; aws iam delete-user-policy --user-name <user> --policy-name <name>',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html'],
} as const satisfies Check['meta'];

export const iamUserNoAttachedPolicies: Check = {
  meta,
  needs: ['iam:GetAccountAuthorizationDetails'],
  evaluate(snap) {
    const read = readAuthz(snap);
    if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, GLOBAL), read)];
    const users = principals(read.data).filter((p) => p.kind === 'user');
    if (users.length === 0) return [finding(meta, snap, accountResource(snap, GLOBAL), 'NOT_APPLICABLE', 'The account has no IAM users.', [evidence(read, { UserDetailList: [] })])];
    return users.map((u) => {
      const managed = u.attached.map((a) => a.PolicyName ?? a.PolicyArn ?? '?');
      const inline = u.inline.map((i) => i.name);
      const proof = [evidence(read, { UserName: u.name, AttachedManagedPolicies: u.attached, UserPolicyList: inline, GroupList: u.groups })];
      if (managed.length === 0 && inline.length === 0) return finding(meta, snap, principalResource(u), 'PASS', 'No policy is attached directly to the user.', proof);
      const parts = [managed.length > 0 ? `managed ${managed.join(', ')}` : '', inline.length > 0 ? `inline ${inline.join(', ')}` : ''].filter(Boolean);
      return finding(meta, snap, principalResource(u), 'FAIL', `Policies attached directly to the user: ${parts.join('; ')}.`, proof);
    });
  },
};
