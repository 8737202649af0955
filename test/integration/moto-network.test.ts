/**
 * moto 5.2.1's network answers, replayed by the fake through the real SDK, where they differ from
 * AWS's: the network verdicts must be the ones AWS's own answers would give for the same setup.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { DBInstance } from '@aws-sdk/client-rds';
import { networkChecks } from '../../main/core/checks/network/index.ts';
import { evaluateChecks } from '../../main/core/engine/evaluate.ts';
import type { FakeAccount } from '../support/fake-aws/account.ts';
import { securityGroup, tcp } from '../support/fake-aws/accounts/builders.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import type { FaultRule } from '../support/fake-aws/index.ts';
import { collectFromFake } from '../support/fake-scan.ts';

const E1 = 'us-east-1';
const ACCOUNT = seeded.accountId;
const VPC = { app: 'vpc-c149e3e06a0ddc36b', peer: 'vpc-3f8b92cf16fd53a3b' };
const PCX = 'pcx-e2e5b5699eb3d2a16';

const cidrs = (...blocks: string[]) => blocks.map((CidrBlock, i) => ({ AssociationId: `vpc-cidr-assoc-${i}`, CidrBlock, CidrBlockState: { State: 'associated' as const } }));

/** The app VPC peers with a VPC that has a secondary block; the app's route names only that secondary block. */
function account(): FakeAccount {
  const pg = securityGroup(E1, ACCOUNT, VPC.app, 'sg-ea02755175dd8a3a2', 'pg-open', 'postgres world, rds only', [tcp(5432, { cidrs: ['0.0.0.0/0'] })]);
  const db: DBInstance = { DBInstanceIdentifier: 'public-db', Engine: 'postgres', PubliclyAccessible: true, VpcSecurityGroups: [{ VpcSecurityGroupId: pg.GroupId, Status: 'active' }] };
  return {
    ...seeded,
    regional: { [E1]: { ebsEncryptionByDefault: false, securityGroups: [pg], instances: [] } },
    ext: {
      ...seeded.ext,
      // moto 5.2.1 creates no network interface for an RDS instance: the list is empty.
      shared: { rdsInstances: { [E1]: [db] }, networkInterfaces: { [E1]: [] } },
      network: {
        vpcs: {
          [E1]: [
            { VpcId: VPC.app, OwnerId: ACCOUNT, CidrBlock: '10.10.0.0/16', CidrBlockAssociationSet: cidrs('10.10.0.0/16'), IsDefault: false, State: 'available' },
            { VpcId: VPC.peer, OwnerId: ACCOUNT, CidrBlock: '10.60.0.0/16', CidrBlockAssociationSet: cidrs('10.60.0.0/16', '10.61.0.0/16'), IsDefault: false, State: 'available' },
          ],
        },
        routeTables: {
          [E1]: [{ RouteTableId: 'rtb-182877c2f2d5b2c4e', VpcId: VPC.app, Associations: [], Routes: [{ DestinationCidrBlock: '10.61.0.0/16', VpcPeeringConnectionId: PCX, State: 'active', Origin: 'CreateRoute' }] }],
        },
      },
    },
  };
}

const side = (cidr: string, vpc: string) =>
  `<cidrBlock>${cidr}</cidrBlock><ownerId>${ACCOUNT}</ownerId><peeringOptions><allowDnsResolutionFromRemoteVpc>false</allowDnsResolutionFromRemoteVpc><allowEgressFromLocalClassicLinkToRemoteVpc>false</allowEgressFromLocalClassicLinkToRemoteVpc><allowEgressFromLocalVpcToRemoteClassicLink>false</allowEgressFromLocalVpcToRemoteClassicLink></peeringOptions><vpcId>${vpc}</vpcId><region>us-east-1</region>`;

/** moto 5.2.1's DescribeVpcPeeringConnections, byte for byte: each side's cidrBlock, never a cidrBlockSet. */
const motoPeering: FaultRule = {
  service: 'ec2',
  action: 'DescribeVpcPeeringConnections',
  status: 200,
  raw: {
    contentType: 'text/xml',
    body: `<?xml version="1.0" encoding="utf-8"?>\n<DescribeVpcPeeringConnectionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15"><vpcPeeringConnectionSet><item><accepterVpcInfo>${side('10.60.0.0/16', VPC.peer)}</accepterVpcInfo><requesterVpcInfo>${side('10.10.0.0/16', VPC.app)}</requesterVpcInfo><status><code>active</code><message>Active</message></status><tagSet/><vpcPeeringConnectionId>${PCX}</vpcPeeringConnectionId></item></vpcPeeringConnectionSet><requestId>request-id</requestId></DescribeVpcPeeringConnectionsResponse>`,
  },
};

async function scan(t: TestContext, faults: FaultRule[]) {
  const { snapshot } = await collectFromFake(t, account(), networkChecks.flatMap((c) => c.needs), { regions: [E1], faults });
  return evaluateChecks(networkChecks, snapshot);
}

test('moto omits cidrBlockSet from peering answers: a route to the peer\'s secondary block passes, read from the peer\'s own VPC record', async (t) => {
  const findings = await scan(t, [motoPeering]);
  const pcx = findings.find((f) => f.checkId === 'ec2-vpc-peering-least-access' && f.resourceId === PCX);
  assert.equal(pcx?.status, 'PASS', pcx?.message);
  assert.match(pcx?.message ?? '', /stays within the peer VPC \(rtb-182877c2f2d5b2c4e: 10\.61\.0\.0\/16\)/);
});

test('moto creates no network interface for an RDS instance: its world-open group is in use, at full severity', async (t) => {
  const findings = await scan(t, [motoPeering]);
  const pg = findings.find((f) => f.checkId === 'ec2-sg-high-risk-ports-open' && f.resourceId === 'sg-ea02755175dd8a3a2');
  assert.equal(`${pg?.status}:${pg?.severity}`, 'FAIL:critical', pg?.message);
  assert.match(pg?.message ?? '', /in use \(attached to public-db\)/);
});
