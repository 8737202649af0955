import type { InstanceInformation } from '@aws-sdk/client-ssm';
import { indexBy } from '../../maintenance/data.ts';
import { evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { perLiveInstance } from './support/instance-check.ts';

const meta = {
  id: 'ssm-instance-managed',
  title: 'EC2 instances are managed by Systems Manager',
  area: 'compute-maintenance',
  service: 'ssm',
  severity: 'medium',
  responsibility:
    'Patching and configuring the operating system of your instances is your job. Registering every instance with AWS Systems Manager gives you one place to patch it, inventory it and run commands on it without opening SSH or RDP.',
  risk: 'An instance Systems Manager does not manage is usually patched by hand or not at all, and its operating system and software cannot be inventoried or checked for missing updates.',
  remediation: {
    console:
      'Systems Manager console > Fleet Manager: find the instance. Make sure the SSM Agent is installed and running, the instance profile has the AmazonSSMManagedInstanceCore policy (or turn on Default Host Management Configuration), and the instance can reach the ssm, ssmmessages and ec2messages endpoints.',
    cli: 'aws ec2 associate-iam-instance-profile --instance-id <id> --iam-instance-profile Name=<profile with AmazonSSMManagedInstanceCore>',
    terraform: 'resource "aws_iam_role_policy_attachment" "ssm" {\n  role       = aws_iam_role.instance.name\n  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"\n}',
  },
  references: [
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-setting-up-ec2.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html',
  ],
} as const satisfies Check['meta'];

export const ssmInstanceManaged: Check = {
  meta,
  needs: ['ec2:DescribeInstances', 'ssm:DescribeInstanceInformation'],
  evaluate(snap) {
    return perLiveInstance(meta, snap, ({ region, instance, resource }) => {
      const ssm = snap.read<InstanceInformation[]>('ssm:DescribeInstanceInformation', region);
      if (!ssm.ok) return notAssessed(meta, snap, resource, ssm);
      const info = indexBy(ssm.data, (i) => i.InstanceId).get(resource.id);
      const state = instance.State?.Name ?? 'unknown';
      if (info) {
        const proof = [evidence(ssm, { InstanceId: info.InstanceId, PingStatus: info.PingStatus, AgentVersion: info.AgentVersion, PlatformName: info.PlatformName })];
        return finding(meta, snap, resource, 'PASS', `${resource.id} is registered with Systems Manager (agent ${info.AgentVersion ?? 'version unknown'}, ${info.PingStatus ?? 'status unknown'}).`, proof);
      }
      // A stopped instance cannot register; like AWS Config's rule, only a running one is judged.
      if (state !== 'running') {
        return finding(meta, snap, resource, 'NOT_APPLICABLE', `${resource.id} is ${state} and not registered with Systems Manager; it is judged when it runs.`);
      }
      const proof = [evidence(ssm, { InstanceId: resource.id, found: false, managedNodesInRegion: ssm.data.length })];
      return finding(meta, snap, resource, 'FAIL', `${resource.id} is running but is not managed by Systems Manager.`, proof);
    });
  },
};
