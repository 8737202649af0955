import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { awsManaged, principalResource, principals, readAuthz } from './support/principals.ts';

const meta = {
  id: 'iam-cloudshell-full-access-not-attached',
  title: 'No identity has the AWSCloudShellFullAccess policy',
  area: 'identity-access',
  service: 'iam',
  severity: 'medium',
  responsibility: 'Controlling ways data can leave your account is your job. Grant CloudShell without its file upload and download actions, or not at all.',
  risk: 'AWSCloudShellFullAccess lets a user move files between the account and their own machine, and run tools with internet access: an easy exfiltration channel.',
  remediation: {
    console: 'IAM > Policies > AWSCloudShellFullAccess > Entities attached > Detach; grant a custom policy that denies cloudshell:GetFileUploadUrls and GetFileDownloadUrls instead.',
    cli: 'aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
  },
  references: [
    'https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-27',
  ],
} as const satisfies Check['meta'];

export const iamCloudshellFullAccessNotAttached: Check = {
  meta,
  needs: ['iam:GetAccountAuthorizationDetails'],
  evaluate(snap) {
    const read = readAuthz(snap);
    if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, GLOBAL), read)];
    const matches = awsManaged('AWSCloudShellFullAccess');
    // IAM.27 judges each identity the policy is attached to; members of such a group show under the group.
    const attached = principals(read.data).filter((p) => p.attached.some((a) => matches(a.PolicyArn)));
    if (attached.length === 0) {
      return [finding(meta, snap, accountResource(snap, GLOBAL), 'PASS', 'AWSCloudShellFullAccess is not attached to any user, group or role.', [evidence(read, { AWSCloudShellFullAccessHolders: [] })])];
    }
    return attached.map((p) => finding(meta, snap, principalResource(p), 'FAIL', `AWSCloudShellFullAccess is attached to the ${p.kind}.`, [evidence(read, { [p.kind]: p.name, AttachedManagedPolicies: p.attached })]));
  },
};
