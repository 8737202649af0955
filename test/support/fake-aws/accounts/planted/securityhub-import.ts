/**
 * What Security Hub holds in the seeded account (on in us-east-1 and af-south-1 per the logging
 * area's fixture; eu-west-1 is "not subscribed"). Control findings that agree with Leasehold's own
 * checks (duplicates), one that disagrees, detections from GuardDuty, Inspector and Macie, and the
 * findings the import must never see: suppressed, archived, and another account's.
 */
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { SecurityHubImportFixture } from '../../ext/securityhub-import.ts';
import { ACCOUNT_ID, INSTANCE, SG } from '../misconfigured.ts';

const FSBP = 'standards/aws-foundational-security-best-practices/v/1.0.0';
const AT = '2026-10-30T08:00:00.000Z';

function base(region: string, id: string, product: string, extra: Partial<AwsSecurityFinding>): AwsSecurityFinding {
  return {
    SchemaVersion: '2018-10-08',
    Id: id,
    ProductArn: `arn:aws:securityhub:${region}::product/aws/${product}`,
    GeneratorId: product,
    AwsAccountId: ACCOUNT_ID,
    Region: region,
    CreatedAt: AT,
    UpdatedAt: AT,
    Title: '',
    Description: '',
    Resources: [],
    Workflow: { Status: 'NEW' },
    RecordState: 'ACTIVE',
    ...extra,
  };
}

/** A consolidated control finding (GeneratorId "security-control/<id>"), as Security Hub writes it. */
export function controlFinding(region: string, control: string, status: 'PASSED' | 'FAILED', resource: { Type: string; Id: string }, extra: Partial<AwsSecurityFinding> = {}): AwsSecurityFinding {
  const uuid = `${control.toLowerCase().replace('.', '-')}-${resource.Id.split(/[/:]/).pop() ?? ''}`;
  return base(region, `arn:aws:securityhub:${region}:${ACCOUNT_ID}:security-control/${control}/finding/${uuid}`, 'securityhub', {
    ProductName: 'Security Hub',
    CompanyName: 'AWS',
    GeneratorId: `security-control/${control}`,
    Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    Title: `${control} control check`,
    Description: `Security Hub control ${control}`,
    Severity: { Label: status === 'FAILED' ? 'HIGH' : 'INFORMATIONAL', Original: status === 'FAILED' ? 'HIGH' : 'INFORMATIONAL' },
    Compliance: { Status: status, SecurityControlId: control, AssociatedStandards: [{ StandardsId: FSBP }] },
    Resources: [{ Type: resource.Type, Id: resource.Id, Partition: 'aws', Region: region }],
    Remediation: { Recommendation: { Text: `For information on how to correct this issue, consult the ${control} remediation documentation.`, Url: `https://docs.aws.amazon.com/console/securityhub/${control}/remediation` } },
    Workflow: { Status: status === 'PASSED' ? 'RESOLVED' : 'NEW' },
    ...extra,
  });
}

const account = { Type: 'AwsAccount', Id: `AWS::::Account:${ACCOUNT_ID}` };
const sg = (id: string) => ({ Type: 'AwsEc2SecurityGroup', Id: `arn:aws:ec2:us-east-1:${ACCOUNT_ID}:security-group/${id}` });
const web1 = { Type: 'AwsEc2Instance', Id: `arn:aws:ec2:us-east-1:${ACCOUNT_ID}:instance/${INSTANCE.web1}`, Partition: 'aws', Region: 'us-east-1' } as const;
const website = { Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::acme-public-website', Partition: 'aws', Region: 'us-east-1' } as const;

const USE1 = 'us-east-1';

export const SECURITY_HUB_FINDINGS: Record<string, AwsSecurityFinding[]> = {
  [USE1]: [
    // Agree with Leasehold: shown once, as Leasehold's, "also reported by Security Hub".
    controlFinding(USE1, 'EC2.7', 'FAILED', account),
    controlFinding(USE1, 'EC2.53', 'FAILED', sg(SG.bastion)),
    controlFinding(USE1, 'EC2.54', 'FAILED', sg(SG.bastion)),
    controlFinding(USE1, 'EC2.53', 'PASSED', sg(SG.web)),
    // Disagrees: Security Hub's last evaluation still sees versioning on; Leasehold reads Suspended.
    controlFinding(USE1, 'S3.14', 'PASSED', website),
    base(USE1, `arn:aws:guardduty:${USE1}:${ACCOUNT_ID}:detector/d1/finding/ssh-brute-force`, 'guardduty', {
      ProductName: 'GuardDuty', CompanyName: 'Amazon', GeneratorId: `arn:aws:guardduty:${USE1}:${ACCOUNT_ID}:detector/d1`,
      Types: ['TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce'],
      Title: `${INSTANCE.web1} is performing SSH brute force attacks.`, Description: 'SSH brute force attacks against the instance.',
      Severity: { Label: 'HIGH', Normalized: 50 }, Resources: [web1],
    }),
    base(USE1, `arn:aws:inspector2:${USE1}:${ACCOUNT_ID}:finding/openssl-cve`, 'inspector', {
      ProductName: 'Inspector', CompanyName: 'Amazon', GeneratorId: 'AWSInspector',
      Types: ['Software and Configuration Checks/Vulnerabilities/CVE'],
      Title: 'CVE-2024-6387 - openssh', Description: 'A signal handler race condition in sshd.',
      Severity: { Label: 'CRITICAL', Normalized: 90 }, Resources: [web1],
    }),
    base(USE1, `arn:aws:macie2:${USE1}:${ACCOUNT_ID}:finding/pii-website`, 'macie', {
      ProductName: 'Macie', CompanyName: 'Amazon', GeneratorId: 'aws/macie',
      Types: ['Sensitive Data Identifications/PII/SensitiveData:S3Object-Personal'],
      Title: 'The S3 object contains personal information.', Description: 'customers.csv holds names and addresses.',
      Severity: { Label: 'HIGH', Normalized: 70 }, Resources: [website],
    }),
    // Never imported: suppressed by the customer, archived, another account's (delegated administrator view).
    controlFinding(USE1, 'EC2.53', 'FAILED', sg(SG.rdpOffice), { Workflow: { Status: 'SUPPRESSED' } }),
    controlFinding(USE1, 'EC2.19', 'FAILED', sg(SG.app), { RecordState: 'ARCHIVED' }),
    controlFinding(USE1, 'IAM.9', 'FAILED', account, { AwsAccountId: '444455556666', Id: 'arn:aws:securityhub:us-east-1:444455556666:security-control/IAM.9/finding/member' }),
  ],
  'af-south-1': [controlFinding('af-south-1', 'EC2.7', 'PASSED', account)],
};

export const securityHubImportFixture: SecurityHubImportFixture = { findings: SECURITY_HUB_FINDINGS };

/** What the import of the seeded account must say. */
export const SECURITY_HUB_EXPECTED = {
  imported: { 'us-east-1': 8, 'af-south-1': 1 },
  notEnabled: ['eu-west-1'],
  duplicates: ['EC2.7', 'EC2.53', 'EC2.54', 'EC2.53', 'EC2.7'],
  disagreement: { control: 'S3.14', resourceId: 'acme-public-website', checkId: 's3-bucket-versioning-enabled', leasehold: 'FAIL', securityHub: 'PASSED' },
} as const;
