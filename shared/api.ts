/**
 * The one API contract between the UI and the core. Both transports (Electron IPC and the
 * `leasehold serve` HTTP bridge) carry exactly these calls and events, and the core's handler
 * table implements them (`satisfies Handlers`, so a missing handler does not compile).
 */
import type { Area } from './model/area.ts';
import type { Finding, FindingPage, FindingQuery, Status } from './model/finding.ts';
import type { CheckMeta } from './model/check.ts';
import type { DoctorReport, IamPolicy, ScanCoverage } from './model/coverage.ts';
import type { AppSettings, Engagement, EngagementSettings, EngagementSummary, ManualAnswer, ManualControl, RiskAcceptance, ScanDiff, TrendPoint } from './model/engagement.ts';
import type { ResponsibilityMatrix } from './model/responsibility.ts';
import type { SecurityHubImport } from './model/securityhub.ts';
import type { ExposureView, InstanceMaintenanceRow, ReferenceDataVersion } from './model/views.ts';
import type { AreaSummary, ProfileInfo, ScanFinished, ScanProgress, ScanSummary } from './model/scan.ts';

export type { Envelope, ApiError } from './model/result.ts';

/** A generated file handed to the UI, which saves or downloads it. */
export interface FilePayload {
  fileName: string;
  mimeType: string;
  /** File content, base64-encoded. */
  base64: string;
}

export interface ScanDetail extends ScanSummary {
  areaSummaries: AreaSummary[];
}

/** An account of an organization scan that has no scan, and why. */
export interface SkippedAccount {
  accountId: string;
  /** not-active (suspended, closing...), not-in-organization (asked for, not listed), assume-role-denied, not-started (any other sign-in or start failure). */
  code: 'not-active' | 'not-in-organization' | 'assume-role-denied' | 'not-started';
  /** One line for the consultant. */
  reason: string;
}

export interface Api {
  /** Version and where the data lives. */
  'app:info': { req: Record<string, never>; res: { version: string; dataDir: string; dbPath: string } };
  /** Open the data folder in the system's file manager (Electron, or the machine running `leasehold serve`). */
  'app:open-data-folder': { req: Record<string, never>; res: { opened: boolean; path: string; message?: string } };
  /** Application settings (shared by the CLI and the UI). */
  'settings:get': { req: Record<string, never>; res: AppSettings };
  /** Change some settings; returns them all. Invalid values are refused with a one-line error. */
  'settings:save': { req: Partial<AppSettings>; res: AppSettings };
  /** Profiles from ~/.aws/config and ~/.aws/credentials (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE honoured). */
  'profiles:list': { req: Record<string, never>; res: ProfileInfo[] };
  /** Every stored scan, newest first. */
  'scans:list': { req: Record<string, never>; res: ScanSummary[] };
  /** One scan with its per-area summary. */
  'scans:get': { req: { scanId: string }; res: ScanDetail };
  /** Start a scan in the background; progress arrives as `scan:progress` events. */
  'scan:start': {
    req: { profile: string; regions?: string[] | 'all'; areas?: Area[]; engagementId?: string; /** Calls in flight, 1-64. */ concurrency?: number };
    res: { scanId: string };
  };
  /** The check catalogue: each check's client-facing metadata and the framework requirements it tests. */
  'checks:list': { req: Record<string, never>; res: (CheckMeta & { frameworks: { framework: string; requirement: string }[] })[] };
  /**
   * Scan every active account of an AWS Organization from its management (or a delegated
   * administrator) account: the caller's own account with its own credentials, each member through
   * `role` (with `externalId`), each its own scan, all in one engagement (the organization's, created
   * on first use, when none is given). Resolves once every account has started or been skipped;
   * a few collect at once, the others wait their turn. Progress arrives as `scan:progress` events.
   */
  'org:scan': {
    req: { profile: string; role: string; externalId?: string; regions?: string[] | 'all'; areas?: Area[]; engagementId?: string; accounts?: string[] };
    res: { engagementId: string; scanIds: string[]; skipped: SkippedAccount[] };
  };
  /** Delete a scan with its raw data and findings. */
  'scans:delete': { req: { scanId: string }; res: { deleted: boolean } };
  /** The per-instance maintenance (patching) view of a scan. */
  'scans:maintenance': { req: { scanId: string }; res: InstanceMaintenanceRow[] };
  /** Internet exposure: each world-open port per resource with the verdict of every network layer. */
  'scans:exposure': { req: { scanId: string }; res: ExposureView };
  /** Who secures what for the services found in use in the scanned account. */
  'scans:responsibility': { req: { scanId: string }; res: ResponsibilityMatrix };
  /** Security Hub's active findings imported with the scan, mapped onto the six areas. */
  'scans:securityhub': { req: { scanId: string }; res: SecurityHubImport };
  /** The dated reference data (end-of-life dates) the checks use. */
  'app:reference-data': { req: Record<string, never>; res: ReferenceDataVersion[] };
  /** Compare two scans of an account: new, resolved, regressed, severity changed, unchanged. */
  'scans:diff': { req: { fromScanId: string; toScanId: string }; res: ScanDiff };
  /** Pass rate per area across an account's scans, oldest first. */
  'scans:trend': { req: { accountId: string }; res: TrendPoint[] };
  /** Engagements (clients), newest first; which logos each keeps, without the images (see engagements:get). */
  'engagements:list': { req: { includeArchived?: boolean }; res: EngagementSummary[] };
  /** One engagement with its logos, archived or not. */
  'engagements:get': { req: { id: string }; res: Engagement };
  /** Create (no id) or update an engagement. */
  'engagements:save': {
    req: { id?: string; client: string; consultant?: string; notes?: string; settings?: Partial<EngagementSettings> };
    res: Engagement;
  };
  'engagements:archive': { req: { id: string; archived: boolean }; res: { id: string } };
  /** One file holding an engagement with its scans, for hand-over or archiving. */
  'engagements:export': { req: { engagementId: string }; res: FilePayload };
  /** Import a file made by `engagements:export`. */
  'engagements:import': { req: { base64: string }; res: { engagementId: string; scans: number } };
  /** A consistent copy of the whole database at `path` (SQLite's online backup). */
  'db:backup': { req: { path: string }; res: { path: string } };
  /** Accept the risk of one finding (resourceId) or a whole check, with justification, approver and expiry. */
  'risks:accept': {
    req: { engagementId: string; checkId: string; accountId?: string | null; region?: string | null; resourceId?: string | null; justification: string; approver: string; expiresAt?: string | null };
    res: RiskAcceptance;
  };
  'risks:list': { req: { engagementId: string }; res: RiskAcceptance[] };
  'risks:revoke': { req: { id: number }; res: { revoked: boolean } };
  /** Controls no API can check, with this engagement's answers. */
  'manual:list': { req: { engagementId: string }; res: ManualControl[] };
  'manual:answer': { req: { engagementId: string; controlId: string; answer: ManualAnswer; notes?: string; answeredBy?: string }; res: ManualControl[] };
  /** Continue an interrupted, cancelled or failed scan from what it already stored. */
  'scan:resume': { req: { scanId: string }; res: { scanId: string } };
  /** Re-run today's checks on a stored scan's snapshot, offline, as a new result set. */
  'scan:reevaluate': { req: { scanId: string }; res: { scanId: string } };
  /** What a scan could not see, per service and region, and the endpoints it used. */
  'scans:coverage': { req: { scanId: string }; res: ScanCoverage };
  /** Check a profile's identity and probe the permissions a scan needs. */
  'doctor:run': { req: { profile: string; areas?: Area[] }; res: DoctorReport };
  /** The least-privilege IAM policy for the chosen areas. */
  'policy:get': { req: { areas?: Area[] }; res: IamPolicy };
  /** Answer an `auth:mfa-required` event with the code from the user's MFA device. */
  'auth:mfa-code': { req: { requestId: string; code: string }; res: { accepted: boolean } };
  /** Answer an `auth:renew-required` event: the user refreshed the credentials (or gave up: abort). */
  'auth:renewed': { req: { requestId: string; abort?: boolean }; res: { accepted: boolean } };
  /** Ask a running scan to stop; it ends with status "cancelled". */
  'scan:cancel': { req: { scanId: string }; res: { cancelled: boolean } };
  /** Findings of one scan, optionally filtered. */
  'findings:list': { req: { scanId: string; status?: Status; area?: Area }; res: Finding[] };
  /** One page of a scan's findings, filtered and sorted in the store (the explorer's query). */
  'findings:query': { req: FindingQuery & { scanId: string }; res: FindingPage };
  /** Load the bundled demo engagement into the store (once) and return its scan. */
  'demo:open': { req: Record<string, never>; res: { scanId: string } };
  /** Render the PDF report of a scan: full, executive or comparison; optionally redacted, password-protected (AES-256) or PDF/A-2b. */
  'report:render': {
    req: {
      scanId: string;
      /** Executive variant: summary, responsibility, roadmap and coverage, no per-finding pages. */
      executive?: boolean;
      /** A scan id (or "latest") to compare with: the comparison report. */
      compare?: string;
      /** Mask account IDs, ARNs, IP and e-mail addresses (consistently: account-1, ip-2...). */
      redact?: boolean;
      /** Encrypt with AES-256; not combinable with pdfa. */
      password?: string;
      /** PDF/A-2b for archiving; not combinable with password. */
      pdfa?: boolean;
      /** Client name; default: the engagement's client, else the scan's label. */
      client?: string;
      /** Default: the engagement's consultant. */
      consultant?: string;
      firm?: string;
      title?: string;
      /** Paths of PNG or JPEG files (CLI). */
      logo?: string;
      firmLogo?: string;
      /** The logos themselves, base64 PNG or JPEG (UI); they win over the paths and the engagement's logos. */
      logoData?: string;
      firmLogoData?: string;
    };
    res: FilePayload;
  };
  /** Export a scan's findings as JSON (array of findings), CSV (one row per finding) or OCSF 1.1 Compliance Finding events. */
  'export:render': { req: { scanId: string; format: 'json' | 'csv' | 'ocsf'; redact?: boolean }; res: FilePayload };
}

export type ApiName = keyof Api;
export type ApiRequest<K extends ApiName> = Api[K]['req'];
export type ApiResponse<K extends ApiName> = Api[K]['res'];

/** Runtime list of the contract's calls; `satisfies` keeps it complete and exact. */
const API_NAME_SET = {
  'app:info': true,
  'app:open-data-folder': true,
  'settings:get': true,
  'settings:save': true,
  'profiles:list': true,
  'scans:list': true,
  'scans:get': true,
  'scan:start': true,
  'checks:list': true,
  'org:scan': true,
  'scans:delete': true,
  'scans:diff': true,
  'scans:maintenance': true,
  'scans:exposure': true,
  'scans:responsibility': true,
  'scans:securityhub': true,
  'app:reference-data': true,
  'scans:trend': true,
  'engagements:list': true,
  'engagements:get': true,
  'engagements:save': true,
  'engagements:archive': true,
  'engagements:export': true,
  'engagements:import': true,
  'db:backup': true,
  'risks:accept': true,
  'risks:list': true,
  'risks:revoke': true,
  'manual:list': true,
  'manual:answer': true,
  'scan:cancel': true,
  'scan:resume': true,
  'scan:reevaluate': true,
  'scans:coverage': true,
  'doctor:run': true,
  'policy:get': true,
  'auth:mfa-code': true,
  'auth:renewed': true,
  'findings:list': true,
  'findings:query': true,
  'demo:open': true,
  'report:render': true,
  'export:render': true,
} as const satisfies Record<ApiName, true>;

export const API_NAMES = Object.keys(API_NAME_SET) as ApiName[];

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.hasOwn(API_NAME_SET, name);
}

/** Native-menu items the UI carries out (Electron only), sent as the `menu:action` event. */
export const MENU_ACTIONS = ['menu:new-scan', 'menu:open-demo', 'menu:export-report', 'menu:history', 'menu:settings'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

/** Push events from the core to the UI. */
export interface ApiEvents {
  'scan:progress': ScanProgress;
  'scan:finished': ScanFinished;
  /** A profile needs a one-time MFA code; answer with `auth:mfa-code`. */
  'auth:mfa-required': { requestId: string; profile: string; mfaSerial: string };
  /**
   * A profile's credentials expired mid-scan: the scan is paused until the user refreshes them
   * (e.g. `aws sso login`) and answers with `auth:renewed`.
   */
  'auth:renew-required': { requestId: string; profile: string; message: string };
  /** The user chose a native menu item the UI performs (Electron only). */
  'menu:action': { action: MenuAction };
}

export type ApiEventName = keyof ApiEvents;

const EVENT_NAME_SET = {
  'scan:progress': true,
  'scan:finished': true,
  'auth:mfa-required': true,
  'auth:renew-required': true,
  'menu:action': true,
} as const satisfies Record<ApiEventName, true>;

export const API_EVENT_NAMES = Object.keys(EVENT_NAME_SET) as ApiEventName[];

export function isApiEventName(name: unknown): name is ApiEventName {
  return typeof name === 'string' && Object.hasOwn(EVENT_NAME_SET, name);
}

/** The surface the preload script exposes as `window.leasehold`, and the browser client implements. */
export interface LeaseholdBridge {
  invoke<K extends ApiName>(name: K, req: ApiRequest<K>): Promise<ApiResponse<K>>;
  /** Subscribe to an event; returns an unsubscribe function. */
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}
