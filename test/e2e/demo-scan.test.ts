/** The demo engagement: the scan view a consultant reviews, its area cards and its filters. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AREAS } from '../../shared/model/area.ts';
import { closeBrowser, eventually, findingRows, openDemo, screenshotPath, startApp, type E2eApp } from '../support/e2e-harness.ts';

describe('demo engagement', () => {
  let app: E2eApp;
  let scanId: string;
  before(async () => {
    app = await startApp();
    scanId = await openDemo(app.page);
  });
  after(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows the scan with six area cards and its failing findings', async () => {
    const { page, core } = app;
    assert.ok(scanId);
    const cards = page.locator('[data-testid^="area-card-"]');
    assert.equal(await cards.count(), 6);
    for (const area of AREAS) assert.equal(await page.getByTestId(`area-card-${area}`).count(), 1, area);

    const fails = await core.handlers['findings:list']({ scanId, status: 'FAIL' });
    assert.ok(fails.length > 0, 'the demo has failing findings');
    const rows = await findingRows(page);
    assert.equal(rows.length, fails.length);
    assert.ok(rows.every((r) => r.status === 'FAIL'));
    assert.equal(await page.getByTestId('filter-status').inputValue(), 'FAIL');
    // Worst first: the first row is at least as severe as the last.
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    assert.ok(order.indexOf(rows[0]!.severity) <= order.indexOf(rows.at(-1)!.severity));

    // Each area card's FAIL number matches the findings of that area.
    for (const area of AREAS) {
      const expected = fails.filter((f) => f.area === area).length;
      const shown = await page.getByTestId(`area-fail-count-${area}`).innerText();
      assert.match(shown, new RegExp(`^${expected}\\b`), area);
    }
    await page.screenshot({ path: screenshotPath('02-scan-view'), fullPage: true });
    assert.deepEqual(app.pageErrors, []);
  });

  it('filters by status and by area', async () => {
    const { page, core } = app;
    const all = await core.handlers['findings:list']({ scanId });
    const passes = all.filter((f) => f.status === 'PASS');
    assert.ok(passes.length > 0, 'the demo has passing checks');

    await page.getByTestId('filter-status').selectOption('PASS');
    await eventually(async () => {
      const rows = await findingRows(page);
      assert.equal(rows.length, passes.length);
      assert.ok(rows.every((r) => r.status === 'PASS'));
    });

    await page.getByTestId('filter-status').selectOption('ALL');
    await eventually(async () => assert.equal((await findingRows(page)).length, all.length));

    const area = all.find((f) => f.area === 'network')?.area ?? all[0]!.area;
    await page.getByTestId('filter-area').selectOption(area);
    await eventually(async () => {
      const rows = await findingRows(page);
      assert.equal(rows.length, all.filter((f) => f.area === area).length);
      assert.ok(rows.every((r) => r.area === area));
    });

    await page.getByTestId('filter-reset').click();
    await eventually(async () => {
      const rows = await findingRows(page);
      assert.ok(rows.length > 0 && rows.every((r) => r.status === 'FAIL'));
    });
  });

  it('pressing an area card filters the findings to that area, pressing it again clears it', async () => {
    const { page } = app;
    const card = page.getByTestId('area-card-identity-access');
    await card.click();
    assert.equal(await card.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByTestId('filter-area').inputValue(), 'identity-access');
    await eventually(async () => {
      const rows = await findingRows(page);
      assert.ok(rows.length > 0 && rows.every((r) => r.area === 'identity-access'));
    });
    await card.click();
    assert.equal(await page.getByTestId('filter-area').inputValue(), 'ALL');
  });

  it('shows the evidence of a finding on demand', async () => {
    const { page } = app;
    const toggle = page.getByTestId('finding-toggle').first();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const details = page.locator('.finding-details').first();
    await details.waitFor();
    assert.match(await details.innerText(), /Check ID/);
    assert.match(await details.innerText(), /Evidence/);
    await page.screenshot({ path: screenshotPath('03-finding-evidence'), fullPage: false });
    await toggle.click();
  });

  it('lists the demo scan on the scans page, and opens it from there', async () => {
    const { page } = app;
    await page.getByTestId('nav-scans').click();
    await page.getByTestId('scan-list').waitFor();
    const rows = page.getByTestId('scan-row');
    assert.equal(await rows.count(), 1);
    const text = await rows.first().innerText();
    assert.match(text, /Demo/);
    assert.match(text, /Complete/);
    await page.screenshot({ path: screenshotPath('04-scan-list'), fullPage: true });
    await page.getByTestId(`scan-open-${scanId}`).click();
    await page.getByTestId('findings-table').waitFor();
    assert.match(page.url(), new RegExp(`#/scans/${scanId}$`));
  });

  it('follows the dark colour scheme', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = String(await page.evaluate('getComputedStyle(document.body).backgroundColor'));
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    assert.ok(r! + g! + b! < 150, `dark background, got ${background}`);
    await page.screenshot({ path: screenshotPath('05-scan-view-dark'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
