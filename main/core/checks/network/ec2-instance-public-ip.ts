import type { Instance } from '@aws-sdk/client-ec2';
import { live } from '../../exposure/view.ts';
import { accountResource, evidence, finding, notAssessed, tagName } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'ec2-instance-public-ip',
  title: 'EC2 instances have no public IPv4 address',
  area: 'network',
  service: 'ec2',
  severity: 'medium',
  responsibility:
    'Deciding which servers face the internet is your job. Instances should sit behind a load balancer, NAT or Session Manager rather than carry a public IPv4 address of their own, unless that is deliberate.',
  risk: 'A public address makes the instance reachable from the internet whenever a security group or network ACL allows it; whether it is reachable now is in ec2-instance-internet-exposure.',
  remediation: {
    console: 'EC2 console > Elastic IPs: disassociate any Elastic IP; for an auto-assigned address, relaunch (or stop and change the network interface) in a subnet that does not assign public IPs.',
    cli: 'aws ec2 disassociate-address --association-id <eipassoc-id>',
    terraform: 'resource "aws_instance" "app" {\n  # ...\n  associate_public_ip_address = false\n}',
  },
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html',
  ],
} as const satisfies Check['meta'];

export const ec2InstancePublicIp: Check = {
  meta,
  needs: ['ec2:DescribeInstances'],
  evaluate(snap) {
    return snap.meta.regions.flatMap((region) => {
      const label = `EC2 instances (${region})`;
      const read = snap.read<Instance[]>('ec2:DescribeInstances', region);
      if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, region, label), read)];
      const instances = read.data.filter(live);
      if (instances.length === 0) return [finding(meta, snap, accountResource(snap, region, label), 'NOT_APPLICABLE', `No EC2 instances in ${region}.`)];
      return instances.map((i) => {
        const id = i.InstanceId ?? '';
        const resource = { id, arn: `arn:${snap.meta.partition}:ec2:${region}:${snap.meta.accountId}:instance/${id}`, name: tagName(i.Tags) ?? id, region };
        // DescribeInstances omits PublicIpAddress when there is none; secondary interfaces carry their own.
        const addresses = [...new Set([i.PublicIpAddress, ...(i.NetworkInterfaces ?? []).map((n) => n.Association?.PublicIp)].filter((a): a is string => Boolean(a)))];
        const proof = [evidence(read, { InstanceId: id, State: i.State?.Name, SubnetId: i.SubnetId, PublicIpAddress: i.PublicIpAddress, InterfaceAddresses: (i.NetworkInterfaces ?? []).map((n) => ({ NetworkInterfaceId: n.NetworkInterfaceId, PublicIp: n.Association?.PublicIp })) })];
        if (addresses.length === 0) return finding(meta, snap, resource, 'PASS', `${id} has no public IPv4 address.`, proof);
        return finding(meta, snap, resource, 'FAIL', `${id} (${i.State?.Name ?? 'unknown state'}) has the public IPv4 address ${addresses.join(', ')}.`, proof);
      });
    });
  },
};
