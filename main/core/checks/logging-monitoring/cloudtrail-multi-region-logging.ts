import type { Trail } from '@aws-sdk/client-cloudtrail';
import { GLOBAL, type Read } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'cloudtrail-multi-region-logging',
  title: 'A multi-region CloudTrail trail is logging',
  area: 'logging-monitoring',
  service: 'cloudtrail',
  severity: 'high',
  responsibility:
    'Keeping a record of what happens in your account is your job. A trail that covers every region and is switched on records who did what, where and when.',
  risk: 'Without an active multi-region trail, activity in unused regions and changes made by an intruder leave no audit record.',
  remediation: {
    console: 'CloudTrail console > Trails > Create trail (apply to all regions), or open the existing trail and choose Start logging.',
    cli: 'aws cloudtrail create-trail --name org-audit --s3-bucket-name <bucket> --is-multi-region-trail && aws cloudtrail start-logging --name org-audit',
    terraform: 'resource "aws_cloudtrail" "audit" {\n  name                  = "audit"\n  s3_bucket_name        = aws_s3_bucket.trail.id\n  is_multi_region_trail = true\n  enable_logging        = true\n}',
  },
  references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html'],
} as const satisfies Check['meta'];

type TrailStatus = { IsLogging: boolean | null };

export const cloudtrailMultiRegionLogging: Check = {
  meta,
  needs: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus'],
  evaluate(snap) {
    const resource = accountResource(snap, GLOBAL, 'CloudTrail');
    const reads = snap.meta.regions.map((r) => snap.read<Trail[]>('cloudtrail:DescribeTrails', r));
    const okReads = reads.filter((r): r is Extract<Read<Trail[]>, { ok: true }> => r.ok);
    const firstFailure = reads.find((r) => !r.ok);
    if (okReads.length === 0 && firstFailure && !firstFailure.ok) return [notAssessed(meta, snap, resource, firstFailure)];

    const trails = new Map<string, Trail>();
    for (const r of okReads) for (const t of r.data) if (t.TrailARN && t.IsMultiRegionTrail) trails.set(t.TrailARN, t);
    let unknown: Extract<Read<TrailStatus>, { ok: false }> | undefined;
    for (const t of trails.values()) {
      const status = snap.read<TrailStatus>('cloudtrail:GetTrailStatus', t.HomeRegion ?? '', t.TrailARN);
      if (!status.ok) {
        unknown ??= status;
        continue;
      }
      if (status.data.IsLogging === true) {
        return [finding(meta, snap, resource, 'PASS', `Multi-region trail ${t.Name} is logging (home region ${t.HomeRegion}).`, [
          evidence(okReads[0] as Extract<Read<unknown>, { ok: true }>, { Name: t.Name, IsMultiRegionTrail: true, HomeRegion: t.HomeRegion, IsOrganizationTrail: t.IsOrganizationTrail }),
          evidence(status, status.data),
        ])];
      }
    }
    // No logging multi-region trail seen; if any status or region could not be read, we cannot say FAIL.
    if (unknown) return [notAssessed(meta, snap, resource, unknown)];
    if (firstFailure && !firstFailure.ok) return [notAssessed(meta, snap, resource, firstFailure)];
    const stopped = [...trails.values()].map((t) => t.Name).join(', ');
    const message = stopped
      ? `Multi-region trail(s) ${stopped} exist but none is logging.`
      : 'No multi-region CloudTrail trail exists in the account.';
    return [finding(meta, snap, resource, 'FAIL', message, okReads.slice(0, 1).map((r) => evidence(r, r.data.map((t) => ({ Name: t.Name, IsMultiRegionTrail: t.IsMultiRegionTrail, HomeRegion: t.HomeRegion })))))];
  },
};
