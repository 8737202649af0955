/**
 * The compute-maintenance collectors through the real SDK against the loopback fake: every page is
 * merged, DescribeInstancePatchStates is batched by 50, deprecated AMIs are asked for, vanished AMIs
 * do not sink the call, Lambda environment variables are never stored, EKS clusters are described in
 * their own region, and a refused call becomes a classified error record.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { Image, Instance } from '@aws-sdk/client-ec2';
import type { InstanceInformation, InstancePatchState, ResourceComplianceSummaryItem } from '@aws-sdk/client-ssm';
import type { CoveredResource } from '@aws-sdk/client-inspector2';
import type { FakeAccount } from '../support/fake-aws/account.ts';
import type { StoredInspectorFinding } from '../../main/core/collect/inspector2.ts';
import type { StoredFunction } from '../../main/core/collect/lambda.ts';
import { Snapshot } from '../../main/core/engine/snapshot.ts';
import { maintenanceView } from '../../main/core/maintenance/view.ts';
import type { FaultRule } from '../support/fake-aws/index.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { INSTANCE } from '../support/fake-aws/accounts/misconfigured.ts';
import { AMI, EKS, LAMBDA } from '../support/fake-aws/accounts/planted/compute-maintenance.ts';
import { collectFromFake, type FakeCollection } from '../support/fake-scan.ts';

const DATASETS = [
  'ssm:DescribeInstanceInformation', 'ssm:DescribeInstancePatchStates', 'ssm:ListResourceComplianceSummaries',
  'inspector2:BatchGetAccountStatus', 'inspector2:ListCoverage', 'inspector2:ListFindings',
  'ec2:DescribeImages', 'ec2:GetInstanceMetadataDefaults', 'lambda:ListFunctions', 'eks:ListClusters', 'eks:DescribeCluster',
];
const REGIONS = ['us-east-1', 'eu-west-1', 'af-south-1'];

const collect = (t: TestContext, account: FakeAccount, faults: FaultRule[] = []): Promise<FakeCollection> =>
  collectFromFake(t, account, DATASETS, { regions: REGIONS, faults });

function data<T>(snap: Snapshot, dataset: string, region: string, key = ''): T {
  const read = snap.read<T>(dataset, region, key);
  assert.ok(read.ok, `${dataset} ${region} ${key}: ${read.ok ? '' : read.error.code}`);
  return read.data;
}

test('the seeded account: every compute-maintenance dataset reads what AWS would send', async (t) => {
  const { snapshot } = await collect(t, seeded);
  const nodes = data<InstanceInformation[]>(snapshot, 'ssm:DescribeInstanceInformation', 'us-east-1');
  assert.deepEqual(nodes.map((n) => [n.InstanceId, n.PingStatus, n.IsLatestVersion]), [[INSTANCE.worker1, 'Online', false]]);
  assert.ok(nodes[0]?.LastPingDateTime instanceof Date, 'awsJson epoch seconds parsed as a Date');
  assert.deepEqual(data<InstancePatchState[]>(snapshot, 'ssm:DescribeInstancePatchStates', 'us-east-1').map((p) => [p.InstanceId, p.MissingCount, p.CriticalNonCompliantCount]), [[INSTANCE.worker1, 3, 1]]);
  assert.deepEqual(data<ResourceComplianceSummaryItem[]>(snapshot, 'ssm:ListResourceComplianceSummaries', 'eu-west-1').map((c) => [c.ResourceId, c.Status]), [[INSTANCE.reportBuilder, 'COMPLIANT']]);
  const status = data<{ accounts: { resourceState: Record<string, { status: string }> }[] }>(snapshot, 'inspector2:BatchGetAccountStatus', 'af-south-1');
  assert.equal(status.accounts[0]?.resourceState.ec2?.status, 'DISABLED', 'never enabled reads as DISABLED, not as an error');
  assert.deepEqual(data<CoveredResource[]>(snapshot, 'inspector2:ListCoverage', 'us-east-1').map((c) => [c.resourceId, c.scanStatus?.statusCode]), [[INSTANCE.worker1, 'ACTIVE'], [INSTANCE.web1, 'INACTIVE']]);
  const findings = data<StoredInspectorFinding[]>(snapshot, 'inspector2:ListFindings', 'us-east-1');
  assert.equal(findings.length, 4, 'the CLOSED finding is filtered out by findingStatus ACTIVE');
  assert.ok(findings.every((f) => !('description' in f) && !('remediation' in f)), 'stored without the long texts');
  assert.equal(findings[0]?.packageVulnerabilityDetails?.vulnerabilityId, 'CVE-2024-6387');
  const images = data<Image[]>(snapshot, 'ec2:DescribeImages', 'us-east-1');
  assert.deepEqual(images.map((i) => [i.ImageId, i.DeprecationTime]), [[AMI.al2Old, '2025-04-04T21:10:00.000Z']], 'a deprecated public AMI is returned because IncludeDeprecated is sent');
  assert.deepEqual(data<{ AccountLevel: object }>(snapshot, 'ec2:GetInstanceMetadataDefaults', 'us-east-1'), { AccountLevel: {} });
  assert.equal(data<{ AccountLevel: { HttpTokens?: string } }>(snapshot, 'ec2:GetInstanceMetadataDefaults', 'af-south-1').AccountLevel.HttpTokens, 'required');
  const functions = data<StoredFunction[]>(snapshot, 'lambda:ListFunctions', 'us-east-1');
  assert.deepEqual(functions.map((f) => [f.FunctionName, f.Runtime ?? null, f.PackageType]), [[LAMBDA.current, 'python3.13', 'Zip'], [LAMBDA.node16, 'nodejs16.x', 'Zip'], [LAMBDA.container, null, 'Image']]);
  assert.ok(!JSON.stringify(functions).includes('planted-secret'), 'environment variables are never stored');
  assert.deepEqual(data<string[]>(snapshot, 'eks:ListClusters', 'eu-west-1'), [EKS.old]);
  assert.equal(data<{ version: string }>(snapshot, 'eks:DescribeCluster', 'eu-west-1', EKS.old).version, '1.29');
  assert.equal(data<{ version: string }>(snapshot, 'eks:DescribeCluster', 'us-east-1', EKS.current).version, '1.36');
  const rows = maintenanceView(new Snapshot(snapshot.meta, [...snapshot.all(), ...instanceRecords()]));
  assert.deepEqual(rows.map((r) => [r.instanceId, r.ssmManaged, r.osEndOfLife, r.amiDeprecated]), [
    [INSTANCE.web1, false, true, true],
    [INSTANCE.worker1, true, true, true],
    [INSTANCE.reportBuilder, true, false, false],
  ]);
});

/** DescribeInstances as the seeded account holds it, for the view (collected by the engine's own dataset in a scan). */
function instanceRecords() {
  return REGIONS.map((region) => ({ dataset: 'ec2:DescribeInstances', region, resourceKey: '', ok: true as const, data: seeded.regional[region]?.instances ?? [], collectedAt: new Date().toISOString(), calls: 1 }));
}

const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const iid = (i: number) => `i-0${String(i).padStart(16, '0')}`;

test('every page is merged and patch states are asked 50 instances at a time', async (t) => {
  const cm = seeded.ext?.computeMaintenance ?? {};
  const account: FakeAccount = {
    ...seeded,
    ext: {
      ...seeded.ext,
      computeMaintenance: {
        ...cm,
        ssmInstances: { 'us-east-1': many(120, (i) => ({ InstanceId: iid(i), PingStatus: 'Online', ResourceType: 'EC2Instance' })) },
        patchStates: { 'us-east-1': many(120, (i) => ({ InstanceId: iid(i), PatchGroup: '', BaselineId: 'pb-1', Operation: 'Scan', OperationStartTime: new Date(), OperationEndTime: new Date(), MissingCount: i % 3 })) },
        findings: { 'us-east-1': many(230, (i) => ({ findingArn: `arn:f/${i}`, awsAccountId: seeded.accountId, type: 'PACKAGE_VULNERABILITY', description: 'd', severity: 'LOW', remediation: {}, firstObservedAt: new Date(), lastObservedAt: new Date(), status: 'ACTIVE', resources: [{ type: 'AWS_EC2_INSTANCE', id: iid(i % 7) }] })) },
        functions: { 'us-east-1': many(61, (i) => ({ FunctionName: `fn-${i}`, Runtime: 'python3.13', PackageType: 'Zip' })) },
      },
    },
  };
  const { snapshot, fake } = await collect(t, account);
  assert.equal(data<InstanceInformation[]>(snapshot, 'ssm:DescribeInstanceInformation', 'us-east-1').length, 120);
  assert.equal(data<InstancePatchState[]>(snapshot, 'ssm:DescribeInstancePatchStates', 'us-east-1').length, 120);
  assert.equal(data<StoredInspectorFinding[]>(snapshot, 'inspector2:ListFindings', 'us-east-1').length, 230);
  assert.equal(data<StoredFunction[]>(snapshot, 'lambda:ListFunctions', 'us-east-1').length, 61);
  assert.equal(fake.requests.filter((r) => r.action === 'DescribeInstanceInformation' && r.region === 'us-east-1').length, 3, '50 a page');
  assert.equal(fake.requests.filter((r) => r.action === 'DescribeInstancePatchStates' && r.region === 'us-east-1').length, 3, 'three batches of at most 50 ids');
  assert.equal(fake.requests.filter((r) => r.action === 'ListFindings' && r.region === 'us-east-1').length, 3, '100 a page');
});

test('an AMI that no longer exists or is gone from view is dropped without losing the others', async (t) => {
  const east = seeded.regional['us-east-1'] as (typeof seeded.regional)[string];
  const extra = (id: string, ImageId: string): Instance => ({ ...(east.instances[0] as Instance), InstanceId: id, ImageId });
  const account: FakeAccount = {
    ...seeded,
    regional: { ...seeded.regional, 'us-east-1': { ...east, instances: [...east.instances, extra('i-0deadbeef00000001', 'ami-0123456789abcdef0'), extra('i-0deadbeef00000002', 'ami-0fedcba9876543210')] } },
    ext: { ...seeded.ext, computeMaintenance: { ...seeded.ext?.computeMaintenance, deregisteredImageIds: { 'us-east-1': ['ami-0fedcba9876543210'] } } },
  };
  const { snapshot, fake } = await collect(t, account);
  assert.deepEqual(data<Image[]>(snapshot, 'ec2:DescribeImages', 'us-east-1').map((i) => i.ImageId), [AMI.al2Old]);
  assert.equal(fake.requests.filter((r) => r.action === 'DescribeImages' && r.region === 'us-east-1').map((r) => r.status).join(','), '400,200', 'InvalidAMIID.NotFound, then the rest');
});

test('a refused call is an error record with its reason, and the other regions still collect', async (t) => {
  const { snapshot } = await collect(t, seeded, [
    { service: 'inspector2', action: 'ListFindings', region: 'us-east-1', status: 403, code: 'AccessDeniedException', message: 'User is not authorized to perform: inspector2:ListFindings' },
    { service: 'lambda', action: 'ListFunctions', region: 'eu-west-1', status: 403, code: 'AccessDeniedException', message: 'explicit deny in a service control policy' },
  ]);
  const denied = snapshot.read('inspector2:ListFindings', 'us-east-1');
  assert.ok(!denied.ok && denied.error.kind === 'permission-denied' && denied.error.code === 'AccessDeniedException');
  const scp = snapshot.read('lambda:ListFunctions', 'eu-west-1');
  assert.ok(!scp.ok && scp.error.kind === 'explicit-deny');
  assert.ok(snapshot.read('inspector2:ListFindings', 'eu-west-1').ok);
});
