/**
 * The report model built from the store (the demo scan plus a later scan of the same account):
 * every optional part is filled when its module and data are there, and a missing one becomes a
 * "not available" note instead of a failure. Also the handler and CLI around it: options, file
 * names, exports.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { deflateSync } from 'node:zlib';
import type { Finding } from '../../shared/model/finding.ts';
import { CHECKS } from '../../main/core/checks/index.ts';
import { createCore } from '../../main/core/core.ts';
import { DEMO_SCAN_ID, demoFilePath, loadDemo, type DemoFile } from '../../main/core/demo.ts';
import { PART_HOOKS, buildModelFromStore } from '../../main/core/report/build-model.ts';
import { canonicalJson, snapshotDigest } from '../../main/core/report/digest.ts';
import { renderPdf } from '../../main/core/report/pdf.ts';
import { acceptRisk } from '../../main/core/store/acceptances.ts';
import { listFindings, replaceFindings } from '../../main/core/store/findings.ts';
import { answerManualControl } from '../../main/core/store/manual.ts';
import { openDatabase, type Db } from '../../main/core/store/open.ts';
import { finishScan, getScan, insertScan } from '../../main/core/store/scans.ts';
import { writeRecords } from '../../main/core/store/snapshot.ts';
import { runCli } from '../support/cli.ts';
import { flat, pdfText } from '../support/report-fixtures.ts';
import { MIGRATIONS_DIR, REPO_ROOT, tempDir } from '../support/temp.ts';

const fontsDir = join(REPO_ROOT, 'assets', 'fonts');
const demoDir = join(REPO_ROOT, 'assets', 'demo');
const checks = CHECKS.map((c) => c.meta);
const demo = JSON.parse(readFileSync(demoFilePath(demoDir), 'utf8')) as DemoFile;

/** The demo scan, and a later scan of the same account where one failure is fixed and one is new. */
function store(t: TestContext, existing?: Db): { db: Db; dir: string; later: string; fixed: Finding; added: Finding } {
  const dir = tempDir(t);
  const db = existing ?? openDatabase(join(dir, 'leasehold.db'), MIGRATIONS_DIR);
  if (!existing) t.after(() => db.close());
  loadDemo(db, demoDir, '0.1.0');
  const before = listFindings(db, DEMO_SCAN_ID);
  const failing = before.filter((f) => f.status === 'FAIL');
  const fixed = failing[0]!;
  const passing = before.find((f) => f.status === 'PASS')!;
  const added = { ...passing, status: 'FAIL' as const };
  const later = 'later-scan';
  const demoScan = getScan(db, DEMO_SCAN_ID)!;
  const startedAt = new Date(Date.parse(demoScan.startedAt) + 86_400_000).toISOString();
  insertScan(db, { id: later, profile: demoScan.profile, accountId: demoScan.accountId, callerArn: demoScan.callerArn, regions: demoScan.regions, areas: demoScan.areas, startedAt, toolVersion: '0.1.0', checksVersion: 'test', label: demoScan.label, engagementId: 'demo' });
  writeRecords(db, later, demo.records);
  replaceFindings(db, later, before.map((f) => (f === fixed ? { ...f, status: 'PASS' as const } : f === passing ? added : f)));
  finishScan(db, later, 'complete', new Date(Date.parse(startedAt) + 60_000).toISOString(), 10);
  const still = failing[1]!;
  acceptRisk(db, { engagementId: 'demo', checkId: still.checkId, resourceId: still.resourceId, justification: 'Compensating control in place.', approver: 'CISO', expiresAt: '2099-01-01' }, new Date(startedAt));
  acceptRisk(db, { engagementId: 'demo', checkId: failing[2]!.checkId, justification: 'Temporary.', approver: 'CTO', expiresAt: '2001-01-01' }, new Date(startedAt));
  answerManualControl(db, { engagementId: 'demo', controlId: 'security-contact', answer: 'yes', notes: 'Registered.', answeredBy: 'A. Auditor' }, new Date(startedAt));
  return { db, dir, later, fixed, added };
}

test('every optional part is built from the store: changes since the last scan, trend, register, views, digest', async (t) => {
  const { db, later } = store(t);
  const model = await buildModelFromStore(db, { scanId: later }, checks);
  for (const key of ['responsibility', 'maintenance', 'exposure', 'securityHub', 'acceptances', 'manualControls', 'permissions', 'trend', 'changes', 'referenceData', 'snapshotDigest', 'frameworks'] as const) {
    const part = model[key];
    assert.ok(part?.available, `${key}: ${part && !part.available ? part.reason : 'missing'}`);
  }
  assert.equal(model.changes?.available && model.changes.value?.previous.id, DEMO_SCAN_ID, 'the previous complete scan of the account');
  const counts = model.changes?.available ? model.changes.value?.diff.counts : undefined;
  assert.equal(counts?.resolved, 1);
  assert.equal(counts?.regressed, 1);
  assert.equal(model.trend?.available && model.trend.value.length, 2);
  assert.equal(model.clientName, getScan(db, later)?.label);
  assert.equal(model.checksVersion, 'test');
  const accepted = model.findings.filter((f) => f.acceptance);
  assert.ok(accepted.some((f) => f.acceptance?.active), 'an active acceptance marks its finding');
  assert.ok(accepted.some((f) => f.acceptance && !f.acceptance.active), 'an expired one reopens its findings');
  assert.equal(model.manualControls?.available && model.manualControls.value.find((c) => c.id === 'security-contact')?.answer, 'yes');
});

test('the snapshot fingerprint is the SHA-256 of the canonical records, whether they come from the store or the demo file', async (t) => {
  const { db } = store(t);
  const model = await buildModelFromStore(db, { scanId: DEMO_SCAN_ID }, checks);
  const digest = model.snapshotDigest?.available ? model.snapshotDigest.value : undefined;
  assert.equal(digest?.sha256, snapshotDigest(demo.records).sha256);
  assert.equal(digest?.records, demo.records.length);
  assert.match(digest?.sha256 ?? '', /^[0-9a-f]{64}$/);
  // Record order and key order do not matter; one changed value does.
  const reverseKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
  const shuffled = [...demo.records].reverse().map((r) => reverseKeys(r) as typeof r);
  assert.equal(snapshotDigest(shuffled).sha256, digest?.sha256);
  const changed = demo.records.map((r, i) => (i === 0 ? { ...r, calls: r.calls + 1 } : r));
  assert.notEqual(snapshotDigest(changed).sha256, digest?.sha256);
  assert.equal(canonicalJson({ b: [1, 'x', null], a: { d: 1.5, c: true } }), '{"a":{"c":true,"d":1.5},"b":[1,"x",null]}');
});

test('a part whose module fails becomes "not available" with the reason, and the report still renders', async (t) => {
  const { db, later } = store(t);
  const original = PART_HOOKS.maintenance;
  PART_HOOKS.maintenance = async () => {
    throw new Error('maintenance view is being rebuilt');
  };
  t.after(() => {
    PART_HOOKS.maintenance = original;
  });
  const model = await buildModelFromStore(db, { scanId: later }, checks);
  assert.deepEqual(model.maintenance, { available: false, reason: 'The maintenance view could not be produced (maintenance view is being rebuilt).' });
  const raw = pdfText(t, await renderPdf(model, { fontsDir }));
  if (raw !== null) assert.ok(flat(raw).includes('The per-instance maintenance table is not available in this report: The maintenance view could not be produced (maintenance view is being rebuilt).'));
});

test('a first scan with no stored records: nothing to compare with, empty views, and the report still renders', async (t) => {
  const { db } = store(t);
  insertScan(db, { id: 'empty', profile: 'p', accountId: '999988887777', callerArn: 'arn:aws:iam::999988887777:user/a', regions: ['eu-west-1'], areas: ['network'], startedAt: '2026-01-01T00:00:00.000Z', toolVersion: 't', checksVersion: 'c' });
  finishScan(db, 'empty', 'complete', '2026-01-01T00:01:00.000Z', 0);
  const model = await buildModelFromStore(db, { scanId: 'empty' }, checks);
  assert.equal(model.changes?.available && model.changes.value, null, 'first scan of its account');
  assert.ok(model.maintenance?.available, 'an empty snapshot is still a snapshot');
  assert.equal(model.clientName, 'AWS account 999988887777');
  const pdf = await renderPdf(model, { fontsDir });
  assert.ok(pdf.length > 1000);
});

test('a comparison needs two scans of one account; logos must be PNG or JPEG', async (t) => {
  const { db, dir, later } = store(t);
  const model = await buildModelFromStore(db, { scanId: later, compareTo: DEMO_SCAN_ID }, checks);
  assert.equal(model.comparison?.base.id, DEMO_SCAN_ID);
  assert.equal(model.comparison?.diff.counts.resolved, 1);
  insertScan(db, { id: 'other', profile: 'p', accountId: '999988887777', callerArn: 'arn:aws:iam::999988887777:user/a', regions: [], areas: [], startedAt: '2026-01-01T00:00:00.000Z', toolVersion: 't', checksVersion: 'c' });
  await assert.rejects(buildModelFromStore(db, { scanId: later, compareTo: 'other' }, checks), /different AWS accounts/);
  await assert.rejects(buildModelFromStore(db, { scanId: later, compareTo: later }, checks), /not with itself/);
  const bad = join(dir, 'logo.gif');
  writeFileSync(bad, 'GIF89a');
  await assert.rejects(buildModelFromStore(db, { scanId: later, clientLogo: bad }, checks), /not a PNG or JPEG/);
  await assert.rejects(buildModelFromStore(db, { scanId: later, clientLogo: join(dir, 'missing.png') }, checks), /Cannot read the logo .*ENOENT/);
  const logo = join(dir, 'logo.png');
  writeFileSync(logo, tinyPng());
  const withLogo = await buildModelFromStore(db, { scanId: later, clientLogo: logo, firmLogo: logo, firm: 'Harbour Security Partners' }, checks);
  assert.equal(withLogo.logos?.client?.format, 'png');
  const pdf = await renderPdf(withLogo, { fontsDir });
  assert.match(pdf.toString('latin1'), /\/Subtype \/Image/, 'the logo is embedded');
});

test('the handler names files after the client, masks them when redacted, and exports JSON, CSV and OCSF', async (t) => {
  const dir = tempDir(t);
  const core = createCore({ rootDir: REPO_ROOT, dbPath: join(dir, 'db.sqlite'), dataDir: dir, env: {} });
  t.after(() => core.close());
  const { scanId } = await core.handlers['demo:open']({});
  const account = getScan(core.db, scanId)!.accountId;
  const plain = await core.handlers['report:render']({ scanId, executive: true });
  assert.match(plain.fileName, new RegExp(`^leasehold-.*-${account}-\\d{4}-\\d\\d-\\d\\d-executive\\.pdf$`));
  const redacted = await core.handlers['report:render']({ scanId: 'latest', executive: true, redact: true });
  assert.ok(!redacted.fileName.includes(account) && redacted.fileName.includes('account-1') && redacted.fileName.endsWith('-executive-redacted.pdf'), redacted.fileName);
  await assert.rejects(core.handlers['report:render']({ scanId, pdfa: true, password: 'x' }), /cannot be password-protected/);
  for (const format of ['json', 'csv', 'ocsf'] as const) {
    const file = await core.handlers['export:render']({ scanId, format, redact: true });
    const content = Buffer.from(file.base64, 'base64').toString('utf8');
    assert.ok(!content.includes(account) && !file.fileName.includes(account), `${format} export leaks the account ID`);
    assert.ok(content.includes('account-1'), `${format} export masks it`);
  }
  store(t, core.db);
  const comparison = await core.handlers['report:render']({ scanId: 'latest', compare: scanId });
  assert.match(comparison.fileName, /-comparison\.pdf$/);
  const text = pdfText(t, Buffer.from(comparison.base64, 'base64'));
  if (text !== null) assert.ok(flat(text).includes(`Baseline: scan ${scanId}`));
  const ocsf = await core.handlers['export:render']({ scanId, format: 'ocsf' });
  assert.match(ocsf.fileName, /\.ocsf\.json$/);
  assert.equal((JSON.parse(Buffer.from(ocsf.base64, 'base64').toString('utf8')) as unknown[]).length, listFindings(core.db, scanId).length);
  await assert.rejects(core.handlers['export:render']({ scanId, format: 'xml' as 'json' }), /use json, csv or ocsf/);
});

test('the CLI takes the report options and refuses --password with --pdfa in one line (exit 2)', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'db.sqlite');
  const help = await runCli(['--help']);
  for (const flagName of ['--executive', '--compare ID', '--redact', '--password P | --pdfa', '--client NAME', '--logo FILE', 'json|csv|ocsf']) assert.ok(help.stdout.includes(flagName), `help shows ${flagName}`);
  const conflict = await runCli(['report', '--scan', 'latest', '--out', join(dir, 'x.pdf'), '--pdfa', '--password', 'p', '--db', db]);
  assert.equal(conflict.code, 2);
  assert.equal(conflict.stderr.trim().split('\n').length, 1);
  assert.match(conflict.stderr, /--password and --pdfa exclude each other/);
  assert.equal((await runCli(['demo', '--out', join(dir, 'demo.pdf'), '--db', db])).code, 0);
  const out = join(dir, 'exec.pdf');
  const report = await runCli(['report', '--scan', 'latest', '--out', out, '--executive', '--redact', '--client', 'Client & Co', '--db', db]);
  assert.equal(report.code, 0, report.stderr);
  const raw = pdfText(t, readFileSync(out));
  if (raw !== null) assert.ok(flat(raw).includes('Client & Co') && flat(raw).includes('account-1'));
  const exported = await runCli(['export', '--scan', 'latest', '--format', 'ocsf', '--out', join(dir, 'f.json'), '--db', db]);
  assert.equal(exported.code, 0, exported.stderr);
});

/** A 2x2 PNG (red), written by hand so the test needs no image library. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer): number => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
