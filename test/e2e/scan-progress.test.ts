/**
 * A real scan from the UI: the profile comes from AWS config files, the scanner talks to a
 * loopback fake AWS (test/support/fake-aws) over the real SDK, and the page follows the scan
 * through the event stream until its findings appear.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { closeBrowser, eventually, findingRows, screenshotPath, startApp, type E2eApp } from '../support/e2e-harness.ts';
import { misconfigured } from '../support/fake-aws/accounts/misconfigured.ts';
import { startFakeAws, writeAwsProfile, type FakeAws } from '../support/fake-aws/index.ts';

const PROFILE = 'acme-audit';

describe('connect and scan', () => {
  let fake: FakeAws;
  let app: E2eApp | undefined;

  before(async () => {
    fake = await startFakeAws(misconfigured);
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  after(async () => {
    await fake?.close();
    await closeBrowser();
  });

  async function openForm(): Promise<E2eApp> {
    const started = await startApp({ prepareAws: (dir) => void writeAwsProfile(dir, { profile: PROFILE, endpoint: fake.endpoint, region: 'us-east-1' }) });
    app = started;
    await started.page.getByTestId('welcome-new-scan').click();
    await started.page.getByTestId(`profile-option-${PROFILE}`).waitFor();
    return started;
  }

  it('picks the profile, shows the scan progressing, then the finished scan with its findings', async () => {
    const { page } = await openForm();
    const picker = page.getByTestId('profile-picker');
    const pickerText = await picker.innerText();
    assert.match(pickerText, /Access keys/, 'the profile kind is shown');
    assert.ok(pickerText.includes(fake.endpoint), 'the profile endpoint is shown');
    await page.getByTestId(`profile-option-${PROFILE}`).check();
    for (const box of await page.locator('[data-testid^="area-checkbox-"]').all()) assert.equal(await box.isChecked(), true);
    await page.screenshot({ path: screenshotPath('06-new-scan'), fullPage: true });

    // Slow answers, so the scan takes long enough to watch.
    fake.settings.latencyMs = 300;
    await page.getByTestId('start-scan').click();
    await page.getByTestId('scan-progress').waitFor();

    const bar = page.getByTestId('progress-bar');
    const seen = new Set<string>();
    let screenshot = false;
    await eventually(
      async () => {
        if (await bar.isVisible().catch(() => false)) {
          const done = Number(await bar.getAttribute('data-units-done').catch(() => null));
          const total = Number(await bar.getAttribute('data-units-total').catch(() => null));
          if (total > 0) seen.add(`${done}/${total}`);
          if (!screenshot && done > 0 && done < total) {
            screenshot = true;
            await page.screenshot({ path: screenshotPath('07-scan-progress'), fullPage: true }).catch(() => undefined);
          }
        }
        assert.equal(await page.getByTestId('findings-table').isVisible(), true);
      },
      60_000,
      25,
    );
    const fractions = [...seen].map((s) => s.split('/').map(Number) as [number, number]);
    assert.ok(fractions.length >= 2, `the bar moved: saw ${[...seen].join(', ')}`);
    assert.ok(fractions.some(([d, t]) => d > 0 && d < t), `saw a partial state: ${[...seen].join(', ')}`);

    const view = page.getByTestId('scan-view');
    assert.equal(await view.getAttribute('data-scan-status'), 'complete');
    assert.match(await page.locator('.scan-title').innerText(), /111122223333/);
    const rows = await findingRows(page);
    const failing = new Set(rows.map((r) => r.checkId));
    for (const id of ['ec2-sg-admin-ports-open', 'iam-root-mfa-enabled', 's3-bucket-versioning-enabled']) {
      assert.ok(failing.has(id), `${id} is among the failing findings: ${[...failing].join(', ')}`);
    }
    assert.ok(rows.every((r) => r.status === 'FAIL'));
    assert.ok(rows.some((r) => r.text.includes('bastion-ssh')), 'the open bastion security group is listed by name');
    await page.screenshot({ path: screenshotPath('08-scan-finished'), fullPage: true });
    assert.deepEqual(app!.pageErrors, []);
  });

  it('cancels a running scan, then resumes it to completion', async () => {
    const { page } = await openForm();
    fake.settings.latencyMs = 2_000;
    await page.getByTestId('start-scan').click();
    await page.getByTestId('scan-progress').waitFor();
    await page.getByTestId('cancel-scan').click();
    const view = page.getByTestId('scan-view');
    await eventually(async () => assert.equal(await view.getAttribute('data-scan-status'), 'cancelled'), 30_000);
    assert.equal(await page.getByTestId('scan-progress').count(), 0);

    fake.settings.latencyMs = 0;
    await page.getByTestId('resume-scan').click();
    await eventually(async () => assert.equal(await view.getAttribute('data-scan-status'), 'complete'), 60_000);
    await page.getByTestId('findings-table').waitFor();
    assert.ok((await findingRows(page)).some((r) => r.checkId === 'ec2-sg-admin-ports-open'));
    assert.equal(await page.getByTestId('resume-scan').count(), 0);
  });

  it('shows a check it could not assess as "Not assessed", with the reason, never as a pass', async () => {
    const { page } = await openForm();
    fake.faults.push({ service: 'iam', action: 'GetAccountSummary', status: 403, code: 'AccessDenied', message: 'User is not authorized to perform: iam:GetAccountSummary' });
    try {
      await page.getByTestId('regions-input').fill('us-east-1');
      await page.getByTestId('start-scan').click();
      await page.getByTestId('findings-table').waitFor({ timeout: 60_000 });
      await page.getByTestId('filter-status').selectOption('NOT_ASSESSED');
      const reason = page.getByTestId('finding-row').filter({ has: page.getByTestId('finding-reason') }).first();
      await reason.waitFor();
      const text = await reason.innerText();
      assert.match(text, /Missing permission/);
      assert.match(text, /iam:GetAccountSummary/);
      assert.match(text, /AccessDenied/);
      const rows = await findingRows(page);
      assert.ok(rows.length > 0 && rows.every((r) => r.status === 'NOT_ASSESSED'));
      assert.ok(rows.some((r) => r.checkId === 'iam-root-mfa-enabled'));
      // The area whose data could not be read is not shown as a clean bill of health.
      const iam = page.getByTestId('area-fail-count-identity-access');
      assert.equal(await iam.getAttribute('data-tone'), 'incomplete');
      assert.match(await page.getByTestId('area-card-identity-access').innerText(), /could not be assessed/);
      assert.doesNotMatch(await page.getByTestId('area-card-identity-access').innerText(), /No failures found/);
      await page.screenshot({ path: screenshotPath('10-not-assessed'), fullPage: true });
    } finally {
      fake.faults.length = 0;
    }
  });

  it('refuses to start without an area, and says why', async () => {
    const { page } = await openForm();
    for (const box of await page.locator('[data-testid^="area-checkbox-"]').all()) await box.uncheck();
    assert.equal(await page.getByTestId('start-scan').isDisabled(), true);
    assert.match(await page.getByTestId('new-scan-form').innerText(), /Choose at least one area/);
    await page.getByTestId('area-checkbox-network').check();
    await page.getByTestId('regions-input').fill('eu-west-1, not a region');
    assert.equal(await page.getByTestId('start-scan').isDisabled(), true);
    await page.getByTestId('regions-input').fill('us-east-1 eu-west-1');
    assert.equal(await page.getByTestId('start-scan').isDisabled(), false);
  });
});
