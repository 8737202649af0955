/**
 * Report fixtures: a small engagement with a few findings per area (including NOT_ASSESSED and
 * hostile resource names), and a large deterministic one for timing.
 */
import type { ScanDetail } from '../../shared/api.ts';
import type { Area } from '../../shared/model/area.ts';
import { AREAS } from '../../shared/model/area.ts';
import type { CheckMeta } from '../../shared/model/check.ts';
import type { CallErrorKind, Finding, Severity, Status } from '../../shared/model/finding.ts';
import { buildReportModel, summarizeAreas, type ReportModel } from '../../main/core/report/model.ts';

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
