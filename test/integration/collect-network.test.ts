/**
 * The network collectors and checks through the real SDK: every page of the six VPC datasets, the
 * wire shapes the checks rely on (booleans, port ranges, main associations, empty rule lists), the
 * exposure traps end to end on an account derived from the seeded one, and an unreadable layer.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { NetworkAcl, RouteTable, Subnet, VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { networkChecks } from '../../main/core/checks/network/index.ts';
import { evaluateChecks } from '../../main/core/engine/evaluate.ts';
import { exposureView } from '../../main/core/exposure/view.ts';
import type { FakeAccount } from '../support/fake-aws/account.ts';
import { instance, securityGroup, tcp } from '../support/fake-aws/accounts/builders.ts';
import { ACCOUNT_ID, SG, VPC } from '../support/fake-aws/accounts/misconfigured.ts';
import { NET, networkFixture } from '../support/fake-aws/accounts/planted/network.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import type { FaultRule } from '../support/fake-aws/index.ts';
import { collectFromFake } from '../support/fake-scan.ts';

const E1 = 'us-east-1';

async function collect(t: TestContext, account: FakeAccount, faults: FaultRule[] = []) {
  const { fake, snapshot } = await collectFromFake(t, account, networkChecks.flatMap((c) => c.needs), { regions: [E1], faults });
  const findings = evaluateChecks(networkChecks, snapshot);
  const status = (checkId: string, resource: string) => findings.find((f) => f.checkId === checkId && f.resourceId === resource);
  return { fake, snapshot, findings, status };
}

test('the VPC datasets are collected through the real SDK, every page, with the fields the checks read', async (t) => {
  const many: Subnet[] = Array.from({ length: 130 }, (_, i) => ({ SubnetId: `subnet-0f${String(i).padStart(15, '0')}`, VpcId: NET.sharedVpc, CidrBlock: `10.50.${i}.0/24`, MapPublicIpOnLaunch: false }));
  const account: FakeAccount = { ...seeded, ext: { ...seeded.ext, network: { ...networkFixture, subnets: { [E1]: [...(networkFixture.subnets?.[E1] ?? []), ...many] } } } };
  const { fake, snapshot } = await collect(t, account);
  assert.equal(fake.calls.get('ec2:DescribeSubnets'), 2, '134 subnets at MaxResults 100: two pages');
  const subnets = snapshot.read<Subnet[]>('ec2:DescribeSubnets', E1);
  assert.ok(subnets.ok);
  assert.equal(subnets.data.length, 134);
  assert.deepEqual([subnets.data[0]?.MapPublicIpOnLaunch, subnets.data[0]?.BlockPublicAccessStates?.InternetGatewayBlockMode], [true, 'off']);
  const acls = snapshot.read<NetworkAcl[]>('ec2:DescribeNetworkAcls', E1);
  assert.ok(acls.ok);
  const mgmt = acls.data.find((a) => a.NetworkAclId === NET.aclMgmtUse1);
  assert.deepEqual(mgmt?.Entries?.find((e) => e.RuleNumber === 200 && e.Egress === false), { RuleNumber: 200, RuleAction: 'allow', Protocol: '6', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } });
  const tables = snapshot.read<RouteTable[]>('ec2:DescribeRouteTables', E1);
  assert.ok(tables.ok);
  assert.equal(tables.data.find((r) => r.VpcId === VPC.use1 && r.Associations?.some((a) => a.Main === true))?.RouteTableId, 'rtb-0a1b2c3d4e5f60001');
  const pcx = snapshot.read<VpcPeeringConnection[]>('ec2:DescribeVpcPeeringConnections', E1);
  assert.ok(pcx.ok);
  assert.deepEqual(pcx.data.map((p) => [p.VpcPeeringConnectionId, p.Status?.Code, p.AccepterVpcInfo?.CidrBlockSet?.[0]?.CidrBlock]), [
    [NET.pcxShared, 'active', '10.50.0.0/16'], [NET.pcxPartner, 'active', '172.31.0.0/16'], [NET.pcxGone, 'deleted', '172.30.0.0/16'],
  ]);
  for (const id of ['ec2:DescribeVpcs', 'ec2:DescribeFlowLogs', 'ec2:DescribeNetworkAcls', 'ec2:DescribeRouteTables', 'ec2:DescribeVpcPeeringConnections']) {
    assert.equal(fake.calls.get(id), 1, `${id}: one page`);
  }
});

test('exposure traps end to end: open group without public IP, NACL deny before allow, IPv6 interface, a reachable database', async (t) => {
  const use1 = seeded.regional[E1];
  assert.ok(use1);
  const extraGroups = [
    securityGroup(E1, ACCOUNT_ID, NET.sharedVpc, 'sg-0c33d44e55f660001', 'default', 'default VPC security group', [], []),
    securityGroup(E1, ACCOUNT_ID, VPC.use1, 'sg-0c33d44e55f660002', 'pg-public', 'Postgres from anywhere', [tcp(5432, { cidrs: ['0.0.0.0/0'] })]),
  ];
  const vm = (id: string, subnet: string, publicIp?: string) => ({
    ...instance('us-east-1a', { InstanceId: id, ImageId: 'ami-0c02fb55956c7d316', InstanceType: 't3.small', name: id, httpTokens: 'required', privateIp: '10.0.1.50', vpcId: VPC.use1, groups: [{ GroupId: SG.bastion, GroupName: 'bastion-ssh' }], ...(publicIp ? { publicIp } : {}) }),
    SubnetId: subnet,
  });
  const v6 = { ...vm('i-0c000000000000006', NET.publicUse1), NetworkInterfaces: [{ NetworkInterfaceId: 'eni-0c000000000000006', SubnetId: NET.publicUse1, VpcId: VPC.use1, Groups: [{ GroupId: SG.bastion, GroupName: 'bastion-ssh' }], Ipv6Addresses: [{ Ipv6Address: '2600:1f18:4a1:b01::6' }] }] };
  const tables = (networkFixture.routeTables?.[E1] ?? []).map((rt) =>
    rt.RouteTableId === 'rtb-0a1b2c3d4e5f60002' ? { ...rt, Associations: [...(rt.Associations ?? []), { RouteTableAssociationId: 'rtbassoc-0c0000000001', RouteTableId: rt.RouteTableId, SubnetId: NET.mgmtUse1, Main: false, AssociationState: { State: 'associated' as const } }] } : rt,
  );
  const publicDb = {
    DBInstanceIdentifier: 'public-pg', DBInstanceArn: `arn:aws:rds:${E1}:${ACCOUNT_ID}:db:public-pg`, Engine: 'postgres', DBInstanceStatus: 'available', PubliclyAccessible: true,
    Endpoint: { Address: 'public-pg.c0ffee.us-east-1.rds.amazonaws.com', Port: 5432 }, AvailabilityZone: 'us-east-1a',
    DBSubnetGroup: { VpcId: VPC.use1, DBSubnetGroupName: 'public', Subnets: [{ SubnetIdentifier: NET.publicUse1, SubnetAvailabilityZone: { Name: 'us-east-1a' }, SubnetStatus: 'Active' }] },
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0c33d44e55f660002', Status: 'active' }],
  };
  const account: FakeAccount = {
    ...seeded,
    regional: { ...seeded.regional, [E1]: { ...use1, securityGroups: [...use1.securityGroups, ...extraGroups], instances: [...use1.instances, vm('i-0c000000000000001', NET.publicUse1), vm('i-0c000000000000002', NET.mgmtUse1, '203.0.113.20'), v6] } },
    ext: { ...seeded.ext, shared: { ...seeded.ext?.shared, rdsInstances: { [E1]: [...(seeded.ext?.shared?.rdsInstances?.[E1] ?? []), publicDb] } }, network: { ...networkFixture, routeTables: { ...networkFixture.routeTables, [E1]: tables } } },
  };
  const { status, snapshot } = await collect(t, account);
  const expect = (checkId: string, id: string, want: string, why: string) => assert.equal(status(checkId, id)?.status, want, `${checkId} ${id}: ${why} (${status(checkId, id)?.message})`);
  expect('ec2-instance-internet-exposure', 'i-0c000000000000001', 'PASS', 'bastion group open to the world, but no public IP');
  expect('ec2-instance-internet-exposure', 'i-0c000000000000002', 'PASS', 'public IP and IGW route, but the mgmt ACL denies 22 before its allow');
  expect('ec2-instance-internet-exposure', 'i-0c000000000000006', 'PASS', 'IPv6 address and ::/0 rule, but the public ACL admits no IPv6 port 22');
  expect('ec2-instance-internet-exposure', 'i-0a5b6c7d8e9f00001', 'FAIL', 'web-1: 22 through every layer');
  expect('rds-instance-internet-exposure', 'public-pg', 'FAIL', 'publicly accessible, 5432 from the world, ACL ephemeral range, IGW');
  expect('ec2-sg-default-no-rules', 'sg-0c33d44e55f660001', 'PASS', 'an empty <ipPermissions/> list reads as no rules, not as missing');
  const rows = exposureView(snapshot, [80, 443]).rows.filter((r) => r.exposed === 'yes');
  assert.deepEqual(rows.map((r) => `${r.resourceId} ${r.protocol} ${r.fromPort}-${r.toPort} ${r.authorized}`), [
    'i-0a5b6c7d8e9f00001 tcp 22-22 false', 'i-0a5b6c7d8e9f00001 tcp 80-80 true', 'i-0a5b6c7d8e9f00001 tcp 443-443 true', 'public-pg tcp 5432-5432 false',
  ]);
});

test('an ACL answer AWS refuses makes the ACL check and reachable instances NOT_ASSESSED, with the reason, never PASS', async (t) => {
  const { status } = await collect(t, seeded, [
    { service: 'ec2', action: 'DescribeNetworkAcls', status: 403, code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' },
  ]);
  const web = status('ec2-instance-internet-exposure', 'i-0a5b6c7d8e9f00001');
  assert.deepEqual([web?.status, web?.reason?.kind, web?.reason?.call], ['NOT_ASSESSED', 'permission-denied', 'ec2:DescribeNetworkAcls']);
  assert.equal(status('ec2-instance-internet-exposure', 'i-0a5b6c7d8e9f00002')?.status, 'PASS', 'worker-1 has no world-open group: the ACL does not matter');
  assert.equal(status('ec2-nacl-admin-ports-open', ACCOUNT_ID)?.status, 'NOT_ASSESSED');
});
