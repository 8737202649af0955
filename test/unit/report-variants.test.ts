/**
 * The report's variants and options, checked as a reader (or an auditor's archive) would:
 * executive summary, comparison of two scans, redaction, AES-256 password, PDF/A-2b, and the
 * determinism each one promises.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DiffEntry } from '../../shared/model/engagement.ts';
import { redactModel, validateReportRequest } from '../../main/core/report/index.ts';
import { summarizeAreas, type ReportModel } from '../../main/core/report/model.ts';
import { PDFA_PASSWORD_CONFLICT, renderPdf } from '../../main/core/report/pdf.ts';
import { SECTION } from '../../main/core/report/theme.ts';
import { ACCOUNT_ID, KNOWN, SENSITIVE, byteForms, finding, flat, fullReportModel, openPdf, pages, pdfText, runTool, sampleChecks, sampleFindings, sampleScan, uncompressed } from '../support/report-fixtures.ts';
import { REPO_ROOT } from '../support/temp.ts';

const fontsDir = join(REPO_ROOT, 'assets', 'fonts');
const sha = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex');

function comparisonModel(): ReportModel {
  const model = fullReportModel();
  const base = sampleScan({ id: 'scan-2026-02-10-0800', startedAt: '2026-02-10T08:00:00.000Z', endedAt: '2026-02-10T08:09:00.000Z' });
  const before = sampleFindings().map((f) => (f.checkId === 'ec2-sg-ssh-open' && f.status === 'FAIL' ? { ...f, status: 'PASS' as const } : f));
  base.areaSummaries = summarizeAreas([...before, finding(sampleChecks()[9]!, { status: 'FAIL', name: 'old-bucket' }, 77)]);
  const entry = (kind: DiffEntry['kind'], checkId: string, resourceName: string, before: DiffEntry['before'], after: DiffEntry['after']): DiffEntry => ({
    kind, checkId, title: sampleChecks().find((c) => c.id === checkId)?.title ?? checkId, resourceId: `id-${resourceName}`, resourceName, region: 'eu-west-1', before, after,
  });
  const fail = (severity: string) => ({ status: 'FAIL', severity });
  model.comparison = {
    base,
    diff: {
      fromScanId: base.id,
      toScanId: model.scan.id,
      counts: { new: 2, resolved: 1, regressed: 1, 'severity-changed': 1, unchanged: 3, 'not-comparable': 1 },
      entries: [
        entry('new', 's3-bucket-public-access-block', KNOWN.resourceName, null, fail('critical')),
        entry('new', 'iam-root-mfa-enabled', 'root', null, fail('critical')),
        entry('resolved', 's3-bucket-versioning', 'old-bucket', fail('low'), { status: 'PASS', severity: 'low' }),
        entry('regressed', 'ec2-sg-ssh-open', 'bastion', { status: 'PASS', severity: 'high' }, fail('high')),
        entry('severity-changed', 'ec2-instance-imdsv2', 'web-1', fail('low'), fail('medium')),
        entry('not-comparable', 'rds-instance-encrypted', 'db-1', fail('high'), { status: 'NOT_ASSESSED', severity: 'high' }),
      ],
    },
  };
  return model;
}

test('the executive variant is short: summary, responsibility, roadmap, coverage, metadata, no per-finding pages', async (t) => {
  const pdf = await renderPdf(fullReportModel(), { fontsDir, variant: 'executive' });
  const doc = await openPdf(pdf);
  assert.ok(doc.numPages <= 10, `${doc.numPages} pages`);
  const outline = ((await doc.getOutline()) ?? []).map((i) => i.title);
  assert.deepEqual(outline, [SECTION.summary, SECTION.srm, SECTION.roadmap, SECTION.coverage, SECTION.appendix]);
  await doc.destroy();
  const raw = pdfText(t, pdf);
  if (raw === null) return;
  const s = flat(raw);
  for (const present of ['EXECUTIVE SUMMARY', 'OVERALL POSTURE', 'Top risks', 'security IN the cloud', 'Quick wins', 'Snapshot SHA-256']) assert.ok(s.includes(present), `has "${present}"`);
  for (const absent of ['WHAT YOU ARE RESPONSIBLE FOR', 'Evidence ', 'Failed checks', 'Passed checks', SECTION.checkList, SECTION.crosswalk, 'aws s3api put-public-access-block']) {
    assert.ok(!s.includes(absent), `no per-finding content: "${absent}"`);
  }
  const again = await renderPdf(fullReportModel(), { fontsDir, variant: 'executive' });
  assert.equal(sha(again), sha(pdf), 'deterministic');
});

test('the comparison report shows new, resolved and regressed findings and the pass rate per area before and after', async (t) => {
  const model = comparisonModel();
  const pdf = await renderPdf(model, { fontsDir });
  assert.equal(sha(await renderPdf(comparisonModel(), { fontsDir })), sha(pdf), 'deterministic');
  const doc = await openPdf(pdf);
  const outline = (await doc.getOutline()) ?? [];
  assert.deepEqual(outline.map((i) => i.title), [SECTION.changes, SECTION.appendix]);
  assert.deepEqual(outline[0]?.items.map((i) => i.title), ['New failures (2)', 'Resolved (1)', 'Regressed (1)', 'Severity changed (1)', 'Not comparable (1)']);
  await doc.destroy();
  const raw = pdfText(t, pdf);
  const layout = pdfText(t, pdf, ['-layout']);
  if (raw === null || layout === null) return;
  const s = flat(raw);
  for (const e of ['SCAN COMPARISON REPORT', 'Compared scans', '(baseline)', 'Baseline: scan scan-2026-02-10-0800', 'New failures', 'Resolved', 'Regressed', 'Still failing', 'Failed before', 'Pass rate now', KNOWN.resourceName, 'Baseline scan of the comparison']) {
    assert.ok(s.includes(e), `missing "${e}"`);
  }
  // The tiles: each count above its label.
  const tiles = pages(layout).find((p) => p.includes('Baseline: scan')) ?? '';
  assert.match(flat(tiles), /2 1 1 1 3 1 New failures Resolved Regressed Severity/);
  assert.match(layout, /Network security\s+0\s+1\s+100%\s+50%\s+-50 points/, 'the regressed area shows its drop');
});

test('a password-protected report is AES-256 and refuses a wrong password', async (t) => {
  const password = 'correct horse battery staple';
  const pdf = await renderPdf(fullReportModel(), { fontsDir, password });
  const enc = runTool(t, 'qpdf', (f) => ['--show-encryption', `--password=${password}`, f], pdf);
  if (!enc) return;
  assert.equal(enc.status, 0, enc.stderr);
  assert.match(enc.stdout, /stream encryption method: AESv3/);
  assert.match(enc.stdout, /string encryption method: AESv3/);
  assert.match(enc.stdout, /R = [56]/);
  const wrong = runTool(t, 'qpdf', (f) => ['--check', '--password=wrong', f], pdf);
  assert.notEqual(wrong?.status, 0);
  assert.match(wrong?.stderr ?? '', /invalid password/);
  await assert.rejects(openPdf(pdf, 'wrong'), /password/i, 'pdf.js refuses a wrong password');
  await assert.rejects(openPdf(pdf), /password/i, 'and no password');
  const doc = await openPdf(pdf, password);
  assert.ok(doc.numPages > 10);
  const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
  assert.ok(text.includes('Northwind'), 'the right password opens it');
  await doc.destroy();
});

test('encrypted renders differ byte for byte (fresh AES keys and IVs) but decrypt to the same document', async (t) => {
  const password = 'p';
  const a = await renderPdf(fullReportModel(), { fontsDir, password });
  const b = await renderPdf(fullReportModel(), { fontsDir, password });
  assert.notEqual(sha(a), sha(b), 'AES-256 needs random salts and IVs: equal bytes would mean reused randomness');
  const decrypt = (pdf: Buffer) => runTool(t, 'qpdf', (f) => [`--password=${password}`, '--decrypt', '--deterministic-id', f, '-'], pdf);
  const da = decrypt(a);
  const db = decrypt(b);
  if (!da || !db) return;
  assert.equal(da.status, 0, da.stderr);
  assert.equal(sha(Buffer.from(da.stdout, 'latin1')), sha(Buffer.from(db.stdout, 'latin1')), 'same plaintext');
});

test('PDF/A-2b declares itself in XMP, carries an sRGB output intent, is not encrypted, and is deterministic', async (t) => {
  const pdf = await renderPdf(fullReportModel(), { fontsDir, pdfa: true });
  assert.equal(sha(await renderPdf(fullReportModel(), { fontsDir, pdfa: true })), sha(pdf));
  const bytes = uncompressed(t, pdf);
  if (!bytes) return;
  const s = bytes.toString('latin1');
  assert.match(s, /<pdfaid:part>2<\/pdfaid:part>/);
  assert.match(s, /<pdfaid:conformance>B<\/pdfaid:conformance>/);
  assert.match(s, /\/OutputIntents/);
  assert.match(s, /GTS_PDFA1/);
  assert.match(s, /<xmp:ModifyDate>2026-03-14T09:41:55Z<\/xmp:ModifyDate>/, 'XMP dates agree with the document info');
  assert.doesNotMatch(s, /\/Encrypt/);
  assert.ok(pdf.subarray(0, 8).toString('latin1').startsWith('%PDF-1.7'));
  const check = runTool(t, 'qpdf', (f) => ['--check', f], pdf);
  if (check) assert.equal(check.status, 0, check.stdout);
});

test('PDF/A and a password exclude each other with a one-line error', async () => {
  await assert.rejects(renderPdf(fullReportModel(), { fontsDir, pdfa: true, password: 'x' }), { message: PDFA_PASSWORD_CONFLICT });
  assert.throws(() => validateReportRequest({ scanId: 's', pdfa: true, password: 'x' }), { message: PDFA_PASSWORD_CONFLICT });
  assert.equal(PDFA_PASSWORD_CONFLICT.split('\n').length, 1);
  assert.throws(() => validateReportRequest({ scanId: 's', password: '' }), /must not be empty/);
  assert.throws(() => validateReportRequest({ scanId: 's', redact: 'yes' as unknown as boolean }), /redact must be true or false/);
});

test('a redacted report has no raw account ID, ARN, IP or e-mail address, in its text or anywhere in its bytes', async (t) => {
  const model = redactModel(fullReportModel());
  const pdf = await renderPdf(model, { fontsDir });
  assert.equal(sha(await renderPdf(redactModel(fullReportModel()), { fontsDir })), sha(pdf), 'deterministic');
  const raw = pdfText(t, pdf);
  if (raw === null) return;
  const text = flat(raw);
  const secrets = [...SENSITIVE.accounts, ...SENSITIVE.ips, ...SENSITIVE.emails];
  for (const secret of secrets) assert.ok(!text.includes(secret), `"${secret}" in the text`);
  assert.doesNotMatch(text, /(?<![0-9A-Za-z])\d{12}(?![0-9A-Za-z])/, 'no twelve-digit account ID');
  for (const arn of text.match(/arn:aws[\w-]*:[^\s"]*/g) ?? []) assert.match(arn, /^arn:aws[\w-]*:[\w-]*:[\w-]*:(account-\d+|aws)?:(([\w-]+[/:])?resource-\d+|root\b)/, `ARN left unmasked: ${arn}`);
  // The same value gets the same mask everywhere: the scanned account is account-1 throughout.
  assert.ok(text.includes('AWS account account-1') && text.includes('account-2'), 'accounts masked consistently');
  assert.ok(text.includes('email-1') && text.includes('ip-1'), 'addresses masked');
  assert.ok(text.includes('0.0.0.0/0'), '"anywhere" stays readable');
  assert.ok(text.includes('Account IDs, ARNs, IP and e-mail addresses are masked in this copy.'));
  const bytes = uncompressed(t, pdf);
  if (!bytes) return;
  for (const secret of [...secrets, `arn:aws:iam::${ACCOUNT_ID}`]) {
    for (const form of byteForms(secret)) assert.equal(bytes.indexOf(form), -1, `"${secret}" found in the file bytes (${form.toString('latin1').slice(0, 30)})`);
  }
  const doc = await openPdf(pdf);
  const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, string> };
  assert.match(info.Subject ?? '', /account account-1/);
  await doc.destroy();
});
