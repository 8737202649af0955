import type { Check } from '../types.ts';
import { flag, moment, perUser } from './support/credential-report.ts';

const meta = {
  id: 'iam-user-access-keys-setup-unused',
  title: 'Console users have no active access keys that were never used',
  area: 'identity-access',
  service: 'iam',
  severity: 'low',
  responsibility:
    'Issuing credentials is your job. Do not create access keys when you set up a console user; let keys be created only when there is a real need.',
  risk: 'An access key created "just in case" and never used is a live credential nobody watches, often left in a download folder or an email.',
  remediation: {
    console: 'IAM > Users > the user > Security credentials > Access keys > Deactivate, then Delete each key that was never used.',
    cli: 'aws iam delete-access-key --user-name <user> --access-key-id <key-id>',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
} as const satisfies Check['meta'];

const COLUMNS = ['password_enabled', 'user_creation_time', 'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date'];

export const iamUserAccessKeysSetupUnused: Check = {
  meta,
  needs: ['iam:GetCredentialReport'],
  evaluate(snap) {
    return perUser(meta, snap, COLUMNS, (row) => {
      const password = flag(row, 'password_enabled');
      if (password === undefined) return { status: 'NOT_ASSESSED', message: `password_enabled is "${row.password_enabled ?? ''}"` };
      if (!password) return { status: 'PASS', message: 'The user has no console password (not a console user).' };
      const unused: string[] = [];
      let activeKeys = 0;
      for (const n of [1, 2]) {
        const active = flag(row, `access_key_${n}_active`);
        if (active === undefined) return { status: 'NOT_ASSESSED', message: `access_key_${n}_active is "${row[`access_key_${n}_active`] ?? ''}"` };
        if (!active) continue;
        activeKeys += 1;
        const used = moment(row, `access_key_${n}_last_used_date`);
        if (used.kind === 'unknown') return { status: 'NOT_ASSESSED', message: `access_key_${n}_last_used_date is "${used.raw}"` };
        if (used.kind === 'none') {
          const atSetup = row[`access_key_${n}_last_rotated`]?.slice(0, 16) === row.user_creation_time?.slice(0, 16);
          unused.push(`key ${n} (created ${row[`access_key_${n}_last_rotated`] ?? '?'}${atSetup ? ', with the user' : ''})`);
        }
      }
      if (activeKeys === 0) return { status: 'PASS', message: 'The console user has no active access key.' };
      return unused.length > 0
        ? { status: 'FAIL', message: `The console user has an active access key that was never used: ${unused.join('; ')}.` }
        : { status: 'PASS', message: 'Every active access key of this console user has been used.' };
    });
  },
};
