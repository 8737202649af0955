import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.configChanges;

const meta = {
  id: 'cloudwatch-alarm-config-changes',
  title: 'AWS Config configuration changes raise an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'low',
  responsibility:
    'Keeping your configuration history running is your job. An alarm on the Config recorder or delivery channel being stopped or changed protects the record of how your resources change.',
  risk: 'Stopping AWS Config blinds compliance tracking and change history; an intruder does it to hide the changes they make next.',
  remediation: alarmRemediation(pattern, 'AWSConfigChanges'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmConfigChanges: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
