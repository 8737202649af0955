import type { InstanceInformation } from '@aws-sdk/client-ssm';
import { indexBy, isoOf } from '../../maintenance/data.ts';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { perLiveInstance } from './support/instance-check.ts';

const meta = {
  id: 'ssm-agent-online',
  title: 'Systems Manager agents of running instances are online',
  area: 'compute-maintenance',
  service: 'ssm',
  severity: 'medium',
  responsibility:
    'Keeping the Systems Manager agent on your running instances working is your job: patching, inventory and remote commands only reach an instance whose agent is connected.',
  risk: 'A running instance whose agent has lost its connection silently drops out of patching and compliance reporting while still serving traffic.',
  remediation: {
    console:
      'Systems Manager console > Fleet Manager: check the node\'s ping status. On the instance, restart the amazon-ssm-agent service and check its log; confirm the instance profile and the network path to the Systems Manager endpoints.',
    cli: 'aws ssm describe-instance-information --filters Key=InstanceIds,Values=<id>',
  },
  references: ['https://docs.aws.amazon.com/systems-manager/latest/userguide/troubleshooting-managed-nodes.html'],
} as const satisfies Check['meta'];

export const ssmAgentOnline: Check = {
  meta,
  needs: ['ec2:DescribeInstances', 'ssm:DescribeInstanceInformation'],
  evaluate(snap) {
    return perLiveInstance(meta, snap, ({ region, instance, resource }) => {
      const ssm = snap.read<InstanceInformation[]>('ssm:DescribeInstanceInformation', region);
      if (!ssm.ok) return notAssessed(meta, snap, resource, ssm);
      const info = indexBy(ssm.data, (i) => i.InstanceId).get(resource.id);
      if (!info) return finding(meta, snap, resource, 'NOT_APPLICABLE', `${resource.id} is not managed by Systems Manager (see ssm-instance-managed).`);
      const state = instance.State?.Name ?? 'unknown';
      // A stopped instance's agent is offline by design.
      if (state !== 'running') return finding(meta, snap, resource, 'NOT_APPLICABLE', `${resource.id} is ${state}: its agent cannot be online.`);
      const proof = [evidence(ssm, { InstanceId: info.InstanceId, PingStatus: info.PingStatus, LastPingDateTime: isoOf(info.LastPingDateTime) })];
      if (info.PingStatus === 'Online') return finding(meta, snap, resource, 'PASS', `The agent on ${resource.id} is online.`, proof);
      if (info.PingStatus === 'ConnectionLost' || info.PingStatus === 'Inactive') {
        const last = isoOf(info.LastPingDateTime);
        return finding(meta, snap, resource, 'FAIL', `${resource.id} is running but its agent is ${info.PingStatus}${last ? ` (last ping ${last})` : ''}.`, proof);
      }
      return missingField(meta, snap, resource, ssm, 'PingStatus');
    });
  },
};
