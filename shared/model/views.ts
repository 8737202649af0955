/**
 * Views computed from a scan's snapshot for the report and the UI: per-instance maintenance,
 * internet exposure, and the dated reference data the maintenance checks used.
 */

export type Tri = 'yes' | 'no' | 'unknown';
export type Family = 'ipv4' | 'ipv6';
export type ExposureResourceType = 'ec2-instance' | 'rds-db-instance';

export interface InstanceMaintenanceRow {
  instanceId: string;
  name: string | null;
  region: string;
  state: string | null;
  /** As Systems Manager reports it, else as the launch AMI's name says (see platformSource). */
  platformName: string | null;
  platformVersion: string | null;
  platformSource: 'ssm' | 'ami' | null;
  ssmManaged: boolean | null;
  ssmPingStatus: string | null;
  ssmLastPing: string | null;
  ssmAgentVersion: string | null;
  ssmAgentLatest: boolean | null;
  patchMissing: number | null;
  patchFailed: number | null;
  patchCriticalNonCompliant: number | null;
  patchSecurityNonCompliant: number | null;
  patchPendingReboot: number | null;
  patchLastOperation: string | null;
  patchLastOperationEnd: string | null;
  /** ACTIVE / INACTIVE as Inspector's coverage says; null when Inspector EC2 scanning is off or unreadable. */
  inspectorScanStatus: string | null;
  inspectorCritical: number | null;
  inspectorHigh: number | null;
  inspectorMedium: number | null;
  inspectorLow: number | null;
  inspectorFixAvailable: number | null;
  inspectorExploitAvailable: number | null;
  amiId: string | null;
  amiName: string | null;
  amiAgeDays: number | null;
  amiDeprecated: boolean | null;
  osEndOfSupport: string | null;
  osEndOfLife: boolean | null;
  /** True when IMDSv1 cannot be used: tokens required, or the metadata endpoint turned off. */
  imdsv2Required: boolean | null;
}

export interface PublicAddress {
  verdict: Tri;
  address?: string;
  text: string;
}

export interface NaclLayer {
  verdict: 'allow' | 'deny' | 'unknown';
  networkAclId?: string;
  ruleNumber?: number;
  text: string;
}

export interface RouteLayer {
  verdict: Tri;
  routeTableId?: string;
  destination?: string;
  gatewayId?: string;
  text: string;
}

export interface ExposureRow {
  region: string;
  resourceType: ExposureResourceType;
  resourceId: string;
  networkInterfaceId?: string;
  family: Family;
  protocol: 'tcp' | 'udp';
  fromPort: number;
  toPort: number;
  /** Listed in the engagement's authorized ports (80 and 443 by default). */
  authorized: boolean;
  openedBy: { groupId: string; groupName: string; rule: string }[];
  nacl: NaclLayer;
  publicAddress: PublicAddress;
  internetRoute: RouteLayer;
  /** yes only when the group, the ACL, a public address and an internet route all let traffic in. */
  exposed: Tri;
}

export interface ExposureView {
  rows: ExposureRow[];
  /** Regions (and the call) for which a resource list or the security groups could not be read. */
  notAssessed: { region: string; call: string; code: string; message: string }[];
}

export interface ReferenceDataVersion {
  name: string;
  title: string;
  /** YYYY-MM-DD: the day the facts were last checked against their sources. */
  asOf: string;
  source: string[];
}
