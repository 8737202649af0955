/**
 * RDS clusters and snapshots, who may restore each manual snapshot, and the TLS parameters of
 * the parameter groups in use. DescribeDBInstances itself is a shared dataset (shared.ts).
 */
import {
  DescribeDBClusterParametersCommand,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBParametersCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  type DBCluster,
  type DBClusterMessage,
  type DBClusterParameterGroupDetails,
  type DBClusterSnapshot,
  type DBClusterSnapshotMessage,
  type DBInstance,
  type DBParameterGroupDetails,
  type DBSnapshot,
  type DBSnapshotMessage,
  type DescribeDBClusterSnapshotAttributesCommandOutput,
  type DescribeDBSnapshotAttributesCommandOutput,
  type Parameter,
} from '@aws-sdk/client-rds';
import { collectPages } from './paginate.ts';
import { perResource } from './per-resource.ts';
import type { CollectContext, DatasetDef, ResourceResult } from './types.ts';

/**
 * The parameters that make an engine refuse unencrypted connections. Parameter groups hold
 * hundreds of parameters; only these are kept in the snapshot.
 */
export const TLS_PARAMETERS = ['rds.force_ssl', 'require_secure_transport'];

/** A snapshot's "restore" attribute lists the accounts that may restore it; "all" means anyone. */
export interface SnapshotAttributes {
  AttributeName?: string;
  AttributeValues?: string[];
}

function listed<T>(ctx: CollectContext, dataset: string): { region: string; item: T }[] {
  return ctx.snapshot.records(dataset).flatMap((r) => (r.ok && r.resourceKey === '' ? (r.data as T[]).map((item) => ({ region: r.region, item })) : []));
}

function regionalList<Page, Item>(id: string, items: (p: Page) => Item[] | undefined, send: (ctx: CollectContext, Marker?: string) => Promise<Page>): DatasetDef {
  return {
    id,
    service: 'rds',
    scope: 'regional',
    iamActions: [id],
    collect: (ctx) => collectPages<Page, Item>((marker) => send(ctx, marker), items, (p) => (p as { Marker?: string }).Marker),
  };
}

/** Every distinct (region, name) once: many instances share one parameter group. */
function distinct(pairs: { region: string; name: string | undefined }[]): { region: string; name: string }[] {
  const seen = new Map<string, { region: string; name: string }>();
  for (const { region, name } of pairs) if (name) seen.set(`${region}\u0000${name}`, { region, name });
  return [...seen.values()];
}

function parameters(
  ctx: CollectContext,
  groups: { region: string; name: string }[],
  page: (region: string, name: string, Marker?: string) => Promise<{ Parameters?: Parameter[]; Marker?: string }>,
): Promise<ResourceResult[]> {
  return perResource(
    ctx,
    groups,
    (g) => ({ region: g.region, resourceKey: g.name }),
    async (g) => {
      const all = await collectPages((marker) => page(g.region, g.name, marker), (p) => p.Parameters, (p) => p.Marker);
      return all.filter((p) => TLS_PARAMETERS.includes(p.ParameterName ?? ''));
    },
  );
}

const rds = (ctx: CollectContext, region = ctx.region) => ctx.session.client('rds', region);

export const rdsStorageDatasets: DatasetDef[] = [
  regionalList<DBClusterMessage, DBCluster>('rds:DescribeDBClusters', (p) => p.DBClusters, (ctx, Marker) =>
    ctx.send(rds(ctx), new DescribeDBClustersCommand({ Marker, MaxRecords: 100 }))),
  // Without SnapshotType: the account's automated and manual snapshots, not those shared with it.
  regionalList<DBSnapshotMessage, DBSnapshot>('rds:DescribeDBSnapshots', (p) => p.DBSnapshots, (ctx, Marker) =>
    ctx.send(rds(ctx), new DescribeDBSnapshotsCommand({ Marker, MaxRecords: 100 }))),
  regionalList<DBClusterSnapshotMessage, DBClusterSnapshot>('rds:DescribeDBClusterSnapshots', (p) => p.DBClusterSnapshots, (ctx, Marker) =>
    ctx.send(rds(ctx), new DescribeDBClusterSnapshotsCommand({ Marker, MaxRecords: 100 }))),
  {
    id: 'rds:DescribeDBSnapshotAttributes',
    service: 'rds',
    scope: 'per-resource',
    iamActions: ['rds:DescribeDBSnapshotAttributes'],
    dependsOn: ['rds:DescribeDBSnapshots'],
    // Only manual snapshots can be shared; automated ones never carry a restore attribute.
    collect: (ctx) =>
      perResource(
        ctx,
        listed<DBSnapshot>(ctx, 'rds:DescribeDBSnapshots').filter(({ item }) => item.SnapshotType === 'manual' && item.DBSnapshotIdentifier),
        ({ region, item }) => ({ region, resourceKey: item.DBSnapshotIdentifier ?? '' }),
        async ({ item }, region): Promise<SnapshotAttributes[] | null> => {
          const out = await ctx.send<DescribeDBSnapshotAttributesCommandOutput>(
            rds(ctx, region),
            new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: item.DBSnapshotIdentifier }),
          );
          return out.DBSnapshotAttributesResult?.DBSnapshotAttributes ?? null;
        },
      ),
  },
  {
    id: 'rds:DescribeDBClusterSnapshotAttributes',
    service: 'rds',
    scope: 'per-resource',
    iamActions: ['rds:DescribeDBClusterSnapshotAttributes'],
    dependsOn: ['rds:DescribeDBClusterSnapshots'],
    collect: (ctx) =>
      perResource(
        ctx,
        listed<DBClusterSnapshot>(ctx, 'rds:DescribeDBClusterSnapshots').filter(({ item }) => item.SnapshotType === 'manual' && item.DBClusterSnapshotIdentifier),
        ({ region, item }) => ({ region, resourceKey: item.DBClusterSnapshotIdentifier ?? '' }),
        async ({ item }, region): Promise<SnapshotAttributes[] | null> => {
          const out = await ctx.send<DescribeDBClusterSnapshotAttributesCommandOutput>(
            rds(ctx, region),
            new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: item.DBClusterSnapshotIdentifier }),
          );
          return out.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes ?? null;
        },
      ),
  },
  {
    id: 'rds:DescribeDBParameters',
    service: 'rds',
    scope: 'per-resource',
    iamActions: ['rds:DescribeDBParameters'],
    dependsOn: ['rds:DescribeDBInstances'],
    // Instances of a cluster take their TLS setting from the cluster parameter group instead.
    collect: (ctx) => {
      const groups = distinct(
        listed<DBInstance>(ctx, 'rds:DescribeDBInstances')
          .filter(({ item }) => !item.DBClusterIdentifier)
          .flatMap(({ region, item }) => (item.DBParameterGroups ?? []).map((g) => ({ region, name: g.DBParameterGroupName }))),
      );
      return parameters(ctx, groups, (region, name, Marker) =>
        ctx.send<DBParameterGroupDetails>(rds(ctx, region), new DescribeDBParametersCommand({ DBParameterGroupName: name, Marker, MaxRecords: 100 })));
    },
  },
  {
    id: 'rds:DescribeDBClusterParameters',
    service: 'rds',
    scope: 'per-resource',
    iamActions: ['rds:DescribeDBClusterParameters'],
    dependsOn: ['rds:DescribeDBClusters'],
    collect: (ctx) => {
      const groups = distinct(listed<DBCluster>(ctx, 'rds:DescribeDBClusters').map(({ region, item }) => ({ region, name: item.DBClusterParameterGroup })));
      return parameters(ctx, groups, (region, name, Marker) =>
        ctx.send<DBClusterParameterGroupDetails>(
          rds(ctx, region),
          new DescribeDBClusterParametersCommand({ DBClusterParameterGroupName: name, Marker, MaxRecords: 100 }),
        ));
    },
  },
];
