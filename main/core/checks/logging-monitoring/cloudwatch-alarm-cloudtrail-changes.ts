import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.cloudtrailChanges;

const meta = {
  id: 'cloudwatch-alarm-cloudtrail-changes',
  title: 'CloudTrail configuration changes raise an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'medium',
  responsibility:
    'Protecting your audit log from being switched off is your job. An alarm on trails being stopped, changed or deleted tells you the moment your record of activity is at risk.',
  risk: 'Stopping or deleting a trail is the first thing an intruder does to hide; without an alarm, the gap in your logs is found only afterwards.',
  remediation: alarmRemediation(pattern, 'CloudTrailChanges'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmCloudtrailChanges: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
