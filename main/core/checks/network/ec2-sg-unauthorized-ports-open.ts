import { carriesPorts, portText, withoutPorts } from '../../exposure/ports.ts';
import type { Check } from '../types.ts';
import { USAGE_DATASETS } from './support/usage.ts';
import { evaluateWorldOpen, listText } from './support/world-open.ts';

const meta = {
  id: 'ec2-sg-unauthorized-ports-open',
  title: 'Security groups open only authorized ports to the internet',
  area: 'network',
  service: 'ec2',
  severity: 'high',
  responsibility:
    'Agreeing which services may face the internet, and keeping to it, is your job. Only the ports authorized for this engagement (80 and 443 unless agreed otherwise) should be open to 0.0.0.0/0 or ::/0.',
  risk: 'Every extra port open to the internet is another service attackers can probe and exploit, usually one that was never meant to be public.',
  remediation: {
    console: 'VPC console > Security groups > select > Inbound rules > Edit: restrict the source of every rule from 0.0.0.0/0 or ::/0 that is not on an authorized port (80, 443), or remove it.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port <port> --cidr 0.0.0.0/0',
  },
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18'],
} as const satisfies Check['meta'];

export const ec2SgUnauthorizedPortsOpen: Check = {
  meta,
  needs: ['ec2:DescribeSecurityGroups', ...USAGE_DATASETS],
  evaluate(snap, ctx) {
    // The engagement's list applies to TCP and UDP alike: a consultant authorizes a service's port.
    const authorized = ctx.authorizedPorts;
    const shown = authorized.length > 0 ? authorized.join(', ') : 'none';
    return evaluateWorldOpen(
      meta,
      snap,
      (open) => {
        const found = open
          .filter(({ rule }) => carriesPorts(rule.protocol))
          .map((r) => ({ ...r, extra: withoutPorts(r.rule.ports, authorized) }))
          .filter((r) => r.extra.length > 0);
        if (found.length === 0) return undefined;
        const what = listText(found.map(({ rule, extra }) => `${rule.label} (unauthorized: ${listText(extra.map(portText), 4)})`), 4);
        return { rules: found, what: `${what}; authorized ports are ${shown}` };
      },
      `opens no port other than the authorized ones (${shown}) to 0.0.0.0/0 or ::/0.`,
    );
  },
};
