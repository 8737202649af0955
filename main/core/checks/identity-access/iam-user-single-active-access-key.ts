import type { Check } from '../types.ts';
import { flag, perUser } from './support/credential-report.ts';

const meta = {
  id: 'iam-user-single-active-access-key',
  title: 'IAM users have at most one active access key',
  area: 'identity-access',
  service: 'iam',
  severity: 'low',
  responsibility: 'Managing long-term credentials is your job. Keep at most one active access key per user, outside a short rotation window.',
  risk: 'A second active key doubles what can leak and usually means an old key was never retired after rotation.',
  remediation: {
    console: 'IAM > Users > the user > Security credentials > Access keys: deactivate the key that is no longer in use.',
    cli: 'aws iam update-access-key --user-name <user> --access-key-id <old-key-id> --status Inactive',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
} as const satisfies Check['meta'];

export const iamUserSingleActiveAccessKey: Check = {
  meta,
  needs: ['iam:GetCredentialReport'],
  evaluate(snap) {
    return perUser(meta, snap, ['access_key_1_active', 'access_key_2_active'], (row) => {
      const one = flag(row, 'access_key_1_active');
      const two = flag(row, 'access_key_2_active');
      if (one === undefined || two === undefined) return { status: 'NOT_ASSESSED', message: 'whether the access keys are active is unknown' };
      return one && two
        ? { status: 'FAIL', message: 'The user has two active access keys.' }
        : { status: 'PASS', message: `The user has ${one || two ? 'one active access key' : 'no active access key'}.` };
    });
  },
};
