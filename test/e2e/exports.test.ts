/** The deliverables: the downloads a consultant hands to the client. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { isArea } from '../../shared/model/area.ts';
import { SEVERITIES, STATUSES } from '../../shared/model/finding.ts';
import { closeBrowser, openDemo, startApp, type E2eApp } from '../support/e2e-harness.ts';

async function download(page: Page, testId: string): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), content: await readFile(path) };
}

describe('exports', () => {
  let app: E2eApp;
  before(async () => {
    app = await startApp();
    await openDemo(app.page);
  });
  after(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('JSON downloads an array of findings with the documented fields', async () => {
    const { name, content } = await download(app.page, 'export-json');
    assert.match(name, /\.json$/);
    const findings = JSON.parse(content.toString('utf8')) as Record<string, unknown>[];
    assert.ok(Array.isArray(findings) && findings.length > 0);
    for (const f of findings) {
      for (const key of ['checkId', 'title', 'service', 'message', 'resourceId', 'resourceArn', 'resourceName', 'region', 'accountId']) {
        assert.equal(typeof f[key], 'string', `${key} in ${JSON.stringify(f).slice(0, 200)}`);
      }
      assert.ok(isArea(String(f.area)), String(f.area));
      assert.ok((SEVERITIES as readonly unknown[]).includes(f.severity), String(f.severity));
      assert.ok((STATUSES as readonly unknown[]).includes(f.status), String(f.status));
      assert.ok(Array.isArray(f.evidence));
      if (f.status === 'NOT_ASSESSED') assert.equal(typeof f.reason, 'object');
    }
    assert.ok(findings.some((f) => f.status === 'FAIL'));
  });

  it('CSV downloads one row per finding under a header', async () => {
    const { name, content } = await download(app.page, 'export-csv');
    assert.match(name, /\.csv$/);
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    const header = text.split(/\r?\n/, 1)[0]!;
    assert.match(header, /check/i);
    assert.match(header, /status/i);
    const all = await app.core.handlers['findings:list']({ scanId: (await app.page.getByTestId('scan-view').getAttribute('data-scan-id'))! });
    // Quoted fields may hold line breaks, so count records loosely: at least one line per finding.
    assert.ok(text.trim().split(/\r?\n/).length >= all.length + 1);
  });

  it('PDF downloads a PDF report', async () => {
    const { name, content } = await download(app.page, 'export-pdf');
    assert.match(name, /\.pdf$/);
    assert.equal(content.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(content.length > 2000);
    // The button is usable again once the file is delivered.
    assert.equal(await app.page.getByTestId('export-pdf').isDisabled(), false);
    assert.deepEqual(app.pageErrors, []);
  });
});
