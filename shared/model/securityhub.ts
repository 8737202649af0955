/**
 * Security Hub findings imported beside Leasehold's own, as the report and UI render them.
 * Produced by importSecurityHub (main/core/securityhub/) from the scan's snapshot, never from AWS.
 */
import type { Area } from './area.ts';
import type { Severity, Status } from './finding.ts';

/** ASFF Compliance.Status: only control findings (Security Hub, Config) carry one. */
export type ComplianceStatus = 'PASSED' | 'FAILED' | 'WARNING' | 'NOT_AVAILABLE';

/** Which rule placed a finding in its area, so a consultant can see (and challenge) why. */
export type AreaRule = 'control' | 'product' | 'type' | 'resource' | 'fallback';

export interface ImportedResource {
  /** ASFF resource type, e.g. "AwsS3Bucket", "AwsAccount". */
  type: string;
  /** ARN, or AWS's own form such as "AWS::::Account:123456789012". */
  id: string;
  region: string;
}

export interface ImportedFinding {
  /** The ASFF Id (for Security Hub controls, the finding's ARN). */
  id: string;
  /** "Security Hub", "GuardDuty", "Inspector", "Macie", "Config" or a partner's product. */
  productName: string;
  companyName: string;
  title: string;
  description: string;
  severity: Severity;
  area: Area;
  areaRule: AreaRule;
  /** The Security Hub control id ("EC2.7") when the finding is a control check. */
  control: string | null;
  /** Null for detections (GuardDuty, Inspector, Macie), which have no pass/fail. */
  compliance: ComplianceStatus | null;
  /** StandardsId of each standard the control belongs to. */
  standards: string[];
  types: string[];
  resources: ImportedResource[];
  /** The region the finding was generated in (with cross-region aggregation, not always where it was read). */
  region: string;
  remediation: { text: string; url: string } | null;
  /** NEW, NOTIFIED or RESOLVED (SUPPRESSED findings are never imported). */
  workflowStatus: string;
  updatedAt: string;
  /** Set when a Leasehold check on the same control and resource came to the opposite verdict. */
  disagreesWith?: { checkId: string; status: Status };
}

/** Per region where Security Hub was read. */
export interface SecurityHubRegion {
  region: string;
  /** false: not enabled (InvalidAccessException "not subscribed"); null: unknown (the call failed otherwise, or was not made). */
  enabled: boolean | null;
  /** Findings imported that were generated in this region. */
  imported: number;
  /** Why enabled is null or false, in one line. */
  reason?: string;
}

/** Security Hub and Leasehold assessed the same control on the same resource and disagree: both are kept. */
export interface SecurityHubDisagreement {
  control: string;
  resourceId: string;
  region: string;
  checkId: string;
  leasehold: Status;
  securityHub: ComplianceStatus;
  findingId: string;
}

/** A Leasehold finding that Security Hub confirmed; the report shows it once, as Leasehold's. */
export interface AlsoReportedBySecurityHub {
  checkId: string;
  resourceId: string;
  region: string;
  control: string;
  findingId: string;
}

export interface AreaTally {
  /** Open imported findings: FAILED or WARNING controls and detections (PASSED and NOT_AVAILABLE are not counted). */
  total: number;
  bySeverity: Record<Severity, number>;
}

export interface SecurityHubImport {
  perRegion: SecurityHubRegion[];
  /** Kept findings: those Leasehold did not already report, plus both sides of every disagreement. */
  findings: ImportedFinding[];
  /** Security Hub findings dropped because a Leasehold check already reports the same control on the same resource. */
  duplicates: number;
  disagreements: SecurityHubDisagreement[];
  alsoReported: AlsoReportedBySecurityHub[];
  byArea: Record<Area, AreaTally>;
  /** Findings about other accounts (a delegated administrator sees its members'): not imported. */
  otherAccounts: number;
}
