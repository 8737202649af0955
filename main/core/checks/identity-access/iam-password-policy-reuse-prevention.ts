import type { Check } from '../types.ts';
import { judgePolicy } from './support/password-policy.ts';

const REMEMBER = 24;

const meta = {
  id: 'iam-password-policy-reuse-prevention',
  title: 'The IAM password policy prevents reuse of the last 24 passwords',
  area: 'identity-access',
  service: 'iam',
  severity: 'low',
  responsibility: 'Setting IAM password rules is your job. Prevent users from going back to any of their last 24 passwords.',
  risk: 'Users who cycle back to an old password bring back credentials that may already have leaked.',
  remediation: {
    console: 'IAM > Account settings > Password policy > Edit > Prevent password reuse: remember 24 passwords.',
    cli: 'aws iam update-account-password-policy --password-reuse-prevention 24 (other settings you pass are replaced; include them all)',
    terraform: 'resource "aws_iam_account_password_policy" "this" {\n  password_reuse_prevention = 24\n}',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html'],
} as const satisfies Check['meta'];

export const iamPasswordPolicyReusePrevention: Check = {
  meta,
  needs: ['iam:GetAccountPasswordPolicy'],
  evaluate(snap) {
    return judgePolicy(meta, snap, (p) => {
      // IAM leaves PasswordReusePrevention out of the policy when reuse prevention is off.
      const n = p.PasswordReusePrevention;
      const excerpt = { PasswordReusePrevention: n ?? null };
      if (typeof n !== 'number') return { pass: false, message: 'Password reuse prevention is off: users may reuse any earlier password.', excerpt };
      return n >= REMEMBER
        ? { pass: true, message: `Users cannot reuse any of their last ${n} passwords.`, excerpt }
        : { pass: false, message: `Only the last ${n} passwords are remembered; ${REMEMBER} are required.`, excerpt };
    });
  },
};
