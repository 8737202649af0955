import type { Area } from './area.ts';
import type { Severity, Status } from './finding.ts';

export const SCAN_STATUSES = ['running', 'complete', 'interrupted', 'cancelled', 'failed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

export type StatusCounts = Record<Status, number>;

export interface AreaSummary {
  area: Area;
  counts: StatusCounts;
  /** FAIL counts by severity. */
  failBySeverity: Record<Severity, number>;
}

export interface ScanSummary {
  id: string;
  profile: string;
  accountId: string;
  callerArn: string;
  regions: string[];
  areas: Area[];
  status: ScanStatus;
  /** ISO 8601. */
  startedAt: string;
  endedAt: string | null;
  toolVersion: string;
  /** Non-empty for demo scans: the fictional client's name. */
  label: string;
  /** The engagement (client) this scan belongs to. */
  engagementId: string;
  counts: StatusCounts;
  /** Number of API calls made. */
  calls: number;
  /** Set when the scan signs in through a role that `profile` assumes (an organization member): the role's ARN. */
  viaRoleArn?: string;
}

export interface ScanProgress {
  scanId: string;
  phase: 'connecting' | 'collecting' | 'evaluating' | 'done';
  unitsDone: number;
  unitsTotal: number;
  service: string;
  region: string;
  calls: number;
  errors: number;
  /** Estimated seconds left, null while unknown. */
  etaSeconds: number | null;
}

export interface ScanFinished {
  scanId: string;
  status: ScanStatus;
  /** One-line error when the scan failed before collecting anything. */
  error?: string;
}

export type ProfileKind = 'keys' | 'assume-role' | 'mfa' | 'sso' | 'process' | 'web-identity' | 'unknown';

export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  region: string | null;
  /** The profile's endpoint_url when one is configured. */
  endpointUrl: string | null;
  /** Why the profile cannot be used whatever the account says (a name the AWS SDK cannot read), in one line; absent when usable. */
  problem?: string;
}
