import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.rootUsage;

const meta = {
  id: 'cloudwatch-alarm-root-usage',
  title: 'Root user activity raises an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'medium',
  responsibility:
    'Watching your root user is your job. The root user should almost never be used, so every sign-in or API call it makes should alert your team.',
  risk: 'The root user can do anything, including closing the account; its use by an intruder, or by habit, goes unnoticed without an alarm.',
  remediation: alarmRemediation(pattern, 'RootAccountUsage'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmRootUsage: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
