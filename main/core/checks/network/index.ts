/** The checks of this area, one file each; the top-level registry test proves every file is listed. */
import { ec2InstanceInternetExposure } from './ec2-instance-internet-exposure.ts';
import { ec2InstancePublicIp } from './ec2-instance-public-ip.ts';
import { ec2NaclAdminPortsOpen } from './ec2-nacl-admin-ports-open.ts';
import { ec2SgAdminPortsOpen } from './ec2-sg-admin-ports-open.ts';
import { ec2SgAllTrafficOpen } from './ec2-sg-all-traffic-open.ts';
import { ec2SgDefaultNoRules } from './ec2-sg-default-no-rules.ts';
import { ec2SgHighRiskPortsOpen } from './ec2-sg-high-risk-ports-open.ts';
import { ec2SgUnauthorizedPortsOpen } from './ec2-sg-unauthorized-ports-open.ts';
import { ec2SubnetPublicIpAutoAssign } from './ec2-subnet-public-ip-auto-assign.ts';
import { ec2VpcFlowLogsEnabled } from './ec2-vpc-flow-logs-enabled.ts';
import { ec2VpcPeeringLeastAccess } from './ec2-vpc-peering-least-access.ts';
import { rdsInstanceInternetExposure } from './rds-instance-internet-exposure.ts';
import { rdsInstancePublicAccess } from './rds-instance-public-access.ts';
import type { Check } from '../types.ts';

export const networkChecks: Check[] = [
  ec2SgAdminPortsOpen,
  ec2SgAllTrafficOpen,
  ec2SgHighRiskPortsOpen,
  ec2SgUnauthorizedPortsOpen,
  ec2SgDefaultNoRules,
  ec2NaclAdminPortsOpen,
  ec2InstanceInternetExposure,
  ec2InstancePublicIp,
  ec2SubnetPublicIpAutoAssign,
  ec2VpcFlowLogsEnabled,
  ec2VpcPeeringLeastAccess,
  rdsInstancePublicAccess,
  rdsInstanceInternetExposure,
];
