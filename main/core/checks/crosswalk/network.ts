/**
 * Framework requirements tested by the network checks. Only verified ids: FSBP ids and their CIS
 * v3.0 / v5.0 requirements from the "Related requirements" of AWS's Security Hub control pages
 * (ec2-controls, rds-controls); CIS v4.0, and the peering requirement Security Hub does not
 * automate, from the benchmarks' section titles (v4.0/v5.0 shifted 5.x by one when 5.1 became the
 * EC2 subsection).
 */
import type { Crosswalk } from './types.ts';

export const networkCrosswalk: Crosswalk = {
  fsbp: {
    'EC2.2': ['ec2-sg-default-no-rules'],
    'EC2.6': ['ec2-vpc-flow-logs-enabled'],
    'EC2.9': ['ec2-instance-public-ip'],
    'EC2.15': ['ec2-subnet-public-ip-auto-assign'],
    'EC2.18': ['ec2-sg-unauthorized-ports-open'],
    'EC2.19': ['ec2-sg-high-risk-ports-open'],
    'EC2.21': ['ec2-nacl-admin-ports-open'],
    'EC2.53': ['ec2-sg-admin-ports-open'],
    'EC2.54': ['ec2-sg-admin-ports-open'],
    'RDS.2': ['rds-instance-public-access'],
  },
  'cis-3.0': {
    '2.3.3': ['rds-instance-public-access'],
    '3.7': ['ec2-vpc-flow-logs-enabled'],
    '5.1': ['ec2-nacl-admin-ports-open'],
    '5.2': ['ec2-sg-admin-ports-open'],
    '5.3': ['ec2-sg-admin-ports-open'],
    '5.4': ['ec2-sg-default-no-rules'],
    '5.5': ['ec2-vpc-peering-least-access'],
  },
  'cis-4.0': {
    '2.2.3': ['rds-instance-public-access'],
    '3.7': ['ec2-vpc-flow-logs-enabled'],
    '5.2': ['ec2-nacl-admin-ports-open'],
    '5.3': ['ec2-sg-admin-ports-open'],
    '5.4': ['ec2-sg-admin-ports-open'],
    '5.5': ['ec2-sg-default-no-rules'],
    '5.6': ['ec2-vpc-peering-least-access'],
  },
  'cis-5.0': {
    '2.2.3': ['rds-instance-public-access'],
    '3.7': ['ec2-vpc-flow-logs-enabled'],
    '5.2': ['ec2-nacl-admin-ports-open'],
    '5.3': ['ec2-sg-admin-ports-open'],
    '5.4': ['ec2-sg-admin-ports-open'],
    '5.5': ['ec2-sg-default-no-rules'],
    '5.6': ['ec2-vpc-peering-least-access'],
  },
};
