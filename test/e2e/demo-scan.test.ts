/**
 * The demo engagement, screen by screen: the dashboard a consultant reviews first (area cards,
 * severity chart, top risks, responsibility matrix), the maintenance, exposure and coverage views,
 * and the manual controls form.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AREAS } from '../../shared/model/area.ts';
import { SEVERITIES } from '../../shared/model/finding.ts';
import { eventually, openTab, screenshotPath, waitForRows, type E2eApp, withDemoApp } from '../support/e2e-harness.ts';

describe('demo engagement', () => {
  let app: E2eApp;
  let scanId: string;
  withDemoApp((a, id) => {
    app = a;
    scanId = id;
  });

  it('shows one card per area whose failure count matches the findings, with its status', async () => {
    const { page, core } = app;
    assert.equal(scanId, 'demo');
    assert.equal(await page.locator('[data-testid^="area-card-"]').count(), 6);
    for (const area of AREAS) {
      const { total } = await core.handlers['findings:query']({ scanId, status: ['FAIL'], area: [area], limit: 1 });
      assert.match(await page.getByTestId(`area-fail-count-${area}`).innerText(), new RegExp(`^${total}\\b`), area);
      assert.equal(await page.getByTestId(`area-status-${area}`).innerText(), total > 0 ? 'Action needed' : 'Holding', area);
    }
    await page.screenshot({ path: screenshotPath('02-overview'), fullPage: true });
    assert.deepEqual(app.pageErrors, []);
  });

  it('charts failures by severity; a bar opens the explorer filtered to it', async () => {
    const { page, core } = app;
    for (const severity of SEVERITIES) {
      const { total } = await core.handlers['findings:query']({ scanId, status: ['FAIL'], severity: [severity], limit: 1 });
      assert.match(await page.getByTestId(`severity-bar-${severity}`).innerText(), new RegExp(`${total}$`), severity);
    }
    await page.getByTestId('severity-bar-critical').click();
    await waitForRows(page);
    const rows = page.getByTestId('finding-row');
    assert.ok((await rows.count()) > 0);
    for (const severity of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')))) assert.equal(severity, 'critical');
    assert.equal(await page.getByTestId('filter-severity-critical').getAttribute('aria-pressed'), 'true');
  });

  it('lists the top risks, worst first; each opens its finding in the explorer', async () => {
    const { page } = app;
    await openTab(app, scanId, 'overview');
    const risks = page.getByTestId('top-risk');
    // The list renders after the findings load: wait for it rather than count too early.
    await risks.nth(4).waitFor({ timeout: 15_000 });
    assert.ok((await risks.count()) >= 5);
    const first = await risks.first().innerText();
    assert.match(first, /Critical/);
    await risks.first().click();
    const detail = page.getByTestId('finding-detail');
    await detail.waitFor();
    const title = first.split('\n').find((line) => line && line !== 'Critical')!;
    assert.equal(await page.locator('#detail-title').innerText(), title);
    // Focus lands on the detail's title, so a screen reader announces it.
    await eventually(async () => assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'detail-title'));
  });

  it('leaves accepted risks out of the top risks and still lists the next open ones', async () => {
    const { page, core } = app;
    const { engagementId } = await core.handlers['scans:get']({ scanId });
    // Whole checks accepted, covering more failures than one page of the list: every one leaves it.
    const worst = (await core.handlers['findings:query']({ scanId, status: ['FAIL'], sort: 'severity', limit: 30 })).rows;
    const checks = [...new Set(worst.map((f) => f.checkId))];
    const accepted = await Promise.all(checks.map((checkId) => core.handlers['risks:accept']({ engagementId, checkId, justification: 'Compensating control in place', approver: 'CISO' })));
    try {
      await openTab(app, scanId, 'overview');
      // The acceptances were made behind the page's back: load it afresh.
      await page.reload();
      const risks = page.getByTestId('top-risk');
      await risks.nth(7).waitFor({ timeout: 15_000 });
      assert.equal(await risks.count(), 8);
      const hrefs = await risks.evaluateAll((els) => els.map((e) => decodeURIComponent(e.getAttribute('href') ?? '')));
      for (const checkId of checks) assert.ok(hrefs.every((h) => !h.includes(`open=${checkId}|`)), `no failure of ${checkId} is listed`);
    } finally {
      for (const a of accepted) await core.handlers['risks:revoke']({ id: a.id });
    }
  });

  it('shows who is responsible for what, per service in use', async () => {
    const { page, core } = app;
    await openTab(app, scanId, 'overview');
    const matrix = await core.handlers['scans:responsibility']({ scanId });
    const rows = page.getByTestId('matrix-row');
    await eventually(async () => assert.equal(await rows.count(), matrix.rows.length));
    assert.ok(matrix.rows.length > 0);
    const first = matrix.rows[0]!;
    assert.ok((await rows.first().innerText()).includes(first.title));
    // Each service opens to what AWS manages and what the customer must do.
    await rows.first().locator('summary').click();
    const text = await rows.first().innerText();
    assert.ok(text.includes(first.awsManages[0]!));
    assert.ok(text.includes(first.customerDuties[0]!.text));
    await page.getByTestId('securityhub-summary').waitFor();
  });

  it('lists every instance in the maintenance view, unknown values as "Unknown"', async () => {
    const { page, core } = app;
    await openTab(app, scanId, 'maintenance');
    const expected = await core.handlers['scans:maintenance']({ scanId });
    const rows = page.getByTestId('maintenance-row');
    await eventually(async () => assert.equal(await rows.count(), expected.length));
    for (const r of expected) {
      const row = rows.filter({ hasText: r.instanceId });
      assert.equal(await row.count(), 1, r.instanceId);
      if (r.ssmManaged === null) assert.match(await row.innerText(), /Unknown/);
    }
    await page.getByTestId('maintenance-attention').check();
    assert.ok((await rows.count()) <= expected.length);
    await page.screenshot({ path: screenshotPath('13-maintenance'), fullPage: true });
  });

  it('shows world-open ports with the verdict of each network layer', async () => {
    const { page, core } = app;
    await openTab(app, scanId, 'exposure');
    const view = await core.handlers['scans:exposure']({ scanId });
    const rows = page.getByTestId('exposure-row');
    await eventually(async () => assert.equal(await rows.count(), view.rows.filter((r) => r.exposed !== 'no').length));
    await page.getByTestId('exposure-show').selectOption('all');
    await eventually(async () => assert.equal(await rows.count(), view.rows.length));
    const exposed = view.rows.find((r) => r.exposed === 'yes');
    if (exposed) assert.ok((await rows.filter({ hasText: exposed.resourceId }).first().innerText()).includes(String(exposed.fromPort)));
  });

  it('says what the scan could not assess, and links to those checks', async () => {
    const { page, core } = app;
    await openTab(app, scanId, 'coverage');
    const coverage = await core.handlers['scans:coverage']({ scanId });
    const failedCells = coverage.cells.filter((c) => c.failed > 0).length;
    if (failedCells === 0) await page.getByTestId('coverage-complete').waitFor();
    else await eventually(async () => assert.equal(await page.getByTestId('coverage-row').count(), failedCells));
    await page.getByTestId('coverage-not-assessed').click();
    await page.getByTestId('findings-table').waitFor();
    assert.equal(await page.getByTestId('filter-status-NOT_ASSESSED').getAttribute('aria-pressed'), 'true');
  });

  it('records a manual control answer for the engagement', async () => {
    const { page, core } = app;
    await openTab(app, scanId, 'manual');
    const card = page.getByTestId('manual-control').first();
    const controlId = (await card.getAttribute('data-control-id'))!;
    await card.getByTestId('manual-answer-no').check();
    await card.getByTestId('manual-notes').fill('Incident response plan not tested this year.');
    await card.getByTestId('manual-save').click();
    await eventually(async () => {
      const saved = (await core.handlers['manual:list']({ engagementId: 'demo' })).find((c) => c.id === controlId);
      assert.equal(saved?.answer, 'no');
      assert.equal(saved?.notes, 'Incident response plan not tested this year.');
    });
    await page.reload();
    await page.getByTestId('manual-control').first().waitFor();
    assert.equal(await page.getByTestId('manual-control').first().getByTestId('manual-answer-no').isChecked(), true);
  });

  it('lists the demo scan on the scans page, and opens it from there', async () => {
    const { page } = app;
    await page.getByTestId('nav-scans').click();
    await page.getByTestId('scan-list').waitFor();
    const rows = page.getByTestId('scan-row');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), /Demo[\s\S]*Complete/);
    await page.getByTestId(`scan-open-${scanId}`).click();
    await page.getByTestId('dashboard').waitFor();
    assert.match(page.url(), new RegExp(`#/scans/${scanId}$`));
    assert.deepEqual(app.pageErrors, []);
  });
});
