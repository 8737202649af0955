import type { Instance, SecurityGroup } from '@aws-sdk/client-ec2';
import { exposureRows, instanceSubject, live, NETWORK_DATASETS, networkReads } from '../../exposure/view.ts';
import { accountResource, finding, notAssessed, tagName } from '../helpers.ts';
import type { Check } from '../types.ts';
import { exposureFinding } from './support/exposure-finding.ts';

const meta = {
  id: 'ec2-instance-internet-exposure',
  title: 'EC2 instances are reachable from the internet only on authorized ports',
  area: 'network',
  service: 'ec2',
  severity: 'high',
  responsibility:
    'What your servers expose to the internet is your decision and your job to control. An instance is reachable when a security group opens a port to the world, the subnet\'s network ACL lets it in, the instance has a public address and the subnet routes to an internet gateway; only authorized ports should pass all four.',
  risk: 'A port that passes every layer is directly attackable from anywhere: this is the exposure an attacker actually sees, not a configuration that might matter later.',
  remediation: {
    console: 'Close any one layer for the ports listed: remove the 0.0.0.0/0 or ::/0 rule from the security group (preferred), deny the port in the subnet\'s network ACL, remove the public IP, or move the instance to a private subnet behind a load balancer.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port <port> --cidr 0.0.0.0/0',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/infrastructure-security.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  ],
} as const satisfies Check['meta'];

export const ec2InstanceInternetExposure: Check = {
  meta,
  needs: ['ec2:DescribeInstances', ...NETWORK_DATASETS],
  evaluate(snap, ctx) {
    return snap.meta.regions.flatMap((region) => {
      const label = `EC2 instances (${region})`;
      const instances = snap.read<Instance[]>('ec2:DescribeInstances', region);
      if (!instances.ok) return [notAssessed(meta, snap, accountResource(snap, region, label), instances)];
      const sgs = snap.read<SecurityGroup[]>('ec2:DescribeSecurityGroups', region);
      if (!sgs.ok) return [notAssessed(meta, snap, accountResource(snap, region, label), sgs)];
      const subjects = instances.data.filter(live);
      if (subjects.length === 0) return [finding(meta, snap, accountResource(snap, region, label), 'NOT_APPLICABLE', `No EC2 instances in ${region}.`)];
      const groups = new Map(sgs.data.map((g) => [g.GroupId ?? '', g]));
      const net = networkReads(snap, region);
      return subjects.map((i) => {
        const id = i.InstanceId ?? '';
        const resource = { id, arn: `arn:${snap.meta.partition}:ec2:${region}:${snap.meta.accountId}:instance/${id}`, name: tagName(i.Tags) ?? id, region };
        const { rows, missingGroups } = exposureRows(instanceSubject(region, i), groups, net, ctx.authorizedPorts);
        const excerpt = { InstanceId: id, State: i.State?.Name, SubnetId: i.SubnetId, PublicIpAddress: i.PublicIpAddress, Ipv6Address: i.Ipv6Address, SecurityGroups: i.SecurityGroups, NetworkInterfaces: i.NetworkInterfaces?.map((n) => ({ NetworkInterfaceId: n.NetworkInterfaceId, SubnetId: n.SubnetId, Groups: n.Groups, PublicIp: n.Association?.PublicIp })) };
        const f = exposureFinding(meta, snap, resource, { rows, missingGroups, groups: sgs, subject: { read: instances, excerpt }, net });
        // A stopped instance keeps an Elastic IP: the exposure is real the moment it starts.
        if (f.status === 'FAIL' && i.State?.Name !== 'running') f.message += ` It is ${i.State?.Name ?? 'in an unknown state'} now; this applies whenever it runs.`;
        return f;
      });
    });
  },
};
