import { opensAllPorts } from '../../exposure/sg-rules.ts';
import type { Check } from '../types.ts';
import { USAGE_DATASETS } from './support/usage.ts';
import { evaluateWorldOpen, listText } from './support/world-open.ts';

const meta = {
  id: 'ec2-sg-all-traffic-open',
  title: 'Security groups do not open every port to the internet',
  area: 'network',
  service: 'ec2',
  severity: 'critical',
  responsibility:
    'Choosing what traffic reaches your resources is your job. A security group should open only the ports a service needs, never all traffic or every port to the whole internet.',
  risk: 'Every service on an attached resource, including databases, debug ports and management agents, is reachable by anyone on the internet.',
  remediation: {
    console: 'VPC console > Security groups > select > Inbound rules > Edit: replace "All traffic" / 0-65535 rules from 0.0.0.0/0 or ::/0 with rules for the specific ports and sources needed.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]',
    terraform: '# Remove ingress blocks with protocol = "-1" (or 0-65535) and cidr_blocks = ["0.0.0.0/0"]; list each needed port instead.',
  },
  references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html'],
} as const satisfies Check['meta'];

export const ec2SgAllTrafficOpen: Check = {
  meta,
  needs: ['ec2:DescribeSecurityGroups', ...USAGE_DATASETS],
  evaluate(snap) {
    return evaluateWorldOpen(
      meta,
      snap,
      (open) => {
        const rules = open.filter(({ rule }) => opensAllPorts(rule));
        return rules.length === 0 ? undefined : { rules, what: listText(rules.map(({ rule }) => rule.label)) };
      },
      'does not open all traffic or every port to 0.0.0.0/0 or ::/0.',
    );
  },
};
