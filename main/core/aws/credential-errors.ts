/** One clear, actionable line for each way signing in can fail. */
import type { ProfileKind } from '../../../shared/model/scan.ts';
import { ApiFailure } from '../api.ts';

/** What AWS (and the SDK's SSO providers) say when credentials that worked have run out. */
const EXPIRED_CODES = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);
const PROVIDER_ERRORS = new Set(['CredentialsProviderError', 'TokenProviderError']);
const SSO_EXPIRED = /sso/i;
const SSO_EXPIRED_DETAIL = /expired|refresh|token|login|not found or (is )?invalid/i;

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
}

function describe(err: unknown): { name: string; message: string; errno: string } {
  const e = (err ?? {}) as ErrorLike;
  const message = String(e.message ?? err).replace(/\s+/g, ' ').trim();
  return { name: String(e.name ?? ''), message: message.length > 300 ? `${message.slice(0, 297)}...` : message, errno: String(e.code ?? '') };
}

function isSsoSessionError(name: string, message: string): boolean {
  return (PROVIDER_ERRORS.has(name) || name === '' || name === 'Error') && SSO_EXPIRED.test(message) && SSO_EXPIRED_DETAIL.test(message);
}

/**
 * Whether `err` means "these credentials worked and have expired": the cue to pause and ask the
 * user to renew them rather than to record a failed call.
 */
export function isExpiredCredentials(err: unknown): boolean {
  const { name, message } = describe(err);
  return EXPIRED_CODES.has(name) || isSsoSessionError(name, message) || /credential_process returned expired credentials/.test(message);
}

export function ssoExpired(profile: string): ApiFailure {
  return new ApiFailure('aws-sso-expired', `The SSO session of profile "${profile}" has expired or is missing: run \`aws sso login --profile ${profile}\`, then try again.`);
}

/** The line shown when a call failed because credentials expired (also the renewal prompt's message). */
export function expiredFailure(profile: string, err: unknown, sso = false): ApiFailure {
  const { name, message } = describe(err);
  if (sso || isSsoSessionError(name, message)) return ssoExpired(profile);
  return new ApiFailure('aws-credentials-expired', `The credentials of profile "${profile}" have expired: refresh them and try again.`);
}

/**
 * @param kind how the profile signs in: for SSO a token the portal refuses (UnauthorizedException)
 *   also means "run aws sso login"; for credential_process any failure is the process's.
 */
export function credentialFailure(profile: string, err: unknown, kind?: ProfileKind): ApiFailure {
  if (err instanceof ApiFailure) return err;
  const { name, message, errno } = describe(err);
  if (isSsoSessionError(name, message) || (kind === 'sso' && /UnauthorizedException|Session token not found/i.test(`${name} ${message}`))) {
    return ssoExpired(profile);
  }
  if (/MultiFactorAuthentication failed/i.test(message)) {
    return new ApiFailure('aws-mfa-rejected', `AWS refused the MFA code for profile "${profile}": a code works only once, so wait for the next one and try again.`);
  }
  if (/mfa|multi-factor/i.test(message)) {
    return new ApiFailure('aws-mfa', `Profile "${profile}" needs an MFA code: ${message}`);
  }
  if (/not authorized to perform: sts:AssumeRole/.test(message)) {
    return new ApiFailure('aws-assume-role-denied', `Profile "${profile}" could not assume its role (check role_arn, external_id and the role's trust policy): ${message}`);
  }
  if (isExpiredCredentials(err) || /expired/i.test(message)) return expiredFailure(profile, err);
  if (name === 'InvalidClientTokenId' || name === 'SignatureDoesNotMatch' || name === 'UnrecognizedClientException' || name === 'AuthFailure') {
    return new ApiFailure('aws-credentials-invalid', `AWS rejected the credentials of profile "${profile}" (${name}): check the access key and secret.`);
  }
  if (kind === 'process' || /credential_process/.test(message)) {
    return new ApiFailure('aws-credential-process', `The credential_process of profile "${profile}" failed: ${message}`);
  }
  if (name === 'CredentialsProviderError' || name === 'TokenProviderError' || /could not load credentials|credential/i.test(message)) {
    return new ApiFailure('aws-credentials-missing', `No usable credentials for profile "${profile}": ${message}`);
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN'].includes(errno)) {
    return new ApiFailure('aws-unreachable', `Could not reach AWS for profile "${profile}" (${errno}): check the network or the profile's endpoint_url.`);
  }
  return new ApiFailure('aws-identity', `Could not confirm the identity of profile "${profile}": ${name ? `${name}: ` : ''}${message}`);
}

/** A renewal the user declined (or left unanswered): every later call of the session fails with it. */
export class CredentialsNotRenewed extends ApiFailure {
  constructor(profile: string) {
    super('aws-credentials-expired', `The credentials of profile "${profile}" expired and were not renewed: the scan stopped here; resume it once they are.`);
    this.name = 'CredentialsNotRenewed';
  }
}
