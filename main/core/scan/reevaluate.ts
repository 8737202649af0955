/**
 * Re-runs today's checks on a stored snapshot, offline, as a new result set: the snapshot is
 * copied to a new scan, so the original results stay exactly as they were reported.
 */
import { ApiFailure } from '../api.ts';
import { CHECKS } from '../checks/index.ts';
import { checksForAreas, evaluateChecks } from '../engine/evaluate.ts';
import { Snapshot } from '../engine/snapshot.ts';
import { partitionOf } from '../aws/partition.ts';
import { authorizedPortsOf } from '../store/engagements.ts';
import { replaceFindings } from '../store/findings.ts';
import type { Db } from '../store/open.ts';
import { finishScan, getScan, insertScan } from '../store/scans.ts';
import { readRecords } from '../store/snapshot.ts';
import { CHECKS_VERSION } from './checks-version.ts';
import { newScanId } from './ids.ts';

export function reevaluateScan(db: Db, sourceId: string, toolVersion: string, now: Date = new Date()): string {
  const source = getScan(db, sourceId);
  if (!source) throw new ApiFailure('not-found', `No scan with id "${sourceId.slice(0, 60)}".`);
  if (source.status === 'running') throw new ApiFailure('scan-running', `Scan ${sourceId} is still running; re-evaluate it when it has finished.`);
  const id = newScanId(now);
  const records = readRecords(db, sourceId);
  const partition = source.callerArn.split(':')[1] || partitionOf(source.regions[0] ?? 'us-east-1');
  const snapshot = new Snapshot({ accountId: source.accountId, partition, regions: source.regions }, records);
  const findings = evaluateChecks(checksForAreas(CHECKS, source.areas), snapshot, { authorizedPorts: authorizedPortsOf(db, sourceId) });
  db.transaction(() => {
    const engagement = db.prepare('SELECT a.engagement_id AS e FROM scans s JOIN accounts a ON a.id = s.account_ref WHERE s.id = ?').get(sourceId) as { e: string };
    insertScan(db, {
      id,
      profile: source.profile,
      accountId: source.accountId,
      callerArn: source.callerArn,
      regions: source.regions,
      areas: source.areas,
      startedAt: now.toISOString(),
      toolVersion,
      checksVersion: CHECKS_VERSION,
      label: source.label,
      engagementId: engagement.e,
    });
    db.prepare('UPDATE scans SET source_scan_id = ? WHERE id = ?').run(sourceId, id);
    db.prepare(
      `INSERT INTO snapshot_records (scan_id, dataset, region, resource_key, ok, data, error_kind, error_code, error_message, collected_at, calls)
       SELECT ?, dataset, region, resource_key, ok, data, error_kind, error_code, error_message, collected_at, calls
       FROM snapshot_records WHERE scan_id = ?`,
    ).run(id, sourceId);
    replaceFindings(db, id, findings);
    finishScan(db, id, 'complete', now.toISOString(), 0);
  })();
  return id;
}
