import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NetworkAcl, NetworkAclEntry, RouteTable } from '@aws-sdk/client-ec2';
import { parseCidr, subtract, universe } from '../../main/core/exposure/cidr.ts';
import { worldIngress } from '../../main/core/exposure/nacl.ts';
import { pieces, withoutPorts } from '../../main/core/exposure/ports.ts';
import { exposureView, type ExposureRow } from '../../main/core/exposure/view.ts';
import type { SnapshotRecord } from '../../main/core/engine/snapshot.ts';
import { failed, ok, snapshot } from '../support/snapshots.ts';

const R = 'eu-west-1';
const world = [{ CidrIp: '0.0.0.0/0' }];
const entry = (n: number, action: 'allow' | 'deny', protocol: string, cidr: string, ports?: [number, number]): NetworkAclEntry => ({
  RuleNumber: n, RuleAction: action, Protocol: protocol, Egress: false, ...(cidr.includes(':') ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr }),
  ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
});
const acl = (id: string, subnet: string, entries: NetworkAclEntry[]): NetworkAcl => ({ NetworkAclId: id, VpcId: 'vpc-1', IsDefault: false, Associations: [{ SubnetId: subnet }], Entries: entries });
const publicTable: RouteTable = { RouteTableId: 'rtb-pub', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-pub' }], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }, { DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-1', State: 'active' }] };
const mainTable: RouteTable = { RouteTableId: 'rtb-main', VpcId: 'vpc-1', Associations: [{ Main: true }], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }] };
const allowAll = [entry(100, 'allow', '-1', '0.0.0.0/0'), entry(101, 'allow', '-1', '::/0')];

function scene(over: { groups?: object[]; instances?: object[]; acls?: NetworkAcl[]; dbs?: object[] } = {}): SnapshotRecord[] {
  return [
    ok('ec2:DescribeSecurityGroups', R, over.groups ?? [{ GroupId: 'sg-all', GroupName: 'all', IpPermissions: [{ IpProtocol: '-1', IpRanges: world }] }]),
    ok('ec2:DescribeInstances', R, over.instances ?? [{ InstanceId: 'i-1', State: { Name: 'running' }, SubnetId: 'subnet-pub', VpcId: 'vpc-1', PublicIpAddress: '198.51.100.7', SecurityGroups: [{ GroupId: 'sg-all' }] }]),
    ok('ec2:DescribeNetworkAcls', R, over.acls ?? [acl('acl-pub', 'subnet-pub', allowAll)]),
    ok('ec2:DescribeRouteTables', R, [publicTable, mainTable]),
    ok('ec2:DescribeSubnets', R, [{ SubnetId: 'subnet-pub', VpcId: 'vpc-1' }]),
    ok('rds:DescribeDBInstances', R, over.dbs ?? []),
  ];
}
const brief = (rows: ExposureRow[]) => rows.map((r) => `${r.protocol} ${r.fromPort}-${r.toPort} ${r.authorized ? 'auth' : 'unauth'} ${r.exposed}`);

test('an all-traffic rule becomes port ranges split at the authorized ports, per protocol; every layer is named', () => {
  const view = exposureView(snapshot(scene()), [80, 443]);
  assert.deepEqual(view.notAssessed, []);
  assert.deepEqual(brief(view.rows), [
    'tcp 0-79 unauth yes', 'tcp 80-80 auth yes', 'tcp 81-442 unauth yes', 'tcp 443-443 auth yes', 'tcp 444-65535 unauth yes',
    'udp 0-79 unauth yes', 'udp 80-80 auth yes', 'udp 81-442 unauth yes', 'udp 443-443 auth yes', 'udp 444-65535 unauth yes',
  ]);
  const row = view.rows[0];
  assert.deepEqual(row?.openedBy, [{ groupId: 'sg-all', groupName: 'all', rule: 'all traffic from 0.0.0.0/0' }]);
  assert.equal(row?.nacl.networkAclId, 'acl-pub');
  assert.equal(row?.nacl.ruleNumber, 100);
  assert.equal(row?.publicAddress.address, '198.51.100.7');
  assert.equal(row?.internetRoute.routeTableId, 'rtb-pub');
  assert.equal(row?.internetRoute.gatewayId, 'igw-1');
  assert.deepEqual(exposureView(snapshot(scene()), [80, 443]), view, 'pure: the same snapshot gives the same view');
});

test('a NACL deny for 22 ahead of an allow-all cuts port 22 out of the exposure (shadowed allow is not exposure)', () => {
  const acls = [acl('acl-pub', 'subnet-pub', [entry(90, 'deny', '6', '0.0.0.0/0', [22, 22]), ...allowAll])];
  const groups = [{ GroupId: 'sg-all', GroupName: 'all', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 1023, IpRanges: world }] }];
  const rows = exposureView(snapshot(scene({ acls, groups })), []).rows;
  assert.deepEqual(brief(rows), ['tcp 0-21 unauth yes', 'tcp 22-22 unauth no', 'tcp 23-1023 unauth yes']);
  assert.match(rows[1]?.nacl.text ?? '', /rule 90 denies tcp 22 from 0\.0\.0\.0\/0; the later allow \(rule 100\) is never reached/);
});

test('no public address or no internet route: rows stay, marked not exposed; the main route table applies to unassociated subnets', () => {
  const noIp = exposureView(snapshot(scene({ instances: [{ InstanceId: 'i-1', State: { Name: 'running' }, SubnetId: 'subnet-pub', VpcId: 'vpc-1', SecurityGroups: [{ GroupId: 'sg-all' }] }] })), [80, 443]);
  assert.ok(noIp.rows.length > 0 && noIp.rows.every((r) => r.exposed === 'no' && r.publicAddress.verdict === 'no'));
  const privateSubnet = [{ InstanceId: 'i-1', State: { Name: 'running' }, SubnetId: 'subnet-priv', VpcId: 'vpc-1', PublicIpAddress: '198.51.100.7', SecurityGroups: [{ GroupId: 'sg-all' }] }];
  const rows = exposureView(snapshot(scene({ instances: privateSubnet, acls: [acl('acl-pub', 'subnet-priv', allowAll)] })), []).rows;
  assert.ok(rows.every((r) => r.exposed === 'no' && r.internetRoute.routeTableId === 'rtb-main'));
  assert.match(rows[0]?.internetRoute.text ?? '', /rtb-main \(the VPC's main route table\) has no ipv4 route to an internet gateway/);
});

test('an unreadable NACL answer makes rows unknown, never "not exposed"; unreadable resource lists are reported', () => {
  const records = scene().map((r) => (r.dataset === 'ec2:DescribeNetworkAcls' ? failed('ec2:DescribeNetworkAcls', R, 'permission-denied', 'UnauthorizedOperation') : r));
  records.push(failed('ec2:DescribeSecurityGroups', 'us-east-1', 'throttled', 'RequestLimitExceeded'));
  const view = exposureView(snapshot(records, [R, 'us-east-1']), [80, 443]);
  assert.ok(view.rows.every((r) => r.exposed === 'unknown' && r.nacl.verdict === 'unknown'));
  assert.deepEqual(view.notAssessed.map((n) => `${n.region} ${n.call} ${n.code}`), ['us-east-1 ec2:DescribeSecurityGroups RequestLimitExceeded']);
});

test('network interfaces are judged one by one (IPv6 addresses are public); RDS rows cover only the listening port', () => {
  const instances = [{
    InstanceId: 'i-2', State: { Name: 'running' }, SubnetId: 'subnet-pub', VpcId: 'vpc-1',
    NetworkInterfaces: [
      { NetworkInterfaceId: 'eni-a', SubnetId: 'subnet-pub', VpcId: 'vpc-1', Groups: [{ GroupId: 'sg-6' }], Ipv6Addresses: [{ Ipv6Address: '2001:db8::10' }] },
      { NetworkInterfaceId: 'eni-b', SubnetId: 'subnet-pub', VpcId: 'vpc-1', Groups: [{ GroupId: 'sg-6' }] },
    ],
  }];
  const groups = [
    { GroupId: 'sg-6', GroupName: 'v6', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, Ipv6Ranges: [{ CidrIpv6: '::/0' }] }] },
    { GroupId: 'sg-db', GroupName: 'db', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, IpRanges: world }] },
  ];
  const dbs = [{
    DBInstanceIdentifier: 'db-1', PubliclyAccessible: true, Endpoint: { Address: 'db-1.x.rds.amazonaws.com', Port: 5432 }, AvailabilityZone: 'eu-west-1a',
    DBSubnetGroup: { VpcId: 'vpc-1', Subnets: [{ SubnetIdentifier: 'subnet-pub', SubnetAvailabilityZone: { Name: 'eu-west-1a' } }, { SubnetIdentifier: 'subnet-other', SubnetAvailabilityZone: { Name: 'eu-west-1b' } }] },
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-db', Status: 'active' }],
  }];
  const rows = exposureView(snapshot(scene({ instances, groups, dbs })), []).rows;
  assert.deepEqual(rows.map((r) => `${r.resourceId} ${r.networkInterfaceId ?? '-'} ${r.family} ${r.protocol} ${r.fromPort}-${r.toPort} ${r.exposed}`), [
    'i-2 eni-a ipv6 tcp 22-22 yes',
    'i-2 eni-b ipv6 tcp 22-22 no',
    'db-1 - ipv4 tcp 5432-5432 yes',
  ]);
});

test('building blocks: CIDR parsing, address-set subtraction, port pieces, ACL first-match order', () => {
  assert.equal(parseCidr('10.1.2.3/16')?.start, parseCidr('10.1.0.0/16')?.start);
  assert.equal(parseCidr('2001:db8::/32')?.end, (0x20010db8n << 96n) + (1n << 96n) - 1n);
  assert.equal(parseCidr('::/0')?.prefix, 0);
  assert.equal(parseCidr('10.0.0.0/33'), undefined);
  assert.equal(parseCidr('not-a-cidr'), undefined);
  const halves = subtract(subtract(universe('ipv4'), parseCidr('0.0.0.0/1')!), parseCidr('128.0.0.0/1')!);
  assert.deepEqual(halves, []);
  assert.deepEqual(pieces([[0, 100]], [22, 23]), [[0, 21], [22, 22], [23, 100]]);
  assert.deepEqual(withoutPorts([0, 65535], [443, 80]), [[0, 79], [81, 442], [444, 65535]]);
  const split = acl('acl-x', 's', [entry(10, 'deny', '-1', '0.0.0.0/1'), entry(20, 'deny', '-1', '128.0.0.0/1'), entry(30, 'allow', '-1', '0.0.0.0/0')]);
  assert.equal(worldIngress(split, 'ipv4', 'tcp', 22).verdict, 'deny', 'two /1 denies take every address before the allow');
  const partial = acl('acl-y', 's', [entry(10, 'deny', '6', '10.0.0.0/8', [22, 22]), entry(20, 'allow', 'tcp', '0.0.0.0/0', [0, 65535])]);
  assert.match(worldIngress(partial, 'ipv4', 'tcp', 22).text, /rule 20 allows tcp 22 from 0\.0\.0\.0\/0 \(except addresses matched first by rule 10\)/);
  assert.equal(worldIngress(partial, 'ipv4', 'udp', 22).verdict, 'deny', 'a tcp allow does not admit udp');
});
