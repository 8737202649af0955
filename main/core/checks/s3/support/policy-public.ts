/**
 * Whether a bucket's policy makes it public. AWS's own verdict (GetBucketPolicyStatus IsPublic)
 * comes first. When it could not be read, or came without IsPublic (an emulator that does not
 * implement the call answers otherwise), the policy document settles the cases AWS's definition
 * of "public" decides without judgement: no policy at all (NoSuchBucketPolicy); an Allow to "*"
 * with no Condition (public); every Allow naming fixed principals or holding "*" to a fixed value
 * of a listed condition key (not public, see policy-fixed.ts). Anything else stays unknown.
 */
import type { BucketPolicy, BucketPolicyStatus } from '../../../collect/s3-buckets.ts';
import type { Read, Snapshot } from '../../../engine/snapshot.ts';
import type { Evidence } from '../../../../../shared/model/finding.ts';
import { evidence } from '../../helpers.ts';
import { nonPublicStatement } from './policy-fixed.ts';
import { parsePolicy, principals, statementLabel } from './policy.ts';

type Ok<T> = Extract<Read<T>, { ok: true }>;

export type PolicyPublic =
  | { state: 'private'; text: string; proof: Evidence[] }
  /** `detail` says where the verdict comes from; `short` is the same in a few words. */
  | { state: 'public'; detail: string; short: string; proof: Evidence[] }
  /** Unknown: the failed read to report, or a read that lacked `field`. */
  | { state: 'unknown'; failed?: Extract<Read<unknown>, { ok: false }>; silent?: Ok<unknown>; field?: string; proof: Evidence[] };

export function policyPublic(snap: Snapshot, bucket: string, region: string): PolicyPublic {
  const status = snap.read<BucketPolicyStatus>('s3:GetBucketPolicyStatus', region, bucket);
  if (status.ok) {
    const proof = [evidence(status, status.data)];
    if (status.data.PolicyStatus === null) return { state: 'private', text: 'no bucket policy', proof };
    const isPublic = status.data.PolicyStatus.IsPublic;
    if (isPublic === true) return { state: 'public', detail: 'GetBucketPolicyStatus IsPublic=true', short: 'IsPublic=true', proof };
    if (isPublic === false) return { state: 'private', text: 'its bucket policy is not public (IsPublic=false)', proof };
  }
  const fromDocument = documentVerdict(snap.read<BucketPolicy>('s3:GetBucketPolicy', region, bucket));
  if (fromDocument) return fromDocument;
  if (!status.ok) return { state: 'unknown', failed: status, proof: [] };
  return { state: 'unknown', silent: status, field: 'PolicyStatus.IsPublic', proof: [evidence(status, status.data)] };
}

function documentVerdict(read: Read<BucketPolicy>): PolicyPublic | undefined {
  if (!read.ok) return undefined;
  if (read.data.Policy === null) {
    return { state: 'private', text: 'no bucket policy (GetBucketPolicy: NoSuchBucketPolicy)', proof: [evidence(read, read.data)] };
  }
  const statements = parsePolicy(read.data.Policy) ?? [];
  const index = statements.findIndex((s) => s.Effect === 'Allow' && s.NotPrincipal === undefined && s.Condition === undefined && principals(s.Principal).everyone);
  const open = statements[index];
  if (!open) {
    if (statements.length === 0 || !statements.every(nonPublicStatement)) return undefined;
    const why = statements.some((s) => s.Effect === 'Allow') ? 'every Allow names fixed principals or holds "*" to a fixed value of a source or organisation key' : 'it allows nothing';
    const text = `its bucket policy is not public by AWS's definition: ${why} (GetBucketPolicyStatus gave no verdict)`;
    return { state: 'private', text, proof: [evidence(read, statements)] };
  }
  const short = `${statementLabel(open, index)} allows "Principal": "*" with no Condition`;
  return { state: 'public', detail: `${short}; GetBucketPolicyStatus gave no verdict`, short, proof: [evidence(read, open)] };
}
