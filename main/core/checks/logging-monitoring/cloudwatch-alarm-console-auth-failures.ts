import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.consoleAuthFailures;

const meta = {
  id: 'cloudwatch-alarm-console-auth-failures',
  title: 'Console authentication failures raise an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'low',
  responsibility:
    'Noticing attempts to guess console passwords is your job. An alarm on failed console sign-ins shows brute-force attempts against your users.',
  risk: 'Repeated failed sign-ins are an early sign of password guessing; without an alarm, the attempts continue unseen until one succeeds.',
  remediation: alarmRemediation(pattern, 'ConsoleAuthenticationFailures'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmConsoleAuthFailures: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
