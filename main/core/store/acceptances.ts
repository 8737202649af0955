/**
 * Accepted risks. An acceptance covers one finding (resource set) or a whole check, optionally
 * narrowed to an account and a region. Accepted findings stay visible, marked accepted; once the
 * acceptance expires they count as open again.
 */
import type { AcceptanceState, RiskAcceptance } from '../../../shared/model/engagement.ts';
import type { Finding } from '../../../shared/model/finding.ts';
import { ApiFailure } from '../api.ts';
import type { Db } from './open.ts';

interface AcceptanceRow {
  id: number;
  engagement_id: string;
  check_id: string;
  account_id: string | null;
  region: string | null;
  resource_id: string | null;
  justification: string;
  approver: string;
  expires_at: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface AcceptanceInput {
  engagementId: string;
  checkId: string;
  accountId?: string | null;
  region?: string | null;
  resourceId?: string | null;
  justification: string;
  approver: string;
  expiresAt?: string | null;
}

export function acceptRisk(db: Db, input: AcceptanceInput, now: Date = new Date()): RiskAcceptance {
  if (!input.justification?.trim()) throw new ApiFailure('bad-request', 'Accepting a risk needs a justification.');
  if (!input.approver?.trim()) throw new ApiFailure('bad-request', 'Accepting a risk needs the name of who approved it.');
  if (input.expiresAt && Number.isNaN(Date.parse(input.expiresAt))) throw new ApiFailure('bad-request', 'The expiry must be a date (YYYY-MM-DD).');
  const engagement = db.prepare('SELECT id FROM engagements WHERE id = ?').get(input.engagementId);
  if (!engagement) throw new ApiFailure('not-found', `No engagement with id "${input.engagementId.slice(0, 60)}".`);
  const info = db
    .prepare(
      `INSERT INTO risk_acceptances (engagement_id, check_id, account_id, region, resource_id, justification, approver, expires_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.engagementId,
      input.checkId,
      input.accountId ?? null,
      input.region ?? null,
      input.resourceId ?? null,
      input.justification.trim(),
      input.approver.trim(),
      input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
      now.toISOString(),
    );
  return listAcceptances(db, input.engagementId, true).find((a) => a.id === Number(info.lastInsertRowid)) as RiskAcceptance;
}

export function revokeAcceptance(db: Db, id: number, now: Date = new Date()): boolean {
  return db.prepare('UPDATE risk_acceptances SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), id).changes > 0;
}

export function listAcceptances(db: Db, engagementId: string, includeRevoked = false): RiskAcceptance[] {
  const rows = db
    .prepare(`SELECT * FROM risk_acceptances WHERE engagement_id = ? ${includeRevoked ? '' : 'AND revoked_at IS NULL'} ORDER BY created_at, id`)
    .all(engagementId) as AcceptanceRow[];
  return rows.map((r) => ({
    id: r.id,
    engagementId: r.engagement_id,
    checkId: r.check_id,
    accountId: r.account_id,
    region: r.region,
    resourceId: r.resource_id,
    justification: r.justification,
    approver: r.approver,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

export function covers(a: RiskAcceptance, f: Pick<Finding, 'checkId' | 'accountId' | 'region' | 'resourceId'>): boolean {
  return (
    a.checkId === f.checkId &&
    (a.accountId === null || a.accountId === f.accountId) &&
    (a.region === null || a.region === f.region) &&
    (a.resourceId === null || a.resourceId === f.resourceId)
  );
}

/**
 * Marks the FAIL findings an acceptance covers. An acceptance in force wins over an expired one
 * (an expired acceptance for one resource must not re-open what a check-wide one still accepts),
 * then the most specific wins; "now" is the moment the findings are looked at, so an expired
 * acceptance re-opens its findings. The explorer's filter (queryFindings) follows the same rule.
 */
export function applyAcceptances(findings: Finding[], acceptances: RiskAcceptance[], now: Date): Finding[] {
  if (acceptances.length === 0) return findings;
  const inForce = (a: RiskAcceptance): boolean => a.expiresAt === null || Date.parse(a.expiresAt) > now.getTime();
  const rank = (a: RiskAcceptance): number => (inForce(a) ? 8 : 0) + (a.resourceId ? 4 : 0) + (a.region ? 2 : 0) + (a.accountId ? 1 : 0);
  const ordered = [...acceptances].sort((x, y) => rank(y) - rank(x));
  return findings.map((f) => {
    if (f.status !== 'FAIL') return f;
    const a = ordered.find((x) => covers(x, f));
    if (!a) return f;
    const acceptance: AcceptanceState = {
      id: a.id,
      justification: a.justification,
      approver: a.approver,
      expiresAt: a.expiresAt,
      active: inForce(a),
    };
    return { ...f, acceptance };
  });
}
