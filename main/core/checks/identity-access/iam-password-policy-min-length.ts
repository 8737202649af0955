import type { Check } from '../types.ts';
import { judgePolicy } from './support/password-policy.ts';

const MIN = 14;

const meta = {
  id: 'iam-password-policy-min-length',
  title: 'The IAM password policy requires at least 14 characters',
  area: 'identity-access',
  service: 'iam',
  severity: 'medium',
  responsibility: 'Setting how strong IAM user passwords must be is your job. Require passwords of at least 14 characters.',
  risk: 'Short passwords fall quickly to guessing and credential-stuffing attacks against the console sign-in page.',
  remediation: {
    console: 'IAM > Account settings > Password policy > Edit > Password minimum length: 14 or more.',
    cli: 'aws iam update-account-password-policy --minimum-password-length 14 (other settings you pass are replaced; include them all)',
    terraform: 'resource "aws_iam_account_password_policy" "this" {\n  minimum_password_length = 14\n}',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html'],
} as const satisfies Check['meta'];

export const iamPasswordPolicyMinLength: Check = {
  meta,
  needs: ['iam:GetAccountPasswordPolicy'],
  evaluate(snap) {
    return judgePolicy(meta, snap, (p) => {
      const n = p.MinimumPasswordLength;
      if (typeof n !== 'number') return { missing: 'PasswordPolicy.MinimumPasswordLength' };
      const excerpt = { MinimumPasswordLength: n };
      return n >= MIN
        ? { pass: true, message: `Passwords must have at least ${n} characters.`, excerpt }
        : { pass: false, message: `Passwords need only ${n} characters; at least ${MIN} are required.`, excerpt };
    });
  },
};
