import type { Check } from '../types.ts';
import { judgePolicy } from './support/password-policy.ts';

const RULES = [
  ['RequireUppercaseCharacters', 'an uppercase letter'],
  ['RequireLowercaseCharacters', 'a lowercase letter'],
  ['RequireNumbers', 'a number'],
  ['RequireSymbols', 'a symbol'],
] as const;

const meta = {
  id: 'iam-password-policy-complexity',
  title: 'The IAM password policy requires uppercase, lowercase, numbers and symbols',
  area: 'identity-access',
  service: 'iam',
  severity: 'medium',
  responsibility: 'Setting IAM password rules is your job. Require every character class and at least 8 characters, as AWS Foundational Security Best Practices do.',
  risk: 'Passwords drawn from a single character class are far easier to guess or crack.',
  remediation: {
    console: 'IAM > Account settings > Password policy > Edit > tick uppercase, lowercase, numbers and non-alphanumeric characters.',
    cli: 'aws iam update-account-password-policy --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols --minimum-password-length 14',
    terraform: 'resource "aws_iam_account_password_policy" "this" {\n  require_uppercase_characters = true\n  require_lowercase_characters = true\n  require_numbers              = true\n  require_symbols              = true\n}',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-7',
  ],
} as const satisfies Check['meta'];

export const iamPasswordPolicyComplexity: Check = {
  meta,
  needs: ['iam:GetAccountPasswordPolicy'],
  evaluate(snap) {
    return judgePolicy(meta, snap, (p) => {
      const excerpt = Object.fromEntries([...RULES.map(([k]) => [k, p[k] ?? null]), ['MinimumPasswordLength', p.MinimumPasswordLength ?? null]]);
      const unknown = RULES.find(([k]) => typeof p[k] !== 'boolean');
      if (unknown) return { missing: `PasswordPolicy.${unknown[0]}` };
      if (typeof p.MinimumPasswordLength !== 'number') return { missing: 'PasswordPolicy.MinimumPasswordLength' };
      const gaps: string[] = RULES.filter(([k]) => p[k] !== true).map(([, what]) => what);
      if (p.MinimumPasswordLength < 8) gaps.push(`at least 8 characters (now ${p.MinimumPasswordLength})`);
      return gaps.length === 0
        ? { pass: true, message: 'Passwords must mix uppercase, lowercase, numbers and symbols.', excerpt }
        : { pass: false, message: `The password policy does not require ${gaps.join(', ')}.`, excerpt };
    });
  },
};
