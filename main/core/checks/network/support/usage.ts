/**
 * Whether a security group is in use: attached to a network interface (which covers instances,
 * load balancers, RDS, Lambda and every other ENI owner), or named by a live instance or an RDS
 * instance. Unused only when the interface and instance answers were read and nothing names it;
 * otherwise in use, or unknown with the reason.
 */
import type { Instance, NetworkInterface } from '@aws-sdk/client-ec2';
import type { DBInstance } from '@aws-sdk/client-rds';
import type { Evidence } from '../../../../../shared/model/finding.ts';
import type { Read, Snapshot } from '../../../engine/snapshot.ts';
import { evidence } from '../../helpers.ts';

export interface GroupUsage {
  state: 'used' | 'unused' | 'unknown';
  /** Network interfaces and instances that carry the group. */
  attachedTo: string[];
  /** One sentence for a finding's message. */
  text: string;
  proof: Evidence[];
}

export const USAGE_DATASETS = ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeInstances', 'rds:DescribeDBInstances'] as const;

export function groupUsage(snap: Snapshot, region: string): (groupId: string) => GroupUsage {
  const enis = snap.read<NetworkInterface[]>('ec2:DescribeNetworkInterfaces', region);
  const instances = snap.read<Instance[]>('ec2:DescribeInstances', region);
  // On AWS an RDS instance's groups are on the ENI RDS creates; moto creates none, so the database
  // itself counts too. Optional: the interfaces already cover it, so a failed read is no unknown.
  const dbs = snap.read<DBInstance[]>('rds:DescribeDBInstances', region);
  const failed = [enis, instances].filter((r): r is Extract<Read<unknown>, { ok: false }> => !r.ok);
  return (groupId) => {
    const onEnis = enis.ok ? enis.data.filter((n) => (n.Groups ?? []).some((g) => g.GroupId === groupId)).map((n) => n.NetworkInterfaceId ?? '') : [];
    const onInstances = instances.ok
      ? instances.data.filter((i) => i.State?.Name !== 'terminated' && (i.SecurityGroups ?? []).some((g) => g.GroupId === groupId)).map((i) => i.InstanceId ?? '')
      : [];
    const onDbs = dbs.ok ? dbs.data.filter((d) => (d.VpcSecurityGroups ?? []).some((g) => g.VpcSecurityGroupId === groupId)).map((d) => d.DBInstanceIdentifier ?? '') : [];
    const attachedTo = [...new Set([...onEnis, ...onInstances, ...onDbs])];
    const proof = enis.ok ? [evidence(enis, { GroupId: groupId, NetworkInterfaces: onEnis })] : [];
    if (dbs.ok && onDbs.length > 0) proof.push(evidence(dbs, { GroupId: groupId, DBInstances: onDbs }));
    if (attachedTo.length > 0) {
      const shown = attachedTo.slice(0, 5).join(', ') + (attachedTo.length > 5 ? ` and ${attachedTo.length - 5} more` : '');
      return { state: 'used', attachedTo, text: `It is in use (attached to ${shown}).`, proof };
    }
    const first = failed[0];
    if (first) {
      return { state: 'unknown', attachedTo, text: `Whether it is in use could not be read (${first.call}: ${first.error.code}).`, proof };
    }
    return {
      state: 'unused',
      attachedTo,
      text: 'It is not attached to any network interface or instance, so nothing is reachable through it today, but anything later launched with it would be.',
      proof,
    };
  };
}
