import { DAY_MS, timeOf } from '../../maintenance/data.ts';
import { evidence, finding, missingField } from '../helpers.ts';
import type { Check } from '../types.ts';
import { perLiveInstance } from './support/instance-check.ts';
import { launchImage } from './support/launch-image.ts';

/** Vendors publish patched images at least monthly; half a year without a rebuild is a stale pipeline. */
export const AMI_MAX_AGE_DAYS = 180;

const meta = {
  id: 'ec2-instance-ami-recent',
  title: 'EC2 instances run AMIs built in the last 180 days',
  area: 'compute-maintenance',
  service: 'ec2',
  severity: 'low',
  responsibility:
    'Rebuilding your images with current patches is your job. An instance replaced from an old AMI starts with every vulnerability fixed since the image was built, until it is patched in place.',
  risk: 'Old images mean new and replacement instances boot unpatched; if instances are not patched in place either (see the Systems Manager patch checks), they stay that way.',
  remediation: {
    console: 'Rebuild the image from the vendor\'s current base AMI (EC2 Image Builder can do it on a schedule), update the launch template, and roll the instances.',
    cli: 'aws imagebuilder start-image-pipeline-execution --image-pipeline-arn <arn>',
  },
  references: ['https://docs.aws.amazon.com/imagebuilder/latest/userguide/what-is-image-builder.html'],
} as const satisfies Check['meta'];

export const ec2InstanceAmiRecent: Check = {
  meta,
  needs: ['ec2:DescribeInstances', 'ec2:DescribeImages'],
  evaluate(snap) {
    return perLiveInstance(meta, snap, ({ region, instance, resource, instances }) => {
      const found = launchImage(meta, snap, region, instance, resource, instances);
      if ('unassessed' in found) return found.unassessed;
      const { image, read } = found;
      const created = timeOf(image.CreationDate);
      if (created === null) return missingField(meta, snap, resource, read, 'CreationDate');
      const days = Math.floor(((timeOf(read.at) ?? created) - created) / DAY_MS);
      const proof = [evidence(read, { ImageId: image.ImageId, Name: image.Name, CreationDate: image.CreationDate })];
      if (days > AMI_MAX_AGE_DAYS) return finding(meta, snap, resource, 'FAIL', `${resource.id} was launched from ${image.ImageId} (${image.Name ?? 'unnamed'}), built ${days} days before this scan.`, proof);
      return finding(meta, snap, resource, 'PASS', `${image.ImageId} (${image.Name ?? 'unnamed'}) was built ${days} day(s) before this scan.`, proof);
    });
  },
};
