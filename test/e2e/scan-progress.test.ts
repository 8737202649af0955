/**
 * Connect and scan from the UI: profiles of every kind from AWS config files, the access check
 * (doctor), SSO guidance, and real scans through the real SDK against a loopback fake AWS
 * (test/support/fake-aws), followed through the event stream until the results appear.
 */
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { closeBrowser, eventually, openTab, screenshotPath, startApp, waitForRows, type E2eApp } from '../support/e2e-harness.ts';
import { misconfigured } from '../support/fake-aws/accounts/misconfigured.ts';
import { startFakeAws, writeAwsProfile, type FakeAws } from '../support/fake-aws/index.ts';

const PROFILE = 'acme-audit';

/** One profile of each other kind, none of which can sign in here: the picker shows what each is. */
const OTHER_PROFILES = `
[profile sso-audit]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = SecurityAudit
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[profile role-audit]
role_arn = arn:aws:iam::111122223333:role/Audit
source_profile = ${PROFILE}

[profile mfa-audit]
role_arn = arn:aws:iam::111122223333:role/Audit
source_profile = ${PROFILE}
mfa_serial = arn:aws:iam::111122223333:mfa/auditor

[profile process-audit]
credential_process = /usr/bin/false
`;

describe('connect and scan', () => {
  let fake: FakeAws;
  let app: E2eApp | undefined;

  before(async () => {
    fake = await startFakeAws(structuredClone(misconfigured));
  });
  afterEach(async () => {
    fake.settings.latencyMs = 0;
    fake.faults.length = 0;
    await app?.close();
    app = undefined;
  });
  after(async () => {
    await fake?.close();
    await closeBrowser();
  });

  async function openForm(): Promise<E2eApp> {
    const started = await startApp({
      prepareAws: (dir) => {
        writeAwsProfile(dir, { profile: PROFILE, endpoint: fake.endpoint, region: 'us-east-1' });
        appendFileSync(join(dir, 'config'), OTHER_PROFILES);
      },
    });
    app = started;
    await started.page.getByTestId('welcome-new-scan').click();
    await started.page.getByTestId(`profile-option-${PROFILE}`).waitFor();
    return started;
  }

  it('shows each profile’s kind, checks access first, then scans with live progress to the results', async () => {
    const { page } = await openForm();
    const picker = page.getByTestId('profile-picker');
    const kinds = {
      [PROFILE]: 'Access keys',
      'sso-audit': 'IAM Identity Center (SSO)',
      'role-audit': 'Assume role',
      'mfa-audit': 'Assume role with MFA',
      'process-audit': 'Credential process',
    };
    for (const [name, kind] of Object.entries(kinds)) {
      const option = picker.locator('label').filter({ has: page.getByTestId(`profile-option-${name}`) });
      assert.match(await option.innerText(), new RegExp(kind.replace(/[()]/g, '\\$&')), name);
    }
    assert.ok((await picker.innerText()).includes(fake.endpoint), 'the profile endpoint is shown');
    await page.getByTestId(`profile-option-${PROFILE}`).check();

    await page.getByTestId('run-doctor').click();
    const doctor = page.getByTestId('doctor-report');
    await doctor.waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('doctor-account').innerText(), '111122223333');
    assert.match(await page.getByTestId('doctor-summary').innerText(), /probes/);
    await page.screenshot({ path: screenshotPath('06-new-scan'), fullPage: true });

    // Slow answers, so the scan takes long enough to watch.
    fake.settings.latencyMs = 150;
    await page.getByTestId('start-scan').click();
    await page.getByTestId('scan-progress').waitFor();

    const bar = page.getByTestId('progress-bar');
    const seen = new Set<string>();
    let cells = 0;
    let screenshot = false;
    await eventually(
      async () => {
        if (await bar.isVisible().catch(() => false)) {
          const done = Number(await bar.getAttribute('data-units-done').catch(() => null));
          const totalUnits = Number(await bar.getAttribute('data-units-total').catch(() => null));
          if (totalUnits > 0) seen.add(`${done}/${totalUnits}`);
          cells = Math.max(cells, await page.getByTestId('progress-cell-done').count());
          if (!screenshot && done > 0 && done < totalUnits && cells > 5) {
            screenshot = true;
            await page.screenshot({ path: screenshotPath('07-scan-progress'), fullPage: true }).catch(() => undefined);
          }
        }
        assert.equal(await page.getByTestId('dashboard').isVisible(), true);
      },
      90_000,
      25,
    );
    const fractions = [...seen].map((s) => s.split('/').map(Number) as [number, number]);
    assert.ok(fractions.some(([d, t]) => d > 0 && d < t), `saw a partial state: ${[...seen].join(', ')}`);
    assert.ok(cells > 5, `the service × region grid filled in (${cells} cells)`);

    const view = page.getByTestId('scan-view');
    assert.equal(await view.getAttribute('data-scan-status'), 'complete');
    assert.match(await page.locator('.scan-title').innerText(), /111122223333/);
    await page.getByTestId('tab-findings').click();
    await waitForRows(page);
    await page.getByTestId('explorer-search').fill('bastion-ssh');
    await eventually(async () => {
      const ids = await page.getByTestId('finding-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-check-id')));
      assert.ok(ids.includes('ec2-sg-admin-ports-open'), ids.join(', '));
    });
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
    await page.getByTestId('dashboard').waitFor();
    assert.equal(await page.getByTestId('resume-scan').count(), 0);
  });

  it('shows a check it could not assess as "Not assessed", with the reason, never as a pass', async () => {
    const { page } = await openForm();
    fake.faults.push({ service: 'iam', action: 'GetAccountSummary', status: 403, code: 'AccessDenied', message: 'User is not authorized to perform: iam:GetAccountSummary' });
    await page.getByTestId('regions-some').check();
    await page.getByTestId('start-scan').click();
    await page.getByTestId('dashboard').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('area-card-identity-access').innerText(), /[1-9]\d* not assessed/);

    const scanId = (await page.getByTestId('scan-view').getAttribute('data-scan-id'))!;
    await openTab(app!, scanId, 'findings', 'status=NOT_ASSESSED');
    await waitForRows(page);
    assert.ok((await page.getByTestId('finding-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).every((s) => s === 'NOT_ASSESSED'));
    await page.locator('[data-testid="finding-row"][data-check-id="iam-root-mfa-enabled"]').first().click();
    const message = await page.getByTestId('detail-message').innerText();
    assert.match(message, /Missing permission/);
    assert.match(message, /iam:GetAccountSummary/);
    assert.match(message, /AccessDenied/);
    await page.screenshot({ path: screenshotPath('10-not-assessed'), fullPage: true });
  });

  it('turns an expired SSO session into the command to run, ready to copy', async () => {
    const { page, context } = await openForm();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('profile-option-sso-audit').check();
    await page.getByTestId('run-doctor').click();
    const guidance = page.getByTestId('sso-guidance');
    await guidance.waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('sso-command').innerText(), 'aws sso login --profile sso-audit');
    await page.getByTestId('sso-copy').click();
    await eventually(async () => assert.equal(await page.getByTestId('sso-copy').getAttribute('data-copy-state'), 'copied'));
    assert.equal(await page.evaluate('navigator.clipboard.readText()'), 'aws sso login --profile sso-audit');
    // Starting the scan says the same.
    await page.getByTestId('start-scan').click();
    await eventually(async () => assert.match(await guidance.innerText(), /aws sso login --profile sso-audit/));
    assert.equal(await page.getByTestId('scan-view').count(), 0, 'no scan was started');
  });

  it('refuses to start without an area or a region, and says why', async () => {
    const { page } = await openForm();
    for (const box of await page.locator('[data-testid^="area-checkbox-"]').all()) await box.uncheck();
    assert.equal(await page.getByTestId('start-scan').isDisabled(), true);
    assert.match(await page.getByTestId('new-scan-form').innerText(), /Choose at least one area/);
    await page.getByTestId('area-checkbox-network').check();
    await page.getByTestId('regions-some').check();
    // The profile's own region is chosen for a start.
    assert.equal(await page.getByTestId('region-us-east-1').isChecked(), true);
    await page.getByTestId('region-us-east-1').uncheck();
    assert.equal(await page.getByTestId('start-scan').isDisabled(), true);
    assert.match(await page.getByTestId('new-scan-form').innerText(), /Choose at least one region/);
    await page.getByTestId('regions-other').fill('eu-west-1, not a region');
    assert.equal(await page.getByTestId('start-scan').isDisabled(), true);
    await page.getByTestId('regions-other').fill('us-gov-west-1');
    assert.equal(await page.getByTestId('start-scan').isDisabled(), false);
    // A whole organization needs the role to assume in each account.
    await page.getByTestId('scope-organization').check();
    assert.equal(await page.getByTestId('start-scan').isDisabled(), true);
    await page.getByTestId('org-role').fill('LeaseholdAudit');
    await page.getByTestId('org-accounts').fill('12345');
    assert.equal(await page.getByTestId('start-scan').isDisabled(), true, 'account IDs have twelve digits');
    await page.getByTestId('org-accounts').fill('111122223333, 444455556666');
    assert.equal(await page.getByTestId('start-scan').isDisabled(), false);
    assert.equal(await page.getByTestId('start-scan').innerText(), 'Scan the organization');
  });
});
