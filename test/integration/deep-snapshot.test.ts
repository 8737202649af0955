/**
 * Snapshot data nested far deeper than the collector ever stores (3,000 and 100,000 levels), as
 * a tampered engagement file or a database of an earlier version can hold it, through everything
 * that reads a stored snapshot: import, re-evaluation, the PDF report with its fingerprint, and
 * the JSON, CSV and OCSF exports. None may fail on the nesting (call stack).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../../main/core/core.ts';
import { snapshotDigest } from '../../main/core/report/digest.ts';
import { readRecords } from '../../main/core/store/snapshot.ts';
import { pdfText } from '../support/report-fixtures.ts';
import { REPO_ROOT, tempDir } from '../support/temp.ts';

const AUTHZ = 'iam:GetAccountAuthorizationDetails';

function core(t: TestContext, dir: string): Core {
  const c = createCore({ rootDir: REPO_ROOT, dbPath: join(dir, 'leasehold.db'), dataDir: dir, env: {} });
  t.after(() => c.close());
  return c;
}

/** The demo engagement exported, with one user's inline policy nested `depth` levels deep written into its snapshot. */
async function tamperedEngagement(t: TestContext, depth: number): Promise<string> {
  const dir = tempDir(t);
  const source = core(t, dir);
  await source.handlers['demo:open']({});
  const file = join(dir, 'tampered.leasehold');
  writeFileSync(file, Buffer.from((await source.handlers['engagements:export']({ engagementId: 'demo' })).base64, 'base64'));
  const db = new Database(file);
  try {
    const row = db.prepare('SELECT data FROM snapshot_records WHERE dataset = ?').get(AUTHZ) as { data: string };
    const condition = `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
    const policy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":${condition}}}}]}`;
    const user = `{"UserName":"deep-user","Arn":"arn:aws:iam::111122223333:user/deep-user","Path":"/","GroupList":[],"AttachedManagedPolicies":[],"UserPolicyList":[{"PolicyName":"deep","PolicyDocument":${policy}}]}`;
    // Spliced as text: JSON.stringify could not write it either.
    const data = row.data.replace('"UserDetailList":[', `"UserDetailList":[${user},`);
    assert.notEqual(data, row.data);
    db.prepare('UPDATE snapshot_records SET data = ? WHERE dataset = ?').run(data, AUTHZ);
  } finally {
    db.close();
  }
  return readFileSync(file).toString('base64');
}

for (const depth of [3_000, 100_000]) {
  test(`a snapshot nested ${depth.toLocaleString('en')} levels deep imports, re-evaluates, reports and exports`, async (t) => {
    const base64 = await tamperedEngagement(t, depth);
    const app = core(t, tempDir(t));
    const h = app.handlers;
    const imported = await h['engagements:import']({ base64 });
    assert.equal(imported.scans, 1);
    const [scan] = await h['scans:list']({});
    assert.ok(scan);

    const records = readRecords(app.db, scan.id);
    assert.equal(records.find((r) => r.dataset === AUTHZ)?.ok, true, 'the deep record reads back');
    const { scanId: again } = await h['scan:reevaluate']({ scanId: scan.id });
    const findings = await h['findings:list']({ scanId: again });
    assert.ok(findings.length > 100, 'the other checks still judge the account');
    const admin = findings.find((f) => f.checkId === 'iam-policy-no-full-admin' && f.resourceId === 'deep-user');
    assert.equal(admin?.status, 'FAIL', 'the allow-all statement above the deep condition is still seen');

    for (const id of [scan.id, again]) {
      const pdf = Buffer.from((await h['report:render']({ scanId: id })).base64, 'base64');
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      const text = pdfText(t, pdf)?.replace(/\s+/g, '');
      if (text !== undefined) assert.ok(text.includes(snapshotDigest(readRecords(app.db, id)).sha256), 'the report prints the fingerprint of the deep snapshot');
      for (const format of ['json', 'csv', 'ocsf'] as const) {
        const file = await h['export:render']({ scanId: id, format });
        const content = Buffer.from(file.base64, 'base64').toString('utf8');
        // The imported scan keeps the findings it came with; its re-evaluation judged the deep user.
        if (id === again) assert.ok(content.includes('deep-user'), `${format} export of ${id} names the deep user`);
        if (format !== 'csv') JSON.parse(content);
      }
    }
  });
}
