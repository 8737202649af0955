/** The account password policy, where "no policy" (NoSuchEntity) is itself the finding. */
import type { PasswordPolicy } from '@aws-sdk/client-iam';
import type { Finding } from '../../../../../shared/model/finding.ts';
import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { StoredPasswordPolicy } from '../../../collect/iam-credentials.ts';
import { GLOBAL, type Read, type Snapshot } from '../../../engine/snapshot.ts';
import { accountResource, evidence, finding, missingField, notAssessed } from '../../helpers.ts';

type PolicyRead = Extract<Read<StoredPasswordPolicy>, { ok: true }>;

/**
 * Judges the policy with `judge`, which returns the verdict or the name of a field AWS should have
 * sent. Optional settings that are off (reuse prevention, expiry) are absent from AWS's answer.
 */
export function judgePolicy(
  meta: CheckMeta,
  snap: Snapshot,
  judge: (p: PasswordPolicy, read: PolicyRead) => { pass: boolean; message: string; excerpt: unknown } | { missing: string },
): Finding[] {
  const resource = accountResource(snap, GLOBAL, 'IAM password policy');
  const read = snap.read<StoredPasswordPolicy>('iam:GetAccountPasswordPolicy', GLOBAL);
  if (!read.ok) return [notAssessed(meta, snap, resource, read)];
  const policy = read.data.PasswordPolicy;
  if (!policy) {
    const proof = [evidence(read, { error: 'NoSuchEntity', PasswordPolicy: null })];
    return [finding(meta, snap, resource, 'FAIL', 'The account has no IAM password policy, so IAM defaults apply (8 characters, no reuse prevention, no expiry).', proof)];
  }
  const verdict = judge(policy, read);
  if ('missing' in verdict) return [missingField(meta, snap, resource, read, verdict.missing)];
  return [finding(meta, snap, resource, verdict.pass ? 'PASS' : 'FAIL', verdict.message, [evidence(read, verdict.excerpt)])];
}
