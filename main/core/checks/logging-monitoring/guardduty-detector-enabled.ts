import type { DetectorState } from '../../collect/guardduty.ts';
import { ORG_SERVICE_PRINCIPALS } from '../../collect/organizations.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { offLocally, ORG_NEEDS } from './support/organization.ts';

const meta = {
  id: 'guardduty-detector-enabled',
  title: 'GuardDuty is enabled in every region',
  area: 'logging-monitoring',
  service: 'guardduty',
  severity: 'high',
  responsibility:
    'Turning on threat detection is your job. GuardDuty watches your account activity, network traffic and DNS for signs of compromise, but only in the regions where you enable it, including regions you do not use.',
  risk: 'Without GuardDuty, compromised credentials, crypto-mining instances and calls from known-malicious addresses raise no finding; attackers favour the regions nobody watches.',
  remediation: {
    console: 'GuardDuty console (in each region) > Get started > Enable GuardDuty; in an organization, let the delegated administrator enable it for all member accounts and regions.',
    cli: 'aws guardduty create-detector --enable --region <region>',
    terraform: 'resource "aws_guardduty_detector" "main" {\n  enable = true\n}',
  },
  references: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html', 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html'],
} as const satisfies Check['meta'];

export const guarddutyDetectorEnabled: Check = {
  meta,
  needs: ['guardduty:ListDetectors', 'guardduty:GetDetector', ...ORG_NEEDS],
  evaluate(snap) {
    return snap.meta.regions.map((region) => {
      const resource = accountResource(snap, region, 'GuardDuty');
      const list = snap.read<string[]>('guardduty:ListDetectors', region);
      if (!list.ok) return notAssessed(meta, snap, resource, list);
      if (list.data.length === 0) {
        return offLocally(meta, snap, resource, [ORG_SERVICE_PRINCIPALS.guardduty], 'GuardDuty', `GuardDuty has no detector in ${region}, so it is not enabled there`, [evidence(list, { DetectorIds: [] })]);
      }
      const states = list.data.map((id) => ({ id, read: snap.read<DetectorState>('guardduty:GetDetector', region, id) }));
      const enabled = states.find((s) => s.read.ok && s.read.data.Status === 'ENABLED');
      if (enabled?.read.ok) {
        return finding(meta, snap, resource, 'PASS', `GuardDuty detector ${enabled.id} is enabled in ${region}.`, [evidence(enabled.read, { DetectorId: enabled.id, ...enabled.read.data })]);
      }
      const failed = states.find((s) => !s.read.ok);
      if (failed && !failed.read.ok) return notAssessed(meta, snap, resource, failed.read);
      const proof = states.flatMap((s) => (s.read.ok ? [evidence(s.read, { DetectorId: s.id, Status: s.read.data.Status, UpdatedAt: s.read.data.UpdatedAt })] : []));
      return finding(meta, snap, resource, 'FAIL', `GuardDuty is suspended in ${region}: detector ${list.data.join(', ')} exists but is not ENABLED, so nothing is monitored.`, proof);
    });
  },
};
