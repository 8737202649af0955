/**
 * One scan through the real pipeline, measured: AwsSession (credentials, endpoints, read-only
 * guard, adaptive retries, call counter) over HTTP, the preflight identity call, region planning,
 * collection by the engine, every unit written to a SQLite store, checks evaluated and stored.
 */
import { join } from 'node:path';
import { AwsSession } from '../../main/core/aws/session.ts';
import { isReadAllowed } from '../../main/core/aws/read-only.ts';
import { CHECKS } from '../../main/core/checks/index.ts';
import { DATASETS } from '../../main/core/collect/index.ts';
import type { DatasetDef } from '../../main/core/collect/types.ts';
import { collectSnapshot, type ConcurrencyLimits } from '../../main/core/engine/collect.ts';
import { evaluateChecks } from '../../main/core/engine/evaluate.ts';
import { planRegions } from '../../main/core/engine/regions.ts';
import { Snapshot } from '../../main/core/engine/snapshot.ts';
import { replaceFindings } from '../../main/core/store/findings.ts';
import { openDatabase } from '../../main/core/store/open.ts';
import { finishScan, insertScan } from '../../main/core/store/scans.ts';
import { writeRecords } from '../../main/core/store/snapshot.ts';
import { AREAS } from '../../shared/model/area.ts';

const MIGRATIONS = join(import.meta.dirname, '..', '..', 'main', 'core', 'store', 'migrations');

export interface ScanRunOptions {
  profile: string;
  env: NodeJS.ProcessEnv;
  dbPath: string;
  limits: ConcurrencyLimits;
  /** Stop after this many milliseconds (a sampled sequential scan); the result says it stopped. */
  stopAfterMs?: number;
}

export interface ScanRunResult {
  wallMs: number;
  /** HTTP attempts counted by the session's middleware (every retry included). */
  sessionCalls: number;
  /** Attempts stored on snapshot records, plus the identity preflight. */
  recordedCalls: number;
  units: number;
  unitsTotal: number;
  errors: number;
  errorKinds: Record<string, number>;
  /** Datasets with failed calls, and how many failed. */
  errorDatasets: Record<string, number>;
  findings: number;
  /** CPU time of the scanner process during the scan (user + system). */
  cpuMs: number;
  /** Highest resident set size sampled during the scan, in bytes. */
  peakRss: number;
  stopped: boolean;
}

/** Every dataset the engine knows whose call the read-only allowlist lets through. */
export function benchDatasets(): { datasets: DatasetDef[]; refused: string[] } {
  const all = [...DATASETS.values()];
  const allowed = (d: DatasetDef) => isReadAllowed(d.service, d.id.slice(d.id.indexOf(':') + 1));
  return { datasets: all.filter(allowed), refused: all.filter((d) => !allowed(d)).map((d) => d.id) };
}

export async function runScan(opts: ScanRunOptions): Promise<ScanRunResult> {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
  const db = openDatabase(opts.dbPath, MIGRATIONS);
  const began = performance.now();
  const cpuBefore = process.cpuUsage();
  const session = await AwsSession.open({ profile: opts.profile, env: opts.env });
  const controller = new AbortController();
  const timer = opts.stopAfterMs === undefined ? undefined : setTimeout(() => controller.abort(), opts.stopAfterMs);
  try {
    const identity = await session.identity();
    const identityCalls = session.calls;
    const started = new Date();
    const plan = await planRegions(session, undefined, started);
    const scanId = `bench-${started.getTime()}`;
    insertScan(db, {
      id: scanId, profile: opts.profile, accountId: identity.accountId, callerArn: identity.arn, regions: plan.regions,
      areas: [...AREAS], startedAt: started.toISOString(), toolVersion: 'bench', checksVersion: 'bench',
    });
    writeRecords(db, scanId, [plan.record]);
    const snapshot = new Snapshot({ accountId: identity.accountId, partition: session.partition, regions: plan.regions }, [plan.record]);
    let units = 0;
    let unitsTotal = 0;
    await collectSnapshot({
      session,
      datasets: benchDatasets().datasets,
      regions: plan.regions,
      snapshot,
      signal: controller.signal,
      concurrency: opts.limits,
      onRecords: (records) => writeRecords(db, scanId, records),
      onProgress: (p) => {
        units = p.unitsDone;
        unitsTotal = p.unitsTotal;
      },
    });
    const findings = evaluateChecks(CHECKS, snapshot);
    replaceFindings(db, scanId, findings);
    finishScan(db, scanId, controller.signal.aborted ? 'cancelled' : 'complete', new Date().toISOString(), session.calls);
    const wallMs = performance.now() - began;
    const cpu = process.cpuUsage(cpuBefore);
    const records = [...snapshot.all()];
    const errorKinds: Record<string, number> = {};
    const errorDatasets: Record<string, number> = {};
    for (const r of records) {
      if (r.ok) continue;
      errorKinds[r.error.kind] = (errorKinds[r.error.kind] ?? 0) + 1;
      errorDatasets[r.dataset] = (errorDatasets[r.dataset] ?? 0) + 1;
    }
    return {
      wallMs,
      sessionCalls: session.calls,
      recordedCalls: identityCalls + records.reduce((n, r) => n + r.calls, 0),
      units,
      unitsTotal,
      errors: records.filter((r) => !r.ok).length,
      errorKinds,
      errorDatasets,
      findings: findings.length,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRss,
      stopped: controller.signal.aborted,
    };
  } finally {
    clearTimeout(timer);
    clearInterval(sampler);
    session.close();
    db.close();
  }
}
