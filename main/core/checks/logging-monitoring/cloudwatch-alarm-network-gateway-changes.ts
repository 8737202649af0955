import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.networkGatewayChanges;

const meta = {
  id: 'cloudwatch-alarm-network-gateway-changes',
  title: 'Network gateway changes raise an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'low',
  responsibility:
    'Knowing when paths in and out of your networks change is your job. An alarm on internet and customer gateway changes catches new routes to the outside.',
  risk: 'A new or re-attached internet gateway can expose a private network; without an alarm, the new path goes unnoticed.',
  remediation: alarmRemediation(pattern, 'NetworkGatewayChanges'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmNetworkGatewayChanges: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
