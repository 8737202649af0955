/**
 * One-time launch codes: what the link handed to the browser launcher and printed in the terminal
 * carries instead of the session token. A launcher (xdg-open, open, cmd start) and the browser it
 * starts keep that link in their arguments, where any local user can read it in the process list,
 * and the terminal keeps it in scrollback. A code is spent by the first GET that presents it, so by
 * the time anyone else reads it, it opens nothing; one never presented dies after its lifetime.
 */
import { randomBytes } from 'node:crypto';
import { tokenMatches } from './guard.ts';

/**
 * Two minutes: the browser presents the code within a second of the launcher starting, and a
 * person copying the printed link needs well under a minute. Anything longer only extends how
 * long an unopened link in scrollback or argv stays worth stealing; a user who misses it asks the
 * terminal for a new one.
 */
export const LAUNCH_CODE_LIFETIME_MS = 2 * 60_000;

/** Codes kept for telling "already used" from "unknown"; older ones are forgotten (and refused). */
const REMEMBERED = 64;

export type Redemption = 'ok' | 'spent' | 'expired' | 'unknown';

export interface LaunchCodes {
  issue(): string;
  /** Spends the code: only the first presentation within its lifetime is 'ok'. */
  redeem(candidate: string): Redemption;
}

interface Issued {
  code: string;
  expiresAt: number;
  spent: boolean;
}

export function createLaunchCodes(opts: { lifetimeMs?: number; now?: () => number } = {}): LaunchCodes {
  const lifetimeMs = opts.lifetimeMs ?? LAUNCH_CODE_LIFETIME_MS;
  const now = opts.now ?? Date.now;
  const issued: Issued[] = [];
  return {
    issue() {
      const code = randomBytes(16).toString('base64url');
      issued.push({ code, expiresAt: now() + lifetimeMs, spent: false });
      if (issued.length > REMEMBERED) issued.shift();
      return code;
    },
    redeem(candidate) {
      // Compared with every code, in constant time each, so neither a match nor its position shows in the timing.
      let match: Issued | undefined;
      for (const entry of issued) if (tokenMatches(candidate, entry.code)) match = entry;
      if (!match) return 'unknown';
      if (match.spent) return 'spent';
      match.spent = true;
      return now() > match.expiresAt ? 'expired' : 'ok';
    },
  };
}

/** "2 minutes", for the pages and the terminal. */
export function describeLifetime(ms: number): string {
  const [n, unit] = ms >= 60_000 ? [Math.round(ms / 60_000), 'minute'] : [Math.max(1, Math.round(ms / 1000)), 'second'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
