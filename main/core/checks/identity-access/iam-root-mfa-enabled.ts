import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'iam-root-mfa-enabled',
  title: 'The root user is protected by MFA',
  area: 'identity-access',
  service: 'iam',
  severity: 'critical',
  responsibility:
    'Protecting who can sign in to your account is your job. The root user can do anything, so it must require a second factor.',
  risk: 'A stolen or guessed root password gives complete, unrestricted control of the account, including closing it.',
  remediation: {
    console: 'Sign in as root > Security credentials > Multi-factor authentication (MFA) > Assign MFA device.',
    cli: 'Root MFA can only be assigned by the root user in the console.',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html'],
} as const satisfies Check['meta'];

export const iamRootMfaEnabled: Check = {
  meta,
  needs: ['iam:GetAccountSummary'],
  evaluate(snap) {
    const resource = accountResource(snap, GLOBAL, 'Root user');
    const read = snap.read<Record<string, number>>('iam:GetAccountSummary', GLOBAL);
    if (!read.ok) return [notAssessed(meta, snap, resource, read)];
    const value = read.data.AccountMFAEnabled;
    const proof = [evidence(read, { AccountMFAEnabled: value })];
    if (value === 1) return [finding(meta, snap, resource, 'PASS', 'The root user has MFA enabled.', proof)];
    if (value === 0 && read.data.AccountPasswordPresent === 0) {
      // Centrally managed root access: no root password, so there is no root sign-in to protect.
      return [finding(meta, snap, resource, 'PASS', 'The root user has no password (root credentials removed), so it cannot sign in.', [evidence(read, { AccountMFAEnabled: value, AccountPasswordPresent: 0 })])];
    }
    if (value === 0) return [finding(meta, snap, resource, 'FAIL', 'The root user has no MFA device.', proof)];
    return [missingField(meta, snap, resource, read, 'AccountMFAEnabled')];
  },
};
