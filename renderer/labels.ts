/** Words the UI shows for the contract's codes, kept in one place. */
import type { Severity, Status } from '../shared/model/finding.ts';
import type { ProfileKind, ScanStatus } from '../shared/model/scan.ts';

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  FAIL: 'Fail',
  PASS: 'Pass',
  NOT_ASSESSED: 'Not assessed',
  NOT_APPLICABLE: 'Not applicable',
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export const SCAN_STATUS_LABELS: Readonly<Record<ScanStatus, string>> = {
  running: 'Running',
  complete: 'Complete',
  interrupted: 'Interrupted',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

export const PROFILE_KIND_LABELS: Readonly<Record<ProfileKind, string>> = {
  keys: 'Access keys',
  'assume-role': 'Assume role',
  mfa: 'Assume role with MFA',
  sso: 'IAM Identity Center (SSO)',
  process: 'Credential process',
  'web-identity': 'Web identity',
  unknown: 'Unrecognised',
};

export const PHASE_LABELS = {
  connecting: 'Connecting to AWS',
  collecting: 'Collecting configuration',
  evaluating: 'Evaluating checks',
  done: 'Finishing',
} as const;
