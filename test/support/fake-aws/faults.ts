/**
 * Fault injection for reliability tests. Rules sit in a plain mutable array on the server handle;
 * the first live rule matching a request applies before normal handling.
 */

export interface FaultRule {
  /** Signing name ('ec2', 'iam', 's3', 'sts', 'cloudtrail') or '*'. */
  service: string;
  /** Operation name as the SDK names it ('DescribeInstances', 'ListBuckets') or '*'. */
  action: string;
  /** Only requests signed for this region (default: any). */
  region?: string;
  /** Only requests for this S3 bucket (restXml, path-style). */
  bucket?: string;
  /**
   * HTTP status. 300 and above: answer with a protocol-correct error body carrying `code` and
   * `message`. Below 300: handle the request normally (after `delayMs`, with `body` mangling).
   */
  status: number;
  code?: string;
  message?: string;
  /** Apply this many times, then stop (decremented in place). Default: every matching request. */
  times?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /**
   * 'truncated': send the headers with the full Content-Length, half the body, then drop the
   * connection. 'garbage': a complete body that no protocol parser accepts.
   */
  body?: 'truncated' | 'garbage';
  /**
   * Answer with this body and `status` instead of handling the request: answers that are not
   * AWS's own (an emulator's HTML error page, an error in another protocol's format, a legacy body).
   */
  raw?: { body: string; contentType: string; headers?: Record<string, string> };
}

export interface RequestKey {
  service: string;
  action: string;
  region: string;
  bucket?: string;
}

/** Finds the rule for this request and consumes one of its `times`. */
export function takeFault(rules: FaultRule[], key: RequestKey): FaultRule | undefined {
  const rule = rules.find(
    (r) =>
      (r.times === undefined || r.times > 0) &&
      (r.service === '*' || r.service === key.service) &&
      (r.action === '*' || r.action === key.action) &&
      (r.region === undefined || r.region === key.region) &&
      (r.bucket === undefined || r.bucket === key.bucket),
  );
  if (rule?.times !== undefined) rule.times -= 1;
  return rule;
}

export const GARBAGE_BODY = '\u0000\u00ff<<!not xml{ "not": json ]]>\n';

/** Default error words per status, for rules that give only a status. */
export function defaultFaultCode(status: number): string {
  if (status === 429) return 'ThrottlingException';
  if (status === 503) return 'ServiceUnavailable';
  if (status >= 500) return 'InternalError';
  if (status === 403) return 'AccessDenied';
  return 'BadRequest';
}

/**
 * How AWS emulators answer an operation they do not implement (for tests of that case):
 * - moto server: its Flask app raises NotImplementedError, so HTTP 500 with a generic HTML page
 *   (github.com/getmoto/moto issue #956 shows the page; moto/core/responses.py call_action).
 * - LocalStack: 501 with code InternalFailure, "API action 'X' for service 'y' not yet implemented
 *   or pro feature" (github.com/localstack/localstack issues #10783, #12138), in the service's protocol.
 */
export const EMULATOR_HTML_500 = {
  status: 500,
  raw: {
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n',
  },
} as const;

export function localstackNotImplemented(service: string, action: string): Pick<FaultRule, 'status' | 'code' | 'message'> {
  return { status: 501, code: 'InternalFailure', message: `API action '${action}' for service '${service}' not yet implemented or pro feature - please check https://docs.localstack.cloud/references/coverage/ for further information` };
}
