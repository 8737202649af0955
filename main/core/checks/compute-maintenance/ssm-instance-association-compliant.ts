import type { Instance } from '@aws-sdk/client-ec2';
import type { ResourceComplianceSummaryItem } from '@aws-sdk/client-ssm';
import { indexBy, isoOf } from '../../maintenance/data.ts';
import { accountResource, evidence, finding, notAssessed, tagName, type Resource } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'ssm-instance-association-compliant',
  title: 'State Manager associations on managed instances are compliant',
  area: 'compute-maintenance',
  service: 'ssm',
  severity: 'low',
  responsibility:
    'The configuration you enforce with Systems Manager State Manager (agents, hardening, software) is yours to keep working: a failed association means the instance no longer has the state you asked for.',
  risk: 'A failing association silently stops enforcing its configuration, for example an agent update, an anti-malware install or a hardening baseline.',
  remediation: {
    console: 'Systems Manager console > State Manager: open the association, look at its execution history for the instance, fix the cause and apply it again.',
    cli: 'aws ssm list-compliance-items --resource-ids <id> --resource-types ManagedInstance --filters Key=ComplianceType,Values=Association',
  },
  references: [
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/compliance-about.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html',
  ],
} as const satisfies Check['meta'];

export const ssmInstanceAssociationCompliant: Check = {
  meta,
  needs: ['ssm:ListResourceComplianceSummaries', 'ec2:DescribeInstances'],
  evaluate(snap) {
    return snap.meta.regions.flatMap((region) => {
      const read = snap.read<ResourceComplianceSummaryItem[]>('ssm:ListResourceComplianceSummaries', region);
      const where = accountResource(snap, region, `State Manager associations (${region})`);
      if (!read.ok) return [notAssessed(meta, snap, where, read)];
      const items = read.data.filter((i) => i.ComplianceType === 'Association' && i.ResourceId);
      if (items.length === 0) return [finding(meta, snap, where, 'NOT_APPLICABLE', `No managed node in ${region} reports association compliance.`)];
      const instances = snap.read<Instance[]>('ec2:DescribeInstances', region);
      const byId = indexBy(instances.ok ? instances.data : [], (i) => i.InstanceId);
      return items.map((item) => {
        const id = item.ResourceId as string;
        const { accountId, partition } = snap.meta;
        const arn = id.startsWith('i-') ? `arn:${partition}:ec2:${region}:${accountId}:instance/${id}` : `arn:${partition}:ssm:${region}:${accountId}:managed-instance/${id}`;
        const resource: Resource = { id, arn, name: tagName(byId.get(id)?.Tags) ?? id, region };
        const proof = [
          evidence(read, {
            ResourceId: id,
            ResourceType: item.ResourceType,
            Status: item.Status,
            OverallSeverity: item.OverallSeverity,
            NonCompliantCount: item.NonCompliantSummary?.NonCompliantCount ?? null,
            ExecutionTime: isoOf(item.ExecutionSummary?.ExecutionTime),
          }),
        ];
        if (item.Status === 'COMPLIANT') return finding(meta, snap, resource, 'PASS', `Every State Manager association on ${id} is compliant.`, proof);
        if (item.Status === 'NON_COMPLIANT') {
          const n = item.NonCompliantSummary?.NonCompliantCount;
          return finding(meta, snap, resource, 'FAIL', `${n ?? 'Some'} State Manager association(s) on ${id} are non-compliant (severity ${item.OverallSeverity ?? 'unspecified'}).`, proof);
        }
        return notAssessed(meta, snap, resource, { ok: false, call: read.call, region, error: { kind: 'malformed-response', code: 'MissingField', message: 'Status was absent from the response' } });
      });
    });
  },
};
