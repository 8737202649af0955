/**
 * Store benchmark: write a 100,000-resource snapshot and 50,000 findings, diff two such scans,
 * and run the findings explorer's filtered page queries. Targets (issue): write <= 3 s,
 * diff <= 1 s, a filtered page <= 50 ms. Run: node scripts/bench/store-bench.ts [--quick]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../shared/model/finding.ts';
import type { SnapshotRecord } from '../../main/core/engine/snapshot.ts';
import { acceptRisk } from '../../main/core/store/acceptances.ts';
import { diffScans } from '../../main/core/store/diff.ts';
import { queryFindings, replaceFindings } from '../../main/core/store/findings.ts';
import { openDatabase, type Db } from '../../main/core/store/open.ts';
import { finishScan, insertScan } from '../../main/core/store/scans.ts';
import { writeRecords } from '../../main/core/store/snapshot.ts';
import { writeBenchmarkSection } from './section.ts';

const quick = process.argv.includes('--quick');
const RESOURCES = quick ? 5_000 : 100_000;
const FINDINGS = quick ? 2_500 : 50_000;
const AREAS = ['data-protection', 'identity-access', 'compute-maintenance', 'network', 's3', 'logging-monitoring'] as const;
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1'];

function records(seed: number): SnapshotRecord[][] {
  // Grouped in units of 500 records, as collection writes them (one transaction per unit).
  const units: SnapshotRecord[][] = [];
  for (let i = 0; i < RESOURCES; i += 500) {
    units.push(
      Array.from({ length: Math.min(500, RESOURCES - i) }, (_, k) => ({
        dataset: 's3:GetBucketVersioning',
        region: REGIONS[(i + k) % REGIONS.length] as string,
        resourceKey: `bucket-${i + k}`,
        ok: true as const,
        data: { Status: (i + k + seed) % 3 === 0 ? 'Enabled' : null, MFADelete: null, Name: `bucket-${i + k}`, Tags: [{ Key: 'team', Value: `t${k % 40}` }] },
        collectedAt: '2026-11-29T10:00:00.000Z',
        calls: 1,
      })),
    );
  }
  return units;
}

function findings(seed: number): Finding[] {
  return Array.from({ length: FINDINGS }, (_, i) => {
    const fail = (i * 7 + seed) % 5 < 2;
    return {
      checkId: `check-${i % 90}`,
      title: `Check number ${i % 90}`,
      area: AREAS[i % AREAS.length] as Finding['area'],
      service: ['ec2', 's3', 'iam', 'rds', 'kms'][i % 5] as string,
      severity: SEVERITIES[(i + seed) % SEVERITIES.length] as Finding['severity'],
      status: fail ? 'FAIL' : i % 11 === 0 ? 'NOT_ASSESSED' : 'PASS',
      message: `Resource res-${i} ${fail ? 'is misconfigured' : 'is fine'} in ${REGIONS[i % REGIONS.length]}`,
      resourceId: `res-${Math.floor(i / 90)}`,
      resourceArn: `arn:aws:ec2:${REGIONS[i % REGIONS.length]}:123456789012:thing/res-${Math.floor(i / 90)}`,
      resourceName: `name-${Math.floor(i / 90)}`,
      region: REGIONS[i % REGIONS.length] as string,
      accountId: '123456789012',
      evidence: [{ call: 'ec2:DescribeThings', region: 'us-east-1', time: '2026-11-29T10:00:00.000Z', excerpt: '{"Thing": {"Id": "x", "Setting": false}}' }],
    };
  });
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

function addScan(db: Db, id: string, startedAt: string, seed: number): { snapshotMs: number; findingsMs: number } {
  insertScan(db, { id, profile: 'bench', accountId: '123456789012', callerArn: 'arn:aws:iam::123456789012:user/b', regions: REGIONS, areas: [...AREAS], startedAt, toolVersion: 'bench', checksVersion: 'bench' });
  const units = records(seed);
  const fs = findings(seed);
  const snapshotMs = time(() => units.forEach((u) => writeRecords(db, id, u))).ms;
  const findingsMs = time(() => replaceFindings(db, id, fs)).ms;
  finishScan(db, id, 'complete', startedAt, RESOURCES);
  return { snapshotMs, findingsMs };
}

const dir = mkdtempSync(join(tmpdir(), 'leasehold-bench-'));
try {
  const db = openDatabase(join(dir, 'bench.db'), join(import.meta.dirname, '..', '..', 'main', 'core', 'store', 'migrations'));
  const a = addScan(db, 'scan-a', '2026-08-01T00:00:00Z', 0);
  const b = addScan(db, 'scan-b', '2026-11-01T00:00:00Z', 3);
  const diff = time(() => diffScans(db, 'scan-a', 'scan-b'));
  // A long-running engagement's risk register: 300 acceptances, one in ten check-wide, one in five expired.
  const engagementId = (db.prepare(`SELECT a.engagement_id AS e FROM scans s JOIN accounts a ON a.id = s.account_ref WHERE s.id = 'scan-b'`).get() as { e: string }).e;
  const acceptedAt = new Date('2026-11-01T00:00:00Z');
  for (let i = 0; i < 300; i++) {
    const expiresAt = i % 5 === 0 ? '2026-11-15T00:00:00.000Z' : null;
    acceptRisk(db, { engagementId, checkId: `check-${(i * 7) % 90}`, resourceId: i % 10 === 0 ? null : `res-${i}`, justification: 'bench', approver: 'bench', expiresAt }, acceptedAt);
  }
  const queries: [string, Parameters<typeof queryFindings>[2]][] = [
    ['FAIL, first page', { status: ['FAIL'], limit: 100 }],
    ['FAIL + area + severity', { status: ['FAIL'], area: ['network'], severity: ['critical', 'high'], limit: 100 }],
    ['free text', { text: 'res-42', limit: 100 }],
    ['sorted by resource, page 200', { sort: 'resource', offset: 20_000 % FINDINGS, limit: 100 }],
    ['region + service', { region: ['eu-west-1'], service: ['s3'], limit: 100 }],
    ['FAIL + free text (the explorer default)', { status: ['FAIL'], text: 'res-42', limit: 100 }],
    ['FAIL + accepted (300 acceptances)', { status: ['FAIL'], acceptance: ['accepted'], limit: 100 }],
    ['FAIL + not accepted + free text', { status: ['FAIL'], acceptance: ['none', 'expired'], text: 'res-4', limit: 100 }],
  ];
  const pageTimes = queries.map(([name, q]) => {
    queryFindings(db, 'scan-b', q); // warm the statement cache, as a UI does on its second keystroke
    const runs = Array.from({ length: 5 }, () => time(() => queryFindings(db, 'scan-b', q)).ms).sort((x, y) => x - y);
    return { name, ms: runs[2] as number, total: queryFindings(db, 'scan-b', q).total };
  });
  if (process.argv.includes('--plans')) {
    for (const [name, q] of queries) {
      const t = performance.now();
      queryFindings(db, 'scan-b', q);
      console.log(name, (performance.now() - t).toFixed(1), 'ms');
    }
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM findings WHERE scan_id = 'scan-b' AND status IN ('FAIL') AND area IN ('network') AND severity IN ('critical', 'high') ORDER BY status_rank, severity_rank, check_id, resource_id LIMIT 100`).all();
    console.log(plan);
    const plan2 = db.prepare(`EXPLAIN QUERY PLAN SELECT COUNT(*) FROM findings WHERE scan_id = 'scan-b' AND status IN ('FAIL') AND area IN ('network') AND severity IN ('critical', 'high')`).all();
    console.log(plan2);
  }
  db.close();
  const write = a.snapshotMs + a.findingsMs;
  const rows = [
    ['Write snapshot (' + RESOURCES.toLocaleString('en') + ' resources) + ' + FINDINGS.toLocaleString('en') + ' findings', `${(write / 1000).toFixed(2)} s`, '<= 3 s', write <= 3000],
    ['  of which snapshot', `${(a.snapshotMs / 1000).toFixed(2)} s`, '', true],
    ['  of which findings', `${(a.findingsMs / 1000).toFixed(2)} s`, '', true],
    ['Diff of two such scans (' + Object.values(diff.value.counts).reduce((x, y) => x + y, 0).toLocaleString('en') + ' changes classified)', `${(diff.ms / 1000).toFixed(2)} s`, '<= 1 s', diff.ms <= 1000],
    ...pageTimes.map((p) => [`Filtered page: ${p.name} (${p.total.toLocaleString('en')} matches)`, `${p.ms.toFixed(1)} ms`, '<= 50 ms', p.ms <= 50]),
  ] as [string, string, string, boolean][];
  const table = ['| Measure | Result | Target | Met |', '| --- | --- | --- | --- |', ...rows.map(([m, r, t, ok]) => `| ${m} | ${r} | ${t} | ${t ? (ok ? 'yes' : '**no**') : ''} |`)].join('\n');
  const section = `## Store (SQLite)\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}` +
    `${quick ? ' (--quick: reduced sizes)' : ''}; second scan B for the diff: ${b.snapshotMs.toFixed(0)} ms snapshot, ${b.findingsMs.toFixed(0)} ms findings. ` +
    `WAL, synchronous=FULL, one transaction per collection unit of 500 records, findings in one transaction.\n\n${table}\n`;
  console.log(section);
  if (!quick) console.log(`Updated ${writeBenchmarkSection('store', section)}`);
  if (rows.some(([, , t, ok]) => t && !ok)) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
