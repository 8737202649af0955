import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed, type Resource } from '../helpers.ts';
import type { Check } from '../types.ts';
import { describe, isFullAdmin, statements, unreadableMessage } from './support/policy.ts';
import { unreadable } from './support/unreadable.ts';
import { boundaryUses, defaultDocument, isAwsManagedArn, isBoundaryOnly, managedPolicyName, principalResource, principals, readAuthz } from './support/principals.ts';

const meta = {
  id: 'iam-policy-no-full-admin',
  title: 'Customer managed and inline policies do not grant "*" on "*"',
  area: 'identity-access',
  service: 'iam',
  severity: 'high',
  responsibility: 'Writing least-privilege policies is your job. No policy you write should allow every action on every resource.',
  risk: 'Anyone holding a "*:*" policy can do anything in the account, including disabling logging and deleting backups.',
  remediation: {
    console: 'IAM > Policies (or the user, group or role > Permissions) > edit the policy and replace "Action": "*" with the actions actually needed.',
    cli: 'aws iam create-policy-version --policy-arn <arn> --policy-document file://least-privilege.json --set-as-default',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1',
  ],
} as const satisfies Check['meta'];

export const iamPolicyNoFullAdmin: Check = {
  meta,
  needs: ['iam:GetAccountAuthorizationDetails'],
  evaluate(snap) {
    const read = readAuthz(snap);
    if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, GLOBAL), read)];
    const out = [];
    const judge = (resource: Resource, label: string, docs: { name: string; document: Parameters<typeof statements>[0] }[], note = '') => {
      const broad: { policy: string; statement: Record<string, unknown> }[] = [];
      for (const d of docs) {
        const list = statements(d.document);
        if (!list) return unreadable(meta, snap, resource, read, unreadableMessage(`The document of ${d.name} (${label.toLowerCase()})`, d.document, 'could not be read as a policy'));
        for (const s of list) if (isFullAdmin(s)) broad.push({ policy: d.name, statement: describe(s) });
      }
      const proof = [evidence(read, broad.length > 0 ? broad : docs.map((d) => d.name))];
      if (broad.length === 0) return finding(meta, snap, resource, 'PASS', `${label} ${docs.map((d) => d.name).join(', ')} grants no "*" on "*".`, proof);
      const names = [...new Set(broad.map((b) => b.policy))].join(', ');
      const how = broad.some((b) => 'NotAction' in b.statement) ? ' (NotAction on "*" grants everything it does not list)' : '';
      return finding(meta, snap, resource, 'FAIL', `${label} ${names} allows all actions on all resources${how}${note}.`, proof);
    };
    for (const p of read.data.Policies ?? []) {
      if (isAwsManagedArn(p.Arn)) continue;
      const name = managedPolicyName(p);
      const resource = { id: name, arn: p.Arn ?? '', name, region: GLOBAL };
      // Permissions boundaries only limit; IAM.1 leaves them out too.
      if (isBoundaryOnly(read.data, p)) {
        out.push(finding(meta, snap, resource, 'PASS', 'The policy is used only as a permissions boundary, which cannot grant access.', [evidence(read, { PolicyName: name, AttachmentCount: 0, PermissionsBoundaryUsageCount: boundaryUses(read.data, p) })]));
        continue;
      }
      const note = p.AttachmentCount ? ` (attached to ${p.AttachmentCount} ${p.AttachmentCount === 1 ? 'identity' : 'identities'})` : ' (not attached to anything yet)';
      out.push(judge(resource, 'Customer managed policy', [{ name, document: defaultDocument(p) }], note));
    }
    for (const who of principals(read.data)) {
      if (who.inline.length === 0) continue;
      out.push(judge(principalResource(who), `Inline policy of the ${who.kind}:`, who.inline));
    }
    if (out.length === 0) return [finding(meta, snap, accountResource(snap, GLOBAL), 'NOT_APPLICABLE', 'The account has no customer managed or inline policies.', [evidence(read, { Policies: 0 })])];
    return out;
  },
};
