import type { Check } from '../types.ts';
import { day, daysBetween, flag, moment, perUser } from './support/credential-report.ts';

const MAX_AGE = 90;

const meta = {
  id: 'iam-user-access-keys-rotated',
  title: 'Active IAM access keys are younger than 90 days',
  area: 'identity-access',
  service: 'iam',
  severity: 'medium',
  responsibility: 'Rotating long-term credentials is your job. Replace each active access key at least every 90 days, or better, move to roles.',
  risk: 'The older a key, the more copies of it exist in scripts, laptops and CI logs, and the longer a leaked copy stays useful.',
  remediation: {
    console: 'IAM > Users > the user > Security credentials > Create access key, move applications to it, then deactivate and delete the old key.',
    cli: 'aws iam create-access-key --user-name <user>; then aws iam update-access-key --access-key-id <old> --status Inactive --user-name <user>',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id-credentials-access-keys-update.html'],
} as const satisfies Check['meta'];

export const iamUserAccessKeysRotated: Check = {
  meta,
  needs: ['iam:GetCredentialReport'],
  evaluate(snap) {
    const columns = ['access_key_1_active', 'access_key_1_last_rotated', 'access_key_2_active', 'access_key_2_last_rotated'];
    return perUser(meta, snap, columns, (row, now) => {
      const old: string[] = [];
      let active = 0;
      for (const n of [1, 2]) {
        const on = flag(row, `access_key_${n}_active`);
        if (on === undefined) return { status: 'NOT_ASSESSED', message: `access_key_${n}_active is "${row[`access_key_${n}_active`] ?? ''}"` };
        if (!on) continue;
        active += 1;
        const created = moment(row, `access_key_${n}_last_rotated`);
        if (created.kind !== 'date') return { status: 'NOT_ASSESSED', message: `access_key_${n}_last_rotated is "${row[`access_key_${n}_last_rotated`] ?? ''}"` };
        const age = daysBetween(created.date, now);
        if (age > MAX_AGE) old.push(`key ${n} created ${day(created.date)} (${age} days)`);
      }
      if (active === 0) return { status: 'PASS', message: 'The user has no active access key.' };
      return old.length > 0
        ? { status: 'FAIL', message: `Active access key older than ${MAX_AGE} days: ${old.join('; ')}.` }
        : { status: 'PASS', message: `Every active access key is ${MAX_AGE} days old or younger.` };
    });
  },
};
