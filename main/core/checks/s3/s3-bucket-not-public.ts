import type { Grant } from '@aws-sdk/client-s3';
import type { BucketAcl } from '../../collect/s3-buckets.ts';
import { GLOBAL } from '../../engine/snapshot.ts';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { describeOn, effectiveFlag, levelExcerpt, silentLevel, unreadableLevel, type BpaData, type BpaLevel, type FlagState } from './support/block-public-access.ts';
import { eachBucket, readBucket } from './support/buckets.ts';
import { policyPublic, type PolicyPublic } from './support/policy-public.ts';

const meta = {
  id: 's3-bucket-not-public',
  title: 'S3 buckets are not public through their policy or ACL',
  area: 's3',
  service: 's3',
  severity: 'critical',
  responsibility:
    'Who can read or write your buckets is yours to control. No bucket should be open to anyone on the internet or to every AWS account unless you have decided it must be, and then only for what is meant to be public.',
  risk: 'A public bucket lets anyone list, download or (with write grants) plant and overwrite data; leaked S3 data is one of the most common cloud breaches.',
  remediation: {
    console:
      'S3 console > bucket > Permissions: remove the statements that grant "Principal": "*" from the bucket policy, remove the Everyone / Authenticated users grants from the ACL, and turn on Block Public Access.',
    cli: 'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicyStatus.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#specifying-grantee-predefined-groups',
  ],
} as const satisfies Check['meta'];

const PUBLIC_GROUPS: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers (anyone on the internet)',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers (any AWS account)',
};

/** Public, neutralised by Block Public Access, not public, or unknown (with why). */
type Verdict = { state: 'public' | 'neutralised' | 'private'; text: string } | { state: 'unknown'; text: string };

function policyVerdict(policy: PolicyPublic, restrict: FlagState): Verdict {
  if (policy.state === 'private') return { state: 'private', text: policy.text };
  if (policy.state === 'unknown') return { state: 'unknown', text: 'whether its bucket policy is public could not be read' };
  if (restrict.on === true) {
    return { state: 'neutralised', text: `its bucket policy is public (${policy.short}) but ${describeOn(restrict)} limits it to AWS services and this account` };
  }
  if (restrict.on === false) return { state: 'public', text: `its bucket policy (${policy.detail}; RestrictPublicBuckets is off at bucket and account level)` };
  return { state: 'unknown', text: `its bucket policy is public (${policy.short}) and whether RestrictPublicBuckets applies could not be read` };
}

function aclVerdict(grants: Grant[], ignore: FlagState): Verdict {
  const open = grants.filter((g) => g.Grantee?.Type === 'Group' && PUBLIC_GROUPS[g.Grantee.URI ?? '']);
  if (open.length === 0) return { state: 'private', text: 'no ACL grant to AllUsers or AuthenticatedUsers' };
  const list = open.map((g) => `${g.Permission ?? '?'} to ${PUBLIC_GROUPS[g.Grantee?.URI ?? ''] ?? ''}`).join(', ');
  if (ignore.on === true) return { state: 'neutralised', text: `its ACL grants ${list} but ${describeOn(ignore)} makes S3 ignore public ACLs` };
  if (ignore.on === false) return { state: 'public', text: `its ACL (grants ${list}; IgnorePublicAcls is off at bucket and account level)` };
  return { state: 'unknown', text: `its ACL grants ${list} and whether IgnorePublicAcls applies could not be read` };
}

export const s3BucketNotPublic: Check = {
  meta,
  needs: ['s3:ListBuckets', 's3:GetBucketPolicyStatus', 's3:GetBucketPolicy', 's3:GetBucketAcl', 's3:GetPublicAccessBlock', 's3control:GetPublicAccessBlock'],
  evaluate(snap) {
    const account = snap.read<BpaData>('s3control:GetPublicAccessBlock', GLOBAL);
    return eachBucket(meta, snap, (b, resource) => {
      const levels: BpaLevel[] = [
        { name: 'bucket', read: readBucket<BpaData>(snap, 's3:GetPublicAccessBlock', b) },
        { name: 'account', read: account },
      ];
      const ignore = effectiveFlag(levels, 'IgnorePublicAcls');
      const restrict = effectiveFlag(levels, 'RestrictPublicBuckets');
      const pp = policyPublic(snap, b.Name, b.BucketRegion);
      const acl = readBucket<BucketAcl>(snap, 's3:GetBucketAcl', b);
      const proof = [
        ...pp.proof,
        ...(acl.ok ? [evidence(acl, acl.data.Grants)] : []),
        ...levels.flatMap((l) => (l.read.ok ? [evidence(l.read, levelExcerpt(l))] : [])),
      ];
      const policy = policyVerdict(pp, restrict);
      const grants = acl.ok ? aclVerdict(acl.data.Grants, ignore) : { state: 'unknown' as const, text: 'its ACL could not be read' };
      if (ignore.on === true && restrict.on === true) {
        // Nothing can be public; still say what was granted and what neutralises it.
        const known = [policy, grants].filter((v) => v.state !== 'unknown');
        const shield = known.some((v) => v.state === 'neutralised') ? [] : [`${describeOn(ignore)} and ${describeOn(restrict)} neutralise any public ACL or bucket policy`];
        return finding(meta, snap, resource, 'PASS', `Not public: ${[...known.map((v) => v.text), ...shield].join('; ')}.`, proof);
      }
      const verdicts = [policy, grants];
      const open = verdicts.filter((v) => v.state === 'public');
      if (open.length > 0) {
        const others = verdicts.filter((v) => v.state !== 'public' && v.state !== 'private').map((v) => v.text);
        const also = others.length > 0 ? ` Also: ${others.join('; ')}.` : '';
        return finding(meta, snap, resource, 'FAIL', `Public through ${open.map((v) => v.text).join(' and through ')}.${also}`, proof);
      }
      if (verdicts.some((v) => v.state === 'unknown')) {
        if (pp.state === 'unknown' && pp.silent) return missingField(meta, snap, resource, pp.silent, pp.field ?? 'PolicyStatus.IsPublic');
        const failed = (pp.state === 'unknown' ? pp.failed : undefined) ?? [acl].find((r) => !r.ok) ?? unreadableLevel(levels);
        if (failed && !failed.ok) return notAssessed(meta, snap, resource, failed);
        const flag = ignore.on === undefined ? 'IgnorePublicAcls' : 'RestrictPublicBuckets';
        const silent = silentLevel(levels, flag);
        if (silent) return missingField(meta, snap, resource, silent, `PublicAccessBlockConfiguration.${flag}`);
        // Unreachable: an unknown verdict always has a failed or silent read. Never fall through to PASS.
        throw new Error(`public state of ${b.Name} undetermined`);
      }
      return finding(meta, snap, resource, 'PASS', `Not public: ${verdicts.map((v) => v.text).join('; ')}.`, proof);
    });
  },
};
