/**
 * The per-instance maintenance view, the dated end-of-life data and the OS identification behind it.
 * Unknown is never false: a field whose data could not be read, or that AWS did not report, is null.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { eksVersionSupport, lambdaRuntimeSupport, osSupport, rdsEngineSupport, rdsMajorVersion, referenceDataVersions } from '../../main/core/maintenance/eol.ts';
import { osFromImageName, osFromSsm } from '../../main/core/maintenance/os.ts';
import { maintenanceView } from '../../main/core/maintenance/view.ts';
import { ACCOUNT, failed, ok, snapshot } from '../support/snapshots.ts';
import { REPO_ROOT } from '../support/temp.ts';

const R = 'eu-west-1';
const NOW = new Date('2026-11-01T10:00:00Z');

test('the reference data files are dated, sourced from AWS or vendor pages, and well formed', () => {
  const versions = referenceDataVersions();
  assert.deepEqual(versions.map((v) => v.name).sort(), ['eks-versions', 'lambda-runtimes', 'os-releases', 'rds-engines']);
  for (const v of versions) {
    assert.match(v.asOf, /^\d{4}-\d\d-\d\d$/);
    assert.ok(v.source.length > 0 && v.source.every((s) => s.startsWith('https://')), v.name);
  }
  const dir = join(REPO_ROOT, 'assets', 'reference');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { entries: Record<string, unknown>[] };
    const keys = data.entries.map((e) => JSON.stringify([e.id, e.engine, e.major, e.version, e.family]));
    assert.equal(new Set(keys).size, keys.length, `${file}: no entry twice`);
    for (const e of data.entries) {
      for (const [k, v] of Object.entries(e)) if (/deprecated|endOf/.test(k) && v !== null) assert.match(String(v), /^\d{4}-\d\d-\d\d$/, `${file} ${k}`);
    }
  }
});

test('end-of-life verdicts use the given time and say which data they rest on', () => {
  assert.equal(lambdaRuntimeSupport('python3.8', NOW).status, 'ended');
  assert.equal(lambdaRuntimeSupport('python3.13', NOW).status, 'supported');
  assert.equal(lambdaRuntimeSupport('dotnet8', NOW).status, 'supported');
  assert.equal(lambdaRuntimeSupport('dotnet8', new Date('2026-11-10T00:00:00Z')).status, 'ended', 'deprecated on the listed day');
  assert.equal(lambdaRuntimeSupport('brainfuck1.x', NOW).status, 'unknown');
  assert.match(lambdaRuntimeSupport('python3.8', NOW).basis, /^lambda-runtimes as of \d{4}-\d\d-\d\d$/);
  assert.deepEqual(rdsMajorVersion('postgres', '9.6.24'), { engine: 'postgres', major: '9.6' });
  assert.deepEqual(rdsMajorVersion('postgres', '11.22-RDS.20240509'), { engine: 'postgres', major: '11' });
  assert.deepEqual(rdsMajorVersion('aurora-mysql', '8.0.mysql_aurora.3.05.2'), { engine: 'aurora-mysql', major: '3' });
  assert.deepEqual(rdsMajorVersion('aurora', '5.6.10a'), { engine: 'aurora-mysql', major: '1' });
  assert.deepEqual(rdsMajorVersion('mariadb', '10.11.8'), { engine: 'mariadb', major: '10.11' });
  assert.equal(rdsEngineSupport('mysql', '8.0.39', NOW).status, 'ended', 'MySQL 8.0 standard support ended 2026-07-31');
  assert.equal(rdsEngineSupport('mysql', '8.4.3', NOW).status, 'supported');
  assert.equal(rdsEngineSupport('aurora-mysql', '8.0.mysql_aurora.3.08.0', NOW).status, 'supported');
  assert.equal(rdsEngineSupport('oracle-ee', '19.0.0.0.ru-2024-10.rur-2024-10.r1', NOW).status, 'unknown');
  assert.equal(rdsEngineSupport('postgres', '8.4', NOW).status, 'ended', 'older than the oldest release in the data, which has itself ended');
  assert.equal(rdsEngineSupport('postgres', '8.4', new Date('2022-01-01T00:00:00Z')).status, 'unknown', 'older than the data, whose oldest is still supported, is not "supported"');
  assert.equal(eksVersionSupport('1.31', NOW).status, 'ended');
  assert.equal(eksVersionSupport('1.33', new Date('2026-07-28T23:00:00Z')).status, 'supported');
  assert.equal(eksVersionSupport('1.40', NOW).status, 'supported');
  assert.equal(osSupport({ family: 'ubuntu', version: '20.04' }, NOW).status, 'ended');
  assert.equal(osSupport({ family: 'windows-server', version: '2019' }, NOW).status, 'supported');
});

test('the guest OS is read from SSM names and versions, or from vendor AMI names', () => {
  const v = (name: string, version: string) => { const os = osFromSsm(name, version); return os && `${os.family} ${os.version}`; };
  assert.equal(v('Amazon Linux', '2'), 'amazon-linux 2');
  assert.equal(v('Amazon Linux', '2023.6.20241010'), 'amazon-linux 2023');
  assert.equal(v('Amazon Linux AMI', '2018.03'), 'amazon-linux 1');
  assert.equal(v('Ubuntu', '22.04'), 'ubuntu 22.04');
  assert.equal(v('Red Hat Enterprise Linux Server', '7.9'), 'rhel 7');
  assert.equal(v('CentOS Linux', '7.9.2009'), 'centos 7');
  assert.equal(v('Debian GNU/Linux', '11'), 'debian 11');
  assert.equal(v('SLES', '15.5'), 'sles 15');
  assert.equal(v('Microsoft Windows Server 2016 Datacenter', '10.0.14393'), 'windows-server 2016');
  assert.equal(v('Microsoft Windows Server Datacenter', '10.0.17763'), 'windows-server 2019');
  assert.equal(v('macOS', '14.2'), undefined);
  const a = (name: string) => { const os = osFromImageName(name); return os && `${os.family} ${os.version}`; };
  assert.equal(a('al2023-ami-2023.6.20241010.0-kernel-6.1-x86_64'), 'amazon-linux 2023');
  assert.equal(a('amzn2-ami-kernel-5.10-hvm-2.0.20230404.1-x86_64-gp2'), 'amazon-linux 2');
  assert.equal(a('amzn-ami-hvm-2018.03.0.20231218.0-x86_64-gp2'), 'amazon-linux 1');
  assert.equal(a('ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241004'), 'ubuntu 24.04');
  assert.equal(a('Windows_Server-2012-R2_RTM-English-64Bit-Base-2023.10.11'), 'windows-server 2012');
  assert.equal(a('RHEL-8.10.0_HVM-20240625-x86_64-0-Hourly2-GP3'), 'rhel 8');
  assert.equal(a('debian-12-amd64-20241004-1892'), 'debian 12');
  assert.equal(a('my-golden-image-42'), undefined);
});

const instance = (id: string, extra: object = {}) => ({ InstanceId: id, ImageId: 'ami-00000000000000001', State: { Name: 'running' }, Tags: [{ Key: 'Name', Value: `web ${id}` }], MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' }, ...extra });

test('one row per live instance with every maintenance fact joined', () => {
  const snap = snapshot([
    ok('ec2:DescribeInstances', R, [instance('i-1'), instance('i-2', { MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' } }), instance('i-3', { State: { Name: 'terminated' } })]),
    ok('ssm:DescribeInstanceInformation', R, [{ InstanceId: 'i-1', PingStatus: 'Online', AgentVersion: '3.3.1', IsLatestVersion: true, PlatformName: 'Ubuntu', PlatformVersion: '20.04', LastPingDateTime: '2026-11-01T09:00:00.000Z' }]),
    ok('ssm:DescribeInstancePatchStates', R, [{ InstanceId: 'i-1', MissingCount: 2, FailedCount: 0, CriticalNonCompliantCount: 1, SecurityNonCompliantCount: 2, InstalledPendingRebootCount: 0, Operation: 'Scan', OperationEndTime: '2026-10-31T00:00:00.000Z' }]),
    ok('ec2:DescribeImages', R, [{ ImageId: 'ami-00000000000000001', Name: 'ubuntu/images/hvm-ssd/ubuntu-focal-20.04-amd64-server-20240101', CreationDate: '2026-01-01T00:00:00.000Z', DeprecationTime: '2026-06-01T00:00:00.000Z' }]),
    ok('inspector2:BatchGetAccountStatus', R, { accounts: [{ accountId: ACCOUNT, state: { status: 'ENABLED' }, resourceState: { ec2: { status: 'ENABLED' }, ecr: { status: 'DISABLED' } } }], failedAccounts: [] }),
    ok('inspector2:ListCoverage', R, [{ resourceId: 'i-1', resourceType: 'AWS_EC2_INSTANCE', scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' } }, { resourceId: 'i-2', resourceType: 'AWS_EC2_INSTANCE', scanStatus: { statusCode: 'INACTIVE', reason: 'UNMANAGED_EC2_INSTANCE' } }]),
    ok('inspector2:ListFindings', R, [
      { severity: 'CRITICAL', status: 'ACTIVE', fixAvailable: 'YES', exploitAvailable: 'YES', resources: [{ type: 'AWS_EC2_INSTANCE', id: 'i-1' }] },
      { severity: 'LOW', status: 'ACTIVE', fixAvailable: 'NO', exploitAvailable: 'NO', resources: [{ type: 'AWS_EC2_INSTANCE', id: 'i-1' }] },
    ]),
  ]);
  const [one, two, ...rest] = maintenanceView(snap);
  assert.equal(rest.length, 0, 'terminated instances have no row');
  assert.deepEqual(one, {
    instanceId: 'i-1', name: 'web i-1', region: R, state: 'running',
    platformName: 'Ubuntu', platformVersion: '20.04', platformSource: 'ssm',
    ssmManaged: true, ssmPingStatus: 'Online', ssmLastPing: '2026-11-01T09:00:00.000Z', ssmAgentVersion: '3.3.1', ssmAgentLatest: true,
    patchMissing: 2, patchFailed: 0, patchCriticalNonCompliant: 1, patchSecurityNonCompliant: 2, patchPendingReboot: 0,
    patchLastOperation: 'Scan', patchLastOperationEnd: '2026-10-31T00:00:00.000Z',
    inspectorScanStatus: 'ACTIVE', inspectorCritical: 1, inspectorHigh: 0, inspectorMedium: 0, inspectorLow: 1, inspectorFixAvailable: 1, inspectorExploitAvailable: 1,
    amiId: 'ami-00000000000000001', amiName: 'ubuntu/images/hvm-ssd/ubuntu-focal-20.04-amd64-server-20240101', amiAgeDays: 304, amiDeprecated: true,
    osEndOfSupport: '2025-05-29', osEndOfLife: true, imdsv2Required: true,
  });
  // i-2: not managed, Inspector does not scan it: unknown counts are null, not 0; the OS comes from the AMI.
  assert.equal(two?.ssmManaged, false);
  assert.equal(two?.patchMissing, null);
  assert.equal(two?.inspectorScanStatus, 'INACTIVE');
  assert.equal(two?.inspectorCritical, null);
  assert.equal(two?.platformSource, 'ami');
  assert.equal(two?.osEndOfLife, true);
  assert.equal(two?.imdsv2Required, false);
});

test('unreadable data leaves nulls, never false or zero', () => {
  const snap = snapshot([
    ok('ec2:DescribeInstances', R, [instance('i-1', { MetadataOptions: undefined })]),
    failed('ssm:DescribeInstanceInformation', R, 'permission-denied', 'AccessDeniedException'),
    failed('ec2:DescribeImages', R, 'permission-denied', 'UnauthorizedOperation'),
    ok('inspector2:BatchGetAccountStatus', R, { accounts: [{ accountId: ACCOUNT, state: { status: 'DISABLED' }, resourceState: { ec2: { status: 'DISABLED' } } }], failedAccounts: [] }),
    ok('inspector2:ListCoverage', R, []),
    ok('inspector2:ListFindings', R, []),
  ]);
  const [row] = maintenanceView(snap);
  assert.ok(row);
  for (const k of ['ssmManaged', 'ssmAgentLatest', 'patchMissing', 'inspectorScanStatus', 'inspectorCritical', 'amiAgeDays', 'amiDeprecated', 'osEndOfLife', 'imdsv2Required', 'platformName'] as const) {
    assert.equal(row[k], null, k);
  }
  assert.deepEqual(maintenanceView(snapshot([failed('ec2:DescribeInstances', R, 'region-disabled', 'AuthFailure')])), []);
});
