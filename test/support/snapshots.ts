/** Builds snapshots for check tests from plain data, the way collection would have stored them. */
import type { CallErrorKind } from '../../shared/model/finding.ts';
import { Snapshot, type SnapshotRecord } from '../../main/core/engine/snapshot.ts';

export const ACCOUNT = '123456789012';

export function ok(dataset: string, region: string, data: unknown, resourceKey = ''): SnapshotRecord {
  return { dataset, region, resourceKey, ok: true, data, collectedAt: '2026-11-01T10:00:00.000Z', calls: 1 };
}

export function failed(dataset: string, region: string, kind: CallErrorKind, code: string, resourceKey = ''): SnapshotRecord {
  return { dataset, region, resourceKey, ok: false, error: { kind, code, message: `${code} (test)` }, collectedAt: '2026-11-01T10:00:00.000Z', calls: 3 };
}

export function snapshot(records: SnapshotRecord[], regions = ['eu-west-1']): Snapshot {
  return new Snapshot({ accountId: ACCOUNT, partition: 'aws', regions }, records);
}
