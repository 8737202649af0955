/**
 * Every dataset down, one at a time: the seeded account is scanned once, then each dataset's
 * records are replaced by a server error (and, separately, removed as if never collected) and
 * every check is re-run offline on that snapshot. A check may then say NOT_ASSESSED, never a
 * PASS or FAIL the full snapshot does not give: a verdict on data that was not read is a defect.
 */
import { join } from 'node:path';
import type { Finding } from '../../../shared/model/finding.ts';
import { CHECKS } from '../../../main/core/checks/index.ts';
import { evaluateChecks } from '../../../main/core/engine/evaluate.ts';
import { Snapshot, type SnapshotRecord } from '../../../main/core/engine/snapshot.ts';
import { startScan } from '../../../main/core/scan/run-scan.ts';
import { openDatabase } from '../../../main/core/store/open.ts';
import { getScan } from '../../../main/core/store/scans.ts';
import { readRecords } from '../../../main/core/store/snapshot.ts';
import { seeded } from '../../support/fake-aws/accounts/seeded.ts';
import { startFakeAws, writeAwsProfile } from '../../support/fake-aws/index.ts';
import { MIGRATIONS_DIR } from '../../support/temp.ts';
import { scratch, timed, type Mode, type SuiteResult } from './suite.ts';

const key = (f: Finding) => `${f.checkId}|${f.region}|${f.resourceId}`;

/** The verdicts of `after` that `before` does not give for the same resource. */
export function unreadVerdicts(before: Finding[], after: Finding[]): string[] {
  const baseline = new Map(before.map((f) => [key(f), f.status]));
  return after.filter((f) => f.status !== 'NOT_ASSESSED' && baseline.get(key(f)) !== f.status).map((f) => `${key(f)}: ${f.status} (full snapshot: ${baseline.get(key(f)) ?? 'no such finding'})`);
}

export async function sweepSuite(_mode: Mode, log: (line: string) => void = () => {}): Promise<SuiteResult> {
  return timed('sweep', 'Every dataset down in turn (offline re-evaluation)', async (rows, notes) => {
    const fake = await startFakeAws(seeded);
    const tmp = scratch('sweep');
    const db = openDatabase(join(tmp.dir, 'leasehold.db'), MIGRATIONS_DIR);
    try {
      const files = writeAwsProfile(tmp.dir, { profile: 'audit', endpoint: fake.endpoint, region: 'us-east-1' });
      const scan = await startScan({ db, env: { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile }, emit: () => {}, toolVersion: 'sweep' }, { profile: 'audit' });
      await scan.done;
      const meta = { accountId: getScan(db, scan.scanId)?.accountId ?? '', partition: 'aws', regions: getScan(db, scan.scanId)?.regions ?? [] };
      const records = readRecords(db, scan.scanId);
      const evaluate = (rs: SnapshotRecord[]) => evaluateChecks(CHECKS, new Snapshot(meta, rs));
      const baseline = evaluate(records);
      const datasets = [...new Set(records.map((r) => r.dataset))].sort();
      for (const [variant, change] of [
        ['answers 500 InternalError', (rs: SnapshotRecord[], d: string) => rs.map((r): SnapshotRecord => (r.dataset === d ? { ...r, ok: false, error: { kind: 'server-error', code: 'InternalError', message: 'injected by the sweep' } } : r))],
        ['was never collected', (rs: SnapshotRecord[], d: string) => rs.filter((r) => r.dataset !== d)],
      ] as const) {
        const problems: string[] = [];
        let clean = 0;
        let notAssessed = 0;
        for (const d of datasets) {
          const after = evaluate(change(records, d));
          const wrong = unreadVerdicts(baseline, after);
          notAssessed += after.filter((f) => f.status === 'NOT_ASSESSED').length;
          if (wrong.length === 0) clean += 1;
          problems.push(...wrong.map((w) => `${d} down: ${w}`));
        }
        log(`sweep (${variant}): ${datasets.length} datasets, ${clean} without a verdict on unread data`);
        rows.push({
          case: `each dataset ${variant}`,
          tried: `${datasets.length} datasets of a clean seeded scan (${records.length} records, ${baseline.length} findings), one at a time in every region; ${CHECKS.length} checks re-run on each`,
          outcome: `${clean}/${datasets.length} datasets down left only NOT_ASSESSED where the verdict changed (${notAssessed} NOT_ASSESSED findings in all); ${problems.length} PASS/FAIL given on unread data`,
          trials: datasets.length,
          passed: clean,
          problems,
        });
      }
      notes.push('Offline: the same pure checks the engine runs, on the stored snapshot with one dataset replaced; no AWS call is made after the first scan.');
    } finally {
      db.close();
      await fake.close();
      tmp.remove();
    }
  });
}
