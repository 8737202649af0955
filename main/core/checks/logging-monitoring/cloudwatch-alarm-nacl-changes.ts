import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.naclChanges;

const meta = {
  id: 'cloudwatch-alarm-nacl-changes',
  title: 'Network ACL changes raise an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'low',
  responsibility:
    'Knowing when subnet-level traffic rules change is your job. An alarm on network ACL changes catches rules that open or cut off whole subnets.',
  risk: 'A permissive network ACL entry removes a layer of protection for every instance in the subnet, unnoticed without an alarm.',
  remediation: alarmRemediation(pattern, 'NACLChanges'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmNaclChanges: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
