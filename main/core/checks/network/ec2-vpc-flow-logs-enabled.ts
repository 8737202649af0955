import type { FlowLog, Vpc } from '@aws-sdk/client-ec2';
import { accountResource, evidence, finding, missingField, notAssessed, tagName } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'ec2-vpc-flow-logs-enabled',
  title: 'VPC flow logs record rejected traffic in every VPC',
  area: 'network',
  service: 'ec2',
  severity: 'medium',
  responsibility:
    'Keeping a record of network traffic is your job. Each VPC should have an active flow log capturing at least rejected traffic (ALL or REJECT), so probing and blocked attacks leave a trace.',
  risk: 'Without flow logs there is no record of who connected to what, which makes detecting scans and investigating an incident guesswork.',
  remediation: {
    console: 'VPC console > Your VPCs > select > Flow logs > Create flow log: Filter "Reject" (or "All"), destination CloudWatch Logs or S3.',
    cli: 'aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type REJECT --log-destination-type s3 --log-destination arn:aws:s3:::<bucket>',
    terraform: 'resource "aws_flow_log" "vpc" {\n  vpc_id               = aws_vpc.main.id\n  traffic_type         = "REJECT"\n  log_destination_type = "s3"\n  log_destination      = aws_s3_bucket.flow_logs.arn\n}',
  },
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6',
    'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
  ],
} as const satisfies Check['meta'];

export const ec2VpcFlowLogsEnabled: Check = {
  meta,
  needs: ['ec2:DescribeVpcs', 'ec2:DescribeFlowLogs'],
  evaluate(snap) {
    return snap.meta.regions.flatMap((region) => {
      const label = `VPCs (${region})`;
      const vpcs = snap.read<Vpc[]>('ec2:DescribeVpcs', region);
      if (!vpcs.ok) return [notAssessed(meta, snap, accountResource(snap, region, label), vpcs)];
      if (vpcs.data.length === 0) return [finding(meta, snap, accountResource(snap, region, label), 'NOT_APPLICABLE', `No VPCs in ${region}.`)];
      const logs = snap.read<FlowLog[]>('ec2:DescribeFlowLogs', region);
      return vpcs.data.map((vpc) => {
        const id = vpc.VpcId ?? '';
        const resource = { id, arn: `arn:${snap.meta.partition}:ec2:${region}:${vpc.OwnerId ?? snap.meta.accountId}:vpc/${id}`, name: tagName(vpc.Tags) ?? id, region };
        if (!logs.ok) return notAssessed(meta, snap, resource, logs);
        const mine = logs.data.filter((l) => l.ResourceId === id);
        const proof = [evidence(logs, { VpcId: id, FlowLogs: mine.map((l) => ({ FlowLogId: l.FlowLogId, TrafficType: l.TrafficType, FlowLogStatus: l.FlowLogStatus, DeliverLogsStatus: l.DeliverLogsStatus, LogDestination: l.LogDestination ?? l.LogGroupName })) })];
        // ACTIVE is the only status a flow log reports once created.
        const active = mine.filter((l) => l.FlowLogStatus === undefined || l.FlowLogStatus === 'ACTIVE');
        const rejects = active.filter((l) => l.TrafficType === 'ALL' || l.TrafficType === 'REJECT');
        const delivering = rejects.filter((l) => l.DeliverLogsStatus !== 'FAILED');
        if (delivering.length > 0) {
          return finding(meta, snap, resource, 'PASS', `${id} has an active flow log capturing ${delivering[0]?.TrafficType} traffic (${delivering[0]?.FlowLogId}).`, proof);
        }
        if (rejects.length > 0) {
          const error = rejects[0]?.DeliverLogsErrorMessage ?? 'no error message';
          return finding(meta, snap, resource, 'FAIL', `${id}'s flow log ${rejects[0]?.FlowLogId} exists but is failing to deliver logs (${error}).`, proof);
        }
        if (active.some((l) => l.TrafficType === undefined)) return missingField(meta, snap, resource, logs, 'TrafficType');
        const why = mine.length === 0 ? 'has no flow log' : `has flow logs that capture only ${[...new Set(active.map((l) => l.TrafficType))].join(', ') || 'nothing active'} traffic, not rejected traffic`;
        return finding(meta, snap, resource, 'FAIL', `${id}${vpc.IsDefault ? ' (the default VPC)' : ''} ${why}.`, proof);
      });
    });
  },
};
