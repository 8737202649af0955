/**
 * AWS's own rule for when a bucket policy is NOT public, applied to the document when S3's
 * verdict (GetBucketPolicyStatus) is unavailable. S3 starts from "public" and calls a policy
 * non-public only when every Allow grants to fixed values: a named principal, or "*" held to a
 * fixed value of one of the listed condition keys. Only those sure cases are decided here;
 * anything else (aws:SourceIp ranges, wildcards, IfExists, negated operators) stays AWS's call.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 */
import { conditions, isObject, strings, type Statement } from './policy.ts';

/** Condition keys (lower case) that make "*" non-public when held to a fixed value, as listed in the page above. */
const FIXED_KEYS = new Set([
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  'aws:principalorgid',
  'aws:userid',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
]);

/** Operators that hold a key to exactly the listed values (no IfExists: an absent key would match). */
const EXACT_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);

/** No wildcard and no policy variable: AWS's definition of a fixed value. */
function fixed(value: string): boolean {
  return value !== '' && !/[*?]|\$\{/.test(value);
}

/** The principal kinds the page names as fixed: AWS accounts, users and roles, services, canonical users. */
const FIXED_KINDS = new Set(['AWS', 'Service', 'CanonicalUser']);

/** A Principal naming only fixed principals of those kinds. */
function fixedPrincipal(principal: unknown): boolean {
  if (!isObject(principal)) return false;
  const entries = Object.entries(principal);
  if (entries.length === 0 || !entries.every(([kind, v]) => FIXED_KINDS.has(kind) && (typeof v === 'string' || Array.isArray(v)))) return false;
  const values = entries.flatMap(([, v]) => strings(v));
  return values.length > 0 && values.every(fixed);
}

/** A statement AWS's rule calls non-public for sure; false when public or not certain. */
export function nonPublicStatement(s: Statement): boolean {
  if (s.Effect !== 'Allow') return true;
  if (s.NotPrincipal !== undefined) return false;
  if (fixedPrincipal(s.Principal)) return true;
  const entries = conditions(s) ?? [];
  return entries.some((c) => FIXED_KEYS.has(c.key.toLowerCase()) && EXACT_OPERATORS.has(c.operator.toLowerCase()) && c.values.length > 0 && c.values.every(fixed));
}
