/**
 * The Security Hub import: the snapshot's securityhub:GetFindings records, mapped onto the six
 * areas and set against Leasehold's own findings. Pure: a report or re-evaluation calls it on a
 * stored snapshot without AWS.
 */
import { AREAS, type Area } from '../../../shared/model/area.ts';
import { SEVERITIES, type Finding, type Severity } from '../../../shared/model/finding.ts';
import type {
  AlsoReportedBySecurityHub,
  AreaTally,
  ComplianceStatus,
  ImportedFinding,
  SecurityHubDisagreement,
  SecurityHubImport,
  SecurityHubRegion,
} from '../../../shared/model/securityhub.ts';
import type { StoredFinding } from '../collect/securityhub-findings.ts';
import type { HubState } from '../collect/securityhub-status.ts';
import type { CallError, Snapshot } from '../engine/snapshot.ts';
import { areaFor, controlOf } from './area-map.ts';
import { indexByControl, matchesFor } from './dedupe.ts';
import { normaliseSeverity } from './severity.ts';

export const DATASET = 'securityhub:GetFindings';
const COMPLIANCE = new Set<string>(['PASSED', 'FAILED', 'WARNING', 'NOT_AVAILABLE']);

export function toImported(f: StoredFinding, readRegion: string): ImportedFinding {
  const { area, rule } = areaFor(f);
  const region = f.Region || readRegion;
  const status = f.Compliance?.Status ?? '';
  const rec = f.Remediation?.Recommendation;
  return {
    id: f.Id ?? '',
    productName: f.ProductName ?? f.ProductArn?.split('/').pop() ?? '',
    companyName: f.CompanyName ?? '',
    title: f.Title ?? '',
    description: f.Description ?? '',
    severity: normaliseSeverity(f),
    area,
    areaRule: rule,
    control: controlOf(f),
    compliance: COMPLIANCE.has(status) ? (status as ComplianceStatus) : null,
    standards: (f.Compliance?.AssociatedStandards ?? []).flatMap((s) => (s.StandardsId ? [s.StandardsId] : [])),
    types: f.Types ?? [],
    resources: (f.Resources ?? []).map((r) => ({ type: r.Type ?? '', id: r.Id ?? '', region: r.Region ?? region })),
    region,
    remediation: rec && (rec.Text || rec.Url) ? { text: rec.Text ?? '', url: rec.Url ?? '' } : null,
    workflowStatus: f.Workflow?.Status ?? '',
    updatedAt: f.UpdatedAt ?? '',
  };
}

/** Open: a failing or warning control, or a detection (which has no pass/fail). */
export function isOpen(f: ImportedFinding): boolean {
  return f.compliance === null || f.compliance === 'FAILED' || f.compliance === 'WARNING';
}

function emptyTally(): Record<Area, AreaTally> {
  const bySeverity = () => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  return Object.fromEntries(AREAS.map((a) => [a, { total: 0, bySeverity: bySeverity() }])) as Record<Area, AreaTally>;
}

/** A region whose findings were not read: "not enabled" is an answer; otherwise DescribeHub may still know. */
function unread(snap: Snapshot, region: string, error: CallError): SecurityHubRegion {
  if (error.kind === 'service-not-enabled') return { region, enabled: false, imported: 0, reason: `Security Hub is not enabled in ${region}: nothing imported` };
  const why = `findings could not be read (${error.code}: ${error.message})`;
  const hub = snap.read<HubState>('securityhub:DescribeHub', region);
  if (hub.ok && !hub.data.subscribed) return { region, enabled: false, imported: 0, reason: `Security Hub is not enabled in ${region}: nothing imported` };
  return { region, enabled: hub.ok ? true : null, imported: 0, reason: `Security Hub ${hub.ok ? 'is enabled' : 'status unknown'} in ${region}; ${why}` };
}

/** Reads every region's findings once: the scanned account's only, each finding once (aggregation repeats them). */
function readAll(snap: Snapshot): { perRegion: Map<string, SecurityHubRegion>; findings: ImportedFinding[]; otherAccounts: number } {
  const perRegion = new Map<string, SecurityHubRegion>();
  const seen = new Set<string>();
  const findings: ImportedFinding[] = [];
  let otherAccounts = 0;
  for (const region of snap.meta.regions) {
    const read = snap.read<StoredFinding[]>(DATASET, region);
    if (!read.ok) {
      perRegion.set(region, unread(snap, region, read.error));
      continue;
    }
    perRegion.set(region, { region, enabled: true, imported: 0 });
    for (const f of read.data) {
      if (f.AwsAccountId && f.AwsAccountId !== snap.meta.accountId) {
        otherAccounts += 1;
        continue;
      }
      if (!f.Id || seen.has(f.Id)) continue;
      seen.add(f.Id);
      findings.push(toImported(f, region));
    }
  }
  for (const f of findings) {
    const row = perRegion.get(f.region) ?? { region: f.region, enabled: true, imported: 0, reason: 'read through cross-region aggregation' };
    row.imported += 1;
    perRegion.set(f.region, row);
  }
  return { perRegion, findings, otherAccounts };
}

export function importSecurityHub(snap: Snapshot, leaseholdFindings: readonly Finding[]): SecurityHubImport {
  const { perRegion, findings: all, otherAccounts } = readAll(snap);
  const index = indexByControl(leaseholdFindings);
  const findings: ImportedFinding[] = [];
  const disagreements: SecurityHubDisagreement[] = [];
  const alsoReported: AlsoReportedBySecurityHub[] = [];
  let duplicates = 0;
  for (const f of all) {
    const matches = f.control && f.compliance ? matchesFor(index, f.control, f.compliance, f.resources) : [];
    const against = matches.filter((m) => m.relation === 'disagree');
    if (matches.length > 0 && against.length === 0) {
      duplicates += 1;
      for (const m of matches.filter((x) => x.relation === 'agree')) {
        const { checkId, resourceId, region } = m.leasehold;
        alsoReported.push({ checkId, resourceId, region, control: f.control ?? '', findingId: f.id });
      }
      continue;
    }
    for (const m of against) {
      const { checkId, resourceId, region, status } = m.leasehold;
      disagreements.push({ control: f.control ?? '', resourceId, region, checkId, leasehold: status, securityHub: f.compliance as ComplianceStatus, findingId: f.id });
    }
    const first = against[0]?.leasehold;
    findings.push(first ? { ...f, disagreesWith: { checkId: first.checkId, status: first.status } } : f);
  }
  const byArea = emptyTally();
  for (const f of findings.filter(isOpen)) {
    byArea[f.area].total += 1;
    byArea[f.area].bySeverity[f.severity] += 1;
  }
  const regions = [...perRegion.values()].sort((a, b) => a.region.localeCompare(b.region));
  return { perRegion: regions, findings, duplicates, disagreements, alsoReported, byArea, otherAccounts };
}
