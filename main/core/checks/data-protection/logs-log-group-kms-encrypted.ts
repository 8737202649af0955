import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { evidence, finding } from '../helpers.ts';
import type { Check } from '../types.ts';
import { arn, eachRegion } from './support/regional.ts';

const meta = {
  id: 'logs-log-group-kms-encrypted',
  title: 'CloudWatch log groups are encrypted with a KMS key you control',
  area: 'data-protection',
  service: 'logs',
  severity: 'low',
  responsibility:
    'Protecting what your applications write to logs is your job. CloudWatch Logs always encrypts log data, but only a KMS key associated with the log group lets you decide who can read it and audit each use.',
  risk: 'Logs often carry personal data, tokens or internal details; without your own key, anyone with CloudWatch Logs read access can read them and you cannot revoke access through the key.',
  remediation: {
    console: 'Allow the CloudWatch Logs service principal in the KMS key policy, then associate the key: CloudWatch console > Log groups > the group > Actions > Edit > KMS key ARN (or use the CLI).',
    cli: 'aws logs associate-kms-key --log-group-name <group> --kms-key-id <key-arn>',
    terraform: 'resource "aws_cloudwatch_log_group" "this" {\n  kms_key_id = aws_kms_key.logs.arn\n  # ...\n}',
  },
  references: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html'],
} as const satisfies Check['meta'];

export const logsLogGroupKmsEncrypted: Check = {
  meta,
  needs: ['logs:DescribeLogGroups'],
  evaluate(snap) {
    return eachRegion<LogGroup>(meta, snap, 'logs:DescribeLogGroups', { label: 'CloudWatch log groups' }, (g, read, region) => {
      const name = g.logGroupName ?? '';
      const resource = { id: name, arn: g.logGroupArn ?? g.arn?.replace(/:\*$/, '') ?? arn(snap, region, 'logs', `log-group:${name}`), name, region };
      const proof = [evidence(read, { logGroupName: name, kmsKeyId: g.kmsKeyId ?? null })];
      if (g.kmsKeyId) return finding(meta, snap, resource, 'PASS', `Log group ${name} is encrypted with KMS key ${g.kmsKeyId}.`, proof);
      return finding(meta, snap, resource, 'FAIL', `Log group ${name} has no KMS key: its data is encrypted only with the service's own key, which you cannot control or audit.`, proof);
    });
  },
};
