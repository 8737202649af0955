/**
 * Settings in the real UI: concurrency, default ports and name are saved by the core (they survive
 * a reload and follow a change made by the CLI), a new engagement starts from them, "Open data
 * folder" shows what happened, and the native menu's History and Settings commands navigate.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { closeBrowser, eventually, startApp, type E2eApp } from '../support/e2e-harness.ts';

async function openSettings(app: E2eApp): Promise<void> {
  await app.page.goto(`${app.server.origin}/#/settings`);
  await app.page.locator('[data-testid="scan-settings-form"][data-ready="true"]').waitFor();
}

const fields = (page: Page) =>
  Promise.all(['pref-consultant', 'pref-concurrency', 'pref-ports'].map((id) => page.getByTestId(id).inputValue()));

describe('settings', () => {
  let app: E2eApp;
  const opened: string[] = [];
  before(async () => {
    app = await startApp({ openFolder: async (path) => (opened.push(path), '') });
  });
  after(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('saves concurrency, default ports and name in the core; they survive a reload and follow the CLI', async () => {
    const { page, core } = app;
    await openSettings(app);
    assert.deepEqual(await fields(page), ['', '', '80, 443']);
    const save = page.getByTestId('settings-save');
    assert.equal(await save.isDisabled(), true, 'nothing to save yet');

    await page.getByTestId('pref-concurrency').fill('65');
    assert.match(await page.locator('#pref-concurrency-help').innerText(), /A whole number from 1 to 64/);
    assert.equal(await save.isDisabled(), true, 'an invalid concurrency cannot be saved');
    await page.getByTestId('pref-concurrency').fill('6');
    await page.getByTestId('pref-ports').fill('8443, 443, http');
    assert.match(await page.locator('#pref-ports-help').innerText(), /Port numbers from 0 to 65535/);
    await page.getByTestId('pref-ports').fill('8443, 443');
    await page.getByTestId('pref-consultant').fill('Ana Ruiz');
    assert.match(await page.getByTestId('settings-status').innerText(), /Unsaved changes/);
    await save.click();
    await eventually(async () => assert.match(await page.getByTestId('settings-status').innerText(), /^Saved\./));
    assert.deepEqual(await core.handlers['settings:get']({}), { concurrency: 6, defaultAuthorizedPorts: [443, 8443], consultant: 'Ana Ruiz' });

    await page.reload();
    await openSettings(app);
    // The fields fill in once the core's settings arrive (they are disabled until then).
    await eventually(async () => assert.deepEqual(await fields(page), ['Ana Ruiz', '6', '443, 8443']));
    const stored = String(await page.evaluate("localStorage.getItem('leasehold:prefs') ?? ''"));
    assert.ok(!/8443|Ana/.test(stored), `only the theme is kept in the browser: ${stored}`);

    // Changed from the command line meanwhile: the window picks it up when it comes back to the front.
    await core.handlers['settings:save']({ concurrency: null, consultant: 'Sam Lee' });
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await eventually(async () => assert.deepEqual(await fields(page), ['Sam Lee', '', '443, 8443']));
  });

  it('a new engagement starts with the default ports and name from the settings', async () => {
    const { page, core } = app;
    await page.getByTestId('nav-engagements').click();
    await page.getByTestId('engagement-new').click();
    const form = page.getByTestId('engagement-form');
    // The form fills in as it opens (and again if the saved settings arrive after it): wait for the values.
    await eventually(async () => assert.equal(await form.getByTestId('engagement-ports').inputValue(), '443, 8443'));
    assert.equal(await form.getByTestId('engagement-consultant').inputValue(), 'Sam Lee');
    await form.getByTestId('engagement-client').fill('Contoso');
    await form.getByTestId('engagement-save').click();
    await page.getByTestId('engagement-dialog').waitFor({ state: 'hidden' });
    const saved = (await core.handlers['engagements:list']({})).find((e) => e.client === 'Contoso');
    assert.deepEqual(saved?.settings.authorizedPorts, [443, 8443]);
  });

  it('"Open data folder" opens it through the core, and says where it is when it cannot', async () => {
    const { page } = app;
    await openSettings(app);
    await page.getByTestId('open-data-folder').click();
    const result = page.getByTestId('open-data-folder-result');
    await eventually(async () => assert.equal(await result.innerText(), 'Opened in your file manager.'));
    assert.deepEqual(opened, [app.dir]);

    const plain = await startApp();
    try {
      await openSettings(plain);
      await plain.page.getByTestId('open-data-folder').click();
      const message = plain.page.getByTestId('open-data-folder-result');
      await eventually(async () => assert.equal(await message.getAttribute('data-opened'), 'false'));
      assert.ok((await message.innerText()).includes(plain.dir), 'the message names the folder');
      assert.deepEqual(plain.pageErrors, []);
    } finally {
      await plain.close();
    }
  });

  it('the menu commands History and Settings… open their pages', async () => {
    const { page, core } = app;
    await page.goto(`${app.server.origin}/#/new`);
    core.events.emit('menu:action', { action: 'menu:history' });
    await page.getByTestId('history-page').waitFor();
    assert.match(page.url(), /#\/history$/);
    core.events.emit('menu:action', { action: 'menu:settings' });
    await page.getByTestId('settings-page').waitFor();
    assert.match(page.url(), /#\/settings$/);
    assert.deepEqual(app.pageErrors, []);
  });
});
