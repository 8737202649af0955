import type { EnabledStandards, HubState } from '../../collect/securityhub-status.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'securityhub-standards-enabled',
  title: 'Security Hub runs at least one security standard',
  area: 'logging-monitoring',
  service: 'securityhub',
  severity: 'info',
  responsibility:
    'Choosing what Security Hub checks is your job. Its control checks run only for the standards you enable, such as AWS Foundational Security Best Practices or the CIS AWS Foundations Benchmark.',
  risk: 'A Security Hub with no standard enabled collects other services\' findings but runs none of its own configuration checks.',
  remediation: {
    console: 'Security Hub console > Security standards > enable AWS Foundational Security Best Practices (and CIS AWS Foundations Benchmark if you report against it).',
    cli: 'aws securityhub batch-enable-standards --standards-subscription-requests StandardsArn=arn:aws:securityhub:<region>::standards/aws-foundational-security-best-practices/v/1.0.0',
    terraform: 'resource "aws_securityhub_standards_subscription" "fsbp" {\n  standards_arn = "arn:aws:securityhub:${var.region}::standards/aws-foundational-security-best-practices/v/1.0.0"\n}',
  },
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html'],
} as const satisfies Check['meta'];

/** arn:aws:securityhub:<region>::standards/<name>/v/<version> (CIS 1.2 uses ruleset/) -> "<name> v<version>". */
function standardName(arn: string | undefined): string {
  const m = /:(?:standards|ruleset)\/(.+)\/v\/([^/]+)$/.exec(arn ?? '');
  return m ? `${m[1]} v${m[2]}` : (arn ?? 'unknown standard');
}

export const securityhubStandardsEnabled: Check = {
  meta,
  needs: ['securityhub:DescribeHub', 'securityhub:GetEnabledStandards'],
  evaluate(snap) {
    return snap.meta.regions.map((region) => {
      const resource = accountResource(snap, region, 'Security Hub standards');
      const hub = snap.read<HubState>('securityhub:DescribeHub', region);
      if (!hub.ok) return notAssessed(meta, snap, resource, hub);
      if (!hub.data.subscribed) return finding(meta, snap, resource, 'NOT_APPLICABLE', `Security Hub is not enabled in ${region} (see securityhub-hub-enabled).`);
      const standards = snap.read<EnabledStandards>('securityhub:GetEnabledStandards', region);
      if (!standards.ok) return notAssessed(meta, snap, resource, standards);
      const list = standards.data.subscribed ? standards.data.StandardsSubscriptions : [];
      const excerpt = list.map((s) => ({ StandardsArn: s.StandardsArn, StandardsStatus: s.StandardsStatus }));
      const running = list.filter((s) => s.StandardsStatus === 'READY' || s.StandardsStatus === 'INCOMPLETE' || s.StandardsStatus === 'PENDING');
      if (running.length === 0) {
        const state = list.length === 0 ? 'no standard is enabled' : `its standards are ${list.map((s) => `${standardName(s.StandardsArn)}: ${s.StandardsStatus}`).join(', ')}`;
        return finding(meta, snap, resource, 'FAIL', `Security Hub runs no control checks in ${region}: ${state}.`, [evidence(standards, excerpt)]);
      }
      const names = running.map((s) => `${standardName(s.StandardsArn)} (${s.StandardsStatus})`).join(', ');
      return finding(meta, snap, resource, 'PASS', `Security Hub in ${region} runs ${names}.`, [evidence(standards, excerpt)]);
    });
  },
};
