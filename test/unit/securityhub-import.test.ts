import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding, Status } from '../../shared/model/finding.ts';
import type { StoredFinding } from '../../main/core/collect/securityhub-findings.ts';
import { findingFilters, trimFinding } from '../../main/core/collect/securityhub-findings.ts';
import { CHECKS } from '../../main/core/checks/index.ts';
import { CROSSWALK } from '../../main/core/checks/crosswalk/index.ts';
import { areaFor, controlOf } from '../../main/core/securityhub/area-map.ts';
import { importSecurityHub } from '../../main/core/securityhub/import.ts';
import { TokenBucket } from '../../main/core/securityhub/pacing.ts';
import { normaliseSeverity } from '../../main/core/securityhub/severity.ts';
import { ACCOUNT, failed, ok, snapshot } from '../support/snapshots.ts';

const DS = 'securityhub:GetFindings';
const PRODUCT = (p: string, region = 'eu-west-1') => `arn:aws:securityhub:${region}::product/aws/${p}`;

function control(id: string, control: string, status: string, resource: { Type: string; Id: string; Region?: string }, extra: Partial<StoredFinding> = {}): StoredFinding {
  return {
    Id: id,
    ProductArn: PRODUCT('securityhub'),
    ProductName: 'Security Hub',
    CompanyName: 'AWS',
    GeneratorId: `security-control/${control}`,
    AwsAccountId: ACCOUNT,
    Region: 'eu-west-1',
    Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    Title: `${control} title`,
    Description: `${control} description`,
    Severity: { Label: 'MEDIUM' },
    Compliance: { Status: status, SecurityControlId: control, AssociatedStandards: [{ StandardsId: 'standards/aws-foundational-security-best-practices/v/1.0.0' }] },
    Resources: [{ Region: 'eu-west-1', ...resource }],
    Workflow: { Status: 'NEW' },
    RecordState: 'ACTIVE',
    UpdatedAt: '2026-11-01T09:00:00.000Z',
    ...extra,
  };
}

function detection(id: string, product: string, types: string[], resourceType: string, extra: Partial<StoredFinding> = {}): StoredFinding {
  return {
    Id: id,
    ProductArn: PRODUCT(product),
    ProductName: product,
    GeneratorId: `${product}-generator`,
    AwsAccountId: ACCOUNT,
    Region: 'eu-west-1',
    Types: types,
    Title: `${product} finding`,
    Description: 'd',
    Severity: { Label: 'HIGH' },
    Resources: [{ Type: resourceType, Id: `arn:aws:x:eu-west-1:${ACCOUNT}:thing/1`, Region: 'eu-west-1' }],
    Workflow: { Status: 'NEW' },
    RecordState: 'ACTIVE',
    UpdatedAt: '2026-11-01T09:00:00.000Z',
    ...extra,
  };
}

function leasehold(checkId: string, status: Status, resourceId: string, resourceArn: string, region = 'eu-west-1'): Finding {
  return { checkId, title: checkId, area: 'network', service: 'ec2', severity: 'high', status, message: '', resourceId, resourceArn, resourceName: resourceId, region, accountId: ACCOUNT, evidence: [] };
}

const SG = (id: string) => `arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/${id}`;
const ACCOUNT_RES = { Type: 'AwsAccount', Id: `AWS::::Account:${ACCOUNT}` };

test('area mapping: control first (Leasehold crosswalk, table, family), then product, type, resource, fallback', () => {
  const area = (f: StoredFinding) => `${areaFor(f).area}/${areaFor(f).rule}`;
  // A control a Leasehold check tests goes where that check is; others by the table or their family.
  // (Other areas keep adding checks, so the expectation follows the crosswalk as it stands.)
  const placed = (c: string, table: string) => {
    const checkArea = (CROSSWALK.fsbp[c] ?? []).map((id) => CHECKS.find((x) => x.meta.id === id)?.meta.area).find(Boolean);
    return `${checkArea ?? table}/control`;
  };
  assert.equal(area(control('a', 'EC2.7', 'FAILED', ACCOUNT_RES)), 'data-protection/control');
  assert.equal(area(control('b', 'EC2.8', 'FAILED', { Type: 'AwsEc2Instance', Id: 'i-1' })), 'compute-maintenance/control');
  assert.equal(area(control('c', 'EC2.53', 'FAILED', { Type: 'AwsEc2SecurityGroup', Id: SG('sg-1') })), 'network/control');
  assert.equal(area(control('d', 'CloudTrail.2', 'FAILED', { Type: 'AwsCloudTrailTrail', Id: 'arn:aws:cloudtrail:eu-west-1:1:trail/t' })), placed('CloudTrail.2', 'data-protection'));
  assert.equal(area(control('d2', 'RDS.2', 'FAILED', { Type: 'AwsRdsDbInstance', Id: 'arn:aws:rds:eu-west-1:1:db:x' })), placed('RDS.2', 'network'));
  assert.equal(area(control('e', 'S3.99', 'FAILED', ACCOUNT_RES)), 's3/control');
  assert.equal(area(control('f', 'IAM.4', 'FAILED', ACCOUNT_RES)), 'identity-access/control');
  assert.equal(area(control('g', 'KMS.4', 'FAILED', { Type: 'AwsKmsKey', Id: 'k' })), placed('KMS.4', 'data-protection'));
  // An EC2 control not in the tables goes by its resource, and by the family default on the account.
  assert.equal(area(control('h', 'EC2.999', 'FAILED', { Type: 'AwsEc2Volume', Id: 'vol-1' })), 'data-protection/resource');
  assert.equal(area(control('i', 'EC2.999', 'FAILED', ACCOUNT_RES)), 'network/control');
  // A legacy (non-consolidated) control finding names its control in the GeneratorId only.
  const legacy = control('j', 'SSM.1', 'FAILED', { Type: 'AwsEc2Instance', Id: 'i-1' }, { GeneratorId: 'aws-foundational-security-best-practices/v/1.0.0/SSM.1', Compliance: { Status: 'FAILED' } });
  assert.equal(controlOf(legacy), 'SSM.1');
  assert.equal(area(legacy), 'compute-maintenance/control');

  assert.equal(area(detection('k', 'inspector', ['Software and Configuration Checks/Vulnerabilities/CVE'], 'AwsEc2Instance')), 'compute-maintenance/product');
  assert.equal(area(detection('k2', 'inspector', ['Software and Configuration Checks/AWS Security Best Practices/Network Reachability - Recognized port reachable from internet'], 'AwsEc2Instance')), 'network/product');
  assert.equal(area(detection('l', 'macie', ['Sensitive Data Identifications/PII/SensitiveData:S3Object-Personal'], 'AwsS3Object')), 'data-protection/product');
  assert.equal(area(detection('m', 'macie', ['Software and Configuration Checks/AWS Security Best Practices/Policy:IAMUser-S3BucketPublic'], 'AwsS3Bucket')), 's3/product');
  // GuardDuty: a brute-force detection on an instance is monitoring, not the instance's area...
  assert.equal(area(detection('n', 'guardduty', ['TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce'], 'AwsEc2Instance')), 'logging-monitoring/product');
  // ...but its configuration findings go by resource.
  assert.equal(area(detection('o', 'guardduty', ['Software and Configuration Checks/Policy:S3.BucketBlockPublicAccessDisabled'], 'AwsS3Bucket')), 's3/resource');
  // Config: by rule name.
  assert.equal(area(detection('p', 'config', [], 'AwsEc2Volume', { Title: 'encrypted-volumes' })), 'data-protection/product');
  assert.equal(area(detection('q', 'config', [], 'AwsEc2SecurityGroup', { Title: 'restricted-ssh' })), 'network/product');
  // A partner product: by type, then by resource, then the fallback.
  assert.equal(area(detection('r', 'acme', ['Software and Configuration Checks/Vulnerabilities/CVE'], 'Other')), 'compute-maintenance/type');
  assert.equal(area(detection('s', 'acme', ['Unusual Behaviors/User'], 'AwsIamUser')), 'logging-monitoring/type');
  assert.equal(area(detection('t', 'acme', [], 'AwsIamRole')), 'identity-access/resource');
  assert.equal(area(detection('u', 'acme', [], 'AwsEc2SecurityGroup')), 'network/resource');
  assert.equal(area(detection('v', 'acme', [], 'Other')), 'logging-monitoring/fallback');
});

test('severity: label, then the provider label, then the Normalized ranges; none is medium', () => {
  assert.equal(normaliseSeverity({ Severity: { Label: 'CRITICAL' } }), 'critical');
  assert.equal(normaliseSeverity({ Severity: { Label: 'INFORMATIONAL' } }), 'info');
  assert.equal(normaliseSeverity({ Severity: { Label: 'low' } }), 'low');
  assert.equal(normaliseSeverity({ FindingProviderFields: { Severity: { Label: 'HIGH' } } }), 'high');
  assert.deepEqual([0, 1, 39, 40, 69, 70, 89, 90, 100].map((n) => normaliseSeverity({ Severity: { Normalized: n } })), ['info', 'low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  assert.equal(normaliseSeverity({}), 'medium');
});

test('regions: enabled, not subscribed (nothing imported), unknown on other errors; only this account; aggregation counted once', () => {
  const snap = snapshot(
    [
      ok(DS, 'eu-west-1', [
        detection('gd-1', 'guardduty', ['TTPs/Discovery'], 'AwsEc2Instance'),
        detection('gd-2', 'guardduty', ['TTPs/Discovery'], 'AwsEc2Instance', { Region: 'eu-central-1' }),
        detection('other', 'guardduty', ['TTPs/Discovery'], 'AwsEc2Instance', { AwsAccountId: '999999999999' }),
      ]),
      ok(DS, 'eu-central-1', [detection('gd-2', 'guardduty', ['TTPs/Discovery'], 'AwsEc2Instance', { Region: 'eu-central-1' })]),
      failed(DS, 'us-east-1', 'service-not-enabled', 'InvalidAccessException'),
      failed(DS, 'ap-south-1', 'permission-denied', 'AccessDeniedException'),
    ],
    ['eu-west-1', 'eu-central-1', 'us-east-1', 'ap-south-1', 'sa-east-1'],
  );
  const out = importSecurityHub(snap, []);
  const byRegion = Object.fromEntries(out.perRegion.map((r) => [r.region, [r.enabled, r.imported]]));
  assert.deepEqual(byRegion, { 'eu-west-1': [true, 1], 'eu-central-1': [true, 1], 'us-east-1': [false, 0], 'ap-south-1': [null, 0], 'sa-east-1': [null, 0] });
  assert.match(out.perRegion.find((r) => r.region === 'us-east-1')?.reason ?? '', /not enabled in us-east-1: nothing imported/);
  assert.deepEqual(out.findings.map((f) => f.id).sort(), ['gd-1', 'gd-2']);
  assert.equal(out.otherAccounts, 1);
  assert.equal(out.byArea['logging-monitoring'].total, 2);
  assert.equal(out.byArea['logging-monitoring'].bySeverity.high, 2);
});

test('de-duplication: agreement is shown once as Leasehold\'s; disagreement keeps both; multi-control checks are not contradicted by one passing control', () => {
  const snap = snapshot([
    ok(DS, 'eu-west-1', [
      control('agree-fail', 'EC2.7', 'FAILED', ACCOUNT_RES),
      control('agree-pass', 'EC2.53', 'PASSED', { Type: 'AwsEc2SecurityGroup', Id: SG('sg-ok') }),
      control('sh-fail-lh-pass', 'EC2.53', 'FAILED', { Type: 'AwsEc2SecurityGroup', Id: SG('sg-disputed') }),
      control('covered', 'EC2.54', 'PASSED', { Type: 'AwsEc2SecurityGroup', Id: SG('sg-ipv4-open') }),
      control('no-counterpart', 'EC2.53', 'FAILED', { Type: 'AwsEc2SecurityGroup', Id: SG('sg-unseen') }),
      control('lh-not-assessed', 'S3.14', 'FAILED', { Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::logs' }),
      control('passed-alone', 'IAM.9', 'PASSED', ACCOUNT_RES),
    ]),
  ]);
  const lh = [
    leasehold('ec2-ebs-default-encryption', 'FAIL', ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`),
    leasehold('ec2-sg-admin-ports-open', 'PASS', 'sg-ok', SG('sg-ok')),
    leasehold('ec2-sg-admin-ports-open', 'PASS', 'sg-disputed', SG('sg-disputed')),
    leasehold('ec2-sg-admin-ports-open', 'FAIL', 'sg-ipv4-open', SG('sg-ipv4-open')),
    leasehold('s3-bucket-versioning-enabled', 'NOT_ASSESSED', 'logs', 'arn:aws:s3:::logs'),
    // Same check, other region: an account-level setting is per region.
    leasehold('ec2-ebs-default-encryption', 'PASS', ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`, 'us-east-1'),
  ];
  const out = importSecurityHub(snap, lh);
  assert.equal(out.duplicates, 3, 'agree-fail, agree-pass and covered');
  assert.deepEqual(out.findings.map((f) => f.id).sort(), ['lh-not-assessed', 'no-counterpart', 'passed-alone', 'sh-fail-lh-pass']);
  assert.deepEqual(
    out.alsoReported.map((a) => [a.checkId, a.resourceId, a.control]).sort(),
    [['ec2-ebs-default-encryption', ACCOUNT, 'EC2.7'], ['ec2-sg-admin-ports-open', 'sg-ok', 'EC2.53']],
  );
  assert.deepEqual(out.disagreements, [
    { control: 'EC2.53', resourceId: 'sg-disputed', region: 'eu-west-1', checkId: 'ec2-sg-admin-ports-open', leasehold: 'PASS', securityHub: 'FAILED', findingId: 'sh-fail-lh-pass' },
  ]);
  assert.deepEqual(out.findings.find((f) => f.id === 'sh-fail-lh-pass')?.disagreesWith, { checkId: 'ec2-sg-admin-ports-open', status: 'PASS' });
  // Open findings only: the passing IAM.9 control is kept but not counted.
  assert.equal(out.byArea.network.total, 2);
  assert.equal(out.byArea.s3.total, 1);
  assert.equal(out.byArea['identity-access'].total, 0);
});

test('a single-control check that FAILs while Security Hub says PASSED is a disagreement', () => {
  const snap = snapshot([ok(DS, 'eu-west-1', [control('x', 'EC2.7', 'PASSED', ACCOUNT_RES)])]);
  const out = importSecurityHub(snap, [leasehold('ec2-ebs-default-encryption', 'FAIL', ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`)]);
  assert.equal(out.duplicates, 0);
  assert.deepEqual(out.disagreements.map((d) => [d.control, d.leasehold, d.securityHub]), [['EC2.7', 'FAIL', 'PASSED']]);
});

test('the collector keeps the fields that matter, and filters active, unsuppressed findings of this account', () => {
  const trimmed = trimFinding({
    SchemaVersion: '2018-10-08',
    Id: 'f',
    ProductArn: PRODUCT('inspector'),
    GeneratorId: 'g',
    AwsAccountId: ACCOUNT,
    CreatedAt: 'c',
    UpdatedAt: 'u',
    Title: 't',
    Description: 'd',
    Severity: { Label: 'HIGH', Normalized: 70, Original: '7.5' },
    Resources: [{ Type: 'AwsEc2Instance', Id: 'i-1', Region: 'eu-west-1', Details: { Other: { big: 'x'.repeat(1000) } } }],
    ProductFields: { huge: 'y'.repeat(1000) },
    Vulnerabilities: [{ Id: 'CVE-2026-0001' }],
  });
  assert.deepEqual(trimmed.Resources, [{ Type: 'AwsEc2Instance', Id: 'i-1', Region: 'eu-west-1' }]);
  assert.deepEqual(trimmed.Severity, { Label: 'HIGH', Normalized: 70 });
  assert.ok(!('ProductFields' in trimmed) && !('Vulnerabilities' in trimmed));
  assert.deepEqual(findingFilters(ACCOUNT), {
    RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
    WorkflowStatus: [{ Value: 'SUPPRESSED', Comparison: 'NOT_EQUALS' }],
    AwsAccountId: [{ Value: ACCOUNT, Comparison: 'EQUALS' }],
  });
  assert.equal(findingFilters('').AwsAccountId, undefined);
});

test('the token bucket paces takes at its rate, in order, and stops waiting on abort', async () => {
  let now = 0;
  const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
  const bucket = new TokenBucket(3, 1, clock);
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    await bucket.take();
    times.push(now);
  }
  assert.equal(times[0], 0, 'the first take is immediate');
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] ?? 0) - (times[i - 1] ?? 0);
    assert.ok(gap >= 1000 / 3 && gap <= 335, `take ${i} came ${gap} ms after the one before`);
  }
  const aborted = AbortSignal.abort();
  await assert.rejects(bucket.take(aborted));
  await bucket.take();
});
