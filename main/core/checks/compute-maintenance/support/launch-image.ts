/** The AMI an instance was launched from, or why it cannot be known. */
import type { Image, Instance } from '@aws-sdk/client-ec2';
import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { Finding } from '../../../../../shared/model/finding.ts';
import type { Snapshot } from '../../../engine/snapshot.ts';
import { indexBy, type OkRead } from '../../../maintenance/data.ts';
import { evidence, missingField, notAssessed, type Resource } from '../../helpers.ts';
import { unassessed } from './instance-check.ts';

export function launchImage(
  meta: CheckMeta,
  snap: Snapshot,
  region: string,
  instance: Instance,
  resource: Resource,
  instances: OkRead<Instance[]>,
): { image: Image; read: OkRead<Image[]> } | { unassessed: Finding } {
  if (!instance.ImageId) return { unassessed: missingField(meta, snap, resource, instances, 'ImageId') };
  const read = snap.read<Image[]>('ec2:DescribeImages', region);
  if (!read.ok) return { unassessed: notAssessed(meta, snap, resource, read) };
  const image = indexBy(read.data, (i) => i.ImageId).get(instance.ImageId);
  if (image) return { image, read };
  const proof = [evidence(read, { ImageIds: [instance.ImageId], Images: [] })];
  return {
    unassessed: unassessed(
      meta,
      snap,
      resource,
      {
        kind: 'not-collected',
        code: 'ImageNotVisible',
        call: read.call,
        message: `${instance.ImageId}, the AMI ${resource.id} was launched from, is no longer visible to this account (deregistered, or no longer shared with it).`,
      },
      proof,
    ),
  };
}
