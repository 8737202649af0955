import type { HubState } from '../../collect/securityhub-status.ts';
import { ORG_SERVICE_PRINCIPALS } from '../../collect/organizations.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { offLocally, ORG_NEEDS } from './support/organization.ts';

const meta = {
  id: 'securityhub-hub-enabled',
  title: 'Security Hub is enabled in every region',
  area: 'logging-monitoring',
  service: 'securityhub',
  severity: 'medium',
  responsibility:
    'Bringing your security findings together is your job. Security Hub collects findings from GuardDuty, Inspector, Config and others and runs continuous control checks, but only in regions where you enable it.',
  risk: 'Without Security Hub, findings stay scattered across services and regions, control checks do not run, and problems are found late or not at all.',
  remediation: {
    console: 'Security Hub console (in each region) > Go to Security Hub > Enable Security Hub; in an organization, use central configuration from the delegated administrator to enable it everywhere.',
    cli: 'aws securityhub enable-security-hub --enable-default-standards --region <region>',
    terraform: 'resource "aws_securityhub_account" "main" {}',
  },
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html'],
} as const satisfies Check['meta'];

export const securityhubHubEnabled: Check = {
  meta,
  needs: ['securityhub:DescribeHub', ...ORG_NEEDS],
  evaluate(snap) {
    return snap.meta.regions.map((region) => {
      const resource = accountResource(snap, region, 'Security Hub');
      const hub = snap.read<HubState>('securityhub:DescribeHub', region);
      if (!hub.ok) return notAssessed(meta, snap, resource, hub);
      if (hub.data.subscribed) {
        const since = hub.data.SubscribedAt ? ` since ${hub.data.SubscribedAt}` : '';
        return finding(meta, snap, resource, 'PASS', `Security Hub is enabled in ${region}${since}.`, [evidence(hub, hub.data)]);
      }
      // "Not subscribed" is Security Hub's own answer that it is off: a finding, not an unread value.
      return offLocally(meta, snap, resource, [ORG_SERVICE_PRINCIPALS.securityhub], 'Security Hub', `Security Hub is not enabled in ${region}`, [evidence(hub, hub.data)]);
    });
  },
};
