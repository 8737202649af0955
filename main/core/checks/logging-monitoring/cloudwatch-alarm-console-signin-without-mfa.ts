import type { Check } from '../types.ts';
import { evaluateAlarmChain } from './support/alarm-chain.ts';
import { ALARM_NEEDS, ALARM_REFERENCES, alarmRemediation } from './support/alarm-meta.ts';
import { CIS_PATTERNS } from './support/cis-patterns.ts';

const pattern = CIS_PATTERNS.consoleSigninWithoutMfa;

const meta = {
  id: 'cloudwatch-alarm-console-signin-without-mfa',
  title: 'Console sign-in without MFA raises an alarm',
  area: 'logging-monitoring',
  service: 'cloudwatch',
  severity: 'medium',
  responsibility:
    'Knowing when someone signs in to the console with only a password is your job. An alarm on sign-ins without MFA surfaces accounts that bypass your strongest login control.',
  risk: 'A stolen password is enough for a sign-in without MFA; without an alarm, such sign-ins blend in with normal activity.',
  remediation: alarmRemediation(pattern, 'ConsoleSigninWithoutMFA'),
  references: ALARM_REFERENCES,
} as const satisfies Check['meta'];

export const cloudwatchAlarmConsoleSigninWithoutMfa: Check = {
  meta,
  needs: ALARM_NEEDS,
  evaluate: (snap) => evaluateAlarmChain(meta, snap, pattern),
};
