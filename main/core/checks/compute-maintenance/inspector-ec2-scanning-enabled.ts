import type { Check } from '../types.ts';
import { inspectorScanCheck } from './support/inspector-scan.ts';

const meta = {
  id: 'inspector-ec2-scanning-enabled',
  title: 'Amazon Inspector scans EC2 instances',
  area: 'compute-maintenance',
  service: 'inspector2',
  severity: 'high',
  responsibility:
    'Finding vulnerable software on your instances is your job. Amazon Inspector EC2 scanning does it continuously, but only in the regions where you turn it on.',
  risk: 'Without vulnerability scanning, known vulnerabilities in the operating system and installed packages go unnoticed until someone exploits them.',
  remediation: {
    console: 'Amazon Inspector console (in each region) > Account management > Activate > Amazon EC2 scanning. In an organization, the delegated administrator activates it for all members.',
    cli: 'aws inspector2 enable --resource-types EC2 --region <region>',
    terraform: 'resource "aws_inspector2_enabler" "ec2" {\n  account_ids    = [data.aws_caller_identity.current.account_id]\n  resource_types = ["EC2"]\n}',
  },
  references: ['https://docs.aws.amazon.com/inspector/latest/user/scanning-ec2.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html'],
} as const satisfies Check['meta'];

export const inspectorEc2ScanningEnabled: Check = inspectorScanCheck(meta, 'ec2', 'EC2 scanning');
