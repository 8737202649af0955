/** One finding per trail (each judged once, in its home region), plus what could not be listed. */
import type { Finding } from '../../../../../shared/model/finding.ts';
import { GLOBAL, type Snapshot } from '../../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed } from '../../helpers.ts';
import type { Check } from '../../types.ts';
import { trailInventory, trailResource, type TrailView } from './trails.ts';

export function eachTrail(meta: Check['meta'], snap: Snapshot, judge: (view: TrailView) => Finding): Finding[] {
  const { trails, failedRegions } = trailInventory(snap);
  const out = trails.map(judge);
  // A single-region trail shows only in its home region: a region we could not list may hide one.
  for (const failed of failedRegions) out.push(notAssessed(meta, snap, accountResource(snap, failed.region, `CloudTrail trails (${failed.region})`), failed));
  if (trails.length === 0 && failedRegions.length === 0) {
    out.push(finding(meta, snap, accountResource(snap, GLOBAL, 'CloudTrail'), 'NOT_APPLICABLE', 'The account has no CloudTrail trails.'));
  }
  return out;
}

/** A trail-level finding with the trail's DescribeTrails excerpt (plus the fields the check judged). */
export function trailFinding(meta: Check['meta'], snap: Snapshot, view: TrailView, status: 'PASS' | 'FAIL', message: string, fields: Record<string, unknown>): Finding {
  const excerpt = { Name: view.trail.Name, TrailARN: view.arn, HomeRegion: view.trail.HomeRegion, IsOrganizationTrail: view.trail.IsOrganizationTrail, ...fields };
  return finding(meta, snap, trailResource(view), status, message, [evidence(view.seen, excerpt)]);
}
