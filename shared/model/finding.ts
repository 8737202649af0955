import type { Area } from './area.ts';
import type { AcceptanceState } from './engagement.ts';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['FAIL', 'PASS', 'NOT_ASSESSED', 'NOT_APPLICABLE'] as const;
/** PASS and FAIL are only ever given on data that was read; missing data is NOT_ASSESSED. */
export type Status = (typeof STATUSES)[number];

/** Why data behind a check could not be read. */
export const CALL_ERROR_KINDS = [
  'permission-denied',
  'explicit-deny',
  'region-disabled',
  'service-not-enabled',
  'throttled',
  'timeout',
  'server-error',
  'malformed-response',
  'network',
  'credentials',
  'not-collected',
  'unknown',
] as const;
export type CallErrorKind = (typeof CALL_ERROR_KINDS)[number];

export const CALL_ERROR_TITLES: Readonly<Record<CallErrorKind, string>> = {
  'permission-denied': 'Missing permission',
  'explicit-deny': 'Denied by an explicit deny (SCP, boundary or policy)',
  'region-disabled': 'Region not enabled',
  'service-not-enabled': 'Service not enabled or not subscribed',
  throttled: 'Throttled after retries',
  timeout: 'Timed out',
  'server-error': 'AWS server error',
  'malformed-response': 'Malformed response',
  network: 'Network error',
  credentials: 'Credentials rejected or expired',
  'not-collected': 'Not collected in this scan',
  unknown: 'Unexpected error',
};

/** One API call behind a finding, with the relevant part of the response. */
export interface Evidence {
  /** API name as "service:Operation", e.g. "ec2:DescribeSecurityGroups". */
  call: string;
  region: string;
  /** ISO 8601 time at which the data was collected. */
  time: string;
  /** The relevant excerpt of the response (JSON text, trimmed). */
  excerpt: string;
}

export interface NotAssessedReason {
  kind: CallErrorKind;
  /** The AWS error code when there was one, e.g. "AccessDenied". */
  code: string;
  /** The call that failed, "service:Operation". */
  call: string;
  message: string;
}

/** The native finding shape, also the JSON export shape. */
export interface Finding {
  checkId: string;
  title: string;
  area: Area;
  service: string;
  severity: Severity;
  status: Status;
  message: string;
  resourceId: string;
  resourceArn: string;
  resourceName: string;
  region: string;
  accountId: string;
  evidence: Evidence[];
  /** Present when status is NOT_ASSESSED. */
  reason?: NotAssessedReason;
  /** Present when an accepted risk covers this finding (inactive once expired). */
  acceptance?: AcceptanceState;
}

export const ACCEPTANCE_FILTERS = ['accepted', 'expired', 'none'] as const;
export type AcceptanceFilter = (typeof ACCEPTANCE_FILTERS)[number];

/** The findings explorer's query: filters, free text, sort and a page. */
export interface FindingQuery {
  status?: Status[];
  area?: Area[];
  severity?: Severity[];
  service?: string[];
  region?: string[];
  /**
   * Risk acceptance: 'accepted' = covered by an acceptance in force, 'expired' = covered only by
   * an expired one (open again), 'none' = no acceptance. Several values combine with OR.
   */
  acceptance?: AcceptanceFilter[];
  /** Free text over title, message, check id and resource id/name/ARN (case-insensitive). */
  text?: string;
  sort?: 'severity' | 'check' | 'resource' | 'region';
  offset?: number;
  /** At most 1,000. */
  limit?: number;
}

export interface FindingPage {
  /** Findings matching the filters, over all pages. */
  total: number;
  rows: Finding[];
}
