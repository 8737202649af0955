import type { Check } from '../types.ts';
import { inspectorScanCheck } from './support/inspector-scan.ts';

const meta = {
  id: 'inspector-lambda-code-scanning-enabled',
  title: 'Amazon Inspector scans Lambda function code',
  area: 'compute-maintenance',
  service: 'inspector2',
  severity: 'high',
  responsibility:
    'The code you deploy to Lambda is yours. Amazon Inspector Lambda code scanning looks for injection flaws, hard-coded secrets and weak cryptography in it, in the regions where it is offered and turned on.',
  risk: 'Code vulnerabilities such as injection or leaked credentials in function code reach production unnoticed.',
  remediation: {
    console: 'Amazon Inspector console (in each region) > Account management > Activate > AWS Lambda standard scanning + Lambda code scanning.',
    cli: 'aws inspector2 enable --resource-types LAMBDA LAMBDA_CODE --region <region>',
    terraform: 'resource "aws_inspector2_enabler" "lambda_code" {\n  account_ids    = [data.aws_caller_identity.current.account_id]\n  resource_types = ["LAMBDA", "LAMBDA_CODE"]\n}',
  },
  references: ['https://docs.aws.amazon.com/inspector/latest/user/scanning-lambda.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html'],
} as const satisfies Check['meta'];

export const inspectorLambdaCodeScanningEnabled: Check = inspectorScanCheck(meta, 'lambdaCode', 'Lambda code scanning', { regionalOffering: true });
