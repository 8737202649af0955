import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.s3BucketPolicyChanges;

const meta = {
  id: 'cloudwatch-alarm-s3-bucket-policy-changes',
  title: 'S3 bucket policy changes raise an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'low',
  responsibility:
    'Knowing when access to your buckets changes is your job. An alarm on bucket policy, ACL, CORS, lifecycle and replication changes catches a bucket being opened up.',
  risk: 'A bucket policy or ACL changed to allow public or foreign access can leak data within minutes; without an alarm, nobody notices.',
  remediation: alarmRemediation(pattern, 'S3BucketPolicyChanges'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmS3BucketPolicyChanges: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
