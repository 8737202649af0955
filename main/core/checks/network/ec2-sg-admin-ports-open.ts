import type { IpPermission } from '@aws-sdk/client-ec2';
import { opensPort, worldOpenRules } from '../../exposure/sg-rules.ts';
import type { Check } from '../types.ts';
import { USAGE_DATASETS } from './support/usage.ts';
import { evaluateWorldOpen, listText } from './support/world-open.ts';

const meta = {
  id: 'ec2-sg-admin-ports-open',
  title: 'Security groups do not open SSH or RDP to the internet',
  area: 'network',
  service: 'ec2',
  severity: 'high',
  responsibility:
    'Deciding who can reach your servers is your job. Remote administration ports (SSH 22, RDP 3389) should only be reachable from known addresses or through Session Manager.',
  risk: 'Administration ports open to 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes of exposure.',
  remediation: {
    console: 'VPC console > Security groups > select > Inbound rules > Edit: remove 0.0.0.0/0 and ::/0 sources on ports 22 and 3389; use Session Manager or a known CIDR.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port 22 --cidr 0.0.0.0/0',
    terraform: 'ingress {\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["203.0.113.0/24"] # a known range, never 0.0.0.0/0\n}',
  },
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-53',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-54',
  ],
} as const satisfies Check['meta'];

const ADMIN_PORTS = [22, 3389];

/** The admin ports this rule opens to the whole internet, as "22/tcp from 0.0.0.0/0" (TCP, UDP or all traffic, as CIS counts them). */
export function worldOpenAdminPorts(p: IpPermission): string[] {
  return worldOpenRules(p).flatMap((rule) =>
    ADMIN_PORTS.filter((port) => opensPort(rule, port)).map((port) => `${port}/${rule.protocol === 'all' ? 'all traffic' : rule.protocol} from ${rule.source}`),
  );
}

export const ec2SgAdminPortsOpen: Check = {
  meta,
  needs: ['ec2:DescribeSecurityGroups', ...USAGE_DATASETS],
  evaluate(snap) {
    return evaluateWorldOpen(
      meta,
      snap,
      (open) => {
        const rules = open.filter(({ rule }) => ADMIN_PORTS.some((port) => opensPort(rule, port)));
        return rules.length === 0 ? undefined : { rules, what: listText(rules.flatMap(({ permission }) => worldOpenAdminPorts(permission))) };
      },
      'does not open SSH (22) or RDP (3389) to 0.0.0.0/0 or ::/0.',
    );
  },
};
