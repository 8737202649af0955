/**
 * The report's visual constants: page geometry, type scale and colours. One place, so every
 * page of the report shares the same margins and the same severity palette.
 */
import type { Severity, Status } from '../../../shared/model/finding.ts';

/** A4 in points. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginX: 56,
  marginTop: 76,
  marginBottom: 68,
} as const;

export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
/** Lowest y at which content may end; the footer lives below it. */
export const CONTENT_BOTTOM = PAGE.height - PAGE.marginBottom;

export const TYPE = {
  display: 26,
  h1: 17,
  h2: 12,
  h3: 9.5,
  body: 8.5,
  small: 7.5,
  mono: 6.8,
  /** Extra space between lines of body text. */
  lineGap: 1.5,
} as const;

export const COLOR = {
  ink: '#1B2430',
  muted: '#566173',
  faint: '#8A94A3',
  rule: '#D6DBE2',
  panel: '#F3F5F8',
  codePanel: '#F6F7F9',
  accent: '#1F3A5F',
  accentLight: '#E8EEF5',
  white: '#FFFFFF',
} as const;

export const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  critical: '#8E1B1B',
  high: '#C2410C',
  medium: '#A86B12',
  low: '#2F6FAB',
  info: '#64748B',
};

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export const STATUS_COLOR: Readonly<Record<Status, string>> = {
  FAIL: '#B42318',
  PASS: '#1E7B45',
  NOT_ASSESSED: '#6B7280',
  NOT_APPLICABLE: '#A0A7B2',
};

export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  FAIL: 'Failed',
  PASS: 'Passed',
  NOT_ASSESSED: 'Not assessed',
  NOT_APPLICABLE: 'Not applicable',
};

export const REPORT_TITLE = 'AWS Shared Responsibility Assessment';

/** Section titles: the outline, the contents page and the tests use the same strings. */
export const SECTION = {
  contents: 'Contents',
  summary: 'Executive summary',
  srm: 'Who secures what in this account',
  securityHub: 'Security Hub findings',
  risks: 'Accepted risks',
  manual: 'Manual controls',
  roadmap: 'Remediation roadmap',
  coverage: 'Coverage and limitations',
  appendix: 'Appendix',
  metadata: 'Scan metadata and integrity',
  checkList: 'Check results',
  crosswalk: 'Framework crosswalk',
  maintenance: 'Patching and maintenance per instance',
  exposure: 'What the internet can reach',
  changes: 'Changes between the two scans',
} as const;

/** One colour per area, for charts with a line or bar per area. */
export const AREA_COLOR: Readonly<Record<string, string>> = {
  'data-protection': '#1F3A5F',
  'identity-access': '#B4541A',
  'compute-maintenance': '#2E7D6B',
  network: '#7A4FA0',
  s3: '#C9A227',
  'logging-monitoring': '#5B6B7F',
};

/** Gold rule used on the cover and as an accent line. */
export const GOLD = '#C9A227';
