/**
 * EBS volumes, the account's own snapshots, who may create volumes from each snapshot, and the
 * region's block public access setting for snapshots. DescribeSnapshots is always sent with OwnerIds=self: without it EC2 lists every public snapshot
 * of every account too.
 */
import {
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  GetSnapshotBlockPublicAccessStateCommand,
  type DescribeSnapshotAttributeCommandOutput,
  type DescribeSnapshotsCommandOutput,
  type DescribeVolumesCommandOutput,
  type GetSnapshotBlockPublicAccessStateCommandOutput,
  type Snapshot,
  type Volume,
} from '@aws-sdk/client-ec2';
import { collectPages } from './paginate.ts';
import { perResource } from './per-resource.ts';
import type { CollectContext, DatasetDef } from './types.ts';

/** DescribeSnapshotAttribute(createVolumePermission) as stored; null: the list was absent from the response. */
export interface SnapshotPermissions {
  SnapshotId: string;
  CreateVolumePermissions: { Group?: string; UserId?: string }[] | null;
}

/** Each item of a regional list dataset with the region it was listed in. */
function listed<T>(ctx: CollectContext, dataset: string): { region: string; item: T }[] {
  return ctx.snapshot.records(dataset).flatMap((r) => (r.ok && r.resourceKey === '' ? (r.data as T[]).map((item) => ({ region: r.region, item })) : []));
}

export const ec2StorageDatasets: DatasetDef[] = [
  {
    id: 'ec2:DescribeVolumes',
    service: 'ec2',
    scope: 'regional',
    iamActions: ['ec2:DescribeVolumes'],
    collect(ctx) {
      const client = ctx.session.client('ec2', ctx.region);
      return collectPages<DescribeVolumesCommandOutput, Volume>(
        (NextToken) => ctx.send(client, new DescribeVolumesCommand({ NextToken, MaxResults: 500 })),
        (page) => page.Volumes,
        (page) => page.NextToken,
      );
    },
  },
  {
    id: 'ec2:DescribeSnapshots',
    service: 'ec2',
    scope: 'regional',
    iamActions: ['ec2:DescribeSnapshots'],
    async collect(ctx) {
      const client = ctx.session.client('ec2', ctx.region);
      const snapshots = await collectPages<DescribeSnapshotsCommandOutput, Snapshot>(
        (NextToken) => ctx.send(client, new DescribeSnapshotsCommand({ OwnerIds: ['self'], NextToken, MaxResults: 1000 })),
        (page) => page.Snapshots,
        (page) => page.NextToken,
      );
      // AWS honours OwnerIds; moto (5.x) ignores it and lists the public snapshots behind its
      // bundled AMIs, owned by other accounts. Another account's snapshot is not this account's to judge.
      return snapshots.filter((s) => s.OwnerId === undefined || s.OwnerId === ctx.snapshot.meta.accountId);
    },
  },
  {
    // "block-all-sharing" keeps snapshots private even where their permission still says "all".
    id: 'ec2:GetSnapshotBlockPublicAccessState',
    service: 'ec2',
    scope: 'regional',
    iamActions: ['ec2:GetSnapshotBlockPublicAccessState'],
    async collect(ctx) {
      const out = await ctx.send<GetSnapshotBlockPublicAccessStateCommandOutput>(ctx.session.client('ec2', ctx.region), new GetSnapshotBlockPublicAccessStateCommand({}));
      return { State: out.State ?? null, ManagedBy: out.ManagedBy ?? null };
    },
  },
  {
    id: 'ec2:DescribeSnapshotAttribute',
    service: 'ec2',
    scope: 'per-resource',
    iamActions: ['ec2:DescribeSnapshotAttribute'],
    dependsOn: ['ec2:DescribeSnapshots'],
    collect(ctx) {
      return perResource(
        ctx,
        listed<Snapshot>(ctx, 'ec2:DescribeSnapshots').filter(({ item }) => item.SnapshotId),
        ({ region, item }) => ({ region, resourceKey: item.SnapshotId ?? '' }),
        async ({ item }, region): Promise<SnapshotPermissions> => {
          const out = await ctx.send<DescribeSnapshotAttributeCommandOutput>(
            ctx.session.client('ec2', region),
            new DescribeSnapshotAttributeCommand({ SnapshotId: item.SnapshotId, Attribute: 'createVolumePermission' }),
          );
          return { SnapshotId: item.SnapshotId ?? '', CreateVolumePermissions: out.CreateVolumePermissions ?? null };
        },
      );
    },
  },
];
