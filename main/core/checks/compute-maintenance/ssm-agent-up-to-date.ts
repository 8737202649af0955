import type { InstanceInformation } from '@aws-sdk/client-ssm';
import { indexBy } from '../../maintenance/data.ts';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { perLiveInstance } from './support/instance-check.ts';

const meta = {
  id: 'ssm-agent-up-to-date',
  title: 'Systems Manager agents are the latest version',
  area: 'compute-maintenance',
  service: 'ssm',
  severity: 'low',
  responsibility:
    'Updating the Systems Manager agent on your instances is your job (AWS publishes new versions; it does not install them for you unless you ask it to).',
  risk: 'Old agents miss fixes, including security fixes, and newer Systems Manager features such as some patching options do not work with them.',
  remediation: {
    console: 'Systems Manager console > State Manager: create an association that runs AWS-UpdateSSMAgent on a schedule (or Fleet Manager > Quick Setup > "Update Systems Manager (SSM) Agent every two weeks").',
    cli: 'aws ssm create-association --name AWS-UpdateSSMAgent --targets Key=InstanceIds,Values=<id> --schedule-expression "rate(14 days)"',
    terraform: 'resource "aws_ssm_association" "update_agent" {\n  name                = "AWS-UpdateSSMAgent"\n  schedule_expression = "rate(14 days)"\n  targets {\n    key    = "InstanceIds"\n    values = ["*"]\n  }\n}',
  },
  references: ['https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-automatic-updates.html'],
} as const satisfies Check['meta'];

export const ssmAgentUpToDate: Check = {
  meta,
  needs: ['ec2:DescribeInstances', 'ssm:DescribeInstanceInformation'],
  evaluate(snap) {
    return perLiveInstance(meta, snap, ({ region, resource }) => {
      const ssm = snap.read<InstanceInformation[]>('ssm:DescribeInstanceInformation', region);
      if (!ssm.ok) return notAssessed(meta, snap, resource, ssm);
      const info = indexBy(ssm.data, (i) => i.InstanceId).get(resource.id);
      if (!info) return finding(meta, snap, resource, 'NOT_APPLICABLE', `${resource.id} is not managed by Systems Manager (see ssm-instance-managed).`);
      const proof = [evidence(ssm, { InstanceId: info.InstanceId, AgentVersion: info.AgentVersion, IsLatestVersion: info.IsLatestVersion })];
      if (info.IsLatestVersion === true) return finding(meta, snap, resource, 'PASS', `${resource.id} runs the latest agent (${info.AgentVersion ?? 'version not reported'}).`, proof);
      if (info.IsLatestVersion === false) {
        return finding(meta, snap, resource, 'FAIL', `${resource.id} runs an outdated Systems Manager agent (${info.AgentVersion ?? 'version not reported'}).`, proof);
      }
      return missingField(meta, snap, resource, ssm, 'IsLatestVersion');
    });
  },
};
