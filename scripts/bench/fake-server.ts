/**
 * The loopback AWS for a benchmark, in its own process: the fake's XML rendering and the scanner's
 * parsing then use separate cores, as AWS's servers and the scanner do, and the scanner's peak
 * memory is its own. Spawned with IPC by scan-bench.ts; speaks BenchServerMessage.
 */
import { largeAccount, type LargeAccountSize } from './large-account.ts';
import { AWS_RATES, scaleRates, startFakeAws } from '../../test/support/fake-aws/index.ts';

export interface BenchServerConfig {
  size: LargeAccountSize;
  seed: number;
  latencyMs: number;
  /** Multiplies every AWS rate and burst (1: AWS's own; 0: no throttling). */
  rateScale: number;
}

export type BenchServerRequest = { type: 'counts' } | { type: 'reset' } | { type: 'close' };
export type BenchServerMessage =
  | { type: 'ready'; endpoint: string }
  | { type: 'counts'; calls: Record<string, number>; throttled: Record<string, number> };

const config = JSON.parse(process.argv[2] ?? '{}') as BenchServerConfig;
const fake = await startFakeAws(largeAccount(config.size, config.seed), {
  latencyMs: config.latencyMs,
  ...(config.rateScale > 0 ? { throttle: scaleRates(AWS_RATES, config.rateScale) } : {}),
});
const reply = (message: BenchServerMessage) => process.send?.(message);

process.on('message', (raw) => {
  const msg = raw as BenchServerRequest;
  if (msg.type === 'counts') {
    reply({ type: 'counts', calls: Object.fromEntries(fake.calls), throttled: Object.fromEntries(fake.throttled) });
  } else if (msg.type === 'reset') {
    fake.calls.clear();
    fake.throttled.clear();
    reply({ type: 'counts', calls: {}, throttled: {} });
  } else {
    void fake.close().then(() => process.exit(0));
  }
});
// The parent going away must not leave a server behind.
process.on('disconnect', () => void fake.close().then(() => process.exit(0)));
reply({ type: 'ready', endpoint: fake.endpoint });
