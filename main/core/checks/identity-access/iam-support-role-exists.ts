import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { awsManaged, holders, principals, readAuthz } from './support/principals.ts';

const meta = {
  id: 'iam-support-role-exists',
  title: 'Someone can open AWS Support cases (AWSSupportAccess is attached)',
  area: 'identity-access',
  service: 'iam',
  severity: 'low',
  responsibility: 'Being able to reach AWS during an incident is your job. Give a role or group the AWSSupportAccess policy so people can manage support cases without root.',
  risk: 'Without a support role, incidents are handled with the root user or over-privileged identities, or not escalated to AWS at all.',
  remediation: {
    console: 'IAM > Roles > Create role > trusted entity: your account > attach AWSSupportAccess > name it (for example aws-support).',
    cli: 'aws iam attach-role-policy --role-name <support-role> --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess',
  },
  references: ['https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html'],
} as const satisfies Check['meta'];

export const iamSupportRoleExists: Check = {
  meta,
  needs: ['iam:GetAccountAuthorizationDetails'],
  evaluate(snap) {
    const resource = accountResource(snap, GLOBAL);
    const read = readAuthz(snap);
    if (!read.ok) return [notAssessed(meta, snap, resource, read)];
    const found = holders(principals(read.data), awsManaged('AWSSupportAccess'));
    const proof = [evidence(read, { AWSSupportAccessHolders: found.map((h) => `${h.principal.kind} ${h.principal.name}`) })];
    if (found.length === 0) return [finding(meta, snap, resource, 'FAIL', 'No user, group or role has the AWSSupportAccess policy attached.', proof)];
    return [finding(meta, snap, resource, 'PASS', `AWSSupportAccess is attached to ${found.map((h) => `${h.principal.kind} ${h.principal.name}`).join(', ')}.`, proof)];
  },
};
