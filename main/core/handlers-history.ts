/** Handlers for engagements, accepted risks, manual controls, scan history and portability. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiFailure, type Handlers } from './api.ts';
import type { HandlerDeps } from './handlers.ts';
import { acceptRisk, listAcceptances, revokeAcceptance } from './store/acceptances.ts';
import { diffScans, passRateTrend } from './store/diff.ts';
import { archiveEngagement, getEngagement, listEngagements, saveEngagement } from './store/engagements.ts';
import { answerManualControl, listManualControls } from './store/manual.ts';
import { backupDatabase, exportEngagement, importEngagement } from './store/portability.ts';
import { deleteScan, getScan } from './store/scans.ts';
import { safeFileName } from './util/file-names.ts';
import { withNewEngagementDefaults } from './store/settings.ts';

type HistoryNames =
  | 'scans:delete'
  | 'scans:diff'
  | 'scans:trend'
  | 'engagements:list'
  | 'engagements:get'
  | 'engagements:save'
  | 'engagements:archive'
  | 'engagements:export'
  | 'engagements:import'
  | 'db:backup'
  | 'risks:accept'
  | 'risks:list'
  | 'risks:revoke'
  | 'manual:list'
  | 'manual:answer';

export function historyHandlers(deps: HandlerDeps, resolveScanId: (id: unknown) => string): Pick<Handlers, HistoryNames> {
  const requireText = (value: unknown, what: string): string => {
    if (typeof value !== 'string' || value.trim() === '') throw new ApiFailure('bad-request', `${what} is required.`);
    return value;
  };
  return {
    'scans:delete': async (req) => ({ deleted: deleteScan(deps.db, resolveScanId(req.scanId)) }),
    'scans:diff': async (req) => {
      const from = resolveScanId(req.fromScanId);
      const to = resolveScanId(req.toScanId);
      const a = getScan(deps.db, from);
      const b = getScan(deps.db, to);
      if (!a || !b) throw new ApiFailure('not-found', `No scan with id "${(!a ? from : to).slice(0, 60)}"; run \`leasehold scans\` to list them.`);
      if (a.accountId !== b.accountId) throw new ApiFailure('bad-request', `Scans ${from} and ${to} are of different accounts (${a.accountId}, ${b.accountId}).`);
      return diffScans(deps.db, from, to);
    },
    'scans:trend': async (req) => passRateTrend(deps.db, requireText(req.accountId, 'An account ID')),
    'engagements:list': async (req) => listEngagements(deps.db, req.includeArchived === true),
    'engagements:get': async (req) => {
      const engagement = getEngagement(deps.db, requireText(req.id, 'An engagement id'));
      if (!engagement) throw new ApiFailure('not-found', `No engagement with id "${String(req.id).slice(0, 60)}".`);
      return engagement;
    },
    'engagements:save': async (req) => {
      // pdfkit loads only when logos come with the save; the store checks the rest.
      const logos = req.settings?.logos;
      if (logos?.client || logos?.consultant) (await import('./report/logos.ts')).checkLogosRenderable(logos);
      return saveEngagement(deps.db, withNewEngagementDefaults(deps.db, { ...req, client: requireText(req.client, 'A client name') }));
    },
    'engagements:archive': async (req) => {
      archiveEngagement(deps.db, requireText(req.id, 'An engagement id'), req.archived !== false);
      return { id: req.id };
    },
    'engagements:export': async (req) => {
      const engagement = getEngagement(deps.db, requireText(req.engagementId, 'An engagement id'));
      if (!engagement) throw new ApiFailure('not-found', `No engagement with id "${String(req.engagementId).slice(0, 60)}".`);
      const dir = mkdtempSync(join(tmpdir(), 'leasehold-export-'));
      try {
        const file = join(dir, 'engagement.leasehold');
        exportEngagement(deps.db, deps.dbPath, engagement.id, file, deps.paths.migrationsDir);
        const name = `${safeFileName(`leasehold-engagement-${engagement.client}`)}.leasehold`;
        return { fileName: name, mimeType: 'application/vnd.sqlite3', base64: readFileSync(file).toString('base64') };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    'engagements:import': async (req) => {
      const dir = mkdtempSync(join(tmpdir(), 'leasehold-import-'));
      try {
        const file = join(dir, 'engagement.leasehold');
        writeFileSync(file, Buffer.from(requireText(req.base64, 'The file content'), 'base64'), { mode: 0o600 });
        return importEngagement(deps.db, file, deps.paths.migrationsDir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    'db:backup': async (req) => {
      const path = requireText(req.path, 'A backup file path');
      await backupDatabase(deps.db, path);
      return { path };
    },
    'risks:accept': async (req) => acceptRisk(deps.db, { ...req, engagementId: requireText(req.engagementId, 'An engagement id'), checkId: requireText(req.checkId, 'A check id') }),
    'risks:list': async (req) => listAcceptances(deps.db, requireText(req.engagementId, 'An engagement id')),
    'risks:revoke': async (req) => ({ revoked: revokeAcceptance(deps.db, Number(req.id)) }),
    'manual:list': async (req) => listManualControls(deps.db, requireText(req.engagementId, 'An engagement id')),
    'manual:answer': async (req) => {
      answerManualControl(deps.db, req);
      return listManualControls(deps.db, req.engagementId);
    },
  };
}
