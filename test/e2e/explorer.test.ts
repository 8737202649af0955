/**
 * The findings explorer: filters and free text answered by the store, grouping, the keyboard, the
 * detail panel, accepting (and revoking) a risk, and a scan of 20,000 findings that stays a
 * windowed list.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { eventually, openTab, screenshotPath, seedLargeScan, waitForRows, type E2eApp, withDemoApp } from '../support/e2e-harness.ts';

async function total(page: Page): Promise<number> {
  await waitForRows(page);
  return Number(await page.getByTestId('findings-table').getAttribute('data-total'));
}

const attr = (page: Page, name: string) => page.getByTestId('finding-row').evaluateAll((rows, n) => rows.map((r) => r.getAttribute(n) ?? ''), name);

describe('findings explorer', () => {
  let app: E2eApp;
  let scanId: string;
  withDemoApp((a, id) => {
    app = a;
    scanId = id;
  });

  it('filters by status, severity, area, region and free text, with the store’s counts', async () => {
    const { page, core } = app;
    await openTab(app, scanId, 'findings');
    const count = async (q: Parameters<typeof core.handlers['findings:query']>[0]) => (await core.handlers['findings:query']({ ...q, limit: 1 })).total;

    assert.equal(await total(page), await count({ scanId, status: ['FAIL'] }), 'failures by default');
    assert.ok((await attr(page, 'data-status')).every((s) => s === 'FAIL'));

    await page.getByTestId('filter-status-PASS').click();
    await eventually(async () => assert.equal(await total(page), await count({ scanId, status: ['FAIL', 'PASS'] })));

    await page.getByTestId('filter-status-PASS').click();
    await page.getByTestId('filter-severity-high').click();
    await eventually(async () => assert.equal(await total(page), await count({ scanId, status: ['FAIL'], severity: ['high'] })));
    assert.ok((await attr(page, 'data-severity')).every((s) => s === 'high'));

    await page.getByTestId('filter-area').locator('summary').click();
    await page.getByTestId('filter-area-network').check();
    await page.keyboard.press('Escape');
    await eventually(async () => assert.equal(await total(page), await count({ scanId, status: ['FAIL'], severity: ['high'], area: ['network'] })));
    assert.ok((await attr(page, 'data-area')).every((a) => a === 'network'));
    // The filters live in the address: a reload keeps them.
    assert.match(page.url(), /severity=high/);
    assert.match(page.url(), /area=network/);
    await page.reload();
    await eventually(async () => assert.equal(await total(page), await count({ scanId, status: ['FAIL'], severity: ['high'], area: ['network'] })));

    await page.getByTestId('filter-reset').click();
    await page.getByTestId('explorer-search').fill('bastion');
    await eventually(async () => assert.equal(await total(page), await count({ scanId, status: ['FAIL'], text: 'bastion' })));
    assert.ok((await page.getByTestId('finding-row').allInnerTexts()).every((t) => /bastion/i.test(t)));

    await page.getByTestId('explorer-search').fill('');
    await page.getByTestId('filter-region').locator('summary').click();
    await page.getByTestId('filter-region-eu-west-1').check();
    await page.keyboard.press('Escape');
    await eventually(async () => assert.equal(await total(page), await count({ scanId, status: ['FAIL'], region: ['eu-west-1'] })));
    assert.ok((await attr(page, 'data-key')).every((k) => k.split('|')[1] === 'eu-west-1'));
    await page.getByTestId('filter-reset').click();
    assert.deepEqual(app.pageErrors, []);
  });

  it('groups by check: each check heads its own run of rows', async () => {
    const { page } = app;
    await openTab(app, scanId, 'findings');
    await page.getByTestId('explorer-group').selectOption('check');
    await waitForRows(page);
    await eventually(async () => {
      const checks = await attr(page, 'data-check-id');
      const sorted = [...checks].sort();
      assert.deepEqual(checks, sorted, 'rows of one check are together');
    });
    const starts = await page.locator('.fgrid-row.is-group-start').count();
    const distinct = new Set(await attr(page, 'data-check-id')).size;
    assert.equal(starts, distinct);
    await page.getByTestId('explorer-group').selectOption('none');
  });

  it('works from the keyboard: arrows move, Enter opens the detail, Escape closes it', async () => {
    const { page } = app;
    await openTab(app, scanId, 'findings');
    await waitForRows(page);
    const grid = page.getByTestId('findings-table');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await grid.getAttribute('aria-activedescendant'), 'finding-row-2');
    const key = await page.locator('#finding-row-2').getAttribute('data-key');
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('finding-detail');
    await detail.waitFor();
    assert.equal(await detail.getAttribute('data-key'), key);
    assert.match(await detail.innerText(), /Evidence/i);
    assert.ok((await detail.getByTestId('evidence').locator('.copy-button').count()) > 0, 'evidence can be copied');
    await page.screenshot({ path: screenshotPath('03-finding-detail') });
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    assert.equal(await grid.evaluate((el) => el === el.ownerDocument.activeElement), true, 'focus is back on the list');
    await page.keyboard.press('End');
    const last = (await total(page)) - 1;
    await eventually(async () => assert.equal(await grid.getAttribute('aria-activedescendant'), `finding-row-${last}`));
    await page.keyboard.press('Home');
    await eventually(async () => assert.equal(await grid.getAttribute('aria-activedescendant'), 'finding-row-0'));
    // "/" jumps to the search box.
    await page.keyboard.press('/');
    assert.equal(await page.getByTestId('explorer-search').evaluate((el) => el === el.ownerDocument.activeElement), true);
  });

  it('accepts the risk of one resource with justification, approver and expiry, filters by it, and revokes it', async () => {
    const { page, core } = app;
    const count = async (q: Parameters<typeof core.handlers['findings:query']>[0]) => (await core.handlers['findings:query']({ ...q, limit: 1 })).total;
    await openTab(app, scanId, 'findings');
    await waitForRows(page);
    const row = page.getByTestId('finding-row').first();
    const [checkId, region, resourceId] = (await row.getAttribute('data-key'))!.split('|') as [string, string, string];
    await row.click();
    await page.getByTestId('accept-risk').click();
    const form = page.getByTestId('accept-risk-form');
    assert.equal(await form.getByTestId('accept-submit').isDisabled(), true, 'justification and approver are required');
    await form.getByTestId('accept-justification').fill('Compensating control: WAF in front, reviewed with the client.');
    await form.getByTestId('accept-approver').fill('Dana Whitfield, CISO');
    const expiry = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    await form.getByTestId('accept-expiry').fill(expiry);
    await form.getByTestId('accept-submit').click();
    await page.getByTestId('detail-acceptance').waitFor();
    assert.match(await page.getByTestId('detail-acceptance').innerText(), /Dana Whitfield, CISO/);

    const [stored] = await core.handlers['risks:list']({ engagementId: 'demo' });
    assert.deepEqual(
      { checkId: stored?.checkId, region: stored?.region, resourceId: stored?.resourceId, approver: stored?.approver, expires: stored?.expiresAt?.slice(0, 10) },
      { checkId, region, resourceId, approver: 'Dana Whitfield, CISO', expires: expiry },
    );
    const marked = page.locator(`[data-testid="finding-row"][data-key="${checkId}|${region}|${resourceId}"]`);
    await eventually(async () => assert.equal(await marked.getAttribute('data-acceptance'), 'accepted'));
    assert.match(await marked.innerText(), /Accepted/);

    // The acceptance filter is answered by the store: the count is the filtered list's, not a page's.
    const failures = await total(page);
    const acceptanceMenu = async (check: 'accepted' | 'expired' | 'none', uncheck?: 'accepted' | 'expired' | 'none') => {
      await page.getByTestId('filter-acceptance').locator('summary').click();
      if (uncheck) await page.getByTestId(`filter-acceptance-${uncheck}`).uncheck();
      await page.getByTestId(`filter-acceptance-${check}`).check();
      await page.keyboard.press('Escape');
    };
    await acceptanceMenu('accepted');
    await eventually(async () => assert.equal(await total(page), 1));
    assert.deepEqual(await attr(page, 'data-key'), [`${checkId}|${region}|${resourceId}`]);
    assert.deepEqual(await attr(page, 'data-acceptance'), ['accepted']);
    assert.match(await page.getByTestId('findings-count').innerText(), /^1 finding$/);
    assert.match(page.url(), /acceptance=accepted/);
    await page.screenshot({ path: screenshotPath('14-accepted-risk') });

    await acceptanceMenu('none', 'accepted');
    await eventually(async () => assert.equal(await total(page), failures - 1));
    assert.ok((await attr(page, 'data-acceptance')).every((a) => a === 'none'));
    // Searched for by its own resource, the accepted finding is not among the "not accepted" ones.
    await page.getByTestId('explorer-search').fill(resourceId);
    await eventually(async () => assert.equal(await total(page), await count({ scanId, status: ['FAIL'], text: resourceId, acceptance: ['none'] })));
    assert.ok(!(await attr(page, 'data-key')).includes(`${checkId}|${region}|${resourceId}`));
    await page.getByTestId('filter-reset').click();
    await eventually(async () => assert.equal(await total(page), failures));

    await page.getByTestId('revoke-risk').click();
    await page.getByTestId('accept-risk').waitFor();
    await eventually(async () => assert.equal(await marked.getAttribute('data-acceptance'), 'none'));
    assert.deepEqual(await core.handlers['risks:list']({ engagementId: 'demo' }), []);
  });

  it('keeps 20,000 findings a windowed list: only what is in view is in the page', async () => {
    const { page } = app;
    const large = seedLargeScan(app.core, 20_000);
    await openTab(app, large, 'findings', 'status=');
    assert.equal(await total(page), 20_000);
    assert.match(await page.getByTestId('findings-count').innerText(), /20,000 findings/);
    const rendered = await page.getByTestId('finding-row').count();
    assert.ok(rendered > 5 && rendered < 80, `${rendered} rows in the DOM`);

    const grid = page.getByTestId('findings-table');
    await grid.focus();
    await page.keyboard.press('End');
    await eventually(async () => assert.equal(await page.locator('#finding-row-19999').getAttribute('data-testid'), 'finding-row'));
    assert.ok((await page.getByTestId('finding-row').count()) < 80);

    await page.getByTestId('explorer-search').fill('resource-19998');
    await eventually(async () => assert.equal(await total(page), 1));
    assert.match(await page.getByTestId('finding-row').innerText(), /resource-19998/);
  });
});
