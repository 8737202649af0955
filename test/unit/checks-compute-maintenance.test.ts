/**
 * compute-maintenance checks on plain fixtures: PASS, FAIL and NOT_ASSESSED for every check, and the
 * traps (stopped instances, unmanaged instances, Inspector off, an AMI no longer visible, container
 * functions, deprecation judged at the scan's time, not the clock).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SnapshotRecord } from '../../main/core/engine/snapshot.ts';
import { DEFAULT_EVAL_CONTEXT } from '../../main/core/engine/evaluate.ts';
import type { Check } from '../../main/core/checks/types.ts';
import { computeMaintenanceChecks } from '../../main/core/checks/compute-maintenance/index.ts';
import { ACCOUNT, failed, ok, snapshot } from '../support/snapshots.ts';

const R = 'eu-west-1';
const check = (id: string): Check => {
  const c = computeMaintenanceChecks.find((x) => x.meta.id === id);
  assert.ok(c, id);
  return c;
};
const run = (id: string, records: SnapshotRecord[], regions = [R]) => check(id).evaluate(snapshot(records, regions), DEFAULT_EVAL_CONTEXT);
const byId = (fs: { resourceId: string; status: string }[]) => Object.fromEntries(fs.map((f) => [f.resourceId, f.status]));
const at = (iso: string, r: SnapshotRecord): SnapshotRecord => ({ ...r, collectedAt: iso });

const inst = (id: string, state = 'running', ImageId = 'ami-0aaaaaaaaaaaaaaa1') => ({ InstanceId: id, ImageId, State: { Name: state }, Tags: [{ Key: 'Name', Value: `n-${id}` }] });
const instances = (...list: object[]) => ok('ec2:DescribeInstances', R, list);
const ssm = (...list: object[]) => ok('ssm:DescribeInstanceInformation', R, list);

test('every check of the area is registered, with metadata a client can read', () => {
  assert.ok(computeMaintenanceChecks.length >= 12);
  for (const c of computeMaintenanceChecks) {
    assert.equal(c.meta.area, 'compute-maintenance');
    assert.ok(c.meta.references.every((r) => r.startsWith('https://')), c.meta.id);
    assert.ok(c.needs.length > 0, c.meta.id);
  }
});

test('SSM managed: running unmanaged FAILs, stopped unmanaged is not applicable, registered PASSes; unreadable is NOT_ASSESSED', () => {
  const out = run('ssm-instance-managed', [instances(inst('i-1'), inst('i-2'), inst('i-3', 'stopped'), inst('i-4', 'terminated')), ssm({ InstanceId: 'i-1', PingStatus: 'Online', AgentVersion: '3.3.1' })]);
  assert.deepEqual(byId(out), { 'i-1': 'PASS', 'i-2': 'FAIL', 'i-3': 'NOT_APPLICABLE' });
  assert.equal(out[1]?.resourceArn, `arn:aws:ec2:${R}:${ACCOUNT}:instance/i-2`);
  assert.equal(out[1]?.resourceName, 'n-i-2');
  assert.match(out[1]?.evidence[0]?.excerpt ?? '', /"found": false/);
  const denied = run('ssm-instance-managed', [instances(inst('i-1')), failed('ssm:DescribeInstanceInformation', R, 'permission-denied', 'AccessDeniedException')]);
  assert.deepEqual(byId(denied), { 'i-1': 'NOT_ASSESSED' });
  assert.equal(denied[0]?.reason?.code, 'AccessDeniedException');
  const noList = run('ssm-instance-managed', [failed('ec2:DescribeInstances', R, 'throttled', 'RequestLimitExceeded')]);
  assert.deepEqual(noList.map((f) => f.status), ['NOT_ASSESSED']);
  assert.deepEqual(run('ssm-instance-managed', [instances()]).map((f) => f.status), ['NOT_APPLICABLE']);
});

test('SSM agent online and up to date: ConnectionLost on a running instance FAILs, a stopped one is not applicable, absent fields are NOT_ASSESSED', () => {
  const recs = [
    instances(inst('i-on'), inst('i-lost'), inst('i-stopped', 'stopped'), inst('i-odd'), inst('i-none')),
    ssm(
      { InstanceId: 'i-on', PingStatus: 'Online', IsLatestVersion: true, AgentVersion: '3.3.2' },
      { InstanceId: 'i-lost', PingStatus: 'ConnectionLost', LastPingDateTime: '2026-10-01T00:00:00.000Z', IsLatestVersion: false, AgentVersion: '3.1.0' },
      { InstanceId: 'i-stopped', PingStatus: 'ConnectionLost', IsLatestVersion: true },
      { InstanceId: 'i-odd' },
    ),
  ];
  assert.deepEqual(byId(run('ssm-agent-online', recs)), { 'i-on': 'PASS', 'i-lost': 'FAIL', 'i-stopped': 'NOT_APPLICABLE', 'i-odd': 'NOT_ASSESSED', 'i-none': 'NOT_APPLICABLE' });
  assert.match(run('ssm-agent-online', recs)[1]?.message ?? '', /ConnectionLost \(last ping 2026-10-01/);
  assert.deepEqual(byId(run('ssm-agent-up-to-date', recs)), { 'i-on': 'PASS', 'i-lost': 'FAIL', 'i-stopped': 'PASS', 'i-odd': 'NOT_ASSESSED', 'i-none': 'NOT_APPLICABLE' });
});

const patch = (id: string, counts: object, end = '2026-10-30T00:00:00.000Z') => ({ InstanceId: id, BaselineId: 'pb-1', Operation: 'Scan', OperationStartTime: end, OperationEndTime: end, MissingCount: 0, FailedCount: 0, ...counts });

test('patch compliance: missing, failed, critical, security or pending-reboot patches FAIL; never scanned FAILs; unreadable is NOT_ASSESSED', () => {
  const ids = ['i-ok', 'i-missing', 'i-reboot', 'i-never', 'i-unmanaged'];
  const recs = [
    instances(...ids.map((i) => inst(i))),
    ssm(...ids.slice(0, 4).map((InstanceId) => ({ InstanceId, PingStatus: 'Online' }))),
    ok('ssm:DescribeInstancePatchStates', R, [
      patch('i-ok', { InstalledCount: 100 }),
      patch('i-missing', { MissingCount: 4, CriticalNonCompliantCount: 1, SecurityNonCompliantCount: 3 }),
      patch('i-reboot', { InstalledPendingRebootCount: 2 }),
    ]),
  ];
  const out = run('ssm-instance-patch-compliant', recs);
  assert.deepEqual(byId(out), { 'i-ok': 'PASS', 'i-missing': 'FAIL', 'i-reboot': 'FAIL', 'i-never': 'FAIL', 'i-unmanaged': 'NOT_APPLICABLE' });
  assert.match(out[1]?.message ?? '', /4 missing, 1 critical non-compliant, 3 security non-compliant/);
  assert.match(out[2]?.message ?? '', /2 installed but waiting for a reboot/);
  assert.match(out[3]?.message ?? '', /never been scanned/);
  const denied = run('ssm-instance-patch-compliant', [recs[0] as SnapshotRecord, recs[1] as SnapshotRecord, failed('ssm:DescribeInstancePatchStates', R, 'explicit-deny', 'AccessDeniedException')]);
  assert.equal(byId(denied)['i-ok'], 'NOT_ASSESSED');
  assert.equal(denied[0]?.reason?.kind, 'explicit-deny');
});

test('patch scan age is measured against the scan time, not the clock', () => {
  const recs = (end: string | undefined) => [
    instances(inst('i-1')),
    ssm({ InstanceId: 'i-1' }),
    ok('ssm:DescribeInstancePatchStates', R, [{ ...patch('i-1', {}), OperationEndTime: end }]),
  ];
  assert.deepEqual(byId(run('ssm-instance-patch-scan-recent', recs('2026-10-30T00:00:00.000Z'))), { 'i-1': 'PASS' });
  assert.deepEqual(byId(run('ssm-instance-patch-scan-recent', recs('2026-09-01T00:00:00.000Z'))), { 'i-1': 'FAIL' });
  assert.deepEqual(byId(run('ssm-instance-patch-scan-recent', recs(undefined))), { 'i-1': 'NOT_ASSESSED' });
});

test('association compliance: NON_COMPLIANT FAILs, COMPLIANT PASSes, hybrid nodes get their own ARN, no data is not applicable', () => {
  const out = run('ssm-instance-association-compliant', [
    ok('ssm:ListResourceComplianceSummaries', R, [
      { ComplianceType: 'Association', ResourceType: 'ManagedInstance', ResourceId: 'i-1', Status: 'COMPLIANT' },
      { ComplianceType: 'Association', ResourceType: 'ManagedInstance', ResourceId: 'mi-0123456789abcdef0', Status: 'NON_COMPLIANT', NonCompliantSummary: { NonCompliantCount: 2 } },
    ]),
    instances(inst('i-1')),
  ]);
  assert.deepEqual(byId(out), { 'i-1': 'PASS', 'mi-0123456789abcdef0': 'FAIL' });
  assert.equal(out[1]?.resourceArn, `arn:aws:ssm:${R}:${ACCOUNT}:managed-instance/mi-0123456789abcdef0`);
  assert.equal(out[0]?.resourceName, 'n-i-1');
  assert.deepEqual(run('ssm-instance-association-compliant', [ok('ssm:ListResourceComplianceSummaries', R, [])]).map((f) => f.status), ['NOT_APPLICABLE']);
  assert.deepEqual(run('ssm-instance-association-compliant', [failed('ssm:ListResourceComplianceSummaries', R, 'throttled', 'ThrottlingException')]).map((f) => f.status), ['NOT_ASSESSED']);
});

const status = (s: Record<string, string | undefined>) =>
  ok('inspector2:BatchGetAccountStatus', R, {
    accounts: [{ accountId: ACCOUNT, state: { status: 'ENABLED' }, resourceState: Object.fromEntries(Object.entries(s).filter(([, v]) => v).map(([k, v]) => [k, { status: v }])) }],
    failedAccounts: [],
  });

test('Inspector scan types: ENABLED PASSes, anything else FAILs, a failed account or a denied call is NOT_ASSESSED, code scanning absent is not offered', () => {
  const s = status({ ec2: 'ENABLED', ecr: 'DISABLED', lambda: 'SUSPENDED' });
  assert.deepEqual(run('inspector-ec2-scanning-enabled', [s]).map((f) => f.status), ['PASS']);
  assert.deepEqual(run('inspector-ecr-scanning-enabled', [s]).map((f) => f.status), ['FAIL']);
  assert.match(run('inspector-lambda-scanning-enabled', [s])[0]?.message ?? '', /SUSPENDED/);
  assert.deepEqual(run('inspector-lambda-code-scanning-enabled', [s]).map((f) => f.status), ['NOT_APPLICABLE']);
  assert.deepEqual(run('inspector-ecr-scanning-enabled', [status({ ec2: 'ENABLED' })]).map((f) => f.status), ['NOT_ASSESSED'], 'a scan type missing from the answer is unknown, not off');
  const failedAccount = ok('inspector2:BatchGetAccountStatus', R, { accounts: [], failedAccounts: [{ accountId: ACCOUNT, errorCode: 'ACCESS_DENIED', errorMessage: 'denied' }] });
  const f = run('inspector-ec2-scanning-enabled', [failedAccount])[0];
  assert.equal(f?.status, 'NOT_ASSESSED');
  assert.equal(f?.reason?.kind, 'permission-denied');
  assert.equal(run('inspector-ec2-scanning-enabled', [failed('inspector2:BatchGetAccountStatus', R, 'permission-denied', 'AccessDeniedException')])[0]?.status, 'NOT_ASSESSED');
  assert.equal(run('inspector-ec2-scanning-enabled', [s])[0]?.resourceId, ACCOUNT);
});

test('Inspector: an answer with no account at all (moto 5.2 where Inspector was never activated) is DISABLED, saying why; one listing only other accounts is unknown', () => {
  const none = ok('inspector2:BatchGetAccountStatus', R, { accounts: [], failedAccounts: [] });
  for (const id of ['inspector-ec2-scanning-enabled', 'inspector-ecr-scanning-enabled', 'inspector-lambda-scanning-enabled', 'inspector-lambda-code-scanning-enabled']) {
    const f = run(id, [none])[0];
    assert.equal(f?.status, 'FAIL', id);
    assert.match(f?.message ?? '', /not enabled in eu-west-1: Inspector answered with no status at all for the account.*AWS itself lists such an account as DISABLED/, id);
  }
  const others = ok('inspector2:BatchGetAccountStatus', R, { accounts: [{ accountId: '999999999999', state: { status: 'ENABLED' }, resourceState: { ec2: { status: 'ENABLED' } } }], failedAccounts: [] });
  for (const id of ['inspector-ec2-scanning-enabled', 'inspector-lambda-code-scanning-enabled']) {
    const f = run(id, [others])[0];
    assert.equal(f?.status, 'NOT_ASSESSED', id);
    assert.equal(f?.reason?.code, 'MissingField', id);
  }
});

const cover = (id: string, statusCode: string, reason: string) => ({ resourceType: 'AWS_EC2_INSTANCE', resourceId: id, scanType: 'PACKAGE', scanStatus: { statusCode, reason } });
const vuln = (id: string, severity: string, extra: object = {}) => ({ findingArn: `arn:f/${id}/${severity}`, severity, status: 'ACTIVE', fixAvailable: 'YES', exploitAvailable: 'NO', resources: [{ type: 'AWS_EC2_INSTANCE', id }], ...extra });

test('Inspector coverage: INACTIVE or absent FAILs, ACTIVE PASSes, stopped and Inspector-off are not applicable', () => {
  const recs = [
    instances(inst('i-active'), inst('i-inactive'), inst('i-absent'), inst('i-stopped', 'stopped')),
    status({ ec2: 'ENABLED' }),
    ok('inspector2:ListCoverage', R, [cover('i-active', 'ACTIVE', 'SUCCESSFUL'), cover('i-inactive', 'INACTIVE', 'UNMANAGED_EC2_INSTANCE')]),
  ];
  const out = run('inspector-ec2-instance-scanned', recs);
  assert.deepEqual(byId(out), { 'i-active': 'PASS', 'i-inactive': 'FAIL', 'i-absent': 'FAIL', 'i-stopped': 'NOT_APPLICABLE' });
  assert.match(out[1]?.message ?? '', /UNMANAGED_EC2_INSTANCE/);
  assert.deepEqual(byId(run('inspector-ec2-instance-scanned', [recs[0] as SnapshotRecord, status({ ec2: 'DISABLED' })])), { 'i-active': 'NOT_APPLICABLE', 'i-inactive': 'NOT_APPLICABLE', 'i-absent': 'NOT_APPLICABLE', 'i-stopped': 'NOT_APPLICABLE' });
  assert.equal(byId(run('inspector-ec2-instance-scanned', [recs[0] as SnapshotRecord, recs[1] as SnapshotRecord, failed('inspector2:ListCoverage', R, 'permission-denied', 'AccessDeniedException')]))['i-active'], 'NOT_ASSESSED');
});

test('Inspector findings: critical or high FAIL; no findings PASS only for a scanned instance; Inspector off is NOT_ASSESSED, never PASS', () => {
  const recs = [
    instances(inst('i-crit'), inst('i-clean'), inst('i-unscanned'), inst('i-medium'), inst('i-stopped', 'stopped')),
    status({ ec2: 'ENABLED' }),
    ok('inspector2:ListCoverage', R, [cover('i-crit', 'ACTIVE', 'SUCCESSFUL'), cover('i-clean', 'ACTIVE', 'SUCCESSFUL'), cover('i-medium', 'ACTIVE', 'SUCCESSFUL'), cover('i-unscanned', 'INACTIVE', 'NO_INVENTORY')]),
    ok('inspector2:ListFindings', R, [vuln('i-crit', 'CRITICAL', { exploitAvailable: 'YES' }), vuln('i-crit', 'HIGH'), vuln('i-medium', 'MEDIUM'), vuln('i-clean', 'CRITICAL', { status: 'CLOSED' })]),
  ];
  const out = run('inspector-ec2-no-critical-findings', recs);
  assert.deepEqual(byId(out), { 'i-crit': 'FAIL', 'i-clean': 'PASS', 'i-unscanned': 'NOT_ASSESSED', 'i-medium': 'PASS', 'i-stopped': 'NOT_APPLICABLE' });
  assert.match(out[0]?.message ?? '', /1 critical, 1 high, 0 medium, 0 low; 2 with a fix available, 1 with a known exploit/);
  assert.equal(out[2]?.reason?.code, 'NO_INVENTORY');
  const off = run('inspector-ec2-no-critical-findings', [recs[0] as SnapshotRecord, status({ ec2: 'DISABLED' }), ok('inspector2:ListFindings', R, []), ok('inspector2:ListCoverage', R, [])]);
  assert.ok(off.every((f) => f.status === 'NOT_ASSESSED' && f.reason?.kind === 'service-not-enabled'));
  const denied = run('inspector-ec2-no-critical-findings', [recs[0] as SnapshotRecord, recs[1] as SnapshotRecord, recs[2] as SnapshotRecord, failed('inspector2:ListFindings', R, 'permission-denied', 'AccessDeniedException')]);
  assert.ok(denied.every((f) => f.status === 'NOT_ASSESSED'));
});

const image = (id: string, extra: object) => ({ ImageId: id, Name: `img-${id}`, OwnerId: '137112412989', State: 'available', ...extra });

test('AMI deprecation and age: judged at the scan time; an AMI no longer visible is NOT_ASSESSED with the reason, not FAIL', () => {
  const recs = [
    instances(inst('i-dep', 'running', 'ami-0000000000000dep'), inst('i-fresh', 'running', 'ami-000000000000fresh'), inst('i-gone', 'running', 'ami-0000000000000gone'), inst('i-later', 'stopped', 'ami-000000000000later')),
    ok('ec2:DescribeImages', R, [
      image('ami-0000000000000dep', { CreationDate: '2023-01-10T00:00:00.000Z', DeprecationTime: '2025-01-10T00:00:00.000Z' }),
      image('ami-000000000000fresh', { CreationDate: '2026-10-01T00:00:00.000Z' }),
      image('ami-000000000000later', { CreationDate: '2026-06-01T00:00:00.000Z', DeprecationTime: '2026-11-20T00:00:00.000Z' }),
    ]),
  ];
  const dep = run('ec2-instance-ami-not-deprecated', recs);
  assert.deepEqual(byId(dep), { 'i-dep': 'FAIL', 'i-fresh': 'PASS', 'i-gone': 'NOT_ASSESSED', 'i-later': 'PASS' });
  assert.equal(dep[2]?.reason?.code, 'ImageNotVisible');
  assert.match(dep[2]?.message ?? '', /no longer visible/);
  assert.match(dep[3]?.message ?? '', /scheduled for 2026-11-20/);
  // The same data collected after the deprecation date FAILs: "now" is the record's own time.
  const later = run('ec2-instance-ami-not-deprecated', recs.map((r) => at('2026-11-25T00:00:00.000Z', r)));
  assert.equal(byId(later)['i-later'], 'FAIL');
  assert.deepEqual(byId(run('ec2-instance-ami-recent', recs)), { 'i-dep': 'FAIL', 'i-fresh': 'PASS', 'i-gone': 'NOT_ASSESSED', 'i-later': 'PASS' });
  const denied = run('ec2-instance-ami-recent', [recs[0] as SnapshotRecord, failed('ec2:DescribeImages', R, 'permission-denied', 'UnauthorizedOperation')]);
  assert.ok(denied.every((f) => f.status === 'NOT_ASSESSED' && f.reason?.code === 'UnauthorizedOperation'));
  const disabled = run('ec2-instance-ami-not-deprecated', [instances(inst('i-1', 'running', 'ami-0000000000000dis')), ok('ec2:DescribeImages', R, [image('ami-0000000000000dis', { State: 'disabled', CreationDate: '2026-01-01T00:00:00.000Z' })])]);
  assert.deepEqual(byId(disabled), { 'i-1': 'FAIL' });
});

test('guest OS end of life: from SSM first, then the AMI name (said so), unknown OS is NOT_ASSESSED', () => {
  const recs = [
    instances(inst('i-al2'), inst('i-al2023'), inst('i-ubuntu-ami', 'running', 'ami-00000000000ubu20'), inst('i-mystery', 'running', 'ami-0000000000custom'), inst('i-win2012')),
    ssm(
      { InstanceId: 'i-al2', PlatformName: 'Amazon Linux', PlatformVersion: '2' },
      { InstanceId: 'i-al2023', PlatformName: 'Amazon Linux', PlatformVersion: '2023' },
      { InstanceId: 'i-win2012', PlatformName: 'Microsoft Windows Server 2012 R2 Standard', PlatformVersion: '6.3.9600' },
    ),
    ok('ec2:DescribeImages', R, [
      image('ami-00000000000ubu20', { Name: 'ubuntu/images/hvm-ssd/ubuntu-focal-20.04-amd64-server-20230112' }),
      image('ami-0000000000custom', { Name: 'golden-image-v42' }),
    ]),
  ];
  const out = run('ec2-instance-os-supported', recs);
  assert.deepEqual(byId(out), { 'i-al2': 'FAIL', 'i-al2023': 'PASS', 'i-ubuntu-ami': 'FAIL', 'i-mystery': 'NOT_ASSESSED', 'i-win2012': 'FAIL' });
  assert.match(out[0]?.message ?? '', /Amazon Linux 2.*ended on 2026-06-30 \(os-releases as of \d{4}-\d\d-\d\d\)/);
  assert.match(out[2]?.message ?? '', /from its launch AMI/);
  assert.equal(out[3]?.reason?.code, 'PlatformUnknown');
  // Before Amazon Linux 2's end of life, the same data PASSes.
  assert.equal(byId(run('ec2-instance-os-supported', recs.map((r) => at('2026-05-01T00:00:00.000Z', r))))['i-al2'], 'PASS');
  const noSsm = run('ec2-instance-os-supported', [recs[0] as SnapshotRecord, failed('ssm:DescribeInstanceInformation', R, 'permission-denied', 'AccessDeniedException'), recs[2] as SnapshotRecord]);
  assert.equal(byId(noSsm)['i-ubuntu-ami'], 'FAIL', 'the AMI still identifies Ubuntu 20.04');
  assert.match(noSsm.find((f) => f.resourceId === 'i-ubuntu-ami')?.message ?? '', /Systems Manager could not be read: AccessDeniedException/, 'an unread SSM list is not "not managed"');
  assert.equal(noSsm.find((f) => f.resourceId === 'i-al2')?.reason?.code, 'AccessDeniedException');
});

test('OS from moto 5.2\'s bundled AMI names: Windows Server 2003 (ami-61db0918) is past support, not "not in the reference data"', () => {
  const recs = [
    instances(inst('i-w2003', 'running', 'ami-61db0918'), inst('i-w2016', 'running', 'ami-03cf127a')),
    ok('ssm:DescribeInstanceInformation', R, []),
    ok('ec2:DescribeImages', R, [image('ami-61db0918', { Name: 'Windows_Server-2003-R2_SP2-English-64Bit-Base-2017.10.13' }), image('ami-03cf127a', { Name: 'Windows_Server-2016-English-Nano-Base-2017.10.13' })]),
  ];
  const out = run('ec2-instance-os-supported', recs);
  assert.deepEqual(byId(out), { 'i-w2003': 'FAIL', 'i-w2016': 'PASS' });
  assert.match(out[0]?.message ?? '', /Windows Server 2003.*ended on 2015-07-14/);
});

const fn = (FunctionName: string, extra: object) => ({ FunctionName, FunctionArn: `arn:aws:lambda:${R}:${ACCOUNT}:function:${FunctionName}`, PackageType: 'Zip', ...extra });

test('Lambda runtimes: deprecated FAIL, current PASS, container images not applicable, unknown runtimes NOT_ASSESSED, judged at the scan time', () => {
  const list = ok('lambda:ListFunctions', R, [fn('old', { Runtime: 'nodejs16.x' }), fn('new', { Runtime: 'python3.13' }), fn('img', { PackageType: 'Image' }), fn('odd', { Runtime: 'cobol1.0' }), fn('dotnet', { Runtime: 'dotnet8' })]);
  const out = run('lambda-function-runtime-supported', [list]);
  assert.deepEqual(byId(out), { old: 'FAIL', new: 'PASS', img: 'NOT_APPLICABLE', odd: 'NOT_ASSESSED', dotnet: 'PASS' });
  assert.equal(out[0]?.resourceArn, `arn:aws:lambda:${R}:${ACCOUNT}:function:old`);
  assert.equal(out[3]?.reason?.code, 'NotInReferenceData');
  assert.equal(byId(run('lambda-function-runtime-supported', [at('2026-11-15T00:00:00.000Z', list)])).dotnet, 'FAIL', '.NET 8 is deprecated on 2026-11-10');
  assert.deepEqual(run('lambda-function-runtime-supported', [ok('lambda:ListFunctions', R, [])]).map((f) => f.status), ['NOT_APPLICABLE']);
  assert.deepEqual(run('lambda-function-runtime-supported', [failed('lambda:ListFunctions', R, 'permission-denied', 'AccessDeniedException')]).map((f) => f.status), ['NOT_ASSESSED']);
});

const db = (id: string, extra: object) => ({ DBInstanceIdentifier: id, DBInstanceArn: `arn:aws:rds:${R}:${ACCOUNT}:db:${id}`, AutoMinorVersionUpgrade: true, ...extra });

test('RDS engine support and auto minor upgrades (RDS.13), Neptune and DocumentDB left out', () => {
  const list = ok('rds:DescribeDBInstances', R, [
    db('pg16', { Engine: 'postgres', EngineVersion: '16.4' }),
    db('mysql57', { Engine: 'mysql', EngineVersion: '5.7.44-RDS.20240808', AutoMinorVersionUpgrade: false }),
    db('aurora2', { Engine: 'aurora-mysql', EngineVersion: '5.7.mysql_aurora.2.11.2' }),
    db('pg99', { Engine: 'postgres', EngineVersion: '99.1' }),
    db('mssql', { Engine: 'sqlserver-se', EngineVersion: '15.00.4345.5.v1', AutoMinorVersionUpgrade: undefined }),
    db('graph', { Engine: 'neptune', EngineVersion: '1.3.2.0' }),
  ]);
  const out = run('rds-instance-engine-supported', [list]);
  assert.deepEqual(byId(out), { pg16: 'PASS', mysql57: 'FAIL', aurora2: 'FAIL', pg99: 'PASS', mssql: 'NOT_ASSESSED' });
  assert.match(out[1]?.message ?? '', /MySQL 5\.7.*ended on 2024-02-29; paid RDS Extended Support runs until 2027-02-28/);
  assert.deepEqual(byId(run('rds-instance-auto-minor-upgrade', [list])), { pg16: 'PASS', mysql57: 'FAIL', aurora2: 'PASS', pg99: 'PASS', mssql: 'NOT_ASSESSED' });
  assert.deepEqual(run('rds-instance-auto-minor-upgrade', [failed('rds:DescribeDBInstances', R, 'permission-denied', 'AccessDenied')]).map((f) => f.status), ['NOT_ASSESSED']);
  assert.deepEqual(run('rds-instance-engine-supported', [ok('rds:DescribeDBInstances', R, [])]).map((f) => f.status), ['NOT_APPLICABLE']);
});

test('RDS: a major older than the oldest in the reference data FAILs once that one is past support (moto 5.2 creates postgres 9.3.3 by default)', () => {
  const list = ok('rds:DescribeDBInstances', R, [
    db('pg93', { Engine: 'postgres', EngineVersion: '9.3.3' }),
    db('mysql55', { Engine: 'mysql', EngineVersion: '5.5.62' }),
    db('pg-odd', { Engine: 'postgres', EngineVersion: 'custom-build' }),
  ]);
  const out = run('rds-instance-engine-supported', [list]);
  assert.deepEqual(byId(out), { pg93: 'FAIL', mysql55: 'FAIL', 'pg-odd': 'NOT_ASSESSED' });
  assert.match(out[0]?.message ?? '', /PostgreSQL 9\.3 \(9\.3\.3\).*older than PostgreSQL 9\.6, the oldest release in the reference data, whose standard support ended on 2022-04-30/);
  // Judged at the scan's time: before 9.6 itself ended, the data cannot say when 9.3 did.
  assert.deepEqual(byId(run('rds-instance-engine-supported', [at('2022-03-15T00:00:00.000Z', list)])), { pg93: 'NOT_ASSESSED', mysql55: 'FAIL', 'pg-odd': 'NOT_ASSESSED' });
});

test('EKS versions: past standard support FAILs, current PASSes, an unreadable cluster is NOT_ASSESSED', () => {
  const recs = [
    ok('eks:ListClusters', R, ['old', 'new', 'hidden']),
    ok('eks:DescribeCluster', R, { name: 'old', arn: `arn:aws:eks:${R}:${ACCOUNT}:cluster/old`, version: '1.28', upgradePolicy: { supportType: 'EXTENDED' } }, 'old'),
    ok('eks:DescribeCluster', R, { name: 'new', arn: `arn:aws:eks:${R}:${ACCOUNT}:cluster/new`, version: '1.34' }, 'new'),
    failed('eks:DescribeCluster', R, 'permission-denied', 'AccessDeniedException', 'hidden'),
  ];
  const out = run('eks-cluster-version-supported', recs);
  assert.deepEqual(byId(out), { old: 'FAIL', new: 'PASS', hidden: 'NOT_ASSESSED' });
  assert.match(out[0]?.message ?? '', /1\.28.*ended on 2024-11-26; extended support \(paid\) ends on 2025-11-26/);
  assert.equal(out[2]?.resourceArn, `arn:aws:eks:${R}:${ACCOUNT}:cluster/hidden`);
  assert.deepEqual(run('eks-cluster-version-supported', [ok('eks:ListClusters', R, [])]).map((f) => f.status), ['NOT_APPLICABLE']);
});

test('account IMDS default: required PASSes, no default or optional FAILs, unreadable is NOT_ASSESSED', () => {
  const regions = ['eu-west-1', 'us-east-1', 'ap-south-1', 'eu-central-1'];
  const out = run('ec2-account-imdsv2-default', [
    ok('ec2:GetInstanceMetadataDefaults', 'eu-west-1', { AccountLevel: { HttpTokens: 'required', ManagedBy: 'declarative-policy' } }),
    ok('ec2:GetInstanceMetadataDefaults', 'us-east-1', { AccountLevel: {} }),
    ok('ec2:GetInstanceMetadataDefaults', 'ap-south-1', { AccountLevel: { HttpTokens: 'optional' } }),
    failed('ec2:GetInstanceMetadataDefaults', 'eu-central-1', 'permission-denied', 'UnauthorizedOperation'),
  ], regions);
  assert.deepEqual(out.map((f) => `${f.region}:${f.status}`), ['eu-west-1:PASS', 'us-east-1:FAIL', 'ap-south-1:FAIL', 'eu-central-1:NOT_ASSESSED']);
  assert.match(out[0]?.message ?? '', /declarative policy/);
  assert.equal(out[1]?.resourceId, ACCOUNT);
});

test('timestamps read the same whether fresh from the SDK (Date) or stored (ISO string)', () => {
  const recs = (end: Date | string) => [instances(inst('i-1')), ssm({ InstanceId: 'i-1' }), ok('ssm:DescribeInstancePatchStates', R, [{ ...patch('i-1', {}), OperationEndTime: end }])];
  const a = run('ssm-instance-patch-scan-recent', recs(new Date('2026-09-01T00:00:00Z')));
  const b = run('ssm-instance-patch-scan-recent', recs('2026-09-01T00:00:00.000Z'));
  assert.equal(a[0]?.message, b[0]?.message);
});
