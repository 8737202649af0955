/** A new user with an empty database: the welcome panel, and the way to a first scan. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeBrowser, startApp, screenshotPath, type E2eApp } from '../support/e2e-harness.ts';

describe('first run', () => {
  let app: E2eApp;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('lands on the welcome panel, with the launch code gone from the address bar', async () => {
    const { page } = app;
    const welcome = page.getByTestId('welcome-panel');
    await welcome.waitFor();
    assert.match(await welcome.innerText(), /Audit the customer side of the AWS Shared Responsibility Model/);
    assert.equal(await page.getByTestId('welcome-open-demo').innerText(), 'Open the demo engagement');
    assert.equal(await page.getByTestId('welcome-new-scan').innerText(), 'Scan an AWS account');
    assert.ok(!/[?&](code|token)=/.test(page.url()), page.url());
    await page.screenshot({ path: screenshotPath('01-welcome'), fullPage: true });
    assert.deepEqual(app.pageErrors, []);
  });

  it('"Scan an AWS account" opens the new scan form, which explains that no profile is configured', async () => {
    const { page } = app;
    await page.getByTestId('welcome-new-scan').click();
    await page.getByTestId('new-scan-form').waitFor();
    const empty = page.getByTestId('no-profiles');
    await empty.waitFor();
    assert.match(await empty.innerText(), /No AWS profiles found/);
    assert.equal(await page.getByTestId('start-scan').isDisabled(), true);
    assert.equal(await page.getByTestId('regions-all').isChecked(), true, 'every enabled region by default');
    for (const box of await page.locator('[data-testid^="area-checkbox-"]').all()) assert.equal(await box.isChecked(), true);
  });

  it('can be used with the keyboard alone: Tab reaches the demo button, Enter opens the demo', async () => {
    const { page } = app;
    await page.goto(`${app.server.origin}/#/`);
    await page.getByTestId('welcome-panel').waitFor();
    const target = page.getByTestId('welcome-open-demo');
    let focused = false;
    for (let i = 0; i < 15 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await target.evaluate((el) => el === el.ownerDocument.activeElement);
    }
    assert.ok(focused, 'the demo button is reachable with Tab');
    // A visible focus ring: the focused button has an outline.
    const outline = String(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle'));
    assert.notEqual(outline, 'none');
    await page.keyboard.press('Enter');
    await page.getByTestId('scan-view').waitFor();
  });
});
