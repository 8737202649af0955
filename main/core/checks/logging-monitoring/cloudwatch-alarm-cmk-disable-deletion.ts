import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.cmkDisableOrDeletion;

const meta = {
  id: 'cloudwatch-alarm-cmk-disable-deletion',
  title: 'Disabling or deleting customer managed KMS keys raises an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'low',
  responsibility:
    'Protecting the keys your data depends on is your job. An alarm on keys being disabled or scheduled for deletion gives you the waiting period to stop it.',
  risk: 'Data encrypted with a deleted key is lost for good; a key disabled by an intruder or by mistake stops every service that uses it.',
  remediation: alarmRemediation(pattern, 'DisableOrDeleteCMK'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmCmkDisableDeletion: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
