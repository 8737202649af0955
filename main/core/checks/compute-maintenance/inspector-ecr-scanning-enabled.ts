import type { Check } from '../types.ts';
import { inspectorScanCheck } from './support/inspector-scan.ts';

const meta = {
  id: 'inspector-ecr-scanning-enabled',
  title: 'Amazon Inspector scans ECR container images',
  area: 'compute-maintenance',
  service: 'inspector2',
  severity: 'high',
  responsibility:
    'The software inside your container images is yours to keep patched. Amazon Inspector ECR scanning checks images on push and continuously afterwards, in the regions where you turn it on.',
  risk: 'Container images carry their own operating system packages and libraries; without scanning, images with known vulnerabilities are deployed and stay deployed.',
  remediation: {
    console: 'Amazon Inspector console (in each region) > Account management > Activate > Amazon ECR scanning.',
    cli: 'aws inspector2 enable --resource-types ECR --region <region>',
    terraform: 'resource "aws_inspector2_enabler" "ecr" {\n  account_ids    = [data.aws_caller_identity.current.account_id]\n  resource_types = ["ECR"]\n}',
  },
  references: ['https://docs.aws.amazon.com/inspector/latest/user/scanning-ecr.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html'],
} as const satisfies Check['meta'];

export const inspectorEcrScanningEnabled: Check = inspectorScanCheck(meta, 'ecr', 'ECR scanning');
