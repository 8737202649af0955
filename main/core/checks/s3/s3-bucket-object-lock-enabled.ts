import type { Trail } from '@aws-sdk/client-cloudtrail';
import type { BucketLogging, BucketObjectLock } from '../../collect/s3-buckets.ts';
import type { BucketEntry } from '../../collect/s3.ts';
import { GLOBAL, type Read, type Snapshot } from '../../engine/snapshot.ts';
import { evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { eachBucket, readBucket } from './support/buckets.ts';

const meta = {
  id: 's3-bucket-object-lock-enabled',
  title: 'Log and backup buckets use S3 Object Lock',
  area: 's3',
  service: 's3',
  severity: 'medium',
  responsibility:
    'Keeping audit logs and backups out of an attacker\'s reach is your job. Object Lock (write once, read many) stops anyone, including administrators with stolen credentials, from deleting or overwriting them before their retention ends.',
  risk: 'An intruder who can delete logs erases the evidence; one who can delete backups removes your way back after ransomware.',
  remediation: {
    console:
      'S3 console > bucket > Properties > Object Lock > Edit > Enable, then set a default retention (Governance or Compliance mode). Versioning must be on; for a new log bucket, enable Object Lock at creation.',
    cli: 'aws s3api put-object-lock-configuration --bucket <bucket> --object-lock-configuration \'{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"GOVERNANCE","Days":365}}}\'',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html',
  ],
} as const satisfies Check['meta'];

/**
 * Whole words of a bucket name that say it holds logs or backups ("blog-assets" has no "log"
 * word). Kept narrow on purpose: "trail" or "audit" name too many ordinary buckets.
 */
const NAME_WORDS = new Set(['log', 'logs', 'logging', 'accesslogs', 'cloudtrail', 'backup', 'backups']);

interface Roles {
  /** Why the bucket is a log or backup bucket, from evidence first and its name last. */
  reasons: Map<string, string[]>;
  /** A read that could have named more log buckets in a region ("global" for trails: a trail may write to any region). */
  unknown: { region: string; read: Extract<Read<unknown>, { ok: false }> }[];
}

function roles(snap: Snapshot, buckets: BucketEntry[]): Roles {
  const reasons = new Map<string, string[]>();
  const add = (bucket: string, why: string) => reasons.set(bucket, [...(reasons.get(bucket) ?? []), why]);
  const unknown: Roles['unknown'] = [];
  for (const region of snap.meta.regions) {
    const read = snap.read<Trail[]>('cloudtrail:DescribeTrails', region);
    if (!read.ok) unknown.push({ region: GLOBAL, read });
    else for (const t of read.data) if (t.S3BucketName) add(t.S3BucketName, `CloudTrail trail ${t.Name ?? '?'} delivers its logs here`);
  }
  for (const b of buckets) {
    const read = readBucket<BucketLogging>(snap, 's3:GetBucketLogging', b);
    if (!read.ok) unknown.push({ region: b.BucketRegion, read });
    else if (read.data.LoggingEnabled?.TargetBucket) add(read.data.LoggingEnabled.TargetBucket, 'it receives S3 server access logs');
  }
  for (const b of buckets) {
    const word = b.Name.toLowerCase().split(/[-._]/).find((w) => NAME_WORDS.has(w));
    if (word) add(b.Name, `its name contains "${word}"`);
  }
  for (const [k, v] of reasons) reasons.set(k, [...new Set(v)]);
  return { reasons, unknown };
}

export const s3BucketObjectLockEnabled: Check = {
  meta,
  needs: ['s3:ListBuckets', 's3:GetObjectLockConfiguration', 's3:GetBucketLogging', 'cloudtrail:DescribeTrails'],
  evaluate(snap) {
    const list = snap.read<BucketEntry[]>('s3:ListBuckets', GLOBAL);
    const known = roles(snap, list.ok ? list.data : []);
    return eachBucket(meta, snap, (b, resource) => {
      const why = known.reasons.get(b.Name);
      const role = why ? ` It is a log or backup bucket: ${why.join('; ')}.` : '';
      const read = readBucket<BucketObjectLock>(snap, 's3:GetObjectLockConfiguration', b);
      const lock = read.ok ? read.data.ObjectLockConfiguration : undefined;
      if (read.ok && lock?.ObjectLockEnabled === 'Enabled') {
        const retention = lock.Rule?.DefaultRetention;
        const rule = retention ? `default retention ${retention.Mode ?? '?'} ${period(retention)}` : 'no default retention (only objects written with their own retention are locked)';
        return finding(meta, snap, resource, 'PASS', `Object Lock is enabled, ${rule}.${role}`, [evidence(read, read.data)]);
      }
      const blind = known.unknown.find((u) => u.region === GLOBAL || u.region === b.BucketRegion);
      if (!why) {
        if (blind) return notAssessed(meta, snap, resource, blind.read);
        return finding(meta, snap, resource, 'NOT_APPLICABLE', 'Not identified as a log or backup bucket: no CloudTrail trail or access logging writes to it and its name has no log or backup word.');
      }
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      return finding(meta, snap, resource, 'FAIL', `Object Lock is not enabled${lock === null ? ' (ObjectLockConfigurationNotFoundError)' : ''}.${role}`, [evidence(read, read.data)]);
    });
  },
};

/**
 * A default retention holds Days or Years, never both (API_DefaultRetention); moto sends the unset
 * one as 0 ("Days": 0, "Years": 1), so the period is whichever is positive.
 */
function period(retention: { Days?: number; Years?: number }): string {
  if (retention.Days) return `${retention.Days} days`;
  if (retention.Years) return `${retention.Years} years`;
  return 'of unstated length';
}
