import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { awsManaged, holders, principalResource, principals, readAuthz } from './support/principals.ts';

const meta = {
  id: 'iam-administrator-access-holders',
  title: 'Who holds the AWS managed AdministratorAccess policy',
  area: 'identity-access',
  service: 'iam',
  severity: 'medium',
  responsibility:
    'Deciding who administers your account is your job. Keep AdministratorAccess to a few break-glass or federated admin roles, and review each holder.',
  risk: 'Every holder of AdministratorAccess can read all data, change every setting and erase the evidence; each one is a full-account compromise waiting to happen.',
  remediation: {
    console: 'IAM > Policies > AdministratorAccess > Entities attached: detach it from every identity that does not need full control, granting narrower policies instead.',
    cli: 'aws iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html'],
} as const satisfies Check['meta'];

export const iamAdministratorAccessHolders: Check = {
  meta,
  needs: ['iam:GetAccountAuthorizationDetails'],
  evaluate(snap) {
    const read = readAuthz(snap);
    if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, GLOBAL), read)];
    const found = holders(principals(read.data), awsManaged('AdministratorAccess'));
    if (found.length === 0) {
      return [finding(meta, snap, accountResource(snap, GLOBAL), 'PASS', 'No user, group or role has AdministratorAccess attached.', [evidence(read, { AdministratorAccessHolders: [] })])];
    }
    return found.map(({ principal, how }) => {
      const proof = [evidence(read, { [principal.kind]: principal.name, AttachedManagedPolicies: principal.attached, GroupList: principal.groups })];
      return finding(meta, snap, principalResource(principal), 'FAIL', `The ${principal.kind} holds AdministratorAccess (${how}).`, proof);
    });
  },
};
