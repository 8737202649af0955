/** Engagements: the client, the consultant, notes and settings such as the authorized ports. */
import { randomUUID } from 'node:crypto';
import type { Engagement, EngagementSettings, EngagementSummary } from '../../../shared/model/engagement.ts';
import { ApiFailure } from '../api.ts';
import { checkLogos, describeLogos, storedLogos } from './engagement-logos.ts';
import type { Db } from './open.ts';

interface EngagementRow {
  id: string;
  client: string;
  consultant: string;
  notes: string;
  settings: string;
  created_at: string;
  archived_at: string | null;
  scan_count: number;
}

export const DEFAULT_SETTINGS: EngagementSettings = { authorizedPorts: [80, 443] };

export function parseSettings(raw: string): EngagementSettings {
  const value = JSON.parse(raw || '{}') as Partial<EngagementSettings>;
  const ports = Array.isArray(value.authorizedPorts) ? value.authorizedPorts.filter((p) => Number.isInteger(p) && p >= 0 && p <= 65535) : DEFAULT_SETTINGS.authorizedPorts;
  const logos = storedLogos(value.logos);
  return { authorizedPorts: ports, ...(logos ? { logos } : {}) };
}

const SELECT = `SELECT e.*, (SELECT COUNT(*) FROM scans s JOIN accounts a ON a.id = s.account_ref WHERE a.engagement_id = e.id) AS scan_count
  FROM engagements e`;

/** Without the logo images: the list is for choosing, and 50 clients' logos would weigh ~35 MB. */
export function listEngagements(db: Db, includeArchived = false): EngagementSummary[] {
  const rows = db.prepare(`${SELECT} ${includeArchived ? '' : 'WHERE e.archived_at IS NULL'} ORDER BY e.created_at DESC`).iterate() as IterableIterator<EngagementRow>;
  // Row by row, so only one engagement's images are in memory at a time.
  return Array.from(rows, (r) => toSummary(toEngagement(r)));
}

export function getEngagement(db: Db, id: string): Engagement | undefined {
  const row = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as EngagementRow | undefined;
  return row ? toEngagement(row) : undefined;
}

export interface EngagementInput {
  id?: string;
  client: string;
  consultant?: string;
  notes?: string;
  settings?: Partial<EngagementSettings>;
}

export function saveEngagement(db: Db, input: EngagementInput, now: Date = new Date()): Engagement {
  const client = input.client.trim();
  if (client === '') throw new ApiFailure('bad-request', 'An engagement needs a client name.');
  const ports = input.settings?.authorizedPorts;
  if (ports !== undefined && !(Array.isArray(ports) && ports.every((p) => Number.isInteger(p) && p >= 0 && p <= 65535))) {
    throw new ApiFailure('bad-request', 'Authorized ports are whole numbers from 0 to 65535.');
  }
  const id = input.id ?? randomUUID();
  const existing = input.id ? getEngagement(db, input.id) : undefined;
  if (input.id && !existing) throw new ApiFailure('not-found', `No engagement with id "${input.id.slice(0, 60)}".`);
  const settings: EngagementSettings = { authorizedPorts: ports ?? existing?.settings.authorizedPorts ?? DEFAULT_SETTINGS.authorizedPorts };
  // `logos` replaces the stored set as a whole; leaving it out keeps what is stored.
  const logos = input.settings?.logos === undefined ? existing?.settings.logos : checkLogos(input.settings.logos);
  if (logos && (logos.client || logos.consultant)) settings.logos = logos;
  db.prepare(
    `INSERT INTO engagements (id, client, consultant, notes, settings, created_at) VALUES (@id, @client, @consultant, @notes, @settings, @now)
     ON CONFLICT (id) DO UPDATE SET client = @client, consultant = @consultant, notes = @notes, settings = @settings`,
  ).run({
    id,
    client,
    consultant: (input.consultant ?? existing?.consultant ?? '').trim(),
    notes: input.notes ?? existing?.notes ?? '',
    settings: JSON.stringify(settings),
    now: now.toISOString(),
  });
  return getEngagement(db, id) as Engagement;
}

export function archiveEngagement(db: Db, id: string, archived: boolean, now: Date = new Date()): void {
  const changed = db.prepare('UPDATE engagements SET archived_at = ? WHERE id = ?').run(archived ? now.toISOString() : null, id).changes;
  if (changed === 0) throw new ApiFailure('not-found', `No engagement with id "${id.slice(0, 60)}".`);
}

export function engagementOfScan(db: Db, scanId: string): string | undefined {
  const row = db.prepare('SELECT a.engagement_id AS id FROM scans s JOIN accounts a ON a.id = s.account_ref WHERE s.id = ?').get(scanId) as
    | { id: string }
    | undefined;
  return row?.id;
}

function toEngagement(r: EngagementRow): Engagement {
  return {
    id: r.id,
    client: r.client,
    consultant: r.consultant,
    notes: r.notes,
    settings: parseSettings(r.settings),
    createdAt: r.created_at,
    archivedAt: r.archived_at,
    scanCount: r.scan_count,
  };
}

/** Its logos are those getEngagement returns: the same read-back check decides both. */
function toSummary({ settings: { logos, ...settings }, ...engagement }: Engagement): EngagementSummary {
  return { ...engagement, settings: { ...settings, ...(logos ? { logos: describeLogos(logos) } : {}) } };
}

/** The ports the scan's engagement authorizes to be open to the internet (80 and 443 by default). */
export function authorizedPortsOf(db: Db, scanId: string): number[] {
  const engagementId = engagementOfScan(db, scanId);
  return (engagementId ? getEngagement(db, engagementId)?.settings.authorizedPorts : undefined) ?? DEFAULT_SETTINGS.authorizedPorts;
}
