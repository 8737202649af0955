import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NetworkAcl, NetworkAclEntry } from '@aws-sdk/client-ec2';
import type { Finding } from '../../shared/model/finding.ts';
import { ec2InstanceInternetExposure } from '../../main/core/checks/network/ec2-instance-internet-exposure.ts';
import { ec2InstancePublicIp } from '../../main/core/checks/network/ec2-instance-public-ip.ts';
import { ec2NaclAdminPortsOpen } from '../../main/core/checks/network/ec2-nacl-admin-ports-open.ts';
import { ec2SgAdminPortsOpen } from '../../main/core/checks/network/ec2-sg-admin-ports-open.ts';
import { ec2SgAllTrafficOpen } from '../../main/core/checks/network/ec2-sg-all-traffic-open.ts';
import { ec2SgDefaultNoRules } from '../../main/core/checks/network/ec2-sg-default-no-rules.ts';
import { ec2SgHighRiskPortsOpen } from '../../main/core/checks/network/ec2-sg-high-risk-ports-open.ts';
import { ec2SgUnauthorizedPortsOpen } from '../../main/core/checks/network/ec2-sg-unauthorized-ports-open.ts';
import { ec2SubnetPublicIpAutoAssign } from '../../main/core/checks/network/ec2-subnet-public-ip-auto-assign.ts';
import { ec2VpcFlowLogsEnabled } from '../../main/core/checks/network/ec2-vpc-flow-logs-enabled.ts';
import { ec2VpcPeeringLeastAccess } from '../../main/core/checks/network/ec2-vpc-peering-least-access.ts';
import { rdsInstanceInternetExposure } from '../../main/core/checks/network/rds-instance-internet-exposure.ts';
import { rdsInstancePublicAccess } from '../../main/core/checks/network/rds-instance-public-access.ts';
import type { Check, EvalContext } from '../../main/core/checks/types.ts';
import { DEFAULT_EVAL_CONTEXT } from '../../main/core/engine/evaluate.ts';
import type { SnapshotRecord } from '../../main/core/engine/snapshot.ts';
import { failed, ok, snapshot } from '../support/snapshots.ts';

const R = 'eu-west-1';
const run = (check: Check, records: SnapshotRecord[], ctx: EvalContext = DEFAULT_EVAL_CONTEXT, regions = [R]) => check.evaluate(snapshot(records, regions), ctx);
const summary = (fs: Finding[]) => fs.map((f) => `${f.resourceId}:${f.status}`);
const byId = (fs: Finding[], id: string) => fs.find((f) => f.resourceId === id);

const world = [{ CidrIp: '0.0.0.0/0' }];
const tcp = (from: number, to = from, ranges: object = { IpRanges: world }) => ({ IpProtocol: 'tcp', FromPort: from, ToPort: to, ...ranges });
const group = (id: string, perms: object[], extra: object = {}) => ({ GroupId: id, GroupName: id, VpcId: 'vpc-1', OwnerId: '123456789012', IpPermissions: perms, IpPermissionsEgress: [], ...extra });
const sgs = (...groups: object[]) => ok('ec2:DescribeSecurityGroups', R, groups);
const enis = (...attached: [string, string][]) => ok('ec2:DescribeNetworkInterfaces', R, attached.map(([eni, sg]) => ({ NetworkInterfaceId: eni, Groups: [{ GroupId: sg }] })));
const noInstances = ok('ec2:DescribeInstances', R, []);

test('security groups: world-open rules on an unused group still FAIL, at low severity, and say so; usage unknown keeps the severity', () => {
  const records = [sgs(group('sg-used', [tcp(22)]), group('sg-idle', [tcp(3389, 3389, { Ipv6Ranges: [{ CidrIpv6: '::/0' }] })])), enis(['eni-1', 'sg-used']), noInstances];
  const out = run(ec2SgAdminPortsOpen, records);
  assert.deepEqual(out.map((f) => `${f.resourceId}:${f.status}:${f.severity}`), ['sg-used:FAIL:high', 'sg-idle:FAIL:low']);
  assert.match(byId(out, 'sg-used')?.message ?? '', /in use \(attached to eni-1\)/);
  assert.match(byId(out, 'sg-idle')?.message ?? '', /not attached to any network interface or instance.*Severity lowered to low/);
  assert.equal(byId(out, 'sg-used')?.evidence[0]?.call, 'ec2:DescribeSecurityGroups');
  const unknown = run(ec2SgAdminPortsOpen, [sgs(group('sg-x', [{ IpProtocol: 'udp', FromPort: 3389, ToPort: 3389, IpRanges: world }])), failed('ec2:DescribeNetworkInterfaces', R, 'permission-denied', 'UnauthorizedOperation')]);
  assert.deepEqual(unknown.map((f) => `${f.status}:${f.severity}`), ['FAIL:high'], 'UDP 3389 counts (CIS: TCP, UDP or all)');
  assert.match(unknown[0]?.message ?? '', /Whether it is in use could not be read \(ec2:DescribeNetworkInterfaces: UnauthorizedOperation\)/);
  const launched = run(ec2SgAdminPortsOpen, [sgs(group('sg-y', [tcp(22)])), ok('ec2:DescribeNetworkInterfaces', R, []), ok('ec2:DescribeInstances', R, [{ InstanceId: 'i-1', State: { Name: 'stopped' }, SecurityGroups: [{ GroupId: 'sg-y' }] }])]);
  assert.equal(launched[0]?.severity, 'high', 'a stopped instance still uses its group');
  assert.deepEqual(summary(run(ec2SgAdminPortsOpen, [sgs({ GroupId: 'sg-z' })])), ['sg-z:NOT_ASSESSED'], 'IpPermissions absent is unknown, not empty');
  assert.deepEqual(summary(run(ec2SgAdminPortsOpen, [sgs()])), ['123456789012:NOT_APPLICABLE']);
});

test('all traffic: protocol -1 or every port from the world fails; all traffic from itself (the default group) passes', () => {
  const out = run(ec2SgAllTrafficOpen, [
    sgs(
      group('sg-all', [{ IpProtocol: '-1', IpRanges: world }]),
      group('sg-range', [tcp(0, 65535)]),
      group('sg-v6', [{ IpProtocol: '-1', Ipv6Ranges: [{ CidrIpv6: '::/0' }] }]),
      group('sg-self', [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-self' }] }]),
      group('sg-ssh', [tcp(22)]),
      group('sg-wide', [tcp(1, 1024)]),
    ),
    noInstances,
    enis(),
  ]);
  assert.deepEqual(summary(out), ['sg-all:FAIL', 'sg-range:FAIL', 'sg-v6:FAIL', 'sg-self:PASS', 'sg-ssh:PASS', 'sg-wide:PASS']);
  assert.deepEqual(statusOf(run(ec2SgAllTrafficOpen, [failed('ec2:DescribeSecurityGroups', R, 'throttled', 'RequestLimitExceeded')])), ['NOT_ASSESSED']);
});

const statusOf = (fs: Finding[]) => fs.map((f) => f.status);

test('high-risk ports: EC2.19 ports and common databases/caches from the world fail, ranges included; restricted sources pass', () => {
  const out = run(ec2SgHighRiskPortsOpen, [
    sgs(
      group('sg-mysql', [tcp(3306)]),
      group('sg-redis', [tcp(6379)]),
      group('sg-range', [tcp(5000, 6000)]),
      group('sg-web', [tcp(443), tcp(80)]),
      group('sg-private', [tcp(3306, 3306, { IpRanges: [{ CidrIp: '10.0.0.0/8' }] })]),
      group('sg-plist', [tcp(5432, 5432, { PrefixListIds: [{ PrefixListId: 'pl-1' }] })]),
    ),
    noInstances,
    enis(),
  ]);
  assert.deepEqual(summary(out), ['sg-mysql:FAIL', 'sg-redis:FAIL', 'sg-range:FAIL', 'sg-web:PASS', 'sg-private:PASS', 'sg-plist:PASS']);
  assert.match(byId(out, 'sg-range')?.message ?? '', /tcp 5000-6000 from 0\.0\.0\.0\/0 \(reaching 5000 dev web server, 5432 PostgreSQL, 5500 VNC\/fcp, 5601 Kibana/);
  assert.deepEqual(statusOf(run(ec2SgHighRiskPortsOpen, [failed('ec2:DescribeSecurityGroups', R, 'permission-denied', 'UnauthorizedOperation')])), ['NOT_ASSESSED']);
});

test('authorized ports: a web-only 80/443 group passes; any range covering an unauthorized port fails; the list is the engagement\'s', () => {
  const records = [
    sgs(
      group('sg-web', [tcp(80, 80, { IpRanges: world, Ipv6Ranges: [{ CidrIpv6: '::/0' }] }), tcp(443)]),
      group('sg-8443', [tcp(8443)]),
      group('sg-80-443', [tcp(80, 443)]),
      group('sg-quic', [{ IpProtocol: 'udp', FromPort: 443, ToPort: 443, IpRanges: world }]),
      group('sg-ping', [{ IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: world }]),
      group('sg-office', [tcp(22, 22, { IpRanges: [{ CidrIp: '203.0.113.0/24' }] })]),
    ),
    noInstances,
    enis(),
  ];
  const out = run(ec2SgUnauthorizedPortsOpen, records);
  assert.deepEqual(summary(out), ['sg-web:PASS', 'sg-8443:FAIL', 'sg-80-443:FAIL', 'sg-quic:PASS', 'sg-ping:PASS', 'sg-office:PASS']);
  assert.match(byId(out, 'sg-80-443')?.message ?? '', /tcp 80-443 from 0\.0\.0\.0\/0 \(unauthorized: 81-442\); authorized ports are 80, 443/);
  const engagement = run(ec2SgUnauthorizedPortsOpen, records, { authorizedPorts: [80, 443, 8443] });
  assert.equal(byId(engagement, 'sg-8443')?.status, 'PASS');
  assert.equal(byId(run(ec2SgUnauthorizedPortsOpen, records, { authorizedPorts: [] }), 'sg-web')?.status, 'FAIL', 'no authorized ports: any world-open port fails');
  assert.deepEqual(statusOf(run(ec2SgUnauthorizedPortsOpen, [failed('ec2:DescribeSecurityGroups', R, 'explicit-deny', 'AccessDenied')])), ['NOT_ASSESSED']);
});

test('default security group: no rules passes; any inbound or outbound rule fails; other groups are not judged', () => {
  const out = run(ec2SgDefaultNoRules, [
    sgs(
      group('sg-d1', [], { GroupName: 'default' }),
      group('sg-d2', [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-d2' }] }], { GroupName: 'default', VpcId: 'vpc-2', IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: world }] }),
      group('sg-d3', [], { GroupName: 'default', VpcId: 'vpc-3', IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: world }] }),
      group('sg-app', [tcp(22)], { GroupName: 'app' }),
      { GroupId: 'sg-d4', GroupName: 'default', VpcId: 'vpc-4', IpPermissions: [] },
    ),
    enis(['eni-9', 'sg-d2']),
    noInstances,
  ]);
  assert.deepEqual(summary(out), ['sg-d1:PASS', 'sg-d2:FAIL', 'sg-d3:FAIL', 'sg-d4:NOT_ASSESSED']);
  assert.match(byId(out, 'sg-d2')?.message ?? '', /1 inbound and 1 outbound rule\(s\)\. It is in use \(attached to eni-9\)\. Move those resources/);
  assert.deepEqual(statusOf(run(ec2SgDefaultNoRules, [failed('ec2:DescribeSecurityGroups', R, 'permission-denied', 'UnauthorizedOperation')])), ['NOT_ASSESSED']);
});

const e = (n: number, action: 'allow' | 'deny', protocol: string, cidr: string, ports?: [number, number], egress = false): NetworkAclEntry => ({
  RuleNumber: n, RuleAction: action, Protocol: protocol, Egress: egress, ...(cidr.includes(':') ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr }),
  ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
});
const nacl = (id: string, entries: NetworkAclEntry[], subnets = ['subnet-1']): NetworkAcl => ({
  NetworkAclId: id, VpcId: 'vpc-1', IsDefault: false, Associations: subnets.map((SubnetId) => ({ SubnetId })), Entries: [...entries, e(32767, 'deny', '-1', '0.0.0.0/0')],
});
const acls = (...list: NetworkAcl[]) => ok('ec2:DescribeNetworkAcls', R, list);

test('network ACLs: rule order decides (a deny before an allow shadows it); any path for 22/3389 from /0 fails', () => {
  const out = run(ec2NaclAdminPortsOpen, [
    acls(
      nacl('acl-shadow', [e(100, 'deny', '6', '0.0.0.0/0', [22, 22]), e(110, 'deny', '6', '0.0.0.0/0', [3389, 3389]), e(120, 'deny', '17', '0.0.0.0/0', [3389, 3389]), e(200, 'allow', '6', '0.0.0.0/0', [0, 65535])]),
      nacl('acl-ssh', [e(100, 'allow', '6', '0.0.0.0/0', [22, 22])]),
      nacl('acl-default', [e(100, 'allow', '-1', '0.0.0.0/0')]),
      nacl('acl-partial', [e(90, 'deny', '-1', '10.0.0.0/8'), e(100, 'allow', '-1', '0.0.0.0/0')]),
      nacl('acl-halves', [e(90, 'deny', '-1', '0.0.0.0/1'), e(91, 'deny', '-1', '128.0.0.0/1'), e(100, 'allow', '-1', '0.0.0.0/0')]),
      nacl('acl-v6', [e(100, 'allow', '6', '::/0', [3389, 3389])]),
      nacl('acl-office', [e(100, 'allow', '6', '203.0.113.0/24', [22, 22])]),
      nacl('acl-ephemeral', [e(100, 'allow', '6', '0.0.0.0/0', [1024, 65535])]),
      nacl('acl-egress', [e(100, 'allow', '6', '0.0.0.0/0', [22, 22], true)]),
      nacl('acl-named', [e(100, 'allow', 'tcp', '0.0.0.0/0', [22, 22])]),
      nacl('acl-orphan', [e(100, 'allow', '-1', '0.0.0.0/0')], []),
      { NetworkAclId: 'acl-empty', VpcId: 'vpc-1', Associations: [] },
    ),
  ]);
  assert.deepEqual(summary(out), [
    'acl-shadow:PASS', 'acl-ssh:FAIL', 'acl-default:FAIL', 'acl-partial:FAIL', 'acl-halves:PASS', 'acl-v6:FAIL', 'acl-office:PASS',
    'acl-ephemeral:FAIL', 'acl-egress:PASS', 'acl-named:FAIL', 'acl-orphan:FAIL', 'acl-empty:NOT_ASSESSED',
  ]);
  assert.match(byId(out, 'acl-shadow')?.message ?? '', /Shadowed allows do not count: rule 100 denies tcp 22 from 0\.0\.0\.0\/0; the later allow \(rule 200\) is never reached/);
  assert.match(byId(out, 'acl-ssh')?.message ?? '', /rule 100 allows tcp 22 from 0\.0\.0\.0\/0\. It applies to subnet-1/);
  assert.match(byId(out, 'acl-partial')?.message ?? '', /except addresses matched first by rule 90/);
  assert.equal(byId(out, 'acl-orphan')?.severity, 'low');
  assert.match(byId(out, 'acl-ssh')?.evidence[0]?.excerpt ?? '', /"RuleNumber": 100/);
  assert.deepEqual(statusOf(run(ec2NaclAdminPortsOpen, [failed('ec2:DescribeNetworkAcls', R, 'permission-denied', 'UnauthorizedOperation')])), ['NOT_ASSESSED']);
  assert.deepEqual(statusOf(run(ec2NaclAdminPortsOpen, [acls()])), ['NOT_APPLICABLE']);
});

test('flow logs: an active ALL or REJECT log on the VPC passes; ACCEPT-only, subnet-only, failing delivery or none fail', () => {
  const vpcs = ok('ec2:DescribeVpcs', R, ['vpc-all', 'vpc-rej', 'vpc-acc', 'vpc-sub', 'vpc-fail', 'vpc-none'].map((VpcId) => ({ VpcId })));
  const log = (id: string, ResourceId: string, TrafficType: string, extra: object = {}) => ({ FlowLogId: id, ResourceId, TrafficType, FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS', ...extra });
  const logs = ok('ec2:DescribeFlowLogs', R, [
    log('fl-1', 'vpc-all', 'ALL'), log('fl-2', 'vpc-rej', 'REJECT'), log('fl-3', 'vpc-acc', 'ACCEPT'), log('fl-4', 'subnet-in-vpc-sub', 'ALL'),
    log('fl-5', 'vpc-fail', 'ALL', { DeliverLogsStatus: 'FAILED', DeliverLogsErrorMessage: 'Access error' }),
  ]);
  const out = run(ec2VpcFlowLogsEnabled, [vpcs, logs]);
  assert.deepEqual(summary(out), ['vpc-all:PASS', 'vpc-rej:PASS', 'vpc-acc:FAIL', 'vpc-sub:FAIL', 'vpc-fail:FAIL', 'vpc-none:FAIL']);
  assert.match(byId(out, 'vpc-fail')?.message ?? '', /failing to deliver logs \(Access error\)/);
  const unread = run(ec2VpcFlowLogsEnabled, [vpcs, failed('ec2:DescribeFlowLogs', R, 'permission-denied', 'UnauthorizedOperation')]);
  assert.ok(unread.every((f) => f.status === 'NOT_ASSESSED' && f.reason?.code === 'UnauthorizedOperation'), 'no flow-log data is never "no flow logs"');
  assert.deepEqual(statusOf(run(ec2VpcFlowLogsEnabled, [failed('ec2:DescribeVpcs', R, 'throttled', 'RequestLimitExceeded')])), ['NOT_ASSESSED']);
  assert.deepEqual(statusOf(run(ec2VpcFlowLogsEnabled, [ok('ec2:DescribeVpcs', R, []), logs])), ['NOT_APPLICABLE']);
});

test('subnets: MapPublicIpOnLaunch true fails, false passes, absent is not assessed', () => {
  const out = run(ec2SubnetPublicIpAutoAssign, [ok('ec2:DescribeSubnets', R, [
    { SubnetId: 'subnet-pub', MapPublicIpOnLaunch: true, DefaultForAz: true }, { SubnetId: 'subnet-priv', MapPublicIpOnLaunch: false }, { SubnetId: 'subnet-x' },
  ])]);
  assert.deepEqual(summary(out), ['subnet-pub:FAIL', 'subnet-priv:PASS', 'subnet-x:NOT_ASSESSED']);
  assert.match(out[0]?.message ?? '', /a default subnet/);
  assert.deepEqual(statusOf(run(ec2SubnetPublicIpAutoAssign, [failed('ec2:DescribeSubnets', R, 'permission-denied', 'UnauthorizedOperation')])), ['NOT_ASSESSED']);
});

test('instance public IPv4: any address on any interface fails; none passes; terminated instances are skipped', () => {
  const out = run(ec2InstancePublicIp, [ok('ec2:DescribeInstances', R, [
    { InstanceId: 'i-pub', State: { Name: 'running' }, PublicIpAddress: '198.51.100.1' },
    { InstanceId: 'i-eip2', State: { Name: 'running' }, NetworkInterfaces: [{ NetworkInterfaceId: 'eni-2', Association: { PublicIp: '198.51.100.2' } }] },
    { InstanceId: 'i-priv', State: { Name: 'running' } },
    { InstanceId: 'i-gone', State: { Name: 'terminated' }, PublicIpAddress: '198.51.100.3' },
  ])]);
  assert.deepEqual(summary(out), ['i-pub:FAIL', 'i-eip2:FAIL', 'i-priv:PASS']);
  assert.deepEqual(statusOf(run(ec2InstancePublicIp, [failed('ec2:DescribeInstances', R, 'permission-denied', 'UnauthorizedOperation')])), ['NOT_ASSESSED']);
});

test('RDS public access: the flag decides; absent is not assessed', () => {
  const out = run(rdsInstancePublicAccess, [ok('rds:DescribeDBInstances', R, [
    { DBInstanceIdentifier: 'db-pub', PubliclyAccessible: true }, { DBInstanceIdentifier: 'db-priv', PubliclyAccessible: false }, { DBInstanceIdentifier: 'db-x' },
  ])]);
  assert.deepEqual(summary(out), ['db-pub:FAIL', 'db-priv:PASS', 'db-x:NOT_ASSESSED']);
  assert.equal(out[0]?.resourceArn, 'arn:aws:rds:eu-west-1:123456789012:db:db-pub');
  assert.deepEqual(statusOf(run(rdsInstancePublicAccess, [failed('rds:DescribeDBInstances', R, 'permission-denied', 'AccessDenied')])), ['NOT_ASSESSED']);
  assert.deepEqual(statusOf(run(rdsInstancePublicAccess, [ok('rds:DescribeDBInstances', R, [])])), ['NOT_APPLICABLE']);
});

test('peering routes: no wider than the peer VPC (either side); /0 always fails; prefix lists and unknown peers are not assessed', () => {
  const info = (VpcId: string, cidrs: string[], v6: string[] = []) => ({ VpcId, CidrBlock: cidrs[0], CidrBlockSet: cidrs.map((CidrBlock) => ({ CidrBlock })), Ipv6CidrBlockSet: v6.map((Ipv6CidrBlock) => ({ Ipv6CidrBlock })) });
  const pcx = (id: string, code = 'active') => ({ VpcPeeringConnectionId: id, Status: { Code: code }, RequesterVpcInfo: info('vpc-a', ['10.0.0.0/16']), AccepterVpcInfo: info('vpc-b', ['10.50.0.0/16', '10.60.0.0/16'], ['2001:db8:1::/56']) });
  const route = (dest: string, id: string, extra: object = {}) => ({ ...(dest.startsWith('pl-') ? { DestinationPrefixListId: dest } : dest.includes(':') ? { DestinationIpv6CidrBlock: dest } : { DestinationCidrBlock: dest }), VpcPeeringConnectionId: id, State: 'active', ...extra });
  const tables = ok('ec2:DescribeRouteTables', R, [
    { RouteTableId: 'rtb-a', VpcId: 'vpc-a', Routes: [route('10.50.0.0/16', 'pcx-exact'), route('10.60.1.0/24', 'pcx-narrow'), route('10.48.0.0/12', 'pcx-wide'), route('0.0.0.0/0', 'pcx-world'), route('2001:db8::/32', 'pcx-v6'), route('pl-1', 'pcx-plist'), route('10.0.0.0/8', 'pcx-dead', { State: 'blackhole' }), route('10.9.0.0/16', 'pcx-unknown')] },
    { RouteTableId: 'rtb-b', VpcId: 'vpc-b', Routes: [route('10.0.0.0/16', 'pcx-exact')] },
  ]);
  const list = ok('ec2:DescribeVpcPeeringConnections', R, ['pcx-exact', 'pcx-narrow', 'pcx-wide', 'pcx-world', 'pcx-v6', 'pcx-plist', 'pcx-idle'].map((id) => pcx(id)).concat([pcx('pcx-dead', 'deleted')]));
  const out = run(ec2VpcPeeringLeastAccess, [tables, list]);
  assert.deepEqual(summary(out), ['pcx-exact:PASS', 'pcx-narrow:PASS', 'pcx-wide:FAIL', 'pcx-world:FAIL', 'pcx-v6:FAIL', 'pcx-plist:NOT_ASSESSED', 'pcx-idle:PASS', 'pcx-unknown:NOT_ASSESSED']);
  assert.match(byId(out, 'pcx-wide')?.message ?? '', /10\.48\.0\.0\/12 \(beyond the peer's 10\.50\.0\.0\/16, 10\.60\.0\.0\/16\)/);
  assert.match(byId(out, 'pcx-idle')?.message ?? '', /No route uses it/);
  assert.deepEqual(statusOf(run(ec2VpcPeeringLeastAccess, [tables, failed('ec2:DescribeVpcPeeringConnections', R, 'permission-denied', 'UnauthorizedOperation')])), ['NOT_ASSESSED']);
  assert.deepEqual(statusOf(run(ec2VpcPeeringLeastAccess, [ok('ec2:DescribeRouteTables', R, []), ok('ec2:DescribeVpcPeeringConnections', R, [])])), ['NOT_APPLICABLE']);
});

/** A small VPC: a public subnet (IGW route) and a private one (main table, NAT only). */
function network(naclEntries: NetworkAclEntry[], extra: { acls?: SnapshotRecord; subnets?: object[] } = {}): SnapshotRecord[] {
  return [
    extra.acls ?? acls(nacl('acl-1', naclEntries, ['subnet-pub', 'subnet-priv'])),
    ok('ec2:DescribeRouteTables', R, [
      { RouteTableId: 'rtb-pub', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-pub' }], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }, { DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-1', State: 'active' }] },
      { RouteTableId: 'rtb-main', VpcId: 'vpc-1', Associations: [{ Main: true }], Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }] },
    ]),
    ok('ec2:DescribeSubnets', R, extra.subnets ?? [{ SubnetId: 'subnet-pub', BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' } }, { SubnetId: 'subnet-priv' }]),
  ];
}
const vm = (id: string, subnet: string, groups: string[], ip?: string) => ({ InstanceId: id, State: { Name: 'running' }, SubnetId: subnet, VpcId: 'vpc-1', ...(ip ? { PublicIpAddress: ip } : {}), SecurityGroups: groups.map((GroupId) => ({ GroupId })) });
const openAll = [e(100, 'allow', '-1', '0.0.0.0/0'), e(101, 'allow', '-1', '::/0')];

test('instance exposure needs all four layers; traps: NACL deny shadowing an allow, open group without public IP, web-only', () => {
  const groups = sgs(group('sg-ssh', [tcp(22)]), group('sg-web', [tcp(80), tcp(443)]));
  const instances = ok('ec2:DescribeInstances', R, [
    vm('i-exposed', 'subnet-pub', ['sg-ssh', 'sg-web'], '198.51.100.1'),
    vm('i-web', 'subnet-pub', ['sg-web'], '198.51.100.2'),
    vm('i-no-ip', 'subnet-pub', ['sg-ssh']),
    vm('i-private', 'subnet-priv', ['sg-ssh'], '198.51.100.3'),
    vm('i-closed', 'subnet-pub', [], '198.51.100.4'),
  ]);
  const out = run(ec2InstanceInternetExposure, [groups, instances, ...network(openAll)]);
  assert.deepEqual(summary(out), ['i-exposed:FAIL', 'i-web:PASS', 'i-no-ip:PASS', 'i-private:PASS', 'i-closed:PASS']);
  const fail = byId(out, 'i-exposed');
  assert.match(fail?.message ?? '', /tcp 22 over ipv4 \(sg-ssh "tcp 22 from 0\.0\.0\.0\/0"; acl-1: rule 100 allows tcp 22 from 0\.0\.0\.0\/0; public ipv4 address 198\.51\.100\.1; rtb-pub routes 0\.0\.0\.0\/0 to igw-1\)/);
  assert.deepEqual(fail?.evidence.map((x) => x.call), ['ec2:DescribeInstances', 'ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkAcls', 'ec2:DescribeRouteTables']);
  assert.match(byId(out, 'i-web')?.message ?? '', /only on authorized ports: tcp 80 over ipv4, tcp 443 over ipv4/);
  assert.match(byId(out, 'i-no-ip')?.message ?? '', /not reachable from the internet: no public ipv4 address/);
  assert.match(byId(out, 'i-private')?.message ?? '', /rtb-main \(the VPC's main route table\) has no ipv4 route/);

  const stopped = run(ec2InstanceInternetExposure, [groups, ok('ec2:DescribeInstances', R, [{ ...vm('i-eip', 'subnet-pub', ['sg-ssh'], '198.51.100.9'), State: { Name: 'stopped' } }]), ...network(openAll)]);
  assert.match(stopped[0]?.message ?? '', /It is stopped now; this applies whenever it runs/, 'a stopped instance keeps its Elastic IP');

  const shadow = [e(90, 'deny', '6', '0.0.0.0/0', [22, 22]), ...openAll];
  const shadowed = run(ec2InstanceInternetExposure, [groups, instances, ...network(shadow)]);
  assert.equal(byId(shadowed, 'i-exposed')?.status, 'PASS', 'the allow-all behind rule 90 never admits port 22');
  assert.match(byId(shadowed, 'i-exposed')?.message ?? '', /only on authorized ports/);
});

test('instance exposure: an unreadable layer is NOT_ASSESSED only where it matters; missing groups and Block Public Access are unknowns', () => {
  const groups = sgs(group('sg-ssh', [tcp(22)]));
  const instances = ok('ec2:DescribeInstances', R, [vm('i-pub', 'subnet-pub', ['sg-ssh'], '198.51.100.1'), vm('i-no-ip', 'subnet-pub', ['sg-ssh']), vm('i-ghost', 'subnet-pub', ['sg-gone'], '198.51.100.2')]);
  const denied = failed('ec2:DescribeNetworkAcls', R, 'permission-denied', 'UnauthorizedOperation');
  const out = run(ec2InstanceInternetExposure, [groups, instances, ...network([], { acls: denied })]);
  assert.deepEqual(summary(out), ['i-pub:NOT_ASSESSED', 'i-no-ip:PASS', 'i-ghost:NOT_ASSESSED']);
  assert.equal(byId(out, 'i-pub')?.reason?.kind, 'permission-denied');
  assert.equal(byId(out, 'i-pub')?.reason?.call, 'ec2:DescribeNetworkAcls');
  assert.match(byId(out, 'i-ghost')?.message ?? '', /sg-gone is attached to i-ghost but was not in the ec2:DescribeSecurityGroups answer/);
  const blocked = run(ec2InstanceInternetExposure, [groups, ok('ec2:DescribeInstances', R, [vm('i-pub', 'subnet-pub', ['sg-ssh'], '198.51.100.1')]), ...network(openAll, { subnets: [{ SubnetId: 'subnet-pub', BlockPublicAccessStates: { InternetGatewayBlockMode: 'block-ingress' } }] })]);
  assert.deepEqual(summary(blocked), ['i-pub:NOT_ASSESSED']);
  assert.match(blocked[0]?.message ?? '', /VPC Block Public Access is block-ingress/);
  assert.deepEqual(statusOf(run(ec2InstanceInternetExposure, [failed('ec2:DescribeSecurityGroups', R, 'throttled', 'RequestLimitExceeded'), instances])), ['NOT_ASSESSED']);
  assert.deepEqual(statusOf(run(ec2InstanceInternetExposure, [groups, ok('ec2:DescribeInstances', R, [])])), ['NOT_APPLICABLE']);
});

test('instance exposure over IPv6: a ::/0 rule reaches an interface with an IPv6 address through a ::/0 IGW route', () => {
  const groups = sgs(group('sg-6', [tcp(3389, 3389, { Ipv6Ranges: [{ CidrIpv6: '::/0' }] })]));
  const instances = ok('ec2:DescribeInstances', R, [{
    InstanceId: 'i-6', State: { Name: 'running' }, SubnetId: 'subnet-pub', VpcId: 'vpc-1',
    NetworkInterfaces: [{ NetworkInterfaceId: 'eni-6', SubnetId: 'subnet-pub', VpcId: 'vpc-1', Groups: [{ GroupId: 'sg-6' }], Ipv6Addresses: [{ Ipv6Address: '2001:db8::6' }] }],
  }]);
  const out = run(ec2InstanceInternetExposure, [groups, instances, ...network(openAll)]);
  assert.deepEqual(summary(out), ['i-6:FAIL']);
  assert.match(out[0]?.message ?? '', /tcp 3389 over ipv6 .*public ipv6 address 2001:db8::6; rtb-pub routes ::\/0 to igw-1/);
});

test('RDS exposure: publicly accessible + its port open to the world + ACL + IGW route fails; the flag alone does not', () => {
  const db = (id: string, extra: object) => ({
    DBInstanceIdentifier: id, PubliclyAccessible: true, Endpoint: { Address: `${id}.example.rds.amazonaws.com`, Port: 5432 }, AvailabilityZone: 'eu-west-1a',
    DBSubnetGroup: { VpcId: 'vpc-1', Subnets: [{ SubnetIdentifier: 'subnet-pub', SubnetAvailabilityZone: { Name: 'eu-west-1a' } }, { SubnetIdentifier: 'subnet-priv', SubnetAvailabilityZone: { Name: 'eu-west-1b' } }] },
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-pg', Status: 'active' }],
    ...extra,
  });
  const groups = sgs(group('sg-pg', [tcp(5432)]), group('sg-my', [tcp(3306)]));
  const out = run(rdsInstanceInternetExposure, [groups, ok('rds:DescribeDBInstances', R, [
    db('db-open', {}),
    db('db-flag-only', { VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-my', Status: 'active' }] }),
    db('db-private', { PubliclyAccessible: false }),
    db('db-either', { AvailabilityZone: undefined }),
    db('db-noport', { Endpoint: undefined }),
  ]), ...network(openAll)]);
  assert.deepEqual(summary(out), ['db-open:FAIL', 'db-flag-only:PASS', 'db-private:PASS', 'db-either:NOT_ASSESSED', 'db-noport:NOT_ASSESSED']);
  assert.match(byId(out, 'db-open')?.message ?? '', /tcp 5432 over ipv4/);
  assert.match(byId(out, 'db-either')?.message ?? '', /differs between the subnets it may run in/);
  assert.deepEqual(statusOf(run(rdsInstanceInternetExposure, [groups, failed('rds:DescribeDBInstances', R, 'permission-denied', 'AccessDenied')])), ['NOT_ASSESSED']);
});

test('peering routes, moto 5.2.1 shape: VpcInfo has CidrBlock but no CidrBlockSet; the peer VPC record or containment decides', () => {
  // moto answers DescribeVpcPeeringConnections with the peer's primary CidrBlock only, even when it has a secondary block.
  const pcx = (id: string, peerVpc: string) => ({ VpcPeeringConnectionId: id, Status: { Code: 'active' }, RequesterVpcInfo: { VpcId: 'vpc-a', CidrBlock: '10.10.0.0/16' }, AccepterVpcInfo: { VpcId: peerVpc, CidrBlock: '10.60.0.0/16' } });
  const route = (dest: string, id: string) => ({ DestinationCidrBlock: dest, VpcPeeringConnectionId: id, State: 'active' });
  const tables = ok('ec2:DescribeRouteTables', R, [
    { RouteTableId: 'rtb-a', VpcId: 'vpc-a', Routes: [route('10.61.0.0/16', 'pcx-local'), route('10.61.0.0/16', 'pcx-remote'), route('10.0.0.0/8', 'pcx-remote-wide'), route('10.70.0.0/16', 'pcx-local-beyond')] },
  ]);
  const list = ok('ec2:DescribeVpcPeeringConnections', R, [pcx('pcx-local', 'vpc-peer'), pcx('pcx-remote', 'vpc-elsewhere'), pcx('pcx-remote-wide', 'vpc-elsewhere'), pcx('pcx-local-beyond', 'vpc-peer')]);
  const vpcs = ok('ec2:DescribeVpcs', R, [
    { VpcId: 'vpc-a', CidrBlock: '10.10.0.0/16', CidrBlockAssociationSet: [{ CidrBlock: '10.10.0.0/16', CidrBlockState: { State: 'associated' } }] },
    { VpcId: 'vpc-peer', CidrBlock: '10.60.0.0/16', CidrBlockAssociationSet: [{ CidrBlock: '10.60.0.0/16', CidrBlockState: { State: 'associated' } }, { CidrBlock: '10.61.0.0/16', CidrBlockState: { State: 'associated' } }] },
  ]);
  const out = run(ec2VpcPeeringLeastAccess, [tables, list, vpcs]);
  // Before: pcx-local was a false FAIL ("10.61.0.0/16 beyond the peer's 10.60.0.0/16") and pcx-remote too.
  assert.deepEqual(summary(out), ['pcx-local:PASS', 'pcx-remote:NOT_ASSESSED', 'pcx-remote-wide:FAIL', 'pcx-local-beyond:FAIL']);
  assert.match(byId(out, 'pcx-local-beyond')?.message ?? '', /beyond the peer's 10\.60\.0\.0\/16, 10\.61\.0\.0\/16/);
  assert.match(byId(out, 'pcx-remote')?.message ?? '', /only some of the peer's blocks/);
  assert.ok(byId(out, 'pcx-local')?.evidence.some((e) => e.call === 'ec2:DescribeVpcs' && e.excerpt.includes('10.61.0.0/16')), 'the PASS shows the peer VPC record it relied on');
  // Without DescribeVpcs the local peer is judged like a remote one: never a false FAIL.
  assert.deepEqual(statusOf(run(ec2VpcPeeringLeastAccess, [tables, list, failed('ec2:DescribeVpcs', R, 'permission-denied', 'UnauthorizedOperation')])), ['NOT_ASSESSED', 'NOT_ASSESSED', 'FAIL', 'NOT_ASSESSED']);
});

test('security groups used only by an RDS instance are in use (moto 5.2.1 creates no ENI for RDS), at full severity', () => {
  const db = { DBInstanceIdentifier: 'public-db', VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-pg', Status: 'active' }] };
  const records = [sgs(group('sg-pg', [tcp(5432)]), group('sg-idle', [tcp(5432)])), enis(), noInstances, ok('rds:DescribeDBInstances', R, [db])];
  const out = run(ec2SgHighRiskPortsOpen, records);
  assert.deepEqual(out.map((f) => `${f.resourceId}:${f.status}:${f.severity}`), ['sg-pg:FAIL:critical', 'sg-idle:FAIL:low']);
  assert.match(byId(out, 'sg-pg')?.message ?? '', /in use \(attached to public-db\)/);
  assert.ok(byId(out, 'sg-pg')?.evidence.some((e) => e.call === 'rds:DescribeDBInstances'));
  // The interfaces remain the authority: an unreadable RDS answer does not make usage unknown.
  const noRds = run(ec2SgHighRiskPortsOpen, [sgs(group('sg-idle', [tcp(5432)])), enis(), noInstances, failed('rds:DescribeDBInstances', R, 'permission-denied', 'AccessDenied')]);
  assert.deepEqual(noRds.map((f) => `${f.status}:${f.severity}`), ['FAIL:low']);
});
