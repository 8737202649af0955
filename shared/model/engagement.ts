/** An engagement: one client, its accounts and scans, and the consultant's settings for it. */
export interface EngagementSettings {
  /** Ports the client has authorized to be open to the internet (default 80 and 443). */
  authorizedPorts: number[];
  /**
   * Logos for the report cover, base64 PNG or JPEG (at most 256 KB each once decoded, at most
   * 4096 pixels a side). Absent: no logo. The report uses them unless a request names other files
   * or data. In engagements:save, `logos` replaces the stored set as a whole: a role left out (or
   * null) is removed, `{}` or null removes both, and omitting `logos` keeps the stored ones.
   * A logo whose bytes are not the declared, intact image is refused with a one-line error.
   */
  logos?: { client?: EngagementLogo; consultant?: EngagementLogo };
}

export interface EngagementLogo {
  mimeType: 'image/png' | 'image/jpeg';
  base64: string;
}

/** What engagements:list says of a kept logo: its type and decoded size, not the image. */
export interface EngagementLogoInfo {
  mimeType: EngagementLogo['mimeType'];
  bytes: number;
}

/** Application settings kept by the core in the database (the CLI and every window share them). */
export interface AppSettings {
  /** Calls in flight per scan, 1-64; null = the engine's default. */
  concurrency: number | null;
  /** Ports a new engagement starts with as authorized to be open to the internet. */
  defaultAuthorizedPorts: number[];
  /** The consultant's name, prefilled on new engagements and as the approver of accepted risks. */
  consultant: string;
}

export interface Engagement {
  id: string;
  client: string;
  consultant: string;
  notes: string;
  settings: EngagementSettings;
  createdAt: string;
  archivedAt: string | null;
  /** Scans in this engagement. */
  scanCount: number;
}

/**
 * An engagement as engagements:list gives it: which logos it keeps but not the images, so a list
 * stays small however many clients there are; engagements:get returns the engagement with them.
 * Its `logos` has no base64, so a summary cannot pass for an Engagement by mistake.
 */
export interface EngagementSummary extends Omit<Engagement, 'settings'> {
  settings: Omit<EngagementSettings, 'logos'> & {
    /** Absent: no logo. A role is here exactly when engagements:get returns its image. */
    logos?: { client?: EngagementLogoInfo; consultant?: EngagementLogoInfo };
  };
}

export interface RiskAcceptance {
  id: number;
  engagementId: string;
  checkId: string;
  /** Null: every account of the engagement. */
  accountId: string | null;
  /** Null: every region. */
  region: string | null;
  /** Null: the whole check; otherwise one resource. */
  resourceId: string | null;
  justification: string;
  approver: string;
  /** ISO date; null = no expiry. */
  expiresAt: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** On a finding: the acceptance that covers it, and whether it still applies. */
export interface AcceptanceState {
  id: number;
  justification: string;
  approver: string;
  expiresAt: string | null;
  /** False when the acceptance has expired: the finding is open again. */
  active: boolean;
}

export const MANUAL_ANSWERS = ['yes', 'no', 'not-applicable', 'unknown'] as const;
export type ManualAnswer = (typeof MANUAL_ANSWERS)[number];

export interface ManualControl {
  id: string;
  title: string;
  /** What the consultant should verify, in plain words. */
  question: string;
  frameworks: string[];
  answer: ManualAnswer | null;
  notes: string;
  answeredAt: string | null;
  answeredBy: string;
}

/** not-comparable: one side could not be assessed, so nothing can be said about a change. */
export const DIFF_KINDS = ['new', 'resolved', 'regressed', 'severity-changed', 'unchanged', 'not-comparable'] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

export interface DiffEntry {
  kind: DiffKind;
  checkId: string;
  title: string;
  resourceId: string;
  resourceName: string;
  region: string;
  before: { status: string; severity: string } | null;
  after: { status: string; severity: string } | null;
}

export interface ScanDiff {
  fromScanId: string;
  toScanId: string;
  counts: Record<DiffKind, number>;
  entries: DiffEntry[];
}

export interface TrendPoint {
  scanId: string;
  startedAt: string;
  /** Pass rate per area, PASS / (PASS + FAIL), null when nothing was assessed. */
  passRate: Record<string, number | null>;
}
