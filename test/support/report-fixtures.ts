/**
 * Report fixtures: a small engagement with a few findings per area (including NOT_ASSESSED and
 * hostile resource names), and a large deterministic one for timing.
 */
import type { ScanDetail } from '../../shared/api.ts';
import type { Area } from '../../shared/model/area.ts';
import { AREAS } from '../../shared/model/area.ts';
import type { CheckMeta } from '../../shared/model/check.ts';
import type { CallErrorKind, Finding, Severity, Status } from '../../shared/model/finding.ts';
import type { ResponsibilityMatrix } from '../../shared/model/responsibility.ts';
import type { SecurityHubImport } from '../../shared/model/securityhub.ts';
import type { InstanceMaintenanceRow } from '../../shared/model/views.ts';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { available, buildReportModel, summarizeAreas, type ReportModel } from '../../main/core/report/model.ts';
import { tempDir } from './temp.ts';

export const ACCOUNT_ID = '123456789012';
export const CLIENT_NAME = 'Northwind Logistics Ltd';

/** Hostile resource names, as an attacker with write access to the client's account could set them. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  rtl: 'مرحبا\u202Eevil',
  emoji: 'prod-🔥-bucket-🚀',
  cjk: '生产数据库',
  long: `x${'A'.repeat(4998)}z`,
  controls: `ctl${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}name`,
} as const;

/** A failed finding a reader would look for. */
export const KNOWN = {
  checkTitle: 'S3 bucket blocks public access',
  resourceName: 'northwind-public-invoices',
} as const;

function check(id: string, area: Area, service: string, severity: Severity, title: string, console: string, cli?: string): CheckMeta {
  const meta: CheckMeta = {
    id,
    title,
    area,
    service,
    severity,
    responsibility: `The customer configures ${service.toUpperCase()} settings; AWS does not change them.`,
    risk: `If this control is missing, an attacker or a mistake can expose data or access through ${service.toUpperCase()}.`,
    remediation: { console },
    references: [`https://docs.aws.amazon.com/${service}/`],
  };
  if (cli) meta.remediation.cli = cli;
  return meta;
}

export function sampleChecks(): CheckMeta[] {
  return [
    check('ebs-volume-encrypted', 'data-protection', 'ec2', 'high', 'EBS volumes are encrypted at rest', 'EC2 console > Settings > EBS encryption: enable "Always encrypt new EBS volumes", then migrate existing volumes through an encrypted snapshot.', 'aws ec2 enable-ebs-encryption-by-default --region eu-west-1'),
    check('rds-instance-encrypted', 'data-protection', 'rds', 'high', 'RDS instances are encrypted at rest', 'Restore the instance from an encrypted snapshot copy; encryption cannot be enabled in place.'),
    check('iam-root-mfa-enabled', 'identity-access', 'iam', 'critical', 'Root user has MFA enabled', 'Sign in as the root user, open Security credentials and assign a hardware or virtual MFA device.'),
    check('iam-user-key-rotated', 'identity-access', 'iam', 'medium', 'IAM access keys are rotated within 90 days', 'Create a new access key, move workloads to it, then deactivate and delete the old key.', 'aws iam update-access-key --user-name USER --access-key-id KEY --status Inactive'),
    check('ec2-instance-imdsv2', 'compute-maintenance', 'ec2', 'medium', 'EC2 instances require IMDSv2', 'Modify instance metadata options and set HttpTokens to required.', 'aws ec2 modify-instance-metadata-options --instance-id ID --http-tokens required'),
    check('ssm-instance-managed', 'compute-maintenance', 'ssm', 'low', 'EC2 instances are managed by Systems Manager', 'Attach the AmazonSSMManagedInstanceCore policy to the instance role and make sure the SSM agent runs.'),
    check('ec2-sg-ssh-open', 'network', 'ec2', 'high', 'Security groups do not allow SSH from the internet', 'Remove inbound rules that allow 0.0.0.0/0 or ::/0 on port 22; use Session Manager or a bastion restricted by source IP.'),
    check('vpc-flow-logs-enabled', 'network', 'ec2', 'medium', 'VPC flow logs are enabled', 'Create a flow log for each VPC delivering to CloudWatch Logs or S3.'),
    check('s3-bucket-public-access-block', 's3', 's3', 'critical', KNOWN.checkTitle, 'Turn on all four Block Public Access settings on the bucket and at account level.', 'aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true'),
    check('s3-bucket-versioning', 's3', 's3', 'low', 'S3 buckets have versioning enabled', 'Enable versioning in the bucket properties.'),
    check('cloudtrail-multi-region', 'logging-monitoring', 'cloudtrail', 'high', 'A multi-region CloudTrail trail is logging', 'Create a trail that applies to all regions and delivers to a dedicated, access-restricted bucket.'),
    check('guardduty-enabled', 'logging-monitoring', 'guardduty', 'medium', 'GuardDuty is enabled in every region', 'Enable GuardDuty in each region, ideally through a delegated administrator.'),
  ];
}

export function sampleScan(overrides: Partial<ScanDetail> = {}): ScanDetail {
  return {
    id: 'scan-2026-03-14-0930',
    engagementId: 'default',
    profile: 'northwind-audit',
    accountId: ACCOUNT_ID,
    callerArn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/LeaseholdAudit/consultant`,
    regions: ['eu-west-1', 'eu-central-1', 'us-east-1'],
    areas: [...AREAS],
    status: 'complete',
    startedAt: '2026-03-14T09:30:12.000Z',
    endedAt: '2026-03-14T09:41:55.000Z',
    toolVersion: '0.1.0',
    label: '',
    counts: { FAIL: 0, PASS: 0, NOT_ASSESSED: 0, NOT_APPLICABLE: 0 },
    calls: 412,
    areaSummaries: [],
    ...overrides,
  };
}

interface FindingSpec {
  status: Status;
  name: string;
  region?: string;
  message?: string;
  reason?: CallErrorKind;
  excerpt?: string;
}

export function finding(meta: CheckMeta, spec: FindingSpec, index = 0): Finding {
  const region = spec.region ?? 'eu-west-1';
  const id = `${meta.service}-${String(index).padStart(6, '0')}`;
  const f: Finding = {
    checkId: meta.id,
    title: meta.title,
    area: meta.area,
    service: meta.service,
    severity: meta.severity,
    status: spec.status,
    message: spec.message ?? (spec.status === 'PASS' ? 'Compliant.' : `${spec.name} does not meet "${meta.title}".`),
    resourceId: id,
    resourceArn: `arn:aws:${meta.service}:${region}:${ACCOUNT_ID}:resource/${id}`,
    resourceName: spec.name,
    region,
    accountId: ACCOUNT_ID,
    evidence: spec.status === 'NOT_ASSESSED' ? [] : [
      { call: `${meta.service}:Describe`, region, time: '2026-03-14T09:31:00.000Z', excerpt: spec.excerpt ?? JSON.stringify({ Name: spec.name, Setting: spec.status === 'PASS' }) },
    ],
  };
  if (spec.status === 'NOT_ASSESSED') {
    const kind = spec.reason ?? 'permission-denied';
    f.reason = { kind, code: kind === 'permission-denied' ? 'AccessDenied' : 'OptInRequired', call: `${meta.service}:Describe`, message: `User is not authorized to perform ${meta.service}:Describe` };
  }
  return f;
}

export function sampleFindings(): Finding[] {
  const checks = new Map(sampleChecks().map((c) => [c.id, c]));
  const c = (id: string): CheckMeta => {
    const meta = checks.get(id);
    if (!meta) throw new Error(`unknown check ${id}`);
    return meta;
  };
  const specs: Array<[string, FindingSpec]> = [
    ['ebs-volume-encrypted', { status: 'FAIL', name: HOSTILE.cjk }],
    ['ebs-volume-encrypted', { status: 'PASS', name: 'vol-logs' }],
    ['rds-instance-encrypted', { status: 'NOT_ASSESSED', name: '', reason: 'permission-denied' }],
    ['iam-root-mfa-enabled', { status: 'FAIL', name: 'root', region: 'global' }],
    ['iam-user-key-rotated', { status: 'FAIL', name: HOSTILE.script, region: 'global', message: `Access key of ${HOSTILE.script} is 412 days old.` }],
    ['iam-user-key-rotated', { status: 'PASS', name: 'ci-deployer', region: 'global' }],
    ['ec2-instance-imdsv2', { status: 'FAIL', name: HOSTILE.long, excerpt: JSON.stringify({ InstanceId: 'i-0abc', MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' }, Tags: [{ Key: 'Name', Value: HOSTILE.long }] }) }],
    ['ssm-instance-managed', { status: 'NOT_ASSESSED', name: 'i-0def', reason: 'region-disabled', region: 'ap-east-1' }],
    ['ssm-instance-managed', { status: 'PASS', name: HOSTILE.emoji }],
    ['ec2-sg-ssh-open', { status: 'FAIL', name: HOSTILE.rtl, message: `Inbound 0.0.0.0/0 on port 22.\n${HOSTILE.controls}` }],
    ['ec2-sg-ssh-open', { status: 'PASS', name: HOSTILE.controls }],
    ['vpc-flow-logs-enabled', { status: 'NOT_APPLICABLE', name: 'vpc-default', message: 'No VPC in this region.' }],
    ['s3-bucket-public-access-block', { status: 'FAIL', name: KNOWN.resourceName, region: 'eu-west-1' }],
    ['s3-bucket-versioning', { status: 'PASS', name: 'northwind-backups' }],
    ['s3-bucket-versioning', { status: 'NOT_ASSESSED', name: 'northwind-legacy', reason: 'explicit-deny' }],
    ['cloudtrail-multi-region', { status: 'PASS', name: 'org-trail', region: 'us-east-1' }],
    ['guardduty-enabled', { status: 'FAIL', name: 'eu-central-1 detector', region: 'eu-central-1' }],
  ];
  return specs.map(([id, spec], i) => finding(c(id), spec, i));
}

export function sampleReportModel(overrides: { clientName?: string; findings?: Finding[]; scan?: Partial<ScanDetail> } = {}): ReportModel {
  const findings = overrides.findings ?? sampleFindings();
  const scan = sampleScan({ areaSummaries: summarizeAreas(findings), ...overrides.scan });
  return buildReportModel({ scan, findings, checks: sampleChecks(), clientName: overrides.clientName ?? CLIENT_NAME, consultant: 'A. Auditor' });
}

/** `count` findings in a realistic mix (about 55% PASS, 30% FAIL, 10% NOT_ASSESSED, 5% N/A). */
export function largeReportModel(count = 5000): ReportModel {
  const checks = sampleChecks();
  const regions = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2'];
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const meta = checks[i % checks.length] as CheckMeta;
    const r = (i * 7919) % 100;
    const status: Status = r < 55 ? 'PASS' : r < 85 ? 'FAIL' : r < 95 ? 'NOT_ASSESSED' : 'NOT_APPLICABLE';
    findings.push(finding(meta, { status, name: `${meta.service}-resource-${i}`, region: regions[i % regions.length] as string }, i));
  }
  return sampleReportModel({ findings, clientName: 'Large Estate plc' });
}

/** Values a redacted report must never show: planted in messages, evidence and the optional parts. */
export const SENSITIVE = {
  accounts: [ACCOUNT_ID, '210987654321'],
  ips: ['203.0.113.10', '10.0.1.25', '2001:db8::25'],
  emails: ['ops@northwind.example', 'security.lead@northwind.example'],
} as const;

function maintenanceRow(over: Partial<InstanceMaintenanceRow>): InstanceMaintenanceRow {
  return {
    instanceId: 'i-0a1b2c3d4e5f60001', name: 'web-1', region: 'eu-west-1', state: 'running', platformName: 'Amazon Linux', platformVersion: '2', platformSource: 'ssm',
    ssmManaged: true, ssmPingStatus: 'Online', ssmLastPing: '2026-03-14T09:00:00.000Z', ssmAgentVersion: '3.3.0.0', ssmAgentLatest: true,
    patchMissing: 0, patchFailed: 0, patchCriticalNonCompliant: 0, patchSecurityNonCompliant: 0, patchPendingReboot: 0, patchLastOperation: 'Scan', patchLastOperationEnd: '2026-03-13T02:00:00.000Z',
    inspectorScanStatus: 'ACTIVE', inspectorCritical: 0, inspectorHigh: 1, inspectorMedium: 2, inspectorLow: 0, inspectorFixAvailable: 3, inspectorExploitAvailable: 0,
    amiId: 'ami-0123456789abcdef0', amiName: 'al2-2025', amiAgeDays: 300, amiDeprecated: false, osEndOfSupport: '2026-06-30', osEndOfLife: false, imdsv2Required: true,
    ...over,
  };
}

function matrix(): ResponsibilityMatrix {
  const row = (service: string, title: string, model: 'infrastructure' | 'container' | 'abstracted', area: Area, duty: string, evidence: string) => ({
    service, title, model, awsManages: [`The ${title} service itself: hardware, software and availability.`], customerDuties: [{ area, text: duty }], status: 'in-use' as const, evidence,
  });
  return {
    rows: [
      row('ec2', 'Amazon EC2', 'infrastructure', 'compute-maintenance', 'Patch the guest operating system of every instance.', '3 instances in 2 regions'),
      row('s3', 'Amazon S3', 'abstracted', 's3', 'Keep Block Public Access on for every bucket.', '4 buckets'),
      row('iam', 'AWS IAM', 'abstracted', 'identity-access', 'Protect the root user with MFA.', 'account-wide'),
      { ...row('rds', 'Amazon RDS', 'container', 'data-protection', 'Encrypt every database when you create it.', ''), status: 'unknown' as const, evidence: 'Could not read rds:DescribeDBInstances in eu-west-1 (AccessDenied).', reason: { call: 'rds:DescribeDBInstances', region: 'eu-west-1', kind: 'permission-denied' as const, code: 'AccessDenied' } },
    ],
    notInUse: [{ service: 'eks', title: 'Amazon EKS' }],
  };
}

function securityHub(): SecurityHubImport {
  const tally = () => ({ total: 0, bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 } });
  return {
    perRegion: [
      { region: 'eu-west-1', enabled: true, imported: 2 },
      { region: 'us-east-1', enabled: false, imported: 0, reason: 'Security Hub is not enabled in us-east-1: nothing imported' },
    ],
    findings: [
      {
        id: `arn:aws:securityhub:eu-west-1:${ACCOUNT_ID}:finding/gd-1`, productName: 'GuardDuty', companyName: 'Amazon', title: `Instance is querying a domain from ${SENSITIVE.ips[0]}`, description: 'Recon.',
        severity: 'high', area: 'logging-monitoring', areaRule: 'product', control: null, compliance: null, standards: [], types: ['TTPs'],
        resources: [{ type: 'AwsEc2Instance', id: `arn:aws:ec2:eu-west-1:${ACCOUNT_ID}:instance/i-0a1b2c3d4e5f60001`, region: 'eu-west-1' }], region: 'eu-west-1', remediation: null, workflowStatus: 'NEW', updatedAt: '2026-03-14T08:00:00.000Z',
      },
      {
        id: `arn:aws:securityhub:eu-west-1:${ACCOUNT_ID}:finding/ec2-7`, productName: 'Security Hub', companyName: 'AWS', title: 'EBS default encryption should be enabled', description: '',
        severity: 'medium', area: 'data-protection', areaRule: 'control', control: 'EC2.7', compliance: 'FAILED', standards: ['standards/aws-foundational-security-best-practices/v/1.0.0'], types: [],
        resources: [{ type: 'AwsAccount', id: `AWS::::Account:${ACCOUNT_ID}`, region: 'eu-west-1' }], region: 'eu-west-1', remediation: null, workflowStatus: 'NEW', updatedAt: '2026-03-14T08:00:00.000Z',
      },
    ],
    duplicates: 1,
    disagreements: [{ control: 'S3.8', resourceId: `arn:aws:s3:::${KNOWN.resourceName}`, region: 'eu-west-1', checkId: 's3-bucket-public-access-block', leasehold: 'FAIL', securityHub: 'PASSED', findingId: 'f-1' }],
    alsoReported: [],
    byArea: Object.fromEntries(AREAS.map((a) => [a, tally()])) as SecurityHubImport['byArea'],
    otherAccounts: 0,
  };
}

/**
 * The sample model with every optional part filled, and hostile or sensitive values planted in
 * them (for the redaction and "nothing crashes" tests).
 */
export function fullReportModel(overrides: { findings?: Finding[] } = {}): ReportModel {
  const findings = (overrides.findings ?? sampleFindings()).map((f) => {
    if (f.checkId === 'iam-user-key-rotated' && f.status === 'FAIL') return { ...f, acceptance: { id: 1, justification: 'Legacy integration, replaced in Q3.', approver: 'CISO', expiresAt: '2026-09-30T00:00:00.000Z', active: true } };
    if (f.checkId === 'guardduty-enabled') return { ...f, acceptance: { id: 2, justification: 'Region unused.', approver: 'CTO', expiresAt: '2026-01-31T00:00:00.000Z', active: false } };
    if (f.checkId === 'ec2-sg-ssh-open' && f.status === 'FAIL') return { ...f, message: `Inbound 0.0.0.0/0 on port 22, seen from ${SENSITIVE.ips[1]} and ${SENSITIVE.ips[2]}.` };
    if (f.checkId === 's3-bucket-public-access-block') return { ...f, evidence: [{ call: 's3:GetBucketPolicy', region: 'eu-west-1', time: '2026-03-14T09:31:00.000Z', excerpt: JSON.stringify({ OwnerId: SENSITIVE.accounts[1], Contact: SENSITIVE.emails[0], Principal: { AWS: `arn:aws:iam::${SENSITIVE.accounts[1]}:root` } }) }] };
    return f;
  });
  const base = sampleReportModel({ findings });
  const scan = base.scan;
  return buildReportModel({
    scan,
    findings,
    checks: base.checks,
    clientName: CLIENT_NAME,
    consultant: 'A. Auditor',
    firm: 'Harbour Security Partners',
    checksVersion: '3f2a91c07b1d',
    coverage: {
      cells: [
        { service: 'ec2', region: 'eu-west-1', ok: 40, failed: 0, reasons: {} },
        { service: 'rds', region: 'eu-west-1', ok: 0, failed: 2, reasons: { 'permission-denied': { count: 2, call: 'rds:DescribeDBInstances', code: 'AccessDenied', message: 'not authorized' } } },
      ],
      endpoints: { ec2: `https://${SENSITIVE.ips[1]}:4566`, rds: 'default' },
    },
    changes: available({
      previous: { ...scan, id: 'scan-2026-02-10-0800', startedAt: '2026-02-10T08:00:00.000Z', endedAt: '2026-02-10T08:09:00.000Z' },
      diff: { fromScanId: 'scan-2026-02-10-0800', toScanId: scan.id, counts: { new: 3, resolved: 2, regressed: 1, 'severity-changed': 0, unchanged: 4, 'not-comparable': 1 }, entries: [] },
    }),
    trend: available([
      { scanId: 'a', startedAt: '2026-01-10T08:00:00.000Z', passRate: { 'data-protection': 0.2, 'identity-access': 0.4, 'compute-maintenance': 0.5, network: 0.3, s3: 0.5, 'logging-monitoring': 0.6 } },
      { scanId: 'b', startedAt: '2026-02-10T08:00:00.000Z', passRate: { 'data-protection': 0.4, 'identity-access': 0.45, 'compute-maintenance': null, network: 0.5, s3: 0.5, 'logging-monitoring': 0.7 } },
      { scanId: scan.id, startedAt: scan.startedAt, passRate: { 'data-protection': 0.5, 'identity-access': 0.5, 'compute-maintenance': 0.5, network: 0.5, s3: 0.5, 'logging-monitoring': 1 } },
    ]),
    responsibility: available(matrix()),
    maintenance: available([
      maintenanceRow({}),
      maintenanceRow({ instanceId: 'i-0a1b2c3d4e5f60002', name: HOSTILE.cjk, platformName: 'Ubuntu', platformVersion: '18.04', osEndOfSupport: '2023-05-31', osEndOfLife: true, patchMissing: 12, patchCriticalNonCompliant: 3, ssmAgentLatest: false }),
      maintenanceRow({ instanceId: 'i-0a1b2c3d4e5f60003', name: null, ssmManaged: false, ssmPingStatus: null, patchMissing: null, patchFailed: null, inspectorScanStatus: null, inspectorCritical: null, amiDeprecated: true }),
    ]),
    exposure: available({
      rows: [
        {
          region: 'eu-west-1', resourceType: 'ec2-instance', resourceId: 'i-0a1b2c3d4e5f60001', family: 'ipv4', protocol: 'tcp', fromPort: 22, toPort: 22, authorized: false,
          openedBy: [{ groupId: 'sg-0123', groupName: 'bastion-ssh', rule: 'tcp 22 from 0.0.0.0/0' }],
          nacl: { verdict: 'allow', networkAclId: 'acl-1', ruleNumber: 100, text: 'rule 100 allows tcp 22' },
          publicAddress: { verdict: 'yes', address: SENSITIVE.ips[0], text: `public IPv4 ${SENSITIVE.ips[0]}` },
          internetRoute: { verdict: 'yes', routeTableId: 'rtb-1', destination: '0.0.0.0/0', gatewayId: 'igw-1', text: 'routes 0.0.0.0/0 to igw-1' },
          exposed: 'yes',
        },
      ],
      notAssessed: [{ region: 'ap-east-1', call: 'ec2:DescribeSecurityGroups', code: 'OptInRequired', message: 'region disabled' }],
    }),
    securityHub: available(securityHub()),
    acceptances: available([
      { id: 1, engagementId: 'e', checkId: 'iam-user-key-rotated', accountId: null, region: null, resourceId: null, justification: 'Legacy integration, replaced in Q3.', approver: 'CISO', expiresAt: '2026-09-30T00:00:00.000Z', createdAt: '2026-03-15T10:00:00.000Z', revokedAt: null },
      { id: 2, engagementId: 'e', checkId: 'guardduty-enabled', accountId: ACCOUNT_ID, region: 'eu-central-1', resourceId: null, justification: 'Region unused.', approver: 'CTO', expiresAt: '2026-01-31T00:00:00.000Z', createdAt: '2025-12-01T10:00:00.000Z', revokedAt: null },
    ]),
    manualControls: available([
      { id: 'security-contact', title: 'A security contact is registered', question: 'Is an alternate Security contact registered?', frameworks: ['cis-3.0 1.2'], answer: 'yes', notes: `Registered: ${SENSITIVE.emails[1]}`, answeredAt: '2026-03-14T12:00:00.000Z', answeredBy: 'A. Auditor' },
      { id: 'incident-response', title: 'An incident response plan covers AWS', question: 'Does a tested plan exist?', frameworks: [], answer: null, notes: '', answeredAt: null, answeredBy: '' },
    ]),
    permissions: available([{ action: 'rds:DescribeDBInstances', kind: 'permission-denied', calls: ['rds:DescribeDBInstances'], regions: ['eu-west-1'], failures: 2 }]),
    referenceData: available([{ name: 'os-releases', title: 'Guest operating system releases', asOf: '2026-03-01', source: ['https://example.invalid/os'] }]),
    snapshotDigest: available({ algorithm: 'leasehold-snapshot-v1', sha256: 'ab12'.repeat(16), records: 120 }),
    frameworks: available({
      frameworks: { fsbp: 'AWS Foundational Security Best Practices v1.0.0', 'cis-3.0': 'CIS AWS Foundations Benchmark v3.0.0' },
      requirements: [
        { framework: 'fsbp', id: 'S3.8', checks: ['s3-bucket-public-access-block'] },
        { framework: 'fsbp', id: 'EC2.7', checks: ['ebs-volume-encrypted'] },
        { framework: 'cis-3.0', id: '1.5', checks: ['iam-root-mfa-enabled'] },
      ],
    }),
  });
}

// Reading PDFs the way a reader's software does: qpdf for structure and encryption, poppler for
// text and fonts, pdf.js for the outline, links and metadata. A missing tool skips the test.

export function hasTool(tool: string): boolean {
  return !spawnSync(tool, ['--version'], { stdio: 'ignore' }).error;
}

export interface ToolResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command-line tool on the PDF; skips the test with a reason when the tool is absent. */
export function runTool(t: TestContext, tool: string, args: (file: string) => string[], pdf: Buffer): ToolResult | null {
  if (!hasTool(tool)) {
    t.skip(`${tool} not installed`);
    return null;
  }
  const file = join(tempDir(t), 'report.pdf');
  writeFileSync(file, pdf);
  const result = spawnSync(tool, args(file), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const pdfText = (t: TestContext, pdf: Buffer, extra: string[] = []): string | null => runTool(t, 'pdftotext', (f) => [...extra, f, '-'], pdf)?.stdout ?? null;

export const flat = (s: string): string => s.replace(/\s+/g, ' ');

/** The pages of pdftotext's output (form feeds separate them), empty trailing page dropped. */
export const pages = (text: string): string[] => text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim());

export async function openPdf(pdf: Buffer, password?: string) {
  return getDocument({ data: new Uint8Array(pdf), verbosity: 0, useSystemFonts: false, isEvalSupported: false, ...(password === undefined ? {} : { password }) }).promise;
}

/** The uncompressed file (qpdf --qdf), where every string and stream can be searched as bytes. */
export function uncompressed(t: TestContext, pdf: Buffer): Buffer | null {
  if (!hasTool('qpdf')) {
    t.skip('qpdf not installed');
    return null;
  }
  const dir = tempDir(t);
  const src = join(dir, 'in.pdf');
  writeFileSync(src, pdf);
  const out = spawnSync('qpdf', ['--qdf', '--object-streams=disable', '--decode-level=all', src, '-'], { maxBuffer: 512 * 1024 * 1024 });
  return out.stdout;
}

/** Every way a string can appear in a PDF file's bytes: plain, UTF-16BE, and as hex of either. */
export function byteForms(value: string): Buffer[] {
  const utf16 = Buffer.from(value, 'utf16le').swap16();
  return [Buffer.from(value, 'latin1'), Buffer.from(value, 'utf8'), utf16, Buffer.from(Buffer.from(value, 'utf8').toString('hex')), Buffer.from(utf16.toString('hex'))].concat(
    [Buffer.from(Buffer.from(value, 'utf8').toString('hex').toUpperCase()), Buffer.from(utf16.toString('hex').toUpperCase())],
  );
}
