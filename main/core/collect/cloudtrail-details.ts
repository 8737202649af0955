/**
 * What each trail records. GetEventSelectors goes to the trail's home region by ARN (a shadow
 * trail's settings are those of its home copy). A trail without custom selectors answers with the
 * default selector: all read and write management events.
 */
import {
  GetEventSelectorsCommand,
  type AdvancedEventSelector,
  type EventSelector,
  type GetEventSelectorsCommandOutput,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import type { Snapshot } from '../engine/snapshot.ts';
import { perResource } from './per-resource.ts';
import type { DatasetDef } from './types.ts';

/** GetEventSelectors as stored: a trail has basic or advanced selectors, never both. */
export interface TrailEventSelectors {
  EventSelectors: EventSelector[] | null;
  AdvancedEventSelectors: AdvancedEventSelector[] | null;
}

/** Every trail seen in any region, once, by ARN (shadow copies collapse onto their trail). */
export function uniqueTrails(snapshot: Snapshot): Trail[] {
  const trails = new Map<string, Trail>();
  for (const r of snapshot.records('cloudtrail:DescribeTrails')) {
    if (!r.ok) continue;
    for (const t of r.data as Trail[]) if (t.TrailARN && !trails.has(t.TrailARN)) trails.set(t.TrailARN, t);
  }
  return [...trails.values()];
}

export const cloudtrailDetailDatasets: DatasetDef[] = [
  {
    id: 'cloudtrail:GetEventSelectors',
    service: 'cloudtrail',
    scope: 'per-resource',
    iamActions: ['cloudtrail:GetEventSelectors'],
    dependsOn: ['cloudtrail:DescribeTrails'],
    collect(ctx) {
      return perResource(
        ctx,
        uniqueTrails(ctx.snapshot),
        (t) => ({ region: t.HomeRegion ?? ctx.homeRegion, resourceKey: t.TrailARN ?? '' }),
        async (t, region): Promise<TrailEventSelectors> => {
          const out = await ctx.send<GetEventSelectorsCommandOutput>(
            ctx.session.client('cloudtrail', region),
            new GetEventSelectorsCommand({ TrailName: t.TrailARN }),
          );
          return { EventSelectors: out.EventSelectors ?? null, AdvancedEventSelectors: out.AdvancedEventSelectors ?? null };
        },
      );
    },
  },
];
