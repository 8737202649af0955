/**
 * The network part of the seeded account: VPCs, subnets, route tables, network ACLs, flow logs
 * and peering around the base account's security groups, instances and RDS instances, and the
 * items a scan must report for them. Traps (correct settings naive scanners flag): an ACL whose
 * allow for port 22 sits behind a deny, a subnet-level flow log that does not cover its VPC, a
 * publicly accessible database no rule opens to the internet, a web-only group.
 */
import type { FlowLog, NetworkAcl, NetworkAclEntry, Route, RouteTable, Subnet, Vpc, VpcPeeringConnection } from '@aws-sdk/client-ec2';
import type { NetworkFixture } from '../../ext/network.ts';
import { ACCOUNT_ID, INSTANCE, misconfigured, SG, VPC, type PlantedItem } from '../misconfigured.ts';
import { RDS } from './shared.ts';

const PARTNER = '444455556666';
const subnetOf = (region: string, id: string) => misconfigured.regional[region]?.instances.find((i) => i.InstanceId === id)?.SubnetId ?? '';

export const NET = {
  sharedVpc: 'vpc-0c33d44e55f66a001',
  publicUse1: subnetOf('us-east-1', INSTANCE.web1),
  privateUse1: subnetOf('us-east-1', INSTANCE.worker1),
  mgmtUse1: 'subnet-0a11b22c630000001',
  sharedSubnet: 'subnet-0c33d44e610000001',
  euw1: subnetOf('eu-west-1', INSTANCE.reportBuilder),
  afs1: 'subnet-0f3a4b5c610000001',
  igw: 'igw-0a1b2c3d4e5f60001',
  aclDefaultUse1: 'acl-0a1b2c3d4e5f60001', aclPublicUse1: 'acl-0a1b2c3d4e5f60002', aclMgmtUse1: 'acl-0a1b2c3d4e5f60003',
  aclShared: 'acl-0a1b2c3d4e5f60004', aclEuw1: 'acl-0b2c3d4e5f6a70001', aclAfs1: 'acl-0c3d4e5f6a7b80001',
  pcxShared: 'pcx-0a1b2c3d4e5f60001', pcxPartner: 'pcx-0a1b2c3d4e5f60002', pcxGone: 'pcx-0a1b2c3d4e5f60003', pcxLegacy: 'pcx-0b2c3d4e5f6a70001',
} as const;

const tags = (name: string) => [{ Key: 'Name', Value: name }];

function vpc(region: string, VpcId: string, cidr: string, name: string, ipv6?: string): Vpc {
  return {
    VpcId, OwnerId: ACCOUNT_ID, CidrBlock: cidr, State: 'available', InstanceTenancy: 'default', IsDefault: false, DhcpOptionsId: 'dopt-0a1b2c3d', Tags: tags(name),
    CidrBlockAssociationSet: [{ AssociationId: `${VpcId.replace('vpc', 'vpc-cidr-assoc')}`, CidrBlock: cidr, CidrBlockState: { State: 'associated' } }],
    ...(ipv6 ? { Ipv6CidrBlockAssociationSet: [{ AssociationId: `${VpcId.replace('vpc', 'vpc-cidr-assoc')}6`, Ipv6CidrBlock: ipv6, Ipv6CidrBlockState: { State: 'associated' }, NetworkBorderGroup: region, Ipv6Pool: 'Amazon' }] } : {}),
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
  };
}

function subnet(az: string, SubnetId: string, VpcId: string, cidr: string, name: string, mapPublic: boolean): Subnet {
  return {
    SubnetId, VpcId, CidrBlock: cidr, AvailabilityZone: az, AvailabilityZoneId: `${az.slice(0, 3)}-az${az.at(-1) === 'a' ? 1 : 2}`, State: 'available',
    SubnetArn: `arn:aws:ec2:${az.slice(0, -1)}:${ACCOUNT_ID}:subnet/${SubnetId}`, OwnerId: ACCOUNT_ID, AvailableIpAddressCount: 250,
    DefaultForAz: false, MapPublicIpOnLaunch: mapPublic, MapCustomerOwnedIpOnLaunch: false, AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [], EnableDns64: false, Ipv6Native: false, Tags: tags(name), BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
  };
}

const local = (cidr: string): Route => ({ ...(cidr.includes(':') ? { DestinationIpv6CidrBlock: cidr } : { DestinationCidrBlock: cidr }), GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' });
const via = (cidr: string, target: Partial<Route>): Route => ({ ...(cidr.includes(':') ? { DestinationIpv6CidrBlock: cidr } : { DestinationCidrBlock: cidr }), ...target, Origin: 'CreateRoute', State: 'active' });

function table(RouteTableId: string, VpcId: string, association: { main: true } | { subnetId: string }, Routes: Route[]): RouteTable {
  const assoc = { RouteTableAssociationId: RouteTableId.replace('rtb', 'rtbassoc'), RouteTableId, AssociationState: { State: 'associated' as const } };
  return {
    RouteTableId, VpcId, OwnerId: ACCOUNT_ID, Routes, PropagatingVgws: [], Tags: [],
    Associations: ['main' in association ? { ...assoc, Main: true } : { ...assoc, Main: false, SubnetId: association.subnetId }],
  };
}

/** Ingress entry: "allow tcp 22 0.0.0.0/0" style; protocol as EC2 stores it (IANA number, -1 for all). */
function rule(n: number, action: 'allow' | 'deny', protocol: '-1' | '6' | '17', cidr: string, ports?: [number, number], egress = false): NetworkAclEntry {
  return { RuleNumber: n, RuleAction: action, Protocol: protocol, Egress: egress, ...(cidr.includes(':') ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr }), ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}) };
}

function acl(NetworkAclId: string, VpcId: string, IsDefault: boolean, subnets: string[], ingress: NetworkAclEntry[]): NetworkAcl {
  const egress = [rule(100, 'allow', '-1', '0.0.0.0/0', undefined, true), rule(32767, 'deny', '-1', '0.0.0.0/0', undefined, true)];
  return {
    NetworkAclId, VpcId, IsDefault, OwnerId: ACCOUNT_ID, Tags: [],
    Associations: subnets.map((SubnetId, i) => ({ NetworkAclAssociationId: `aclassoc-${NetworkAclId.slice(4, 12)}${i}`, NetworkAclId, SubnetId })),
    Entries: [...egress, ...ingress, rule(32767, 'deny', '-1', '0.0.0.0/0')],
  };
}

function flowLog(FlowLogId: string, ResourceId: string, TrafficType: FlowLog['TrafficType']): FlowLog {
  return {
    FlowLogId, ResourceId, TrafficType, FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS', LogDestinationType: 's3', LogDestination: `arn:aws:s3:::acme-flow-logs-${ACCOUNT_ID}`,
    CreationTime: new Date('2024-03-01T10:00:00.000Z'), MaxAggregationInterval: 600, LogFormat: '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}', Tags: [],
  };
}

function peering(id: string, code: 'active' | 'deleted', requester: [string, string, string], accepter: [string, string, string]): VpcPeeringConnection {
  const info = ([VpcId, OwnerId, CidrBlock]: [string, string, string], Region: string) => ({ VpcId, OwnerId, CidrBlock, CidrBlockSet: [{ CidrBlock }], Region });
  return { VpcPeeringConnectionId: id, Status: { Code: code, Message: code === 'active' ? 'Active' : 'Deleted by 111122223333' }, RequesterVpcInfo: info(requester, 'us-east-1'), AccepterVpcInfo: info(accepter, 'us-east-1'), Tags: tags(id) };
}

const anyV4 = rule(100, 'allow', '-1', '0.0.0.0/0');

export const networkFixture: NetworkFixture = {
  vpcs: {
    'us-east-1': [vpc('us-east-1', VPC.use1, '10.0.0.0/16', 'prod', '2600:1f18:4a1:b00::/56'), vpc('us-east-1', NET.sharedVpc, '10.50.0.0/16', 'shared-services')],
    'eu-west-1': [vpc('eu-west-1', VPC.euw1, '10.1.0.0/16', 'reporting')],
    'af-south-1': [vpc('af-south-1', VPC.afs1, '10.2.0.0/16', 'backup')],
  },
  subnets: {
    'us-east-1': [
      subnet('us-east-1a', NET.publicUse1, VPC.use1, '10.0.1.0/24', 'prod-public-a', true),
      subnet('us-east-1b', NET.privateUse1, VPC.use1, '10.0.2.0/24', 'prod-private-b', false),
      subnet('us-east-1c', NET.mgmtUse1, VPC.use1, '10.0.3.0/24', 'prod-mgmt-c', false),
      subnet('us-east-1a', NET.sharedSubnet, NET.sharedVpc, '10.50.1.0/24', 'shared-a', false),
    ],
    'eu-west-1': [subnet('eu-west-1a', NET.euw1, VPC.euw1, '10.1.3.0/24', 'reporting-a', false)],
    'af-south-1': [subnet('af-south-1a', NET.afs1, VPC.afs1, '10.2.1.0/24', 'backup-a', false)],
  },
  routeTables: {
    'us-east-1': [
      table('rtb-0a1b2c3d4e5f60001', VPC.use1, { main: true }, [
        local('10.0.0.0/16'), local('2600:1f18:4a1:b00::/56'), via('0.0.0.0/0', { NatGatewayId: 'nat-0a1b2c3d4e5f60001' }),
        via('10.50.0.0/16', { VpcPeeringConnectionId: NET.pcxShared }), via('172.16.0.0/12', { VpcPeeringConnectionId: NET.pcxPartner }),
      ]),
      table('rtb-0a1b2c3d4e5f60002', VPC.use1, { subnetId: NET.publicUse1 }, [local('10.0.0.0/16'), local('2600:1f18:4a1:b00::/56'), via('0.0.0.0/0', { GatewayId: NET.igw }), via('::/0', { GatewayId: NET.igw })]),
      table('rtb-0a1b2c3d4e5f60003', NET.sharedVpc, { main: true }, [local('10.50.0.0/16'), via('10.0.0.0/16', { VpcPeeringConnectionId: NET.pcxShared })]),
    ],
    'eu-west-1': [table('rtb-0b2c3d4e5f6a70001', VPC.euw1, { main: true }, [local('10.1.0.0/16'), via('0.0.0.0/0', { VpcPeeringConnectionId: NET.pcxLegacy })])],
    'af-south-1': [table('rtb-0c3d4e5f6a7b80001', VPC.afs1, { main: true }, [local('10.2.0.0/16')])],
  },
  networkAcls: {
    'us-east-1': [
      acl(NET.aclDefaultUse1, VPC.use1, true, [NET.privateUse1], [anyV4, rule(101, 'allow', '-1', '::/0'), rule(32768, 'deny', '-1', '::/0')]),
      acl(NET.aclPublicUse1, VPC.use1, false, [NET.publicUse1], [
        rule(100, 'allow', '6', '0.0.0.0/0', [80, 80]), rule(110, 'allow', '6', '0.0.0.0/0', [443, 443]), rule(120, 'allow', '6', '0.0.0.0/0', [22, 22]),
        rule(130, 'allow', '6', '0.0.0.0/0', [1024, 65535]), rule(101, 'allow', '6', '::/0', [80, 80]), rule(111, 'allow', '6', '::/0', [443, 443]),
      ]),
      acl(NET.aclMgmtUse1, VPC.use1, false, [NET.mgmtUse1], [
        rule(100, 'deny', '6', '0.0.0.0/0', [22, 22]), rule(110, 'deny', '6', '0.0.0.0/0', [3389, 3389]), rule(120, 'deny', '17', '0.0.0.0/0', [3389, 3389]),
        rule(200, 'allow', '6', '0.0.0.0/0', [22, 22]), rule(210, 'allow', '6', '0.0.0.0/0', [443, 443]), rule(220, 'allow', '6', '0.0.0.0/0', [1024, 65535]),
      ]),
      acl(NET.aclShared, NET.sharedVpc, true, [NET.sharedSubnet], [rule(100, 'allow', '-1', '10.0.0.0/16'), rule(110, 'allow', '-1', '10.50.0.0/16')]),
    ],
    'eu-west-1': [acl(NET.aclEuw1, VPC.euw1, true, [NET.euw1], [anyV4])],
    'af-south-1': [acl(NET.aclAfs1, VPC.afs1, true, [NET.afs1], [rule(100, 'allow', '-1', '10.2.0.0/16')])],
  },
  flowLogs: {
    'us-east-1': [flowLog('fl-0a1b2c3d4e5f60001', VPC.use1, 'ALL'), flowLog('fl-0a1b2c3d4e5f60002', NET.sharedVpc, 'REJECT')],
    'eu-west-1': [flowLog('fl-0b2c3d4e5f6a70001', VPC.euw1, 'ACCEPT')],
    'af-south-1': [flowLog('fl-0c3d4e5f6a7b80001', NET.afs1, 'REJECT')],
  },
  peeringConnections: {
    'us-east-1': [
      peering(NET.pcxShared, 'active', [VPC.use1, ACCOUNT_ID, '10.0.0.0/16'], [NET.sharedVpc, ACCOUNT_ID, '10.50.0.0/16']),
      peering(NET.pcxPartner, 'active', [VPC.use1, ACCOUNT_ID, '10.0.0.0/16'], ['vpc-0e9f8a7b6c5d40001', PARTNER, '172.31.0.0/16']),
      peering(NET.pcxGone, 'deleted', [VPC.use1, ACCOUNT_ID, '10.0.0.0/16'], ['vpc-0e9f8a7b6c5d40002', PARTNER, '172.30.0.0/16']),
    ],
    'eu-west-1': [peering(NET.pcxLegacy, 'active', [VPC.euw1, ACCOUNT_ID, '10.1.0.0/16'], ['vpc-0e9f8a7b6c5d40003', PARTNER, '10.200.0.0/16'])],
  },
};

const p = (checkId: string, resource: string, region: string, expect: 'FAIL' | 'PASS', note: string): PlantedItem => ({ checkId, resource, region, expect, note });
const E1 = 'us-east-1';
const W1 = 'eu-west-1';
const A1 = 'af-south-1';

export const networkPlanted: PlantedItem[] = [
  p('ec2-sg-unauthorized-ports-open', SG.web, E1, 'PASS', 'only 80 and 443 open to the world: authorized by default'),
  p('ec2-sg-unauthorized-ports-open', SG.bastion, E1, 'FAIL', 'tcp 22 from 0.0.0.0/0 and ::/0'),
  p('ec2-sg-unauthorized-ports-open', SG.legacyAllowAll, W1, 'FAIL', 'all traffic from 0.0.0.0/0, on an unused group (low severity)'),
  p('ec2-sg-unauthorized-ports-open', SG.rdpOffice, E1, 'PASS', '3389 from one /24, not the world'),
  p('ec2-sg-unauthorized-ports-open', SG.db, E1, 'PASS', 'prefix-list source'),
  p('ec2-sg-high-risk-ports-open', SG.bastion, E1, 'FAIL', 'SSH from the world'),
  p('ec2-sg-high-risk-ports-open', SG.legacyAllowAll, W1, 'FAIL', 'all traffic covers every high-risk port'),
  p('ec2-sg-high-risk-ports-open', SG.web, E1, 'PASS', '80/443 only'),
  p('ec2-sg-high-risk-ports-open', SG.app, E1, 'PASS', '8080, but only from the web group'),
  p('ec2-sg-all-traffic-open', SG.legacyAllowAll, W1, 'FAIL', 'protocol -1 from 0.0.0.0/0'),
  p('ec2-sg-all-traffic-open', SG.defaultUse1, E1, 'PASS', 'all traffic, but only from itself'),
  p('ec2-sg-all-traffic-open', SG.bastion, E1, 'PASS', 'one port only'),
  p('ec2-sg-default-no-rules', SG.defaultUse1, E1, 'FAIL', 'self-referencing ingress and the default egress rule'),
  p('ec2-sg-default-no-rules', SG.defaultEuw1, W1, 'FAIL', 'default rules, and in use by report-builder'),
  p('ec2-sg-default-no-rules', SG.defaultAfs1, A1, 'FAIL', 'default rules'),
  p('ec2-nacl-admin-ports-open', NET.aclDefaultUse1, E1, 'FAIL', 'default ACL: rule 100 allows everything from 0.0.0.0/0'),
  p('ec2-nacl-admin-ports-open', NET.aclPublicUse1, E1, 'FAIL', 'rule 120 allows tcp 22 from 0.0.0.0/0'),
  p('ec2-nacl-admin-ports-open', NET.aclMgmtUse1, E1, 'PASS', 'trap: rule 200 allows 22 from 0.0.0.0/0 but rule 100 denies it first'),
  p('ec2-nacl-admin-ports-open', NET.aclShared, E1, 'PASS', 'allows only the two peered VPC ranges'),
  p('ec2-nacl-admin-ports-open', NET.aclEuw1, W1, 'FAIL', 'default ACL allows everything'),
  p('ec2-nacl-admin-ports-open', NET.aclAfs1, A1, 'PASS', 'allows only its own VPC range'),
  p('ec2-vpc-flow-logs-enabled', VPC.use1, E1, 'PASS', 'ALL traffic, active'),
  p('ec2-vpc-flow-logs-enabled', NET.sharedVpc, E1, 'PASS', 'REJECT traffic is enough'),
  p('ec2-vpc-flow-logs-enabled', VPC.euw1, W1, 'FAIL', 'flow log captures ACCEPT only'),
  p('ec2-vpc-flow-logs-enabled', VPC.afs1, A1, 'FAIL', 'trap: only a subnet-level flow log, none on the VPC'),
  p('ec2-subnet-public-ip-auto-assign', NET.publicUse1, E1, 'FAIL', 'MapPublicIpOnLaunch true'),
  p('ec2-subnet-public-ip-auto-assign', NET.privateUse1, E1, 'PASS', 'MapPublicIpOnLaunch false'),
  p('ec2-subnet-public-ip-auto-assign', NET.afs1, A1, 'PASS', 'MapPublicIpOnLaunch false'),
  p('ec2-instance-public-ip', INSTANCE.web1, E1, 'FAIL', 'public IPv4 54.210.33.12'),
  p('ec2-instance-public-ip', INSTANCE.worker1, E1, 'PASS', 'private only'),
  p('ec2-instance-public-ip', INSTANCE.reportBuilder, W1, 'PASS', 'stopped, no address'),
  p('ec2-instance-internet-exposure', INSTANCE.web1, E1, 'FAIL', 'bastion group 22 + ACL rule 120 + public IP + 0.0.0.0/0 to the IGW (80/443 authorized)'),
  p('ec2-instance-internet-exposure', INSTANCE.worker1, E1, 'PASS', 'no world-open group, no public IP, main route table has no IGW'),
  p('ec2-instance-internet-exposure', INSTANCE.reportBuilder, W1, 'PASS', 'default group only allows itself'),
  p('ec2-vpc-peering-least-access', NET.pcxShared, E1, 'PASS', 'routes equal each peer VPC CIDR, both sides'),
  p('ec2-vpc-peering-least-access', NET.pcxPartner, E1, 'FAIL', '172.16.0.0/12 is wider than the peer 172.31.0.0/16'),
  p('ec2-vpc-peering-least-access', NET.pcxLegacy, W1, 'FAIL', '0.0.0.0/0 routed to the peering connection'),
  p('rds-instance-public-access', RDS.legacyReporting, E1, 'FAIL', 'PubliclyAccessible true'),
  p('rds-instance-public-access', RDS.ordersDb, E1, 'PASS', 'PubliclyAccessible false'),
  p('rds-instance-internet-exposure', RDS.legacyReporting, E1, 'PASS', 'trap: publicly accessible, but its group admits only a prefix list'),
  p('rds-instance-internet-exposure', RDS.ordersDb, E1, 'PASS', 'private, prefix-list source'),
];
