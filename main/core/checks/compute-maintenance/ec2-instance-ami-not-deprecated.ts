import { isoOf, timeOf } from '../../maintenance/data.ts';
import { evidence, finding } from '../helpers.ts';
import type { Check } from '../types.ts';
import { perLiveInstance } from './support/instance-check.ts';
import { launchImage } from './support/launch-image.ts';

const meta = {
  id: 'ec2-instance-ami-not-deprecated',
  title: 'EC2 instances were not launched from a deprecated AMI',
  area: 'compute-maintenance',
  service: 'ec2',
  severity: 'medium',
  responsibility:
    'Choosing and refreshing the images your instances start from is your job. Publishers deprecate an AMI when it should no longer be used, usually because a patched one replaces it.',
  risk: 'A deprecated AMI is out of date by its publisher\'s own account: instances (and any auto scaling replacements) start with its unpatched packages.',
  remediation: {
    console: 'EC2 console > AMIs: find the publisher\'s current image (for AWS images, the SSM public parameter), update the launch template, and replace the instance.',
    cli: 'aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    terraform: 'data "aws_ssm_parameter" "al2023" {\n  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"\n}\n# image_id = data.aws_ssm_parameter.al2023.value',
  },
  references: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ami-deprecate.html'],
} as const satisfies Check['meta'];

export const ec2InstanceAmiNotDeprecated: Check = {
  meta,
  needs: ['ec2:DescribeInstances', 'ec2:DescribeImages'],
  evaluate(snap) {
    return perLiveInstance(meta, snap, ({ region, instance, resource, instances }) => {
      const found = launchImage(meta, snap, region, instance, resource, instances);
      if ('unassessed' in found) return found.unassessed;
      const { image, read } = found;
      const now = timeOf(read.at) ?? Date.now();
      const deprecation = timeOf(image.DeprecationTime);
      const proof = [evidence(read, { ImageId: image.ImageId, Name: image.Name, OwnerId: image.OwnerId, State: image.State, CreationDate: image.CreationDate, DeprecationTime: image.DeprecationTime ?? null })];
      if (deprecation !== null && deprecation <= now) {
        return finding(meta, snap, resource, 'FAIL', `${resource.id} runs ${image.ImageId} (${image.Name ?? 'unnamed'}), deprecated since ${isoOf(deprecation)}.`, proof);
      }
      if (image.State === 'disabled') return finding(meta, snap, resource, 'FAIL', `${resource.id} runs ${image.ImageId} (${image.Name ?? 'unnamed'}), which its owner has disabled.`, proof);
      const later = deprecation !== null ? `; deprecation is scheduled for ${isoOf(deprecation)}` : '';
      return finding(meta, snap, resource, 'PASS', `${image.ImageId} (${image.Name ?? 'unnamed'}) is not deprecated${later}.`, proof);
    });
  },
};
