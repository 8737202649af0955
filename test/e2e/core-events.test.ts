/**
 * Requests the core pushes to the page: an MFA code (`auth:mfa-required`), renewed credentials
 * (`auth:renew-required`) and Electron menu commands (`menu:action`). The fake AWS has no
 * AssumeRole or SSO, so the requests are emitted on the real core's event hub; answers go to the
 * real broker, which has nothing pending and says so.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeBrowser, eventually, screenshotPath, startApp, type E2eApp } from '../support/e2e-harness.ts';

describe('requests from the core', () => {
  let app: E2eApp;
  before(async () => {
    app = await startApp();
    await app.page.getByTestId('welcome-panel').waitFor();
  });
  after(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('asks for the code of the named profile, accepts only six digits, and reports a request that is no longer waiting', async () => {
    const { page, core } = app;
    const dialog = page.getByTestId('mfa-dialog');
    assert.equal(await dialog.isVisible(), false);

    core.events.emit('auth:mfa-required', { requestId: 'r-1', profile: 'prod-audit', mfaSerial: 'arn:aws:iam::111122223333:mfa/auditor' });
    await dialog.waitFor({ state: 'visible' });
    const text = await dialog.innerText();
    assert.match(text, /prod-audit/);
    assert.match(text, /arn:aws:iam::111122223333:mfa\/auditor/);
    const input = page.getByTestId('mfa-code-input');
    await eventually(async () => assert.equal(await input.evaluate((el) => el === el.ownerDocument.activeElement), true));

    await input.pressSequentially('12ab');
    assert.equal(await input.inputValue(), '12', 'letters are dropped');
    await page.getByTestId('mfa-submit').click();
    assert.match(await page.getByTestId('mfa-error').innerText(), /six digits/);
    assert.equal(await input.evaluate((el) => el === el.ownerDocument.activeElement), true, 'focus returns to the code');

    await input.pressSequentially('3456');
    await page.screenshot({ path: screenshotPath('11-mfa-prompt') });
    assert.equal(await input.inputValue(), '123456');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.match(await page.getByTestId('mfa-error').innerText(), /no longer waiting/));

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(app.pageErrors, []);
  });

  it('pauses for expired credentials: shows the message, and answers continue or stop', async () => {
    const { page, core } = app;
    const dialog = page.getByTestId('renew-dialog');
    core.events.emit('auth:renew-required', { requestId: 'r-2', profile: 'sso-audit', message: 'The SSO session has expired. Run aws sso login.' });
    await dialog.waitFor({ state: 'visible' });
    assert.match(await page.getByTestId('renew-message').innerText(), /SSO session has expired/);
    assert.equal(await page.getByTestId('renew-command').innerText(), 'aws sso login --profile sso-audit');
    assert.equal(await page.getByTestId('renew-copy').isVisible(), true, 'the command can be copied');
    // Escape does not drop the request: the scan would wait with no way to answer.
    await page.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), true);
    await page.screenshot({ path: screenshotPath('12-renew-prompt') });
    await page.getByTestId('renew-continue').click();
    await eventually(async () => assert.match(await page.getByTestId('renew-error').innerText(), /no longer waiting/));
    await page.getByTestId('renew-close').click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('performs the Electron menu commands', async () => {
    const { page, core } = app;
    core.events.emit('menu:action', { action: 'menu:export-report' });
    await eventually(async () => assert.match(await page.getByTestId('error-banner').innerText(), /Open a scan first/));

    core.events.emit('menu:action', { action: 'menu:new-scan' });
    await page.getByTestId('new-scan-form').waitFor();
    assert.equal(await page.getByTestId('error-banner').count(), 0, 'the notice is cleared by navigation');

    core.events.emit('menu:action', { action: 'menu:open-demo' });
    await page.getByTestId('dashboard').waitFor();

    // "Export report…" opens the scan's export options: variant, redaction and protection are chosen each time.
    core.events.emit('menu:action', { action: 'menu:export-report' });
    await page.getByTestId('export-panel').waitFor();
    assert.match(page.url(), /#\/scans\/demo\/export$/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    assert.match(file.suggestedFilename(), /\.pdf$/);
    assert.deepEqual(app.pageErrors, []);
  });
});
