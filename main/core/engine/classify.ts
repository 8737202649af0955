/**
 * Turns an SDK error into a classified CallError, so every check that needed the call can say
 * precisely why it was NOT_ASSESSED. The codes are the ones AWS returns on the wire.
 */
import type { CallError } from './snapshot.ts';

const PERMISSION = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
  'AuthorizationErrorException',
  'Forbidden',
  'ForbiddenException',
  'AllAccessDisabled',
]);
const SERVICE_OFF = new Set([
  'InvalidAccessException',
  'SubscriptionRequiredException',
  'OptInRequired',
  'NotSignedUp',
  'ServiceNotEnabledException',
  'BadRequestException.NotEnabled',
]);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
  'LimitExceededException',
]);
const CREDENTIALS = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'CredentialsProviderError',
  'TokenProviderError',
]);
const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

interface SdkLikeError {
  name?: string;
  code?: string;
  Code?: unknown;
  __type?: unknown;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined>; body?: unknown };
  /** The body the SDK could not parse (set on its deserialization errors). */
  $responseBodyText?: unknown;
}

/**
 * The error code the service itself put on the wire, or undefined when the response carried none.
 * The SDK's `name` is not enough: without a code in the response it invents one from the status
 * ("NotFound" for any 404, "Unknown"), and SNS even maps that "NotFound" onto its modelled
 * NotFoundException. Evidence of a real code: `Code` (XML protocols, and JSON bodies that say
 * "Code"), `__type` (JSON), the x-amzn-ErrorType header, or, when the SDK could not parse the body
 * at all (an emulator answering a JSON service in XML), a <Code> element in the raw body.
 */
export function wireError(err: unknown): { code: string; message: string; unparsed: boolean } | undefined {
  const e = (err ?? {}) as SdkLikeError;
  const raw = [e.$responseBodyText, e.$response?.body].find((b): b is string => typeof b === 'string') ?? '';
  const header = Object.entries(e.$response?.headers ?? {}).find(([k]) => k.toLowerCase() === 'x-amzn-errortype')?.[1];
  const code =
    (typeof e.Code === 'string' && e.Code) ||
    (typeof e.__type === 'string' && e.__type.replace(/^.*#/, '').replace(/:.*$/, '')) ||
    (header && header.replace(/:.*$/, '')) ||
    xmlElement(raw, 'Code');
  if (!code) return undefined;
  const unparsed = e.name === 'SyntaxError' || /deserializ/i.test(e.message ?? '');
  if (!unparsed) return { code, message: String(e.message ?? code), unparsed };
  // The SDK keeps the text it could not parse only for some protocols; otherwise the message is gone.
  const status = e.$metadata?.httpStatusCode;
  return { code, message: xmlElement(raw, 'Message') ?? `HTTP ${status ?? '?'} ${code}; the rest of the response was not in the service's format`, unparsed };
}

function xmlElement(text: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>(?:<!\\[CDATA\\[)?([^<\\]]{1,300})`).exec(text);
  return m?.[1]?.trim() || undefined;
}

export function classifyError(err: unknown): CallError {
  const e = (err ?? {}) as SdkLikeError;
  const wire = wireError(err);
  const code = String(wire?.code ?? e.name ?? e.code ?? 'Error');
  const errno = String(e.code ?? '');
  const message = oneLine(String(wire?.message ?? e.message ?? err));
  const status = e.$metadata?.httpStatusCode;

  if (PERMISSION.has(code)) {
    const explicit = /explicit deny|service control polic|permissions boundary/i.test(message);
    return { kind: explicit ? 'explicit-deny' : 'permission-denied', code, message };
  }
  if (SERVICE_OFF.has(code) || /not subscribed|is not enabled|not been enabled|subscription/i.test(message) && status === 400) {
    return { kind: 'service-not-enabled', code, message };
  }
  if (THROTTLED.has(code) || status === 429) return { kind: 'throttled', code, message };
  if (CREDENTIALS.has(code)) return { kind: 'credentials', code, message };
  if (code === 'AuthFailure') return { kind: 'region-disabled', code, message };
  if (TIMEOUT.has(code) || TIMEOUT.has(errno) || /timed? ?out/i.test(message) && !status) return { kind: 'timeout', code, message };
  if (NETWORK.has(errno) || NETWORK.has(code)) return { kind: 'network', code: errno || code, message };
  if (notImplemented(status, wire, message)) {
    return { kind: 'server-error', code: wire?.code ?? 'NotImplemented', message: `The endpoint does not implement this operation (HTTP ${status ?? '?'}${wire ? ` ${wire.code}` : ''}): ${message}` };
  }
  // A 5xx is the server's failure even when its body is not an AWS error (an HTML error page).
  if (status !== undefined && status >= 500 && !wire) {
    return { kind: 'server-error', code: `HTTP${status}`, message: `HTTP ${status} without an AWS error code in the response (AWS emulators answer so for operations they do not implement): ${message}` };
  }
  if (isMalformed(e, message)) return { kind: 'malformed-response', code, message };
  if (e.$fault === 'server' || (status !== undefined && status >= 500)) return { kind: 'server-error', code, message };
  return { kind: 'unknown', code, message };
}

/**
 * AWS itself never answers an operation it has with "not implemented", so these come from an
 * emulator or a wrong endpoint: 501 (LocalStack's "not yet implemented or pro feature", S3's
 * NotImplemented), or a 404/405 that carries no AWS error code at all (a route the endpoint does not know).
 */
function notImplemented(status: number | undefined, wire: { code: string } | undefined, message: string): boolean {
  if (status === 501) return true;
  if (status !== undefined && status >= 400 && /not (yet )?implemented|pro feature/i.test(message)) return true;
  return (status === 404 || status === 405) && !wire;
}

function isMalformed(e: SdkLikeError, message: string): boolean {
  return (
    e.name === 'SyntaxError' ||
    // A collector's own finding that the answer lacked what AWS always sends.
    e.name === 'MissingField' ||
    /deserializ|unexpected end|unexpected token|not valid json|xml|parse/i.test(message) ||
    (e.$metadata?.httpStatusCode === 200 && e.$response !== undefined)
  );
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
