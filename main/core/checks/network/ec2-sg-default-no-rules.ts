import type { SecurityGroup } from '@aws-sdk/client-ec2';
import { accountResource, evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { groupUsage, USAGE_DATASETS } from './support/usage.ts';
import { sgResource } from './support/world-open.ts';

const meta = {
  id: 'ec2-sg-default-no-rules',
  title: 'Default security groups allow no traffic',
  area: 'network',
  service: 'ec2',
  severity: 'medium',
  responsibility:
    'Making sure nothing is protected by accident is your job. Every VPC\'s default security group should have no inbound and no outbound rules, so resources launched without a chosen group get no network access.',
  risk: 'Resources launched without an explicit group land in the default group and silently talk to everything else in it, and out to the internet.',
  remediation: {
    console: 'VPC console > Security groups > the group named "default" in each VPC > move any resources to purpose-built groups, then delete every inbound and outbound rule.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <default-sg-id> --ip-permissions \'[{"IpProtocol":"-1","UserIdGroupPairs":[{"GroupId":"<default-sg-id>"}]}]\' && aws ec2 revoke-security-group-egress --group-id <default-sg-id> --ip-permissions \'[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]\'',
    terraform: 'resource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n  # no ingress or egress blocks: all rules are removed\n}',
  },
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2',
    'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
  ],
} as const satisfies Check['meta'];

export const ec2SgDefaultNoRules: Check = {
  meta,
  needs: ['ec2:DescribeSecurityGroups', ...USAGE_DATASETS],
  evaluate(snap) {
    return snap.meta.regions.flatMap((region) => {
      const label = `Default security groups (${region})`;
      const read = snap.read<SecurityGroup[]>('ec2:DescribeSecurityGroups', region);
      if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, region, label), read)];
      // Only a VPC's group is named "default" by AWS, and it cannot be renamed or deleted.
      const defaults = read.data.filter((g) => g.GroupName === 'default' && g.VpcId);
      if (defaults.length === 0) return [finding(meta, snap, accountResource(snap, region, label), 'NOT_APPLICABLE', `No VPC default security group in ${region}.`)];
      const usage = groupUsage(snap, region);
      return defaults.map((g) => {
        const resource = sgResource(snap, region, g);
        if (g.IpPermissions === undefined) return missingField(meta, snap, resource, read, 'IpPermissions');
        if (g.IpPermissionsEgress === undefined) return missingField(meta, snap, resource, read, 'IpPermissionsEgress');
        const proof = evidence(read, { GroupId: resource.id, VpcId: g.VpcId, IpPermissions: g.IpPermissions, IpPermissionsEgress: g.IpPermissionsEgress });
        const inbound = g.IpPermissions.length;
        const outbound = g.IpPermissionsEgress.length;
        if (inbound === 0 && outbound === 0) {
          return finding(meta, snap, resource, 'PASS', `The default security group ${resource.id} of ${g.VpcId} has no rules.`, [proof]);
        }
        const use = usage(resource.id);
        const note = use.state === 'used' ? ' Move those resources to purpose-built groups before removing the rules.' : '';
        return finding(
          meta,
          snap,
          resource,
          'FAIL',
          `The default security group ${resource.id} of ${g.VpcId} has ${inbound} inbound and ${outbound} outbound rule(s). ${use.text}${note}`,
          [proof, ...use.proof],
        );
      });
    });
  },
};
