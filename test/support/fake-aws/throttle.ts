/**
 * Per-API request throttling as AWS applies it: a token bucket that holds `burst` tokens and
 * refills at `ratePerSecond`; a request that finds the bucket empty gets the service's own
 * throttling error, in its protocol. Off unless a server is started with `throttle` rules.
 *
 * Where the numbers come from (AWS_RATES):
 * - EC2: "Request throttling for the Amazon EC2 API" (devguide/ec2-api-throttling): each API is
 *   evaluated individually, per account and Region; non-mutating actions (Describe*, Get*) have a
 *   bucket of 100 tokens refilled at 20 per second.
 * - CloudTrail: the service quotas page lists 10 TPS per account and Region for the management
 *   APIs other than LookupEvents; no burst is published, so the bucket holds one second's worth.
 * - S3: 5,500 GET/HEAD per second per partitioned prefix (performance guidelines); a bucket's
 *   configuration calls never share a prefix with another bucket's, so the bucket is per bucket.
 * - IAM and STS: AWS publishes no IAM rates ("IAM and STS independently implement a token bucket
 *   [...] depends on the API", per AWS Support). The figures are conservative guesses in line with
 *   what scanners report being throttled at; GetAccountAuthorizationDetails is the notoriously
 *   tight one. IAM is global: one bucket per account whatever the signing region.
 */
import { AwsError } from './protocol.ts';

export interface ThrottleRule {
  /** Signing name ('ec2', 'iam', 's3', 'sts', 'cloudtrail'). */
  service: string;
  /** Operation name, or '*' for every operation of the service without a rule of its own. */
  action: string;
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell. */
  burst: number;
  /**
   * What one bucket covers. 'action-region' (default): one per operation and signing region;
   * 'action': one per operation for the whole account (global services); 'bucket': one per S3 bucket.
   */
  per?: 'action-region' | 'action' | 'bucket';
}

export const AWS_RATES: readonly ThrottleRule[] = [
  { service: 'ec2', action: '*', ratePerSecond: 20, burst: 100 },
  { service: 'cloudtrail', action: '*', ratePerSecond: 10, burst: 10 },
  { service: 's3', action: '*', ratePerSecond: 5500, burst: 5500, per: 'bucket' },
  { service: 'iam', action: '*', ratePerSecond: 20, burst: 40, per: 'action' },
  { service: 'iam', action: 'GetAccountAuthorizationDetails', ratePerSecond: 2, burst: 5, per: 'action' },
  { service: 'sts', action: '*', ratePerSecond: 100, burst: 200 },
];

/** The same rules with every rate and burst multiplied by `factor` (a tighter or looser account). */
export function scaleRates(rules: readonly ThrottleRule[], factor: number): ThrottleRule[] {
  return rules.map((r) => ({ ...r, ratePerSecond: r.ratePerSecond * factor, burst: Math.max(1, Math.round(r.burst * factor)) }));
}

/** What each service answers when it throttles (HTTP status and the error code the SDK sees). */
export function throttlingError(service: string): AwsError {
  switch (service) {
    case 'ec2':
      return new AwsError('RequestLimitExceeded', 'Request limit exceeded.', 503);
    case 's3':
      return new AwsError('SlowDown', 'Please reduce your request rate.', 503);
    case 'cloudtrail':
      return new AwsError('ThrottlingException', 'Rate exceeded', 400);
    default:
      // awsQuery services (IAM, STS): <Error><Type>Sender</Type><Code>Throttling</Code>.
      return new AwsError('Throttling', 'Rate exceeded', 400);
  }
}

interface Bucket {
  tokens: number;
  at: number;
}

export class Throttle {
  private readonly rules: readonly ThrottleRule[];
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(rules: readonly ThrottleRule[], now: () => number = () => performance.now()) {
    this.rules = rules;
    this.now = now;
  }

  /** Takes a token for this request; false means the request is throttled. */
  take(req: { service: string; action: string; region: string; bucket?: string }): boolean {
    const rule =
      this.rules.find((r) => r.service === req.service && r.action === req.action) ??
      this.rules.find((r) => r.service === req.service && r.action === '*');
    if (!rule) return true;
    const per = rule.per ?? 'action-region';
    const scope = per === 'bucket' ? `bucket/${req.bucket ?? ''}` : per === 'action' ? req.action : `${req.action}/${req.region}`;
    const key = `${req.service}:${scope}`;
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: rule.burst, at: t };
    bucket.tokens = Math.min(rule.burst, bucket.tokens + ((t - bucket.at) / 1000) * rule.ratePerSecond);
    bucket.at = t;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
