/**
 * The AMIs the account's instances were launched from, and the account's instance-metadata
 * defaults. An AMI can be gone (deregistered, or no longer shared with the account): EC2 then leaves
 * it out or refuses the whole call with InvalidAMIID.*, so such ids are dropped and the rest asked
 * again; a check reports a missing image as not assessed, never as a pass or a fail.
 */
import {
  DescribeImagesCommand,
  GetInstanceMetadataDefaultsCommand,
  type DescribeImagesCommandOutput,
  type GetInstanceMetadataDefaultsCommandOutput,
  type Image,
  type Instance,
} from '@aws-sdk/client-ec2';
import type { CollectContext, DatasetDef } from './types.ts';

const IMAGE_BATCH = 100;
const GONE = new Set(['InvalidAMIID.NotFound', 'InvalidAMIID.Malformed', 'InvalidAMIID.Unavailable']);

export const ec2ImageDatasets: DatasetDef[] = [
  {
    id: 'ec2:DescribeImages',
    service: 'ec2',
    scope: 'regional',
    iamActions: ['ec2:DescribeImages'],
    dependsOn: ['ec2:DescribeInstances'],
    async collect(ctx): Promise<Image[]> {
      const instances = ctx.snapshot.read<Instance[]>('ec2:DescribeInstances', ctx.region);
      if (!instances.ok) return [];
      const ids = [...new Set(instances.data.map((i) => i.ImageId).filter((id): id is string => Boolean(id)))].sort();
      const images: Image[] = [];
      for (let i = 0; i < ids.length; i += IMAGE_BATCH) images.push(...(await visibleImages(ctx, ids.slice(i, i + IMAGE_BATCH))));
      return images;
    },
  },
  {
    id: 'ec2:GetInstanceMetadataDefaults',
    service: 'ec2',
    scope: 'regional',
    iamActions: ['ec2:GetInstanceMetadataDefaults'],
    async collect(ctx) {
      const out = await ctx.send<GetInstanceMetadataDefaultsCommandOutput>(
        ctx.session.client('ec2', ctx.region),
        new GetInstanceMetadataDefaultsCommand({}),
      );
      // An account that never set a default gets an empty AccountLevel: kept as {} (no default), not null.
      return { AccountLevel: out.AccountLevel ?? {} };
    },
  },
];

async function visibleImages(ctx: CollectContext, ids: string[]): Promise<Image[]> {
  try {
    // Deprecated and disabled AMIs are left out unless asked for, and they are exactly what we look for.
    const out = await ctx.send<DescribeImagesCommandOutput>(
      ctx.session.client('ec2', ctx.region),
      new DescribeImagesCommand({ ImageIds: ids, IncludeDeprecated: true, IncludeDisabled: true }),
    );
    return out.Images ?? [];
  } catch (err) {
    const e = err as { name?: string; Code?: string; message?: string };
    if (!GONE.has(String(e.Code ?? e.name))) throw err;
    const named = ids.filter((id) => String(e.message ?? '').includes(id));
    const rest = ids.filter((id) => !named.includes(id));
    if (named.length > 0) return rest.length > 0 ? visibleImages(ctx, rest) : [];
    if (ids.length === 1) return [];
    // The message named no id we asked for: ask one by one so a single bad id costs only itself.
    const each = await Promise.all(ids.map((id) => visibleImages(ctx, [id])));
    return each.flat();
  }
}
