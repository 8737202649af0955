import type { Check } from '../types.ts';
import { day, daysBetween, flag, lastActivity, perUser, type Moment } from './support/credential-report.ts';

const MAX_DAYS = 45;

const meta = {
  id: 'iam-user-credentials-unused-45-days',
  title: 'IAM user credentials unused for 45 days are disabled',
  area: 'identity-access',
  service: 'iam',
  severity: 'medium',
  responsibility: 'Removing access that is no longer needed is your job. Disable passwords and access keys that have not been used for 45 days.',
  risk: 'Forgotten passwords and keys of people who left or tools that were retired remain valid ways into the account.',
  remediation: {
    console: 'IAM > Users > the user > Security credentials: disable console access and deactivate unused access keys.',
    cli: 'aws iam delete-login-profile --user-name <user>; aws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html'],
} as const satisfies Check['meta'];

const COLUMNS = [
  'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed',
  'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date',
];

export const iamUserCredentialsUnused45Days: Check = {
  meta,
  needs: ['iam:GetCredentialReport'],
  evaluate(snap) {
    return perUser(meta, snap, COLUMNS, (row, now) => {
      // A credential never used counts from when it was created, so a brand-new user is not stale.
      const credentials: { label: string; active: boolean | undefined; activity: () => Moment }[] = [
        { label: 'console password', active: flag(row, 'password_enabled'), activity: () => lastActivity(row, 'password_last_used', ['password_last_changed', 'user_creation_time']) },
        ...[1, 2].map((n) => ({
          label: `access key ${n}`,
          active: flag(row, `access_key_${n}_active`),
          activity: () => lastActivity(row, `access_key_${n}_last_used_date`, [`access_key_${n}_last_rotated`, 'user_creation_time']),
        })),
      ];
      const stale: string[] = [];
      let live = 0;
      for (const c of credentials) {
        if (c.active === undefined) return { status: 'NOT_ASSESSED', message: `whether the ${c.label} is active is unknown` };
        if (!c.active) continue;
        live += 1;
        const at = c.activity();
        if (at.kind !== 'date') return { status: 'NOT_ASSESSED', message: `the last use of the ${c.label} is unknown` };
        const age = daysBetween(at.date, now);
        if (age >= MAX_DAYS) stale.push(`${c.label} (last activity ${day(at.date)}, ${age} days)`);
      }
      if (live === 0) return { status: 'PASS', message: 'The user has no active password or access key.' };
      return stale.length > 0
        ? { status: 'FAIL', message: `Unused for ${MAX_DAYS} days or more: ${stale.join('; ')}.` }
        : { status: 'PASS', message: `Every active credential was used (or created) within the last ${MAX_DAYS} days.` };
    });
  },
};
