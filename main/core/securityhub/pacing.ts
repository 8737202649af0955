/**
 * A token bucket that makes callers wait instead of being refused: pages are paced before they
 * are sent, so the API's own throttle (and the SDK's retry backoff) is not the pacing mechanism.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface PaceClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: PaceClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }),
};

export class TokenBucket {
  private tokens: number;
  private at: number;
  /** Takes are served in arrival order: each waits for the one before it. */
  private queue: Promise<void> = Promise.resolve();
  readonly ratePerSecond: number;
  readonly burst: number;
  private readonly clock: PaceClock;

  constructor(ratePerSecond: number, burst: number, clock: PaceClock = realClock) {
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.at = clock.now();
  }

  /** Resolves when a request may be sent; rejects if the signal aborts while waiting. */
  take(signal?: AbortSignal): Promise<void> {
    const mine = this.queue.then(() => this.wait(signal));
    // A cancelled waiter must not block the ones after it.
    this.queue = mine.catch(() => undefined);
    return mine;
  }

  private async wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const t = this.clock.now();
      this.tokens = Math.min(this.burst, this.tokens + ((t - this.at) / 1000) * this.ratePerSecond);
      this.at = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000), signal);
    }
  }
}

/** One bucket per key (account session + region), created on first use. */
export class Buckets<K extends object> {
  private readonly byOwner = new WeakMap<K, Map<string, TokenBucket>>();
  private readonly make: () => TokenBucket;

  constructor(make: () => TokenBucket) {
    this.make = make;
  }

  for(owner: K, region: string): TokenBucket {
    let regions = this.byOwner.get(owner);
    if (!regions) this.byOwner.set(owner, (regions = new Map()));
    let bucket = regions.get(region);
    if (!bucket) regions.set(region, (bucket = this.make()));
    return bucket;
  }
}
