/**
 * The shape every "security group open to the internet" check shares: one finding per group per
 * region, FAIL naming the offending rules, the group's use stated, and a group nobody uses kept
 * as a FAIL but at low severity (the rule is still wrong; nothing is exposed through it today).
 */
import type { IpPermission, SecurityGroup } from '@aws-sdk/client-ec2';
import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { Finding } from '../../../../../shared/model/finding.ts';
import type { Snapshot } from '../../../engine/snapshot.ts';
import { groupOpenRules, type OpenRule } from '../../../exposure/sg-rules.ts';
import { accountResource, evidence, finding, missingField, notAssessed, type Resource } from '../../helpers.ts';
import { groupUsage } from './usage.ts';

export interface Offence {
  /** The rules at fault, with their permissions for the evidence. */
  rules: { rule: OpenRule; permission: IpPermission }[];
  /** What the group allows, completing "<group> allows ..." */
  what: string;
}

export function sgResource(snap: Snapshot, region: string, g: SecurityGroup): Resource {
  const id = g.GroupId ?? '';
  return {
    id,
    arn: g.SecurityGroupArn ?? `arn:${snap.meta.partition}:ec2:${region}:${g.OwnerId ?? snap.meta.accountId}:security-group/${id}`,
    name: g.GroupName ?? id,
    region,
  };
}

/**
 * Runs `judge` over every group's world-open ingress rules. `judge` returns undefined when none
 * of them offends; `passText` says what a passing group was checked for.
 */
export function evaluateWorldOpen(
  meta: CheckMeta,
  snap: Snapshot,
  judge: (open: { rule: OpenRule; permission: IpPermission }[], g: SecurityGroup) => Offence | undefined,
  passText: string,
): Finding[] {
  return snap.meta.regions.flatMap((region) => {
    const read = snap.read<SecurityGroup[]>('ec2:DescribeSecurityGroups', region);
    if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, region, `Security groups (${region})`), read)];
    if (read.data.length === 0) {
      return [finding(meta, snap, accountResource(snap, region, `Security groups (${region})`), 'NOT_APPLICABLE', `No security groups in ${region}.`)];
    }
    const usage = groupUsage(snap, region);
    return read.data.map((g) => {
      const resource = sgResource(snap, region, g);
      if (g.IpPermissions === undefined) return missingField(meta, snap, resource, read, 'IpPermissions');
      const offence = judge(groupOpenRules(g.IpPermissions), g);
      if (!offence) {
        return finding(meta, snap, resource, 'PASS', `${resource.id} ${passText}`, [
          evidence(read, { GroupId: resource.id, GroupName: g.GroupName, IngressRules: g.IpPermissions.length }),
        ]);
      }
      const use = usage(resource.id);
      const permissions = [...new Set(offence.rules.map((r) => r.permission))];
      const f = finding(meta, snap, resource, 'FAIL', `${resource.id} (${g.GroupName ?? ''}) allows ${offence.what}. ${use.text}`, [
        evidence(read, { GroupId: resource.id, GroupName: g.GroupName, VpcId: g.VpcId, IpPermissions: permissions }),
        ...use.proof,
      ]);
      if (use.state === 'unused') {
        f.severity = 'low';
        f.message += ' Severity lowered to low while unused.';
      }
      return f;
    });
  });
}

/** "a, b and 3 more" for messages. */
export function listText(items: readonly string[], max = 6): string {
  const unique = [...new Set(items)];
  return unique.length <= max ? unique.join(', ') : `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
}
