import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.vpcChanges;

const meta = {
  id: 'cloudwatch-alarm-vpc-changes',
  title: 'VPC changes raise an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'low',
  responsibility:
    'Knowing when your networks and their peerings change is your job. An alarm on VPC creation, deletion, attribute and peering changes keeps network boundaries under watch.',
  risk: 'A new peering connection or changed VPC attribute can join networks that should stay apart; without an alarm, nobody reviews it.',
  remediation: alarmRemediation(pattern, 'VPCChanges'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmVpcChanges: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
