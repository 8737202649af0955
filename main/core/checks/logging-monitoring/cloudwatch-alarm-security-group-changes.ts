import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.securityGroupChanges;

const meta = {
  id: 'cloudwatch-alarm-security-group-changes',
  title: 'Security group changes raise an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'low',
  responsibility:
    'Knowing when your firewall rules change is your job. An alarm on security group changes catches ports opened to the internet.',
  risk: 'A rule opened to 0.0.0.0/0 exposes servers and databases at once; without an alarm, the exposure lasts until the next review.',
  remediation: alarmRemediation(pattern, 'SecurityGroupChanges'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmSecurityGroupChanges: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
