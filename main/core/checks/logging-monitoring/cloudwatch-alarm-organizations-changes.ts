import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.organizationsChanges;

const meta = {
  id: 'cloudwatch-alarm-organizations-changes',
  title: 'AWS Organizations changes raise an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'low',
  responsibility:
    'Knowing when your organization\'s structure and policies change is your job. An alarm on Organizations changes catches accounts leaving, policies being detached and new accounts appearing.',
  risk: 'Detaching a service control policy or moving an account removes guardrails across accounts; without an alarm, the change is found late. (Relevant in the management account.)',
  remediation: alarmRemediation(pattern, 'OrganizationsChanges'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmOrganizationsChanges: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
