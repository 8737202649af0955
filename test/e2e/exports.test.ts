/**
 * The deliverables and the client record: engagements (create, edit, logo, archive, hand-over
 * file), the PDF report with its options, and the findings as JSON, CSV and OCSF, each download
 * checked as a file.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { isArea } from '../../shared/model/area.ts';
import { SEVERITIES, STATUSES } from '../../shared/model/finding.ts';
import { eventually, openTab, screenshotPath, type E2eApp, withDemoApp } from '../support/e2e-harness.ts';
import { jpeg, png } from '../support/images.ts';
import { runTool } from '../support/report-fixtures.ts';

async function download(page: Page, target: Locator): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), target.click()]);
  return { name: file.suggestedFilename(), content: await readFile(await file.path()) };
}

/** A 1×1 PNG, for the logo field. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('engagements and exports', () => {
  let app: E2eApp;
  let scanId: string;
  withDemoApp((a, id) => {
    app = a;
    scanId = id;
  });

  it('creates an engagement with its consultant, logo and authorized ports, edits and archives it', async () => {
    const { page, core } = app;
    await page.getByTestId('nav-engagements').click();
    await page.getByTestId('engagement-new').click();
    const form = page.getByTestId('engagement-form');
    await form.getByTestId('engagement-client').fill('Northwind Trading');
    await form.getByTestId('engagement-consultant').fill('Alex Morgan');
    await form.getByTestId('engagement-ports').fill('80, 443, 70000');
    assert.equal(await form.getByTestId('engagement-save').isDisabled(), true, 'a port above 65535 is refused');
    await form.getByTestId('engagement-ports').fill('443, 80, 8443');
    await form.getByTestId('engagement-notes').fill('Quarterly review, production account only.');
    await form.getByTestId('engagement-logo-client').setInputFiles({ name: 'northwind.png', mimeType: 'image/png', buffer: PNG });
    await form.locator('.logo-preview img').waitFor();
    await page.screenshot({ path: screenshotPath('17-engagement-form') });
    await form.getByTestId('engagement-save').click();
    await page.getByTestId('engagement-dialog').waitFor({ state: 'hidden' });

    const saved = (await core.handlers['engagements:list']({})).find((e) => e.client === 'Northwind Trading')!;
    assert.deepEqual((await core.handlers['engagements:get']({ id: saved.id })).settings.logos, { client: { mimeType: 'image/png', base64: PNG.toString('base64') } }, 'the logo is kept by the core, not the browser');
    assert.deepEqual({ consultant: saved.consultant, ports: saved.settings.authorizedPorts, notes: saved.notes }, { consultant: 'Alex Morgan', ports: [80, 443, 8443], notes: 'Quarterly review, production account only.' });
    const row = page.locator(`[data-testid="engagement-row"][data-engagement-id="${saved.id}"]`);
    assert.match(await row.innerText(), /Northwind Trading[\s\S]*Alex Morgan[\s\S]*80, 443, 8443/);

    await row.getByTestId('engagement-edit').click();
    // The form opens once the engagement, logos included, has come from the core.
    await form.getByTestId('engagement-logo-client-preview').waitFor();
    assert.equal(await form.locator('.logo-preview img').count(), 1, 'the logo is kept with the engagement');
    await form.getByTestId('engagement-ports').fill('443');
    await form.getByTestId('engagement-save').click();
    await eventually(async () => assert.deepEqual((await core.handlers['engagements:list']({})).find((e) => e.id === saved.id)?.settings.authorizedPorts, [443]));

    await row.getByTestId('engagement-archive').click();
    await eventually(async () => assert.equal(await row.count(), 0, 'archived engagements are hidden'));
    await page.getByTestId('engagements-show-archived').check();
    await eventually(async () => assert.match(await row.innerText(), /Archived/));
    await row.getByTestId('engagement-archive').click();
    await eventually(async () => assert.equal((await core.handlers['engagements:list']({})).some((e) => e.id === saved.id), true));

    // The new engagement is offered when starting a scan.
    await page.goto(`${app.server.origin}/#/new`);
    await eventually(async () => assert.ok((await page.getByTestId('scan-engagement').locator('option').allInnerTexts()).includes('Northwind Trading')));
  });

  it('exports an engagement with its scans as one file', async () => {
    const { page } = app;
    await page.goto(`${app.server.origin}/#/engagements`);
    const demo = page.locator('[data-testid="engagement-row"][data-engagement-id="demo"]');
    const { name, content } = await download(page, demo.getByTestId('engagement-export'));
    assert.match(name, /\.leasehold$/);
    assert.equal(content.subarray(0, 15).toString('latin1'), 'SQLite format 3');
  });

  it('JSON downloads every finding with the documented fields', async () => {
    const { page } = app;
    await openTab(app, scanId, 'export');
    const { name, content } = await download(page, page.getByTestId('export-json'));
    assert.match(name, /\.json$/);
    const findings = JSON.parse(content.toString('utf8')) as Record<string, unknown>[];
    const { total } = await app.core.handlers['findings:query']({ scanId, limit: 1 });
    assert.equal(findings.length, total);
    for (const f of findings) {
      for (const key of ['checkId', 'title', 'service', 'message', 'resourceId', 'resourceArn', 'resourceName', 'region', 'accountId']) assert.equal(typeof f[key], 'string', key);
      assert.ok(isArea(String(f.area)));
      assert.ok((SEVERITIES as readonly unknown[]).includes(f.severity));
      assert.ok((STATUSES as readonly unknown[]).includes(f.status));
    }
    assert.match(await page.getByTestId('export-done').innerText(), /Saved .*\.json/);
  });

  it('CSV downloads one row per finding under a header', async () => {
    const { page } = app;
    const { name, content } = await download(page, page.getByTestId('export-csv'));
    assert.match(name, /\.csv$/);
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    const header = text.split(/\r?\n/, 1)[0]!;
    assert.match(header, /check/i);
    assert.match(header, /status/i);
    const { total } = await app.core.handlers['findings:query']({ scanId, limit: 1 });
    assert.ok(text.trim().split(/\r?\n/).length >= total + 1);
  });

  it('OCSF downloads Compliance Finding events; redaction masks the account in the data files', async () => {
    const { page } = app;
    const { name, content } = await download(page, page.getByTestId('export-ocsf'));
    assert.match(name, /ocsf/i);
    const parsed = JSON.parse(content.toString('utf8')) as unknown;
    const events = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
    assert.ok(events.length > 0);
    assert.ok(events.every((e) => 'class_uid' in e), 'OCSF events');
    assert.ok(content.includes('111122223333'));

    await page.getByTestId('export-redact').check();
    const redacted = await download(page, page.getByTestId('export-json'));
    assert.ok(!redacted.content.includes('111122223333'), 'the account ID is masked');
    await page.getByTestId('export-redact').uncheck();
  });

  it('PDF downloads the report with the chosen options', async () => {
    const { page } = app;
    await page.getByTestId('report-variant-executive').check();
    await page.getByTestId('report-redact').check();
    await page.getByTestId('report-client').fill('Acme Corp');
    await page.getByTestId('report-protection-password').check();
    await page.getByTestId('report-password').fill('short');
    assert.equal(await page.getByTestId('export-pdf').isDisabled(), true, 'a short password is refused');
    await page.getByTestId('report-password').fill('correct horse battery');
    await page.screenshot({ path: screenshotPath('18-export') });
    const { name, content } = await download(page, page.getByTestId('export-pdf'));
    assert.match(name, /\.pdf$/);
    assert.equal(content.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(content.length > 2000);
    assert.ok(content.includes('/Encrypt'), 'password-protected');
    assert.equal(await page.getByTestId('export-pdf').isDisabled(), false, 'usable again once delivered');

    await page.getByTestId('report-protection-pdfa').check();
    const archived = await download(page, page.getByTestId('export-pdf'));
    assert.equal(archived.content.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(!archived.content.includes('/Encrypt'), 'PDF/A is never encrypted');
    assert.ok(archived.content.includes('pdfaid'), 'PDF/A identification in the metadata');
    assert.deepEqual(app.pageErrors, []);
  });

  it('puts the logos chosen in the engagement form on the cover of the downloaded PDF', async (t) => {
    const { page, core } = app;
    await page.goto(`${app.server.origin}/#/engagements`);
    const demo = page.locator('[data-testid="engagement-row"][data-engagement-id="demo"]');
    await demo.getByTestId('engagement-edit').click();
    const form = page.getByTestId('engagement-form');
    // Hold the reading of the chosen files, as a slow disk would: Save must wait for both logos.
    await page.evaluate(`{
      const read = Blob.prototype.arrayBuffer;
      let open;
      window.__logoGate = new Promise((r) => { open = r; });
      window.__openLogoGate = () => { Blob.prototype.arrayBuffer = read; open(); };
      Blob.prototype.arrayBuffer = function () { return window.__logoGate.then(() => read.call(this)); };
    }`);
    await form.getByTestId('engagement-logo-client').setInputFiles({ name: 'acme.png', mimeType: 'image/png', buffer: png(48, 24) });
    await form.getByTestId('engagement-logo-consultant').setInputFiles({ name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: jpeg(32, 16) });
    const save = form.getByTestId('engagement-save');
    await eventually(async () => assert.equal(await save.textContent(), 'Reading logo…'));
    assert.equal(await save.isDisabled(), true, 'no save while a chosen logo is still being read');
    await page.evaluate('window.__openLogoGate()');
    await form.getByTestId('engagement-logo-client-preview').waitFor();
    await form.getByTestId('engagement-logo-consultant-preview').waitFor();
    await save.click();
    await page.getByTestId('engagement-dialog').waitFor({ state: 'hidden' });
    const logos = (await core.handlers['engagements:list']({})).find((e) => e.id === 'demo')?.settings.logos;
    assert.deepEqual([logos?.client?.mimeType, logos?.consultant?.mimeType], ['image/png', 'image/jpeg']);

    await openTab(app, scanId, 'export');
    await eventually(async () => assert.equal(await page.getByTestId('report-logos').locator('img').count(), 2, 'the export page shows the logos it will use'));
    await page.getByTestId('report-protection-none').check();
    const { content } = await download(page, page.getByTestId('export-pdf'));
    const listed = runTool(t, 'pdfimages', (f) => ['-list', f], content);
    if (listed) {
      const sizes = listed.stdout.trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/)).filter((c) => c[2] === 'image').map((c) => `${c[3]}x${c[4]}`);
      assert.deepEqual(sizes.sort(), ['32x16', '48x24'], 'both logos are in the PDF at their own size');
    }

    // Removing one in the form removes it from the engagement.
    await page.goto(`${app.server.origin}/#/engagements`);
    await demo.getByTestId('engagement-edit').click();
    await form.getByTestId('engagement-logo-consultant-remove').click();
    await form.getByTestId('engagement-save').click();
    await page.getByTestId('engagement-dialog').waitFor({ state: 'hidden' });
    await eventually(async () => assert.deepEqual(Object.keys((await core.handlers['engagements:list']({})).find((e) => e.id === 'demo')?.settings.logos ?? {}), ['client']));
    assert.deepEqual(app.pageErrors, []);
  });

  it('moves logos an earlier version kept in this browser into the engagement, once', async () => {
    const { page, core } = app;
    const legacy = await core.handlers['engagements:save']({ client: 'Legacy Logos Ltd' });
    const dataUrl = `data:image/png;base64,${png(12, 6).toString('base64')}`;
    await page.evaluate(`localStorage.setItem('leasehold:logos', ${JSON.stringify(JSON.stringify({ [legacy.id]: { consultant: dataUrl } }))})`);
    // As after an update: the app starts with the old browser storage in place.
    await page.goto(`${app.server.origin}/#/engagements`);
    await page.reload();
    await eventually(async () => assert.equal((await core.handlers['engagements:get']({ id: legacy.id })).settings.logos?.consultant?.base64, png(12, 6).toString('base64')));
    await eventually(async () => assert.equal(await page.evaluate("localStorage.getItem('leasehold:logos')"), null, 'then forgotten by the browser'));
    await page.locator(`[data-testid="engagement-row"][data-engagement-id="${legacy.id}"]`).getByTestId('engagement-edit').click();
    await page.getByTestId('engagement-form').getByTestId('engagement-logo-consultant-preview').waitFor();
    assert.deepEqual(app.pageErrors, []);
  });
});
