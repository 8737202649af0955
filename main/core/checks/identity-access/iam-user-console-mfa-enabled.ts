import type { Check } from '../types.ts';
import { flag, perUser } from './support/credential-report.ts';

const meta = {
  id: 'iam-user-console-mfa-enabled',
  title: 'IAM users with a console password have MFA',
  area: 'identity-access',
  service: 'iam',
  severity: 'high',
  responsibility: 'Protecting sign-in to your account is your job. Every IAM user who can sign in to the console must also use MFA.',
  risk: 'A phished, reused or guessed password alone is enough to sign in as a console user without MFA.',
  remediation: {
    console: 'IAM > Users > the user > Security credentials > Multi-factor authentication > Assign MFA device (or remove the console password if unused).',
    cli: 'aws iam enable-mfa-device --user-name <user> --serial-number <arn> --authentication-code1 <code> --authentication-code2 <code>',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
  ],
} as const satisfies Check['meta'];

export const iamUserConsoleMfaEnabled: Check = {
  meta,
  needs: ['iam:GetCredentialReport'],
  evaluate(snap) {
    return perUser(meta, snap, ['password_enabled', 'mfa_active'], (row) => {
      const password = flag(row, 'password_enabled');
      const mfa = flag(row, 'mfa_active');
      if (password === undefined) return { status: 'NOT_ASSESSED', message: `password_enabled is "${row.password_enabled ?? ''}"` };
      if (!password) return { status: 'PASS', message: 'The user has no console password.' };
      if (mfa === undefined) return { status: 'NOT_ASSESSED', message: `mfa_active is "${row.mfa_active ?? ''}"` };
      return mfa
        ? { status: 'PASS', message: 'The user has a console password and MFA.' }
        : { status: 'FAIL', message: 'The user can sign in to the console with a password alone: no MFA device.' };
    });
  },
};
