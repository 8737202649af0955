import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding } from '../helpers.ts';
import type { Check } from '../types.ts';
import { day, daysBetween, moment, pick, reportRows, ROOT_USER, unreadable } from './support/credential-report.ts';

/** Root use within this many days is reported; the report shows the date so the consultant can judge it. */
const RECENT_DAYS = 90;
const COLUMNS = ['password_last_used', 'access_key_1_last_used_date', 'access_key_2_last_used_date'] as const;

const meta = {
  id: 'iam-root-user-unused',
  title: 'The root user is not used for everyday tasks',
  area: 'identity-access',
  service: 'iam',
  severity: 'high',
  responsibility:
    'Deciding who works in your account, and with which identity, is your job. Use the root user only for the few tasks that require it, and named identities for everything else.',
  risk: 'Every root sign-in or root API call exposes credentials that no policy can restrict, and leaves no trace of which person acted.',
  remediation: {
    console: 'IAM > Credential report: review root activity; create IAM Identity Center users or roles for daily work, delete root access keys and lock the root password away.',
    cli: 'aws iam generate-credential-report && aws iam get-credential-report --query Content --output text | base64 -d | grep "<root_account>"',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html',
  ],
} as const satisfies Check['meta'];

export const iamRootUserUnused: Check = {
  meta,
  needs: ['iam:GetCredentialReport'],
  evaluate(snap) {
    const got = reportRows(meta, snap, COLUMNS);
    if (!('read' in got)) return [got];
    const { read, rows } = got;
    const resource = accountResource(snap, GLOBAL, 'Root user');
    const root = rows.find((r) => r.user === ROOT_USER);
    if (!root) return [unreadable(meta, snap, resource, read, 'The credential report has no <root_account> row')];
    const proof = [evidence(read, pick(root, ['user', ...COLUMNS]))];
    const uses = COLUMNS.map((c) => ({ column: c, when: moment(root, c) }));
    const unknown = uses.find((u) => u.when.kind === 'unknown');
    if (unknown?.when.kind === 'unknown') return [unreadable(meta, snap, resource, read, `${unknown.column} of the root user is "${unknown.when.raw}"`)];
    const dated = uses.flatMap((u) => (u.when.kind === 'date' ? [{ column: u.column, date: u.when.date }] : []));
    if (dated.length === 0) return [finding(meta, snap, resource, 'PASS', 'The root user has no recorded password or access key use.', proof)];
    const latest = dated.reduce((a, b) => (b.date > a.date ? b : a));
    const age = daysBetween(latest.date, new Date(read.at));
    const what = latest.column === 'password_last_used' ? 'signed in with its password' : `used access key ${latest.column.slice(11, 12)}`;
    if (age < RECENT_DAYS) {
      return [finding(meta, snap, resource, 'FAIL', `The root user ${what} on ${day(latest.date)}, ${age} days before the scan.`, proof)];
    }
    return [finding(meta, snap, resource, 'PASS', `The root user last ${what} on ${day(latest.date)}, ${age} days before the scan.`, proof)];
  },
};
