import type { Check } from '../types.ts';
import { judgePolicy } from './support/password-policy.ts';

const MAX_AGE = 90;

const meta = {
  id: 'iam-password-policy-expiry',
  title: 'IAM passwords expire within 90 days',
  area: 'identity-access',
  service: 'iam',
  severity: 'low',
  responsibility:
    'Setting IAM password rules is your job. Where your standard requires rotation (PCI DSS, older CIS versions), make IAM passwords expire within 90 days.',
  risk: 'A password that never expires stays valid for as long as it is known, including after it leaks. Newer NIST and CIS guidance prefers MFA over forced rotation.',
  remediation: {
    console: 'IAM > Account settings > Password policy > Edit > Turn on password expiration: 90 days or fewer.',
    cli: 'aws iam update-account-password-policy --max-password-age 90 (other settings you pass are replaced; include them all)',
    terraform: 'resource "aws_iam_account_password_policy" "this" {\n  max_password_age = 90\n}',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html'],
} as const satisfies Check['meta'];

export const iamPasswordPolicyExpiry: Check = {
  meta,
  needs: ['iam:GetAccountPasswordPolicy'],
  evaluate(snap) {
    return judgePolicy(meta, snap, (p) => {
      // MaxPasswordAge is absent when passwords never expire.
      const age = p.MaxPasswordAge;
      const excerpt = { ExpirePasswords: p.ExpirePasswords ?? null, MaxPasswordAge: age ?? null };
      if (typeof age !== 'number' || age <= 0) return { pass: false, message: 'IAM passwords never expire.', excerpt };
      return age <= MAX_AGE
        ? { pass: true, message: `IAM passwords expire after ${age} days.`, excerpt }
        : { pass: false, message: `IAM passwords expire only after ${age} days; ${MAX_AGE} or fewer are expected.`, excerpt };
    });
  },
};
