/** One clear, actionable line for each way signing in can fail. */
import { ApiFailure } from '../api.ts';

export function credentialFailure(profile: string, err: unknown): ApiFailure {
  const e = (err ?? {}) as { name?: string; message?: string; code?: string };
  const message = String(e.message ?? err).replace(/\s+/g, ' ').trim();
  const name = String(e.name ?? '');
  if (/sso/i.test(message) && /expired|refresh|token|login/i.test(message)) {
    return new ApiFailure('aws-sso-expired', `The SSO session of profile "${profile}" has expired or is missing: run \`aws sso login --profile ${profile}\`, then try again.`);
  }
  if (/mfa/i.test(message)) {
    return new ApiFailure('aws-mfa', `Profile "${profile}" needs an MFA code: ${message}`);
  }
  if (name === 'ExpiredToken' || name === 'ExpiredTokenException' || /expired/i.test(message)) {
    return new ApiFailure('aws-credentials-expired', `The credentials of profile "${profile}" have expired: refresh them and try again.`);
  }
  if (name === 'InvalidClientTokenId' || name === 'SignatureDoesNotMatch' || name === 'UnrecognizedClientException') {
    return new ApiFailure('aws-credentials-invalid', `AWS rejected the credentials of profile "${profile}" (${name}): check the access key and secret.`);
  }
  if (name === 'CredentialsProviderError' || /could not load credentials|credential/i.test(message)) {
    return new ApiFailure('aws-credentials-missing', `No usable credentials for profile "${profile}": ${message}`);
  }
  const errno = String(e.code ?? '');
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN'].includes(errno)) {
    return new ApiFailure('aws-unreachable', `Could not reach AWS for profile "${profile}" (${errno}): check the network or the profile's endpoint_url.`);
  }
  return new ApiFailure('aws-identity', `Could not confirm the identity of profile "${profile}": ${name ? `${name}: ` : ''}${message}`);
}
