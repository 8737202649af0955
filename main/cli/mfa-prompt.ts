/**
 * Answers the sign-in questions on the terminal: `auth:mfa-required` here (without a terminal, the
 * wait ends with a clear error) and `auth:renew-required` through renew-prompt.ts.
 */
import { createInterface } from 'node:readline/promises';
import type { ApiEvents } from '../../shared/api.ts';
import type { Core } from '../core/core.ts';
import { dispatch } from '../core/dispatch.ts';
import { termSafe } from './output.ts';
import { attachRenewPrompt } from './renew-prompt.ts';

export function attachMfaPrompt(core: Core): () => void {
  const detachRenew = attachRenewPrompt(core);
  const detachMfa = core.events.subscribe((event, payload) => {
    if (event !== 'auth:mfa-required') return;
    const ask = payload as ApiEvents['auth:mfa-required'];
    if (!process.stdin.isTTY) {
      process.stderr.write(`leasehold: profile "${termSafe(ask.profile)}" needs an MFA code; run this command in a terminal.\n`);
      process.exit(1);
    }
    void (async () => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        for (;;) {
          const code = (await rl.question(`MFA code for ${termSafe(ask.mfaSerial)}: `)).trim();
          const result = await dispatch(core.handlers, 'auth:mfa-code', { requestId: ask.requestId, code });
          if (result.ok) break;
          process.stderr.write(`${result.error.message}\n`);
        }
      } finally {
        rl.close();
      }
    })();
  });
  return () => {
    detachMfa();
    detachRenew();
  };
}
