import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { describe, serviceWildcards, statements, unreadableMessage } from './support/policy.ts';
import { unreadable } from './support/unreadable.ts';
import { defaultDocument, isAwsManagedArn, isBoundaryOnly, managedPolicyName, readAuthz } from './support/principals.ts';

const meta = {
  id: 'iam-policy-no-service-wildcard',
  title: 'Customer managed policies do not allow every action of a service ("service:*")',
  area: 'identity-access',
  service: 'iam',
  severity: 'low',
  responsibility: 'Writing least-privilege policies is your job. Name the actions a task needs instead of granting a whole service with "service:*".',
  risk: '"s3:*" or "iam:*" grants destructive and permission-changing actions along with the harmless ones, which opens paths to privilege escalation.',
  remediation: {
    console: 'IAM > Policies > the policy > Edit: replace "service:*" with the specific actions (for example "s3:GetObject", "ec2:Describe*").',
    cli: 'aws iam create-policy-version --policy-arn <arn> --policy-document file://scoped.json --set-as-default',
  },
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21'],
} as const satisfies Check['meta'];

export const iamPolicyNoServiceWildcard: Check = {
  meta,
  needs: ['iam:GetAccountAuthorizationDetails'],
  evaluate(snap) {
    const read = readAuthz(snap);
    if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, GLOBAL), read)];
    const local = (read.data.Policies ?? []).filter((p) => !isAwsManagedArn(p.Arn) && !isBoundaryOnly(read.data, p));
    if (local.length === 0) return [finding(meta, snap, accountResource(snap, GLOBAL), 'NOT_APPLICABLE', 'The account has no customer managed policies.', [evidence(read, { Policies: 0 })])];
    return local.map((p) => {
      const name = managedPolicyName(p);
      const resource = { id: name, arn: p.Arn ?? '', name, region: GLOBAL };
      const document = defaultDocument(p);
      const list = statements(document);
      if (!list) return unreadable(meta, snap, resource, read, unreadableMessage('The default version of the policy', document, 'could not be read as a policy'));
      const hits = list.flatMap((s) => serviceWildcards(s).map((w) => ({ wildcard: w, statement: describe(s) })));
      if (hits.length === 0) return finding(meta, snap, resource, 'PASS', 'The policy names specific actions or action prefixes.', [evidence(read, { PolicyName: name, statements: list.length })]);
      return finding(meta, snap, resource, 'FAIL', `The policy allows whole services: ${[...new Set(hits.map((h) => h.wildcard))].join(', ')}.`, [evidence(read, hits)]);
    });
  },
};
