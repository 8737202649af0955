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
  Code?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
  $response?: unknown;
}

export function classifyError(err: unknown): CallError {
  const e = (err ?? {}) as SdkLikeError;
  const code = String(e.Code ?? e.name ?? e.code ?? 'Error');
  const errno = String(e.code ?? '');
  const message = oneLine(String(e.message ?? err));
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
  if (isMalformed(e, message)) return { kind: 'malformed-response', code, message };
  if (e.$fault === 'server' || (status !== undefined && status >= 500)) return { kind: 'server-error', code, message };
  return { kind: 'unknown', code, message };
}

function isMalformed(e: SdkLikeError, message: string): boolean {
  return (
    e.name === 'SyntaxError' ||
    /deserializ|unexpected end|unexpected token|not valid json|xml|parse/i.test(message) ||
    (e.$metadata?.httpStatusCode === 200 && e.$response !== undefined)
  );
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
