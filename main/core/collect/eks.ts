import { DescribeClusterCommand, ListClustersCommand, type DescribeClusterCommandOutput, type ListClustersCommandOutput } from '@aws-sdk/client-eks';
import { collectPages } from './paginate.ts';
import { perResource } from './per-resource.ts';
import type { DatasetDef } from './types.ts';

export const eksDatasets: DatasetDef[] = [
  {
    id: 'eks:ListClusters',
    service: 'eks',
    scope: 'regional',
    iamActions: ['eks:ListClusters'],
    collect(ctx) {
      const client = ctx.session.client('eks', ctx.region);
      return collectPages<ListClustersCommandOutput, string>(
        (nextToken) => ctx.send(client, new ListClustersCommand({ nextToken, maxResults: 100 })),
        (page) => page.clusters,
        (page) => page.nextToken,
      );
    },
  },
  {
    id: 'eks:DescribeCluster',
    service: 'eks',
    scope: 'per-resource',
    iamActions: ['eks:DescribeCluster'],
    dependsOn: ['eks:ListClusters'],
    collect(ctx) {
      // Cluster names are unique per region only: each record is keyed by name in its own region.
      const clusters = ctx.snapshot
        .records('eks:ListClusters')
        .flatMap((r) => (r.ok ? (r.data as string[]).map((name) => ({ name, region: r.region })) : []));
      return perResource(
        ctx,
        clusters,
        (c) => ({ region: c.region, resourceKey: c.name }),
        async (c, region) => {
          const out = await ctx.send<DescribeClusterCommandOutput>(ctx.session.client('eks', region), new DescribeClusterCommand({ name: c.name }));
          return out.cluster ?? null;
        },
      );
    },
  },
];
