/**
 * MFA codes cross the API like everything else: the core emits `auth:mfa-required`, whichever
 * front end is attached (terminal prompt, UI dialog) answers with `auth:mfa-code`. The session
 * resolves credentials once, so a single-use code is asked for once per scan.
 */
import { randomUUID } from 'node:crypto';
import { ApiFailure, type EmitEvent } from '../api.ts';

const WAIT_MS = 5 * 60_000;

export interface MfaBroker {
  provider(profile: string): (mfaSerial: string) => Promise<string>;
  answer(requestId: string, code: string): boolean;
}

export function createMfaBroker(emit: EmitEvent): MfaBroker {
  const pending = new Map<string, { resolve(code: string): void; timer: NodeJS.Timeout }>();
  return {
    provider(profile) {
      return (mfaSerial) =>
        new Promise<string>((resolve, reject) => {
          const requestId = randomUUID();
          const timer = setTimeout(() => {
            pending.delete(requestId);
            reject(new ApiFailure('aws-mfa', `No MFA code was entered for profile "${profile}" within 5 minutes.`));
          }, WAIT_MS);
          timer.unref();
          pending.set(requestId, { resolve, timer });
          emit('auth:mfa-required', { requestId, profile, mfaSerial });
        });
    },
    answer(requestId, code) {
      const waiting = pending.get(requestId);
      if (!waiting) return false;
      if (!/^\d{6}$/.test(code.trim())) throw new ApiFailure('bad-request', 'An MFA code is six digits.');
      pending.delete(requestId);
      clearTimeout(waiting.timer);
      waiting.resolve(code.trim());
      return true;
    },
  };
}
