/**
 * Redaction for reports and exports that leave the consultant's hands: AWS account IDs, ARNs, IP
 * addresses and e-mail addresses are replaced by stable masks (account-1, ip-2, email-3, and
 * ARNs keep their partition, service, region and resource type: arn:aws:iam::account-1:role/resource-4).
 * One Redactor per report: the same value always gets the same mask in it. Masking runs on the
 * model before anything is drawn, so text, bookmarks, document metadata and file names only
 * ever see masks.
 *
 * Kept as they are: "any address" (0.0.0.0, 0.0.0.0/0, ::/0), whose meaning matters to a finding
 * and says nothing about the client, and ARNs owned by AWS itself (account field "aws", such as
 * AWS managed policies), which are public.
 */
import { isIPv6 } from 'node:net';

type Kind = 'account' | 'ip' | 'email' | 'resource';

const ARN = String.raw`arn:(?:aws[a-z-]*):[a-z0-9-]*:[a-z0-9-]*:[^:\s"'<>(){}\[\],;|\\]*:[^\s"'<>(){}\[\],;|\\]+`;
const EMAIL = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`;
const IPV6 = String.raw`(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:\/\d{1,3})?(?![0-9A-Za-z:])`;
const IPV4 = String.raw`(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?![\d]|\.\d)`;
// Twelve digits standing alone: inside a longer token (a hex ID, a hash) they are not an account.
const ACCOUNT = String.raw`(?<![0-9A-Za-z])\d{12}(?![0-9A-Za-z])`;
const PATTERN = new RegExp(`(${ARN})|(${EMAIL})|(${IPV6})|(${IPV4})|(${ACCOUNT})`, 'g');
const ANY_ADDRESS = new Set(['0.0.0.0', '::']);

export class Redactor {
  private readonly masks: Record<Kind, Map<string, string>> = { account: new Map(), ip: new Map(), email: new Map(), resource: new Map() };
  private readonly arns = new Map<string, string>();

  /** Values passed here get the first numbers (the scanned account becomes account-1). */
  constructor(seeds: readonly string[] = []) {
    for (const s of seeds) this.text(s);
  }

  private mask(kind: Kind, value: string): string {
    const map = this.masks[kind];
    let m = map.get(value);
    if (!m) map.set(value, (m = `${kind}-${map.size + 1}`));
    return m;
  }

  /** Every account ID, ARN, IP and e-mail address in `s`, masked. */
  text(s: string): string {
    if (!/[0-9@:]/.test(s)) return s;
    return s.replace(PATTERN, (match: string, arn?: string, email?: string, ipv6?: string, ipv4?: string, account?: string) => {
      if (arn) return this.arn(arn);
      if (email) return this.mask('email', email.toLowerCase());
      if (ipv6) return this.ipv6(ipv6);
      if (ipv4) return this.ipv4(ipv4);
      if (account) return this.mask('account', account);
      return match;
    });
  }

  private arn(value: string): string {
    // A sentence may end right after an ARN.
    const trail = /[.:]+$/.exec(value)?.[0] ?? '';
    const arn = trail ? value.slice(0, -trail.length) : value;
    const known = this.arns.get(arn);
    if (known) return known + trail;
    const [, partition, service, region, account, ...rest] = arn.split(':');
    if (account === 'aws') return value;
    const resource = rest.join(':');
    const owner = account && /^\d{12}$/.test(account) ? this.mask('account', account) : account ? this.text(account) : '';
    // An account's root user names nothing but the account.
    if (resource === 'root') {
      const out = `arn:${partition}:${service}:${region}:${owner}:root`;
      this.arns.set(arn, out);
      return out + trail;
    }
    // Keep a resource type ("role/", "instance/") for readability; S3 has none (the bucket name comes first).
    const typed = service === 's3' ? null : /^([a-z][a-z-]{0,40})([/:])(.+)$/.exec(resource);
    const masked = typed ? `${typed[1]}${typed[2]}${this.mask('resource', resource)}` : this.mask('resource', resource);
    const out = `arn:${partition}:${service}:${region}:${owner}:${masked}`;
    this.arns.set(arn, out);
    return out + trail;
  }

  private ipv4(value: string): string {
    const [address = '', prefix] = value.split('/');
    if (address.split('.').some((o) => Number(o) > 255)) return value.replace(new RegExp(ACCOUNT, 'g'), (a) => this.mask('account', a));
    if (ANY_ADDRESS.has(address)) return value;
    return this.mask('ip', address) + (prefix === undefined ? '' : `/${prefix}`);
  }

  private ipv6(value: string): string {
    const [address = '', prefix] = value.split('/');
    if (!isIPv6(address) || !/[0-9A-Fa-f]/.test(address)) return value;
    if (ANY_ADDRESS.has(address)) return value;
    return this.mask('ip', address.toLowerCase()) + (prefix === undefined ? '' : `/${prefix}`);
  }

  /** A copy of `value` with every string (and object key) masked; binary data is kept as it is. */
  value<T>(value: T): T {
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof Uint8Array || value instanceof Date) return value;
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[this.text(k)] = this.walk(v);
    return out;
  }

  /** How many distinct values of each kind were masked. */
  counts(): Record<Kind | 'arn', number> {
    return {
      account: this.masks.account.size,
      ip: this.masks.ip.size,
      email: this.masks.email.size,
      resource: this.masks.resource.size,
      arn: this.arns.size,
    };
  }
}
