import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.unauthorizedApiCalls;

const meta = {
  id: 'cloudwatch-alarm-unauthorized-api-calls',
  title: 'Unauthorized API calls raise an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'low',
  responsibility:
    'Noticing when someone tries what they are not allowed to do is your job. A metric filter and alarm on AccessDenied and UnauthorizedOperation errors in your CloudTrail log tells your team within minutes.',
  risk: 'An intruder probing stolen credentials produces bursts of denied calls; without an alarm, the probing goes unseen until something succeeds.',
  remediation: alarmRemediation(pattern, 'UnauthorizedAPICalls'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmUnauthorizedApiCalls: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
