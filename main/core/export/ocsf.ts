/**
 * Findings as OCSF 1.1 Compliance Finding events (class_uid 2003), the shape security data lakes
 * (Amazon Security Lake, Splunk, Sentinel...) ingest. One event per finding; the time is the
 * scan's, so re-exporting a scan gives the same file.
 *
 * Mappings: severity info/low/medium/high/critical -> severity_id 1..5; compliance.status_id
 * Pass 1, Fail 3, Unknown 0 (not assessed, with the reason), Other 99 (not applicable); status_id
 * New 1 for every finding, Suppressed 3 for a failure an active risk acceptance covers.
 */
import { createHash } from 'node:crypto';
import type { CheckMeta } from '../../../shared/model/check.ts';
import type { Finding, Severity, Status } from '../../../shared/model/finding.ts';

export const OCSF_VERSION = '1.1.0';

export interface OcsfContext {
  scanId: string;
  toolVersion: string;
  /** ISO time of the scan (its end, else its start). */
  time: string;
  partition: string;
  checks: ReadonlyMap<string, CheckMeta>;
  /** Requirement labels per check ("FSBP EC2.7"). */
  requirements: ReadonlyMap<string, readonly string[]>;
  /** Standard titles per check ("AWS Foundational Security Best Practices v1.0.0"). */
  standards: ReadonlyMap<string, readonly string[]>;
}

const SEVERITY: Readonly<Record<Severity, [number, string]>> = {
  info: [1, 'Informational'],
  low: [2, 'Low'],
  medium: [3, 'Medium'],
  high: [4, 'High'],
  critical: [5, 'Critical'],
};

const COMPLIANCE: Readonly<Record<Status, [number, string]>> = {
  PASS: [1, 'Pass'],
  FAIL: [3, 'Fail'],
  NOT_ASSESSED: [0, 'Unknown'],
  NOT_APPLICABLE: [99, 'Other'],
};

export interface OcsfComplianceFinding {
  activity_id: 1;
  activity_name: 'Create';
  category_uid: 2;
  category_name: 'Findings';
  class_uid: 2003;
  class_name: 'Compliance Finding';
  type_uid: 200301;
  type_name: 'Compliance Finding: Create';
  time: number;
  severity_id: number;
  severity: string;
  status_id: number;
  status: string;
  status_code: Status;
  status_detail?: string;
  message: string;
  metadata: Record<string, unknown>;
  finding_info: Record<string, unknown>;
  compliance: Record<string, unknown>;
  resources: Record<string, unknown>[];
  cloud: Record<string, unknown>;
  remediation?: Record<string, unknown>;
  evidences?: Record<string, unknown>[];
  unmapped: Record<string, unknown>;
}

const uid = (...parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

export function toOcsfEvent(f: Finding, ctx: OcsfContext): OcsfComplianceFinding {
  const time = Date.parse(ctx.time);
  const check = ctx.checks.get(f.checkId);
  const [severityId, severity] = SEVERITY[f.severity] ?? [0, 'Unknown'];
  const [complianceId, complianceStatus] = COMPLIANCE[f.status] ?? [0, 'Unknown'];
  const suppressed = f.status === 'FAIL' && f.acceptance?.active === true;
  const detail = f.reason ? `${f.reason.kind}: ${f.reason.code} on ${f.reason.call}: ${f.reason.message}` : undefined;
  const findingUid = `leasehold-${uid(ctx.scanId, f.checkId, f.region, f.resourceId, f.resourceArn)}`;
  const event: OcsfComplianceFinding = {
    activity_id: 1,
    activity_name: 'Create',
    category_uid: 2,
    category_name: 'Findings',
    class_uid: 2003,
    class_name: 'Compliance Finding',
    type_uid: 200301,
    type_name: 'Compliance Finding: Create',
    time,
    severity_id: severityId,
    severity,
    status_id: suppressed ? 3 : 1,
    status: suppressed ? 'Suppressed' : 'New',
    status_code: f.status,
    ...(detail ? { status_detail: detail } : {}),
    message: f.message,
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'Leasehold', vendor_name: 'Leasehold', version: ctx.toolVersion, feature: { name: f.area } },
      uid: findingUid,
      event_code: f.checkId,
      profiles: ['cloud'],
    },
    finding_info: {
      uid: findingUid,
      title: f.title,
      desc: check?.risk || f.message,
      created_time: time,
      types: [`Leasehold/${f.area}`],
      analytic: { uid: f.checkId, name: f.title, type_id: 1, type: 'Rule', category: f.area },
      product_uid: 'leasehold',
    },
    compliance: {
      control: f.checkId,
      status_id: complianceId,
      status: complianceStatus,
      status_code: f.status,
      ...(detail ? { status_detail: detail } : {}),
      requirements: [...(ctx.requirements.get(f.checkId) ?? [])],
      standards: [...(ctx.standards.get(f.checkId) ?? [])],
    },
    resources: [
      {
        uid: f.resourceArn || f.resourceId,
        name: f.resourceName || f.resourceId,
        type: f.service,
        region: f.region,
        cloud_partition: ctx.partition,
        data: { resource_id: f.resourceId, resource_arn: f.resourceArn },
      },
    ],
    cloud: { provider: 'AWS', region: f.region, account: { uid: f.accountId, type: 'AWS Account', type_id: 10 } },
    unmapped: {
      leasehold: { scan_id: ctx.scanId, area: f.area, ...(f.acceptance ? { acceptance: f.acceptance } : {}) },
    },
  };
  if (check) {
    event.remediation = { desc: check.remediation.console, ...(check.references.length ? { references: [...check.references] } : {}) };
  }
  if (f.evidence.length) event.evidences = f.evidence.map((e) => ({ data: { call: e.call, region: e.region, time: e.time, excerpt: e.excerpt } }));
  return event;
}

/** A JSON array of Compliance Finding events, one per finding. */
export function toOcsf(findings: readonly Finding[], ctx: OcsfContext): string {
  return `${JSON.stringify(findings.map((f) => toOcsfEvent(f, ctx)), null, 2)}\n`;
}
