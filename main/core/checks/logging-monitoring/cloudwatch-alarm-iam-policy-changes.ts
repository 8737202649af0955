import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.iamPolicyChanges;

const meta = {
  id: 'cloudwatch-alarm-iam-policy-changes',
  title: 'IAM policy changes raise an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'low',
  responsibility:
    'Knowing who changes permissions in your account is your job. An alarm on IAM policy creation, attachment and deletion catches privilege escalation as it happens.',
  risk: 'An intruder who grants themselves more permissions, or a mistaken change that opens access, stays unnoticed until it is used.',
  remediation: alarmRemediation(pattern, 'IAMPolicyChanges'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmIamPolicyChanges: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
