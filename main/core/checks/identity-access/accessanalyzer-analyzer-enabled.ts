import { EXTERNAL_ACCESS_TYPES, type StoredAnalyzer } from '../../collect/accessanalyzer.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'accessanalyzer-analyzer-enabled',
  title: 'An IAM Access Analyzer external access analyzer is active in every region',
  area: 'identity-access',
  service: 'accessanalyzer',
  severity: 'medium',
  responsibility:
    'Knowing which of your resources are shared outside your account is your job. Keep an active external access analyzer (account or organization) in every region you use.',
  risk: 'Without an analyzer, a bucket, key, queue or role opened to another account or to the public goes unnoticed.',
  remediation: {
    console: 'IAM > Access analyzer > Create analyzer > External access, zone of trust: this account or your organization; repeat in each region.',
    cli: 'aws accessanalyzer create-analyzer --analyzer-name external-access --type ACCOUNT --region <region>',
    terraform: 'resource "aws_accessanalyzer_analyzer" "external" {\n  analyzer_name = "external-access"\n  type          = "ACCOUNT"\n}',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-28',
  ],
} as const satisfies Check['meta'];

export const accessanalyzerAnalyzerEnabled: Check = {
  meta,
  needs: ['access-analyzer:ListAnalyzers'],
  evaluate(snap) {
    return snap.meta.regions.map((region) => {
      const resource = accountResource(snap, region, 'IAM Access Analyzer');
      const read = snap.read<StoredAnalyzer[]>('access-analyzer:ListAnalyzers', region);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const proof = [evidence(read, read.data.map((a) => ({ name: a.name, type: a.type, status: a.status, statusReason: a.statusReason })))];
      const active = read.data.filter((a) => EXTERNAL_ACCESS_TYPES.has(a.type) && a.status === 'ACTIVE');
      if (active.length > 0) return finding(meta, snap, resource, 'PASS', `External access analyzer ${active.map((a) => `${a.name} (${a.type})`).join(', ')} is active.`, proof);
      const others = read.data.map((a) => `${a.name} (${a.type}, ${a.status})`);
      const why = others.length === 0 ? 'No analyzer exists in this region' : `No active external access analyzer; found ${others.join(', ')}`;
      // A delegated administrator's organization analyzer does not show in a member account's list.
      return finding(meta, snap, resource, 'FAIL', `${why}. (An organization analyzer run from a delegated administrator account is not visible here.)`, proof);
    });
  },
};
