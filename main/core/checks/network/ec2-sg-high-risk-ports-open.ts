import { opensPort } from '../../exposure/sg-rules.ts';
import type { Check } from '../types.ts';
import { USAGE_DATASETS } from './support/usage.ts';
import { evaluateWorldOpen, listText } from './support/world-open.ts';

const meta = {
  id: 'ec2-sg-high-risk-ports-open',
  title: 'Security groups do not open database, cache or other high-risk ports to the internet',
  area: 'network',
  service: 'ec2',
  severity: 'critical',
  responsibility:
    'Keeping internal services internal is your job. Databases, caches, file sharing, remote administration and development servers should only be reachable from your own networks.',
  risk: 'These services are the first thing internet-wide scanners probe; an exposed database or cache is routinely found, emptied or ransomed within hours.',
  remediation: {
    console: 'VPC console > Security groups > select > Inbound rules > Edit: replace 0.0.0.0/0 and ::/0 sources on these ports with the security groups or CIDRs of the clients that need them.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port <port> --cidr 0.0.0.0/0',
    terraform: 'ingress {\n  from_port       = 5432\n  to_port         = 5432\n  protocol        = "tcp"\n  security_groups = [aws_security_group.app.id] # not cidr_blocks = ["0.0.0.0/0"]\n}',
  },
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19'],
} as const satisfies Check['meta'];

/** Security Hub EC2.19's list, plus common databases and caches it leaves out (marked *). */
export const HIGH_RISK_PORTS: Readonly<Record<number, string>> = {
  20: 'FTP data', 21: 'FTP', 22: 'SSH', 23: 'Telnet', 25: 'SMTP', 110: 'POP3', 135: 'RPC', 143: 'IMAP', 445: 'CIFS/SMB',
  1433: 'SQL Server', 1434: 'SQL Server browser', 3000: 'dev web server', 3306: 'MySQL', 3389: 'RDP', 4333: 'mSQL',
  5000: 'dev web server', 5432: 'PostgreSQL', 5500: 'VNC/fcp', 5601: 'Kibana/OpenSearch Dashboards', 8080: 'HTTP proxy',
  8088: 'legacy HTTP', 8888: 'alternate HTTP', 9200: 'Elasticsearch/OpenSearch', 9300: 'Elasticsearch/OpenSearch',
  1521: 'Oracle*', 2375: 'Docker API*', 6379: 'Redis*', 9042: 'Cassandra*', 11211: 'Memcached*', 27017: 'MongoDB*',
};

const PORTS = Object.keys(HIGH_RISK_PORTS).map(Number);

export const ec2SgHighRiskPortsOpen: Check = {
  meta,
  needs: ['ec2:DescribeSecurityGroups', ...USAGE_DATASETS],
  evaluate(snap) {
    return evaluateWorldOpen(
      meta,
      snap,
      (open) => {
        const rules = open.filter(({ rule }) => PORTS.some((p) => opensPort(rule, p)));
        if (rules.length === 0) return undefined;
        const hits = rules.map(({ rule }) => {
          const ports = PORTS.filter((p) => opensPort(rule, p)).map((p) => `${p} ${HIGH_RISK_PORTS[p]?.replace('*', '') ?? ''}`);
          return `${rule.label} (reaching ${listText(ports, 5)})`;
        });
        return { rules, what: listText(hits, 4) };
      },
      'does not open database, cache or other high-risk ports to 0.0.0.0/0 or ::/0.',
    );
  },
};
