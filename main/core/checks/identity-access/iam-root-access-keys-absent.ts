import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'iam-root-access-keys-absent',
  title: 'The root user has no access keys',
  area: 'identity-access',
  service: 'iam',
  severity: 'critical',
  responsibility:
    'Managing credentials is your job. The root user should never have programmatic access keys; use IAM roles for automation.',
  risk: 'Root access keys cannot be restricted by any policy; if they leak, the whole account is compromised.',
  remediation: {
    console: 'Sign in as root > Security credentials > Access keys > Delete each key (deactivate first if unsure).',
    cli: 'Root access keys can only be deleted by the root user, in the console.',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html'],
} as const satisfies Check['meta'];

export const iamRootAccessKeysAbsent: Check = {
  meta,
  needs: ['iam:GetAccountSummary'],
  evaluate(snap) {
    const resource = accountResource(snap, GLOBAL, 'Root user');
    const read = snap.read<Record<string, number>>('iam:GetAccountSummary', GLOBAL);
    if (!read.ok) return [notAssessed(meta, snap, resource, read)];
    const value = read.data.AccountAccessKeysPresent;
    const proof = [evidence(read, { AccountAccessKeysPresent: value })];
    if (value === 0) return [finding(meta, snap, resource, 'PASS', 'The root user has no access keys.', proof)];
    if (value === 1) return [finding(meta, snap, resource, 'FAIL', 'The root user has at least one access key.', proof)];
    return [missingField(meta, snap, resource, read, 'AccountAccessKeysPresent')];
  },
};
