import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { isLogging, managementEvents, statusUnknown, trailInventory, trailLabel, type FailedRead, type TrailView } from './support/trails.ts';

const meta = {
  id: 'cloudtrail-multi-region-logging',
  title: 'A multi-region CloudTrail trail is logging read and write management events',
  area: 'logging-monitoring',
  service: 'cloudtrail',
  severity: 'high',
  responsibility:
    'Keeping a record of what happens in your account is your job. A trail that covers every region, is switched on and records every management event (reads and writes) records who did what, where and when.',
  risk: 'Without such a trail, activity in unused regions, reconnaissance (read) calls and changes made by an intruder leave no audit record.',
  remediation: {
    console:
      'CloudTrail console > Trails > Create trail (apply to all regions, management events: Read and Write), or open the existing trail, choose Start logging and set Management events to All.',
    cli: 'aws cloudtrail create-trail --name audit --s3-bucket-name <bucket> --is-multi-region-trail\naws cloudtrail put-event-selectors --trail-name audit --event-selectors \'[{"ReadWriteType":"All","IncludeManagementEvents":true}]\'\naws cloudtrail start-logging --name audit',
    terraform:
      'resource "aws_cloudtrail" "audit" {\n  name                  = "audit"\n  s3_bucket_name        = aws_s3_bucket.trail.id\n  is_multi_region_trail = true\n  enable_logging        = true\n  event_selector {\n    read_write_type           = "All"\n    include_management_events = true\n  }\n}',
  },
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html',
  ],
} as const satisfies Check['meta'];

function proof(view: TrailView) {
  const { Name, IsMultiRegionTrail, HomeRegion, IsOrganizationTrail, HasCustomEventSelectors } = view.trail;
  const out = [evidence(view.seen, { Name, TrailARN: view.arn, IsMultiRegionTrail, HomeRegion, IsOrganizationTrail, HasCustomEventSelectors })];
  if (view.status.ok) out.push(evidence(view.status, { IsLogging: view.status.data.IsLogging }));
  if (view.selectors.ok) out.push(evidence(view.selectors, view.selectors.data));
  return out;
}

export const cloudtrailMultiRegionLogging: Check = {
  meta,
  needs: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
  evaluate(snap) {
    const resource = accountResource(snap, GLOBAL, 'CloudTrail');
    const { trails, okRegions, failedRegions } = trailInventory(snap);
    const [firstRegionFailure] = failedRegions;
    if (okRegions.length === 0 && firstRegionFailure) return [notAssessed(meta, snap, resource, firstRegionFailure)];

    const multi = trails.filter((v) => v.trail.IsMultiRegionTrail === true);
    let unknown: FailedRead | undefined;
    const shortfalls: string[] = [];
    for (const view of multi) {
      const label = trailLabel(view, snap.meta.accountId);
      const logging = isLogging(view);
      if (logging === undefined) {
        unknown ??= statusUnknown(view);
        continue;
      }
      if (!logging) {
        shortfalls.push(`${label} is not logging`);
        continue;
      }
      const events = managementEvents(view);
      if (events.covered === true) {
        return [finding(meta, snap, resource, 'PASS', `Multi-region ${label} (home ${view.trail.HomeRegion}) is logging, and ${events.how}.`, proof(view))];
      }
      if (events.covered === undefined) unknown ??= events.unknown;
      else shortfalls.push(`${label} is logging but ${events.how}`);
    }
    // No trail proven to cover the account: anything unread could be the one that does.
    if (unknown) return [notAssessed(meta, snap, resource, unknown)];
    if (firstRegionFailure) return [notAssessed(meta, snap, resource, firstRegionFailure)];
    const message = multi.length === 0
      ? `No multi-region CloudTrail trail exists in the account${trails.length > 0 ? ` (only single-region trails: ${trails.map((t) => t.trail.Name).join(', ')})` : ''}.`
      : `No multi-region trail records the account's management events: ${shortfalls.join('; ')}.`;
    const first = okRegions[0];
    const excerpt = first ? [evidence(first, first.data.map((t) => ({ Name: t.Name, IsMultiRegionTrail: t.IsMultiRegionTrail, HomeRegion: t.HomeRegion })))] : [];
    return [finding(meta, snap, resource, 'FAIL', message, [...excerpt, ...multi.flatMap((v) => proof(v).slice(1))])];
  },
};
