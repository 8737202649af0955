/**
 * Builds a ReportModel from the store: the scan, its findings with accepted risks marked, and
 * every optional part (responsibility matrix, maintenance and exposure views, Security Hub import,
 * risk register, manual controls, missing permissions, changes since the last scan, trend,
 * reference data, snapshot fingerprint, framework crosswalk). A part whose module or data is not
 * there becomes `notAvailable(reason)`; building never fails because of one.
 *
 * Deterministic: "now" is the scan's end, and only scans started up to this one are looked at.
 */
import type { ScanDetail } from '../../../shared/api.ts';
import type { CheckMeta } from '../../../shared/model/check.ts';
import type { Finding } from '../../../shared/model/finding.ts';
import { ApiFailure } from '../api.ts';
import { partitionOf } from '../aws/partition.ts';
import { coverageOf } from '../engine/coverage.ts';
import { Snapshot, type SnapshotRecord } from '../engine/snapshot.ts';
import { applyAcceptances, listAcceptances } from '../store/acceptances.ts';
import { diffScans, passRateTrend } from '../store/diff.ts';
import { engagementOfScan, getEngagement } from '../store/engagements.ts';
import { listFindings } from '../store/findings.ts';
import { listManualControls } from '../store/manual.ts';
import type { Db } from '../store/open.ts';
import { getScan, listScans, scanEndpoints } from '../store/scans.ts';
import { readOutcomes, readRecords } from '../store/snapshot.ts';
import { snapshotDigest } from './digest.ts';
import { available, buildReportModel, notAvailable, summarizeAreas, type MissingPermission, type Part, type ReportModel, type ScanChanges } from './model.ts';

export interface ReportRequest {
  scanId: string;
  /** Compare against this scan (the comparison report). */
  compareTo?: string;
  client?: string;
  consultant?: string;
  firm?: string;
  title?: string;
  /** PNG or JPEG files. */
  clientLogo?: string;
  firmLogo?: string;
  /** base64 PNG or JPEG; they win over the files, which win over the engagement's logos. */
  logoData?: string;
  firmLogoData?: string;
}

/**
 * The modules the optional parts come from. Each is loaded on first use and may be missing or
 * still changing: a hook that throws leaves its part "not available" with the reason.
 */
export const PART_HOOKS = {
  responsibility: async (snap: Snapshot) => (await import('../responsibility/matrix.ts')).responsibilityMatrix(snap),
  maintenance: async (snap: Snapshot) => (await import('../maintenance/view.ts')).maintenanceView(snap),
  exposure: async (snap: Snapshot, ports: number[]) => (await import('../exposure/view.ts')).exposureView(snap, ports),
  securityHub: async (snap: Snapshot, findings: readonly Finding[]) => (await import('../securityhub/import.ts')).importSecurityHub(snap, findings),
  referenceData: async () => (await import('../maintenance/eol.ts')).referenceDataVersions(),
  authorizedPorts: async (db: Db, scanId: string) => (await import('../store/engagements.ts')).authorizedPortsOf(db, scanId),
  iamActions: async (dataset: string) => (await import('../collect/index.ts')).DATASETS.get(dataset)?.iamActions ?? [],
  crosswalk: async () => {
    const { CROSSWALK, FRAMEWORKS } = await import('../checks/crosswalk/index.ts');
    const frameworks: Record<string, string> = { ...FRAMEWORKS };
    const requirements = Object.entries(CROSSWALK).flatMap(([framework, reqs]) =>
      Object.entries(reqs).map(([id, checks]) => ({ framework, id, checks: [...checks].sort() })),
    );
    return { frameworks, requirements };
  },
};

function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n', 1)[0]?.slice(0, 200) ?? '';
}

async function tryPart<T>(what: string, build: () => T | Promise<T>): Promise<Part<T>> {
  try {
    return available(await build());
  } catch (err) {
    return notAvailable(`${what} could not be produced (${oneLine(err)}).`);
  }
}

export function scanDetailOf(db: Db, scanId: string): ScanDetail {
  const scan = getScan(db, scanId);
  if (!scan) throw new ApiFailure('not-found', `No scan with id "${scanId.slice(0, 60)}"; run \`leasehold scans\` to list them.`);
  return { ...scan, areaSummaries: summarizeAreas(listFindings(db, scanId)) };
}

/** The IAM actions whose absence (or an explicit deny) made calls fail, from the stored outcomes. */
export async function missingPermissions(records: readonly SnapshotRecord[]): Promise<MissingPermission[]> {
  const byAction = new Map<string, MissingPermission>();
  for (const r of records) {
    if (r.ok || (r.error.kind !== 'permission-denied' && r.error.kind !== 'explicit-deny')) continue;
    const actions = await PART_HOOKS.iamActions(r.dataset);
    for (const action of actions.length ? actions : [r.dataset]) {
      const key = `${r.error.kind}|${action}`;
      const entry = byAction.get(key) ?? { action, kind: r.error.kind, calls: [], regions: [], failures: 0 };
      if (!entry.calls.includes(r.dataset)) entry.calls.push(r.dataset);
      if (!entry.regions.includes(r.region)) entry.regions.push(r.region);
      entry.failures++;
      byAction.set(key, entry);
    }
  }
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...byAction.values()]
    .map((e) => ({ ...e, calls: e.calls.sort(order), regions: e.regions.sort(order) }))
    .sort((a, b) => order(a.action, b.action) || order(a.kind, b.kind));
}

function clientOf(db: Db, scan: ScanDetail, engagementId: string | undefined, requested: string | undefined): { client?: string; consultant?: string } {
  const engagement = engagementId ? getEngagement(db, engagementId) : undefined;
  // Engagements created implicitly for a scan carry their id or "Unassigned" as client: not a name.
  const named = engagement && engagement.client !== engagement.id && engagement.client !== 'Unassigned' ? engagement.client : undefined;
  const client = requested?.trim() || named || scan.label.trim() || undefined;
  return { ...(client ? { client } : {}), ...(engagement?.consultant ? { consultant: engagement.consultant } : {}) };
}

export async function buildModelFromStore(db: Db, req: ReportRequest, checks: CheckMeta[]): Promise<ReportModel> {
  const scan = scanDetailOf(db, req.scanId);
  const asOf = scan.endedAt ?? scan.startedAt;
  const engagementId = engagementOfScan(db, scan.id);
  const acceptances = await tryPart('The risk register', () => (engagementId ? listAcceptances(db, engagementId) : []));
  const raw = listFindings(db, scan.id);
  const asOfDate = new Date(asOf);
  const findings = acceptances.available && !Number.isNaN(asOfDate.getTime()) ? applyAcceptances(raw, acceptances.value, asOfDate) : raw;
  const who = clientOf(db, scan, engagementId, req.client);
  const outcomes = readOutcomes(db, scan.id);

  const records = await tryPart('The stored snapshot', () => readRecords(db, scan.id));
  const partition = scan.callerArn.split(':')[1] || partitionOf(scan.regions[0] ?? 'us-east-1');
  const snap = records.available ? new Snapshot({ accountId: scan.accountId, partition, regions: scan.regions }, records.value) : undefined;
  const fromSnapshot = <T>(what: string, build: (s: Snapshot) => T | Promise<T>): Promise<Part<T>> =>
    snap ? tryPart(what, () => build(snap)) : Promise.resolve(notAvailable<T>(records.available ? 'no snapshot was stored.' : records.reason));

  // Loaded here, not at the top: the data exports share this module and never need pdfkit.
  const { coverLogos } = await import('./logos.ts');
  const logos = coverLogos(
    { clientData: req.logoData, firmData: req.firmLogoData, clientPath: req.clientLogo, firmPath: req.firmLogo },
    engagementId ? getEngagement(db, engagementId) : undefined,
  );

  const model = buildReportModel({
    scan,
    findings,
    checks,
    asOf,
    ...(req.title ? { title: req.title } : {}),
    ...(who.client ? { clientName: who.client } : {}),
    ...((req.consultant ?? who.consultant) ? { consultant: req.consultant ?? who.consultant } : {}),
    ...(req.firm ? { firm: req.firm } : {}),
    ...(logos ? { logos } : {}),
    coverage: { cells: coverageOf(outcomes), endpoints: scanEndpoints(db, scan.id) },
    acceptances,
    manualControls: await tryPart('Manual controls', () => (engagementId ? listManualControls(db, engagementId) : [])),
    changes: await tryPart('The comparison with the previous scan', () => changesSince(db, scan)),
    trend: await tryPart('The trend across scans', () => passRateTrend(db, scan.accountId).filter((p) => p.startedAt <= scan.startedAt)),
    permissions: await tryPart('The list of missing permissions', () => missingPermissions(outcomes)),
    referenceData: await tryPart('The reference data versions', PART_HOOKS.referenceData),
    frameworks: await tryPart('The framework crosswalk', PART_HOOKS.crosswalk),
    snapshotDigest: records.available ? available(snapshotDigest(records.value)) : notAvailable(records.reason),
    responsibility: await fromSnapshot('The responsibility matrix', PART_HOOKS.responsibility),
    maintenance: await fromSnapshot('The maintenance view', PART_HOOKS.maintenance),
    exposure: await fromSnapshot('The internet exposure view', async (s) => PART_HOOKS.exposure(s, await PART_HOOKS.authorizedPorts(db, scan.id))),
    securityHub: await fromSnapshot('The Security Hub import', (s) => PART_HOOKS.securityHub(s, raw)),
  });
  const checksVersion = (db.prepare('SELECT checks_version FROM scans WHERE id = ?').get(scan.id) as { checks_version?: string } | undefined)?.checks_version;
  if (checksVersion) model.checksVersion = checksVersion;
  if (req.compareTo) model.comparison = comparisonOf(db, scan, req.compareTo);
  return model;
}

/** The previous complete scan of the same account (started before this one) and what changed since; null for a first scan. */
function changesSince(db: Db, scan: ScanDetail): ScanChanges | null {
  const previous = listScans(db).find((s) => s.accountId === scan.accountId && s.id !== scan.id && s.status === 'complete' && s.startedAt < scan.startedAt);
  return previous ? { previous, diff: diffScans(db, previous.id, scan.id) } : null;
}

function comparisonOf(db: Db, scan: ScanDetail, baseId: string): NonNullable<ReportModel['comparison']> {
  if (baseId === scan.id) throw new ApiFailure('bad-request', 'Compare a scan with another scan, not with itself.');
  const base = scanDetailOf(db, baseId);
  if (base.accountId !== scan.accountId) {
    throw new ApiFailure('bad-request', `Scans "${base.id.slice(0, 40)}" and "${scan.id.slice(0, 40)}" are of different AWS accounts; a comparison needs two scans of one account.`);
  }
  return { base, diff: diffScans(db, base.id, scan.id) };
}
