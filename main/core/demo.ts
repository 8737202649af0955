/**
 * The bundled demo engagement: a snapshot of a fictional, imperfect account, collected by
 * Leasehold's own collectors from synthetic data (scripts/build-demo.ts). Loading it evaluates
 * today's checks on that snapshot, exactly as a re-evaluation of a real scan would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Area } from '../../shared/model/area.ts';
import { CHECKS } from './checks/index.ts';
import { checksForAreas, evaluateChecks } from './engine/evaluate.ts';
import { Snapshot, type SnapshotMeta, type SnapshotRecord } from './engine/snapshot.ts';
import { CHECKS_VERSION } from './scan/checks-version.ts';
import { replaceFindings } from './store/findings.ts';
import type { Db } from './store/open.ts';
import { finishScan, getScan, insertScan } from './store/scans.ts';
import { writeRecords } from './store/snapshot.ts';

export const DEMO_SCAN_ID = 'demo';

export interface DemoFile {
  meta: SnapshotMeta & {
    label: string;
    profile: string;
    callerArn: string;
    areas: Area[];
    startedAt: string;
    endedAt: string;
    calls: number;
  };
  records: SnapshotRecord[];
}

export function demoFilePath(demoDir: string): string {
  return join(demoDir, 'demo-snapshot.json');
}

/** Imports the demo scan once; later calls return the same scan. */
export function loadDemo(db: Db, demoDir: string, toolVersion: string): string {
  if (getScan(db, DEMO_SCAN_ID)) return DEMO_SCAN_ID;
  const demo = JSON.parse(readFileSync(demoFilePath(demoDir), 'utf8')) as DemoFile;
  const m = demo.meta;
  const snapshot = new Snapshot({ accountId: m.accountId, partition: m.partition, regions: m.regions }, demo.records);
  const findings = evaluateChecks(checksForAreas(CHECKS, m.areas), snapshot);
  db.transaction(() => {
    db.prepare(
      `INSERT OR IGNORE INTO engagements (id, client, consultant, notes, created_at) VALUES ('demo', ?, 'Leasehold demo', ?, ?)`,
    ).run(m.label, 'A fictional client, scanned from synthetic data, to try Leasehold without an AWS account.', m.startedAt);
    insertScan(db, {
      id: DEMO_SCAN_ID,
      profile: m.profile,
      accountId: m.accountId,
      callerArn: m.callerArn,
      regions: m.regions,
      areas: m.areas,
      startedAt: m.startedAt,
      toolVersion,
      checksVersion: CHECKS_VERSION,
      label: m.label,
      engagementId: 'demo',
    });
    writeRecords(db, DEMO_SCAN_ID, demo.records);
    replaceFindings(db, DEMO_SCAN_ID, findings);
    finishScan(db, DEMO_SCAN_ID, 'complete', m.endedAt, m.calls);
  })();
  return DEMO_SCAN_ID;
}
