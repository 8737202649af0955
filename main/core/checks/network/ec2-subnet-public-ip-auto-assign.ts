import type { Subnet } from '@aws-sdk/client-ec2';
import { accountResource, evidence, finding, missingField, notAssessed, tagName } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'ec2-subnet-public-ip-auto-assign',
  title: 'Subnets do not give new instances public IP addresses automatically',
  area: 'network',
  service: 'ec2',
  severity: 'medium',
  responsibility:
    'Deciding which servers get a public address is your job. Subnets should not hand a public IPv4 address to every instance launched in them; give one deliberately, where a public endpoint is intended.',
  risk: 'Every instance launched into the subnet becomes addressable from the internet by default, one permissive security group away from exposure.',
  remediation: {
    console: 'VPC console > Subnets > select > Actions > Edit subnet settings > clear "Enable auto-assign public IPv4 address".',
    cli: 'aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch',
    terraform: 'resource "aws_subnet" "app" {\n  # ...\n  map_public_ip_on_launch = false\n}',
  },
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15',
    'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html',
  ],
} as const satisfies Check['meta'];

export const ec2SubnetPublicIpAutoAssign: Check = {
  meta,
  needs: ['ec2:DescribeSubnets'],
  evaluate(snap) {
    return snap.meta.regions.flatMap((region) => {
      const label = `Subnets (${region})`;
      const read = snap.read<Subnet[]>('ec2:DescribeSubnets', region);
      if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, region, label), read)];
      if (read.data.length === 0) return [finding(meta, snap, accountResource(snap, region, label), 'NOT_APPLICABLE', `No subnets in ${region}.`)];
      return read.data.map((s) => {
        const id = s.SubnetId ?? '';
        const resource = { id, arn: s.SubnetArn ?? `arn:${snap.meta.partition}:ec2:${region}:${s.OwnerId ?? snap.meta.accountId}:subnet/${id}`, name: tagName(s.Tags) ?? id, region };
        const proof = [evidence(read, { SubnetId: id, VpcId: s.VpcId, AvailabilityZone: s.AvailabilityZone, DefaultForAz: s.DefaultForAz, MapPublicIpOnLaunch: s.MapPublicIpOnLaunch })];
        if (s.MapPublicIpOnLaunch === false) return finding(meta, snap, resource, 'PASS', `${id} does not assign public IPv4 addresses on launch.`, proof);
        if (s.MapPublicIpOnLaunch === true) {
          const which = s.DefaultForAz ? ' (a default subnet, where AWS turns this on)' : '';
          return finding(meta, snap, resource, 'FAIL', `${id}${which} gives every instance launched in it a public IPv4 address.`, proof);
        }
        return missingField(meta, snap, resource, read, 'MapPublicIpOnLaunch');
      });
    });
  },
};
