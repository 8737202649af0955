import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.routeTableChanges;

const meta = {
  id: 'cloudwatch-alarm-route-table-changes',
  title: 'Route table changes raise an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'low',
  responsibility:
    'Knowing where your network traffic is sent is your job. An alarm on route table changes catches traffic being redirected.',
  risk: 'A changed route can send traffic through a host an intruder controls or expose private subnets; without an alarm, it persists.',
  remediation: alarmRemediation(pattern, 'RouteTableChanges'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmRouteTableChanges: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
