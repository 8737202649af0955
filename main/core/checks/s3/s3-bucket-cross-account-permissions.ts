import type { BucketPolicy } from '../../collect/s3-buckets.ts';
import type { Snapshot } from '../../engine/snapshot.ts';
import { evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { eachBucket, readBucket } from './support/buckets.ts';
import { actionMatches, conditions, parsePolicy, principals, statementLabel, strings, type Statement } from './support/policy.ts';

const meta = {
  id: 's3-bucket-cross-account-permissions',
  title: 'Bucket policies do not let other accounts change access or encryption',
  area: 's3',
  service: 's3',
  severity: 'high',
  responsibility:
    'Sharing a bucket with another AWS account is your decision, and so is what that account may do. Another account should never be able to rewrite the bucket policy or ACLs, or change encryption.',
  risk: 'An account that can change the bucket policy, ACLs or encryption settings can give itself, or anyone, full access to your data, or lock you out of it.',
  remediation: {
    console:
      'S3 console > bucket > Permissions > Bucket policy > Edit: remove s3:PutBucketPolicy, s3:DeleteBucketPolicy, s3:PutBucketAcl, s3:PutObjectAcl and s3:PutEncryptionConfiguration (and wildcards that include them) from statements that allow other accounts or "*".',
  },
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-6',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example2.html',
  ],
} as const satisfies Check['meta'];

/** The actions Security Hub S3.6 denies to other accounts. */
const SENSITIVE = ['s3:DeleteBucketPolicy', 's3:PutBucketAcl', 's3:PutBucketPolicy', 's3:PutEncryptionConfiguration', 's3:PutObjectAcl'];

function grantedSensitive(s: Statement): string[] {
  if (s.NotAction !== undefined) return SENSITIVE.filter((a) => !actionMatches(strings(s.NotAction), a));
  return SENSITIVE.filter((a) => actionMatches(strings(s.Action), a));
}

/** Who outside this account the statement lets in, or undefined when nobody. */
function outsiders(s: Statement, self: string): string | undefined {
  if (s.NotPrincipal !== undefined) return 'every principal except those named in NotPrincipal';
  const p = principals(s.Principal);
  if (p.everyone) {
    // "*" narrowed by aws:PrincipalAccount to this account only is not cross-account.
    const own = (conditions(s) ?? []).some((c) => c.operator === 'StringEquals' && c.key.toLowerCase() === 'aws:principalaccount' && c.values.every((v) => v === self));
    return own ? undefined : 'any AWS principal ("*")';
  }
  const others = p.accounts.filter((a) => a !== self);
  return others.length > 0 ? `account${others.length > 1 ? 's' : ''} ${others.join(', ')}` : undefined;
}

function offenders(statements: Statement[], snap: Snapshot): { text: string; statement: Statement }[] {
  const out: { text: string; statement: Statement }[] = [];
  statements.forEach((s, i) => {
    if (s.Effect !== 'Allow') return;
    const who = outsiders(s, snap.meta.accountId);
    const actions = who ? grantedSensitive(s) : [];
    if (who && actions.length > 0) {
      const cond = (conditions(s) ?? []).length > 0 ? ' (under conditions: review them)' : '';
      out.push({ text: `${statementLabel(s, i)} allows ${who} ${actions.join(', ')}${cond}`, statement: s });
    }
  });
  return out;
}

export const s3BucketCrossAccountPermissions: Check = {
  meta,
  needs: ['s3:ListBuckets', 's3:GetBucketPolicy'],
  evaluate(snap) {
    return eachBucket(meta, snap, (b, resource) => {
      const read = readBucket<BucketPolicy>(snap, 's3:GetBucketPolicy', b);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      if (read.data.Policy === null) return finding(meta, snap, resource, 'PASS', 'No bucket policy: it grants nothing to other accounts.', [evidence(read, read.data)]);
      const statements = parsePolicy(read.data.Policy);
      if (!statements) {
        return notAssessed(meta, snap, resource, { ok: false, call: read.call, region: read.region, error: { kind: 'malformed-response', code: 'InvalidPolicyDocument', message: 'The bucket policy is not a JSON policy document' } });
      }
      const found = offenders(statements, snap);
      if (found.length === 0) {
        return finding(meta, snap, resource, 'PASS', 'The bucket policy lets no other account change the policy, ACLs or encryption.', [evidence(read, statements)]);
      }
      return finding(meta, snap, resource, 'FAIL', `${found.map((f) => f.text).join('; ')}.`, [evidence(read, found.map((f) => f.statement))]);
    });
  },
};
