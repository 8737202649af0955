/**
 * Small builders that fill in what AWS always returns (egress rule, empty range lists, instance
 * boilerplate), so fixtures state only what matters and still look like real SDK output.
 */
import type { Instance, IpPermission, SecurityGroup, UserIdGroupPair } from '@aws-sdk/client-ec2';

/** The egress rule every new security group gets: all traffic to anywhere. */
export function anyEgress(): IpPermission {
  return { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
}

export function tcp(
  port: number,
  from: { cidrs?: string[]; ipv6?: string[]; groups?: UserIdGroupPair[]; prefixLists?: string[]; description?: string },
): IpPermission {
  const described = from.description === undefined ? {} : { Description: from.description };
  return {
    IpProtocol: 'tcp',
    FromPort: port,
    ToPort: port,
    IpRanges: (from.cidrs ?? []).map((CidrIp) => ({ CidrIp, ...described })),
    Ipv6Ranges: (from.ipv6 ?? []).map((CidrIpv6) => ({ CidrIpv6, ...described })),
    UserIdGroupPairs: from.groups ?? [],
    PrefixListIds: (from.prefixLists ?? []).map((PrefixListId) => ({ PrefixListId })),
  };
}

export function securityGroup(
  region: string,
  ownerId: string,
  vpcId: string,
  groupId: string,
  groupName: string,
  description: string,
  ingress: IpPermission[],
  egress: IpPermission[] = [anyEgress()],
): SecurityGroup {
  return {
    GroupId: groupId,
    GroupName: groupName,
    Description: description,
    VpcId: vpcId,
    OwnerId: ownerId,
    SecurityGroupArn: `arn:aws:ec2:${region}:${ownerId}:security-group/${groupId}`,
    IpPermissions: ingress,
    IpPermissionsEgress: egress,
  };
}

export interface InstanceSpec {
  InstanceId: string;
  ImageId: string;
  InstanceType: Instance['InstanceType'];
  name: string;
  httpTokens: 'optional' | 'required';
  privateIp: string;
  publicIp?: string;
  vpcId: string;
  groups: { GroupId: string; GroupName: string }[];
  stopped?: boolean;
  platform?: 'Windows';
}

/** A running (or stopped) instance as DescribeInstances returns it. */
export function instance(availabilityZone: string, spec: InstanceSpec): Instance {
  const region = availabilityZone.slice(0, -1);
  const subnet = `subnet-${spec.vpcId.slice(4, 12)}${availabilityZone.slice(-1).charCodeAt(0).toString(16)}0000001`;
  const windows = spec.platform === 'Windows';
  return {
    InstanceId: spec.InstanceId,
    ImageId: spec.ImageId,
    InstanceType: spec.InstanceType,
    State: spec.stopped ? { Code: 80, Name: 'stopped' } : { Code: 16, Name: 'running' },
    LaunchTime: new Date('2025-05-12T08:30:00.000Z'),
    Placement: { AvailabilityZone: availabilityZone, GroupName: '', Tenancy: 'default' },
    PrivateDnsName: `ip-${spec.privateIp.replaceAll('.', '-')}.${region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`}`,
    PrivateIpAddress: spec.privateIp,
    ...(spec.publicIp && !spec.stopped
      ? { PublicIpAddress: spec.publicIp, PublicDnsName: `ec2-${spec.publicIp.replaceAll('.', '-')}.${region === 'us-east-1' ? 'compute-1' : `${region}.compute`}.amazonaws.com` }
      : { PublicDnsName: '' }),
    SubnetId: subnet,
    VpcId: spec.vpcId,
    Architecture: 'x86_64',
    RootDeviceName: windows ? '/dev/sda1' : '/dev/xvda',
    RootDeviceType: 'ebs',
    VirtualizationType: 'hvm',
    Hypervisor: 'xen',
    EbsOptimized: true,
    EnaSupport: true,
    // EC2 sends `<platform>windows</platform>` although the SDK's PlatformValues enum says 'Windows'.
    ...(windows ? { Platform: 'windows' as unknown as Instance['Platform'] } : {}),
    PlatformDetails: windows ? 'Windows' : 'Linux/UNIX',
    UsageOperation: windows ? 'RunInstances:0002' : 'RunInstances',
    SecurityGroups: spec.groups,
    Tags: [{ Key: 'Name', Value: spec.name }],
    MetadataOptions: {
      State: 'applied',
      HttpTokens: spec.httpTokens,
      HttpPutResponseHopLimit: spec.httpTokens === 'required' ? 2 : 1,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
  };
}
