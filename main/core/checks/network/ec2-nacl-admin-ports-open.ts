import type { NetworkAcl } from '@aws-sdk/client-ec2';
import { worldIngress } from '../../exposure/nacl.ts';
import { accountResource, evidence, finding, missingField, notAssessed, tagName } from '../helpers.ts';
import type { Check } from '../types.ts';
import { listText } from './support/world-open.ts';

const meta = {
  id: 'ec2-nacl-admin-ports-open',
  title: 'Network ACLs do not let SSH or RDP in from the internet',
  area: 'network',
  service: 'ec2',
  severity: 'medium',
  responsibility:
    'Your network ACLs are a second fence around your subnets, and setting them is your job. They should not let remote administration traffic (SSH 22, RDP 3389) in from 0.0.0.0/0 or ::/0.',
  risk: 'With the subnet ACL open, one permissive security group is all it takes to expose administration ports to the internet.',
  remediation: {
    console: 'VPC console > Network ACLs > select > Inbound rules > Edit: add DENY rules for ports 22 and 3389 from 0.0.0.0/0 and ::/0 numbered before any ALLOW that covers them, or narrow the ALLOW sources.',
    cli: 'aws ec2 create-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number 50 --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny',
    terraform: 'resource "aws_network_acl_rule" "deny_ssh" {\n  network_acl_id = aws_network_acl.main.id\n  rule_number    = 50\n  egress         = false\n  protocol       = "tcp"\n  rule_action    = "deny"\n  cidr_block     = "0.0.0.0/0"\n  from_port      = 22\n  to_port        = 22\n}',
  },
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21',
    'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html',
  ],
} as const satisfies Check['meta'];

const PROBES = (['ipv4', 'ipv6'] as const).flatMap((family) => (['tcp', 'udp'] as const).flatMap((protocol) => [22, 3389].map((port) => ({ family, protocol, port }))));

export const ec2NaclAdminPortsOpen: Check = {
  meta,
  needs: ['ec2:DescribeNetworkAcls'],
  evaluate(snap) {
    return snap.meta.regions.flatMap((region) => {
      const label = `Network ACLs (${region})`;
      const read = snap.read<NetworkAcl[]>('ec2:DescribeNetworkAcls', region);
      if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, region, label), read)];
      if (read.data.length === 0) return [finding(meta, snap, accountResource(snap, region, label), 'NOT_APPLICABLE', `No network ACLs in ${region}.`)];
      return read.data.map((acl) => {
        const id = acl.NetworkAclId ?? '';
        const resource = { id, arn: `arn:${snap.meta.partition}:ec2:${region}:${acl.OwnerId ?? snap.meta.accountId}:network-acl/${id}`, name: tagName(acl.Tags) ?? id, region };
        if (acl.Entries === undefined) return missingField(meta, snap, resource, read, 'Entries');
        const subnets = (acl.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : []));
        const proof = [evidence(read, { NetworkAclId: id, VpcId: acl.VpcId, IsDefault: acl.IsDefault, Subnets: subnets, IngressEntries: acl.Entries.filter((e) => e.Egress !== true) })];
        const verdicts = PROBES.map((p) => worldIngress(acl, p.family, p.protocol, p.port));
        const open = verdicts.filter((v) => v.verdict === 'allow').map((v) => v.text);
        if (open.length === 0) {
          const shadowed = verdicts.filter((v) => v.shadowed.length > 0).map((v) => v.text);
          const note = shadowed.length > 0 ? ` Shadowed allows do not count: ${listText(shadowed, 3)}.` : '';
          return finding(meta, snap, resource, 'PASS', `${id} does not let SSH (22) or RDP (3389) in from 0.0.0.0/0 or ::/0.${note}`, proof);
        }
        const where = subnets.length > 0 ? `It applies to ${listText(subnets, 5)}.` : 'It is not associated with any subnet, so it filters nothing today; severity lowered to low.';
        // Security Hub's EC2.21 skips default ACLs; CIS counts every ACL. Say which this is.
        const which = acl.IsDefault ? ' This is the VPC\'s default network ACL, which AWS creates allowing all traffic (CIS counts it; Security Hub EC2.21 does not report default ACLs).' : '';
        const f = finding(meta, snap, resource, 'FAIL', `${id} lets administration traffic in from the internet: ${listText(open, 4)}. ${where}${which}`, proof);
        if (subnets.length === 0) f.severity = 'low';
        return f;
      });
    });
  },
};
