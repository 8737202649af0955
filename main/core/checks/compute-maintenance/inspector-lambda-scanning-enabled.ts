import type { Check } from '../types.ts';
import { inspectorScanCheck } from './support/inspector-scan.ts';

const meta = {
  id: 'inspector-lambda-scanning-enabled',
  title: 'Amazon Inspector scans Lambda functions (standard scanning)',
  area: 'compute-maintenance',
  service: 'inspector2',
  severity: 'high',
  responsibility:
    'The libraries your Lambda functions and layers bundle are yours to keep patched. Amazon Inspector Lambda standard scanning finds known vulnerabilities in them, in the regions where you turn it on.',
  risk: 'Functions ship their own dependencies; a vulnerable library stays in every deployed version until someone notices.',
  remediation: {
    console: 'Amazon Inspector console (in each region) > Account management > Activate > AWS Lambda standard scanning.',
    cli: 'aws inspector2 enable --resource-types LAMBDA --region <region>',
    terraform: 'resource "aws_inspector2_enabler" "lambda" {\n  account_ids    = [data.aws_caller_identity.current.account_id]\n  resource_types = ["LAMBDA"]\n}',
  },
  references: ['https://docs.aws.amazon.com/inspector/latest/user/scanning-lambda.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html'],
} as const satisfies Check['meta'];

export const inspectorLambdaScanningEnabled: Check = inspectorScanCheck(meta, 'lambda', 'Lambda standard scanning');
