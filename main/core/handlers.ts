/** The handler table: every call of shared/api.ts, implemented once for both transports. */
import type { FilePayload, ScanDetail } from '../../shared/api.ts';
import { AREAS, isArea, type Area } from '../../shared/model/area.ts';
import { ACCEPTANCE_FILTERS, STATUSES, type Status } from '../../shared/model/finding.ts';
import { ApiFailure, type EmitEvent, type Handlers } from './api.ts';
import { createAuthBroker } from './aws/auth-broker.ts';
import { listProfiles } from './aws/profiles.ts';
import { coverageOf } from './engine/coverage.ts';
import { reevaluateScan } from './scan/reevaluate.ts';
import { readOutcomes } from './store/snapshot.ts';
import { CHECKS } from './checks/index.ts';
import { frameworkIdsFor } from './checks/crosswalk/index.ts';
import { loadDemo } from './demo.ts';
import type { AssetPaths } from './paths.ts';
import { summarizeAreas } from './report/model.ts';
import type { RunningScan } from './scan/run-scan.ts';
import { listFindings, queryFindings } from './store/findings.ts';
import type { Db } from './store/open.ts';
import { getScan, latestScanId, listScans, scanEndpoints } from './store/scans.ts';
import { historyHandlers } from './handlers-history.ts';
import { viewHandlers } from './handlers-views.ts';
import { settingsHandlers, type FolderOpener } from './handlers-settings.ts';
import { savedConcurrency } from './store/settings.ts';
import { applyAcceptances, listAcceptances } from './store/acceptances.ts';
import { engagementOfScan } from './store/engagements.ts';

export interface HandlerDeps {
  db: Db;
  env: NodeJS.ProcessEnv;
  paths: AssetPaths;
  emit: EmitEvent;
  version: string;
  dataDir: string;
  dbPath: string;
  /** Opens the data folder in the file manager; absent where there is none to open (plain CLI, tests). */
  openFolder?: FolderOpener;
}

export function createHandlers(deps: HandlerDeps): { handlers: Handlers; running: Map<string, RunningScan> } {
  const running = new Map<string, RunningScan>();
  const auth = createAuthBroker(deps.emit);
  const scanDeps = { db: deps.db, env: deps.env, emit: deps.emit, toolVersion: deps.version };
  const track = (scan: RunningScan): { scanId: string } => {
    running.set(scan.scanId, scan);
    void scan.done.finally(() => running.delete(scan.scanId));
    return { scanId: scan.scanId };
  };

  const scanDetail = (scanId: unknown): ScanDetail => {
    const id = resolveScanId(deps.db, scanId);
    const scan = getScan(deps.db, id);
    if (!scan) throw noSuchScan(id);
    return { ...scan, areaSummaries: summarizeAreas(listFindings(deps.db, id)) };
  };

  const handlers = {
    ...historyHandlers(deps, (id) => resolveScanId(deps.db, id)),
    ...viewHandlers(deps, (id) => requireScan(deps.db, id)),
    ...settingsHandlers(deps),
    'checks:list': async () =>
      CHECKS.map((c) => ({ ...c.meta, frameworks: frameworkIdsFor(c.meta.id).map((f) => ({ framework: f.framework, requirement: f.id })) })),
    'app:info': async () => ({ version: deps.version, dataDir: deps.dataDir, dbPath: deps.dbPath }),
    'profiles:list': () => listProfiles(deps.env),
    'scans:list': async () => listScans(deps.db),
    'scans:get': async (req) => scanDetail(req.scanId),
    'scan:start': async (req) => {
      if (typeof req.profile !== 'string' || req.profile === '') throw new ApiFailure('bad-request', 'Choose a profile to scan.');
      const areas = validAreas(req.areas);
      const regions = req.regions;
      if (regions !== undefined && regions !== 'all' && !(Array.isArray(regions) && regions.every((r) => typeof r === 'string'))) {
        throw new ApiFailure('bad-request', 'regions must be "all" or a list of region names.');
      }
      const concurrency = typeof req.concurrency === 'number' && Number.isInteger(req.concurrency) ? Math.min(Math.max(req.concurrency, 1), 64) : savedConcurrency(deps.db);
      return track(await (await scanner()).startScan({ ...scanDeps, concurrency }, { profile: req.profile, regions, areas, engagementId: req.engagementId, mfaCodeProvider: auth.mfaProvider(req.profile), onCredentialsExpired: auth.renewal }));
    },
    'org:scan': async (req) => {
      if (typeof req.profile !== 'string' || req.profile === '') throw new ApiFailure('bad-request', 'Choose the profile of the management (or delegated administrator) account.');
      if (req.accounts !== undefined && !Array.isArray(req.accounts)) throw new ApiFailure('bad-request', 'accounts must be a list of account ids.');
      const { startOrganizationScan } = await import('./scan/organization.ts');
      return startOrganizationScan(
        { ...scanDeps, concurrency: savedConcurrency(deps.db) },
        { profile: req.profile, role: req.role, externalId: req.externalId, regions: validRegions(req.regions), areas: validAreas(req.areas), engagementId: req.engagementId, accounts: req.accounts, mfaCodeProvider: auth.mfaProvider(req.profile), onCredentialsExpired: auth.renewal },
        { onStarted: (scan) => void track(scan) },
      );
    },
    'scan:resume': async (req) => {
      const id = requireScan(deps.db, req.scanId);
      const profile = getScan(deps.db, id)?.profile ?? '';
      return track(await (await scanner()).resumeScan({ ...scanDeps, concurrency: savedConcurrency(deps.db) }, id, auth.mfaProvider(profile), auth.renewal));
    },
    'scan:reevaluate': async (req) => ({ scanId: reevaluateScan(deps.db, requireScan(deps.db, req.scanId), deps.version) }),
    'scans:coverage': async (req) => {
      const id = scanDetail(req.scanId).id;
      return { cells: coverageOf(readOutcomes(deps.db, id)), endpoints: scanEndpoints(deps.db, id) };
    },
    'doctor:run': async (req) => {
      if (typeof req.profile !== 'string' || req.profile === '') throw new ApiFailure('bad-request', 'Choose a profile to check.');
      return (await import('./aws/doctor.ts')).runDoctor(req.profile, deps.env, validAreas(req.areas), auth.mfaProvider(req.profile));
    },
    'policy:get': async (req) => (await import('./aws/policy.ts')).leastPrivilegePolicy(validAreas(req.areas)),
    'auth:mfa-code': async (req) => ({ accepted: auth.answerMfa(String(req.requestId), String(req.code)) }),
    'auth:renewed': async (req) => ({ accepted: auth.answerRenewal(String(req.requestId), req.abort === true) }),
    'scan:cancel': async (req) => {
      const scan = running.get(String(req.scanId));
      scan?.cancel();
      return { cancelled: scan !== undefined };
    },
    'findings:list': async (req) => {
      const id = requireScan(deps.db, req.scanId);
      if (req.status !== undefined && !STATUSES.includes(req.status)) throw new ApiFailure('bad-request', `Unknown status ${String(req.status)}.`);
      if (req.area !== undefined && !isArea(String(req.area))) throw new ApiFailure('bad-request', `Unknown area ${String(req.area)}.`);
      const findings = listFindings(deps.db, id, { status: req.status as Status | undefined, area: req.area });
      const engagementId = engagementOfScan(deps.db, id);
      return engagementId ? applyAcceptances(findings, listAcceptances(deps.db, engagementId), new Date()) : findings;
    },
    'findings:query': async (req) => {
      const id = requireScan(deps.db, req.scanId);
      const acceptance: unknown = req.acceptance;
      const unknownFilter = Array.isArray(acceptance) ? acceptance.find((a) => !(ACCEPTANCE_FILTERS as readonly unknown[]).includes(a)) : acceptance;
      if (acceptance !== undefined && (!Array.isArray(acceptance) || unknownFilter !== undefined)) {
        const shown = String(unknownFilter).replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
        throw new ApiFailure('bad-request', `acceptance must be a list of ${ACCEPTANCE_FILTERS.join(', ')}; "${shown}" is not one.`);
      }
      // One instant for the filter and the marks, so a row never shows a state it was not filtered by.
      const now = new Date();
      const page = queryFindings(deps.db, id, req, now);
      const engagementId = engagementOfScan(deps.db, id);
      return engagementId ? { ...page, rows: applyAcceptances(page.rows, listAcceptances(deps.db, engagementId), now) } : page;
    },
    'demo:open': async () => ({ scanId: loadDemo(deps.db, deps.paths.demoDir, deps.version) }),
    'report:render': async (req) => {
      const scanId = resolveScanId(deps.db, req.scanId);
      const compareTo = req.compare === undefined ? undefined : resolveScanId(deps.db, req.compare);
      // The report builder and the PDF renderer (pdfkit, fonts) load on first use: listing scans never needs them.
      const { renderReportFile } = await import('./report/index.ts');
      const { compare: _compare, logo, firmLogo, ...options } = req;
      const file = await renderReportFile(deps.db, { ...options, scanId, ...(compareTo ? { compareTo } : {}), ...(logo ? { clientLogo: logo } : {}), ...(firmLogo ? { firmLogo } : {}) }, { fontsDir: deps.paths.fontsDir, checks: CHECKS.map((c) => c.meta) });
      return payload(file.fileName, 'application/pdf', file.pdf);
    },
    'export:render': async (req) => {
      const { renderExport } = await import('./export/index.ts');
      const file = await renderExport(deps.db, { scanId: resolveScanId(deps.db, req.scanId), format: req.format, redact: req.redact === true }, CHECKS.map((c) => c.meta));
      return payload(file.fileName, file.mimeType, file.content);
    },
  } satisfies Handlers;
  return { handlers, running };
}

/** The scanner (AWS SDK clients and collectors) loads on first use: reading stored scans never needs it. */
const scanner = () => import('./scan/run-scan.ts');

function validAreas(areas: unknown): Area[] {
  if (areas === undefined || (Array.isArray(areas) && areas.length === 0)) return [...AREAS];
  if (!Array.isArray(areas) || !areas.every((a) => typeof a === 'string' && isArea(a))) {
    throw new ApiFailure('bad-request', `Unknown area; use one of ${AREAS.join(', ')}.`);
  }
  return areas as Area[];
}

function validRegions(regions: unknown): string[] | 'all' | undefined {
  if (regions === undefined || regions === 'all' || (Array.isArray(regions) && regions.every((r) => typeof r === 'string'))) return regions;
  throw new ApiFailure('bad-request', 'regions must be "all" or a list of region names.');
}

/** "latest" or an id; anything else is a clear error. */
export function resolveScanId(db: Db, scanId: unknown): string {
  if (scanId === 'latest') {
    const id = latestScanId(db);
    if (!id) throw new ApiFailure('not-found', 'There are no scans yet; run `leasehold scan --profile P` or `leasehold demo`.');
    return id;
  }
  if (typeof scanId !== 'string' || scanId === '') throw new ApiFailure('bad-request', 'A scan id (or "latest") is required.');
  return scanId;
}

/** resolveScanId, for a call that reads the scan: an id no scan has is not-found, never an empty answer. */
export function requireScan(db: Db, scanId: unknown): string {
  const id = resolveScanId(db, scanId);
  if (!db.prepare('SELECT 1 FROM scans WHERE id = ?').get(id)) throw noSuchScan(id);
  return id;
}

function noSuchScan(id: string): ApiFailure {
  return new ApiFailure('not-found', `No scan with id "${id.slice(0, 60)}"; run \`leasehold scans\` to list them.`);
}

function payload(fileName: string, mimeType: string, content: Buffer): FilePayload {
  return { fileName, mimeType, base64: content.toString('base64') };
}
