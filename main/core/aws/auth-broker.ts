/**
 * Sign-in questions cross the API like everything else: the core emits `auth:mfa-required` or
 * `auth:renew-required`, whichever front end is attached (terminal prompt, UI dialog) answers
 * with `auth:mfa-code` or `auth:renewed`. The session resolves credentials once, so a
 * single-use MFA code is asked for once per scan.
 */
import { randomUUID } from 'node:crypto';
import { ApiFailure, type EmitEvent } from '../api.ts';

const MFA_WAIT_MS = 5 * 60_000;
const RENEW_WAIT_MS = 30 * 60_000;

export interface AuthBroker {
  /** An mfaCodeProvider for the SDK's fromIni. */
  mfaProvider(profile: string): (mfaSerial: string) => Promise<string>;
  answerMfa(requestId: string, code: string): boolean;
  /** Resolves when the user says the credentials were refreshed; rejects if they abort or time out. */
  renewal(profile: string, message: string): Promise<void>;
  answerRenewal(requestId: string, abort: boolean): boolean;
}

interface Waiting<T> {
  resolve(value: T): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export function createAuthBroker(emit: EmitEvent): AuthBroker {
  const mfa = new Map<string, Waiting<string>>();
  const renew = new Map<string, Waiting<void>>();

  function wait<T>(table: Map<string, Waiting<T>>, ms: number, timeoutMessage: string, announce: (requestId: string) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const requestId = randomUUID();
      const timer = setTimeout(() => {
        table.delete(requestId);
        reject(new ApiFailure('aws-auth-timeout', timeoutMessage));
      }, ms);
      timer.unref();
      table.set(requestId, { resolve, reject, timer });
      announce(requestId);
    });
  }

  return {
    mfaProvider(profile) {
      return (mfaSerial) =>
        wait(mfa, MFA_WAIT_MS, `No MFA code was entered for profile "${profile}" within 5 minutes.`, (requestId) =>
          emit('auth:mfa-required', { requestId, profile, mfaSerial }),
        );
    },
    answerMfa(requestId, code) {
      const waiting = mfa.get(requestId);
      if (!waiting) return false;
      if (!/^\d{6}$/.test(code.trim())) throw new ApiFailure('bad-request', 'An MFA code is six digits.');
      mfa.delete(requestId);
      clearTimeout(waiting.timer);
      waiting.resolve(code.trim());
      return true;
    },
    renewal(profile, message) {
      return wait(renew, RENEW_WAIT_MS, `The credentials of profile "${profile}" were not renewed within 30 minutes.`, (requestId) =>
        emit('auth:renew-required', { requestId, profile, message }),
      );
    },
    answerRenewal(requestId, abort) {
      const waiting = renew.get(requestId);
      if (!waiting) return false;
      renew.delete(requestId);
      clearTimeout(waiting.timer);
      if (abort) waiting.reject(new ApiFailure('aws-credentials-expired', 'Credential renewal was declined; the scan stops here and can be resumed.'));
      else waiting.resolve();
      return true;
    },
  };
}
