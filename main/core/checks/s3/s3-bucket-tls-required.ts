import type { BucketPolicy } from '../../collect/s3-buckets.ts';
import { evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { bucketArn, eachBucket, readBucket } from './support/buckets.ts';
import { conditions, parsePolicy, principals, statementLabel, strings, wildcard, type Statement } from './support/policy.ts';

const meta = {
  id: 's3-bucket-tls-required',
  title: 'S3 bucket policies refuse requests that do not use TLS',
  area: 's3',
  service: 's3',
  severity: 'medium',
  responsibility:
    'Protecting data in transit to and from your buckets is your job. S3 accepts plain HTTP unless the bucket policy denies every request where aws:SecureTransport is false.',
  risk: 'Over plain HTTP, object contents, keys and request details can be read or altered by anyone on the network path.',
  remediation: {
    console:
      'S3 console > bucket > Permissions > Bucket policy > Edit: add a statement with "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::<bucket>", "arn:aws:s3:::<bucket>/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}.',
    terraform:
      'data "aws_iam_policy_document" "tls_only" {\n  statement {\n    effect    = "Deny"\n    actions   = ["s3:*"]\n    resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["false"]\n    }\n  }\n}',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit',
    'https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists',
  ],
} as const satisfies Check['meta'];

/** Arbitrary object keys: a resource pattern covers "every object" only if it matches all of them. */
const PROBE_KEYS = ['k', 'dir/file.ext', 'Z9-x_y'];

/** 'only': the statement's one condition is aws:SecureTransport false; 'with-others': that and more. */
function secureTransportFalse(s: Statement): 'only' | 'with-others' | undefined {
  const list = conditions(s) ?? [];
  const hit = list.some(
    (c) =>
      (c.operator === 'Bool' || c.operator === 'BoolIfExists') &&
      c.key.toLowerCase() === 'aws:securetransport' &&
      c.values.length > 0 &&
      c.values.every((v) => v.toLowerCase() === 'false'),
  );
  if (!hit) return undefined;
  return list.length === 1 ? 'only' : 'with-others';
}

/** What a Deny on aws:SecureTransport=false leaves uncovered; empty when it covers everything. */
function gaps(s: Statement, arn: string): string[] {
  const out: string[] = [];
  if (secureTransportFalse(s) === 'with-others') out.push('it applies only when its other conditions also hold');
  if (s.NotPrincipal !== undefined || !principals(s.Principal).everyone) out.push('it does not apply to every principal ("Principal": "*")');
  if (s.NotAction !== undefined || !strings(s.Action).some((a) => a === '*' || a.toLowerCase() === 's3:*')) out.push('it does not cover every action ("s3:*")');
  const resources = s.NotResource !== undefined ? [] : strings(s.Resource);
  if (!resources.some((r) => wildcard(r, arn))) out.push('it does not cover the bucket itself (bucket-level requests such as listing keys)');
  if (!resources.some((r) => PROBE_KEYS.every((k) => wildcard(r, `${arn}/${k}`)))) out.push('it does not cover every object ("<bucket>/*")');
  return out;
}

export const s3BucketTlsRequired: Check = {
  meta,
  needs: ['s3:ListBuckets', 's3:GetBucketPolicy'],
  evaluate(snap) {
    return eachBucket(meta, snap, (b, resource) => {
      const read = readBucket<BucketPolicy>(snap, 's3:GetBucketPolicy', b);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      if (read.data.Policy === null) {
        return finding(meta, snap, resource, 'FAIL', 'No bucket policy (NoSuchBucketPolicy), so S3 accepts plain HTTP requests.', [evidence(read, read.data)]);
      }
      const statements = parsePolicy(read.data.Policy);
      if (!statements) {
        return notAssessed(meta, snap, resource, { ok: false, call: read.call, region: read.region, error: { kind: 'malformed-response', code: 'InvalidPolicyDocument', message: 'The bucket policy is not a JSON policy document' } });
      }
      const arn = bucketArn(snap, b.Name);
      const denies = statements.map((s, i) => ({ s, i })).filter(({ s }) => s.Effect === 'Deny' && secureTransportFalse(s) !== undefined);
      const full = denies.find(({ s }) => gaps(s, arn).length === 0);
      if (full) {
        return finding(meta, snap, resource, 'PASS', `HTTP is refused: ${statementLabel(full.s, full.i)} denies s3:* on the bucket and its objects when aws:SecureTransport is false.`, [evidence(read, full.s)]);
      }
      const partial = denies[0];
      if (partial) {
        const why = gaps(partial.s, arn).join('; ');
        return finding(meta, snap, resource, 'FAIL', `${statementLabel(partial.s, partial.i)} denies requests without TLS, but ${why}.`, [evidence(read, partial.s)]);
      }
      const tlsVersionOnly = statements.some((s) => s.Effect === 'Deny' && (conditions(s) ?? []).some((c) => c.key.toLowerCase() === 's3:tlsversion'));
      const note = tlsVersionOnly ? ' A Deny on s3:TlsVersion alone does not refuse plain HTTP: that key is absent from HTTP requests, so the condition never matches them.' : '';
      return finding(meta, snap, resource, 'FAIL', `No statement of the bucket policy denies requests where aws:SecureTransport is false.${note}`, [evidence(read, statements)]);
    });
  },
};
