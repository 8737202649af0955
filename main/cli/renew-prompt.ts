/**
 * Answers `auth:renew-required` on the terminal: the scan waits while the user refreshes the
 * profile's credentials elsewhere (aws sso login, a new key), then Enter continues and q stops.
 * Without a terminal nobody can renew, so the renewal is declined: the scan stops, resumable.
 */
import { createInterface } from 'node:readline/promises';
import type { ApiEvents } from '../../shared/api.ts';
import type { Core } from '../core/core.ts';
import { dispatch } from '../core/dispatch.ts';
import { termSafe } from './output.ts';

export interface PromptIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  isTTY: boolean;
}

const TERMINAL: () => PromptIo = () => ({ input: process.stdin, output: process.stderr, isTTY: Boolean(process.stdin.isTTY) });

export function renewQuestion(profile: string): string {
  const name = termSafe(profile, 100);
  return `Credentials of profile ${name} expired: refresh them (e.g. aws sso login --profile ${name}), then press Enter to continue, or type q to stop: `;
}

export function attachRenewPrompt(core: Pick<Core, 'events' | 'handlers'>, io: PromptIo = TERMINAL()): () => void {
  return core.events.subscribe((event, payload) => {
    if (event !== 'auth:renew-required') return;
    const ask = payload as ApiEvents['auth:renew-required'];
    void (async () => {
      if (!io.isTTY) {
        io.output.write(
          `leasehold: the credentials of profile "${termSafe(ask.profile, 100)}" expired and there is no terminal to renew them; ` +
            'the scan stops here and can be resumed (leasehold resume --scan ID).\n',
        );
        await dispatch(core.handlers, 'auth:renewed', { requestId: ask.requestId, abort: true });
        return;
      }
      const rl = createInterface({ input: io.input, output: io.output });
      try {
        const answer = (await rl.question(renewQuestion(ask.profile))).trim().toLowerCase();
        await dispatch(core.handlers, 'auth:renewed', { requestId: ask.requestId, abort: answer === 'q' || answer === 'quit' });
      } finally {
        rl.close();
      }
    })();
  });
}
