import {
  DescribeTrailsCommand,
  GetTrailStatusCommand,
  type DescribeTrailsCommandOutput,
  type GetTrailStatusCommandOutput,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import { perResource } from './per-resource.ts';
import type { DatasetDef } from './types.ts';

export const cloudtrailDatasets: DatasetDef[] = [
  {
    id: 'cloudtrail:DescribeTrails',
    service: 'cloudtrail',
    scope: 'regional',
    iamActions: ['cloudtrail:DescribeTrails'],
    async collect(ctx) {
      // Shadow trails included: a multi-region or organization trail shows in every region it covers.
      const out = await ctx.send<DescribeTrailsCommandOutput>(
        ctx.session.client('cloudtrail', ctx.region),
        new DescribeTrailsCommand({ includeShadowTrails: true }),
      );
      return out.trailList ?? [];
    },
  },
  {
    id: 'cloudtrail:GetTrailStatus',
    service: 'cloudtrail',
    scope: 'per-resource',
    iamActions: ['cloudtrail:GetTrailStatus'],
    dependsOn: ['cloudtrail:DescribeTrails'],
    async collect(ctx) {
      const trails = new Map<string, Trail>();
      for (const r of ctx.snapshot.records('cloudtrail:DescribeTrails')) {
        if (!r.ok) continue;
        for (const t of r.data as Trail[]) if (t.TrailARN && !trails.has(t.TrailARN)) trails.set(t.TrailARN, t);
      }
      return perResource(
        ctx,
        [...trails.values()],
        (t) => ({ region: t.HomeRegion ?? ctx.homeRegion, resourceKey: t.TrailARN ?? '' }),
        async (t, region) => {
          const out = await ctx.send<GetTrailStatusCommandOutput>(
            ctx.session.client('cloudtrail', region),
            new GetTrailStatusCommand({ Name: t.TrailARN }),
          );
          return {
            IsLogging: out.IsLogging ?? null,
            LatestDeliveryError: out.LatestDeliveryError ?? null,
            LatestDeliveryTime: out.LatestDeliveryTime?.toISOString() ?? null,
            LatestCloudWatchLogsDeliveryTime: out.LatestCloudWatchLogsDeliveryTime?.toISOString() ?? null,
            LatestCloudWatchLogsDeliveryError: out.LatestCloudWatchLogsDeliveryError ?? null,
            StartLoggingTime: out.StartLoggingTime?.toISOString() ?? null,
          };
        },
      );
    },
  },
];
