/**
 * "Not configured" answers. Many AWS reads answer "this thing does not exist here" with an error
 * (S3's NoSuchBucketPolicy, IAM's NoSuchEntity, Organizations' AWSOrganizationsNotInUseException).
 * That is the answer, not a failed read: collectors turn exactly those codes into data, so the
 * check decides PASS or FAIL, and every other error (AccessDenied, throttling, a 5xx, an endpoint
 * that does not implement the call) stays an error and makes the check NOT_ASSESSED.
 *
 * The code must be one the service put on the wire (see wireError): a bare 404 with no AWS error in
 * the body, which the SDK names "NotFound", is never taken for "not configured".
 * docs/aws-behaviour.md lists each operation's absence code and where it was verified.
 */
import { wireError } from '../engine/classify.ts';

/** The absence code among `codes` this error carries, or undefined when it is any other error. */
export function absenceCode(err: unknown, codes: readonly string[]): string | undefined {
  const wire = wireError(err);
  return wire && codes.includes(wire.code) ? wire.code : undefined;
}

/**
 * Runs one read; the listed absence codes become `absent(code, message)`, anything else is rethrown.
 * The stored absent value keeps the code (`NotFound`) so the finding's evidence can show AWS's answer.
 */
export async function orAbsent<T, A>(codes: readonly string[], call: () => Promise<T>, absent: (code: string, message: string) => A): Promise<T | A> {
  try {
    return await call();
  } catch (err) {
    const code = absenceCode(err, codes);
    if (code === undefined) throw err;
    return absent(code, wireError(err)?.message ?? code);
  }
}
