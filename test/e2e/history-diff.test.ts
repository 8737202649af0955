/**
 * History: two real scans of one account, a problem fixed and a new one in between; the timeline,
 * the pass-rate trend, and the side-by-side diff of the two.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIFF_KINDS } from '../../shared/model/engagement.ts';
import { closeBrowser, eventually, scanToEnd, screenshotPath, startApp, type E2eApp } from '../support/e2e-harness.ts';
import { ACCOUNT_ID, misconfigured } from '../support/fake-aws/accounts/misconfigured.ts';
import { startFakeAws, writeAwsProfile, type FakeAws } from '../support/fake-aws/index.ts';

describe('history and diff', () => {
  let fake: FakeAws;
  let app: E2eApp;
  let before1: string;
  let after1: string;

  before(async () => {
    const account = structuredClone(misconfigured);
    fake = await startFakeAws(account);
    app = await startApp({ prepareAws: (dir) => void writeAwsProfile(dir, { profile: 'acme', endpoint: fake.endpoint, region: 'us-east-1' }) });
    before1 = await scanToEnd(app.core, { profile: 'acme', regions: ['us-east-1', 'eu-west-1'] });
    // Between the scans the client closes SSH on the bastion and turns off EBS default encryption in eu-west-1.
    account.regional['us-east-1']!.securityGroups.find((g) => g.GroupName === 'bastion-ssh')!.IpPermissions = [];
    account.regional['eu-west-1']!.ebsEncryptionByDefault = false;
    after1 = await scanToEnd(app.core, { profile: 'acme', regions: ['us-east-1', 'eu-west-1'] });
  });
  after(async () => {
    await app?.close();
    await fake?.close();
    await closeBrowser();
  });

  it('shows the account’s scans on a timeline with the pass-rate trend per area', async () => {
    const { page, core } = app;
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-page').waitFor();
    await page.getByTestId(`history-account-${ACCOUNT_ID}`).click();
    await page.getByTestId('timeline').waitFor();
    assert.equal(await page.getByTestId('timeline-item').count(), 2);
    const trend = await core.handlers['scans:trend']({ accountId: ACCOUNT_ID });
    assert.equal(trend.length, 2);
    const chart = page.getByTestId('trend-chart');
    // One line per area with data, a point per scan, and the figures as a table.
    const series = await chart.locator('.trend-series').count();
    assert.ok(series >= 4, `${series} areas drawn`);
    assert.equal(await chart.locator('.trend-series').first().locator('circle').count(), 2);
    await chart.locator('summary').click();
    const network = trend.at(-1)!.passRate.network!;
    assert.ok((await chart.locator('table').innerText()).includes(`${Math.round(network * 100)}%`));
    await page.screenshot({ path: screenshotPath('15-history'), fullPage: true });
  });

  it('compares the two scans side by side: resolved, regressed, and the rest on demand', async () => {
    const { page, core } = app;
    assert.equal(await page.getByTestId('compare-from').inputValue(), before1);
    assert.equal(await page.getByTestId('compare-to').inputValue(), after1);
    await page.getByTestId('compare-open').click();
    await page.getByTestId('diff-view').waitFor();
    assert.match(page.url(), new RegExp(`#/diff/${before1}/${after1}$`));

    const diff = await core.handlers['scans:diff']({ fromScanId: before1, toScanId: after1 });
    const counts = page.getByTestId('diff-counts');
    await counts.waitFor();
    for (const kind of DIFF_KINDS) assert.match(await counts.locator(`[data-kind="${kind}"]`).innerText(), new RegExp(`^${diff.counts[kind]}\\b`), kind);
    assert.ok(diff.counts.resolved > 0 && diff.counts.regressed + diff.counts.new > 0);

    const rows = page.getByTestId('diff-row');
    await eventually(async () =>
      assert.ok((await page.locator('[data-testid="diff-row"][data-kind="resolved"]').allInnerTexts()).some((t) => t.includes('bastion-ssh')), 'the closed SSH rule is resolved'),
    );
    assert.ok(
      (await page.locator('[data-testid="diff-row"][data-kind="regressed"], [data-testid="diff-row"][data-kind="new"]').allInnerTexts()).some((t) => t.includes('ec2-ebs-default-encryption')),
      'EBS default encryption turned off is a regression',
    );
    const shown = await rows.count();
    assert.equal(shown, diff.counts.new + diff.counts.resolved + diff.counts.regressed + diff.counts['severity-changed']);
    await page.screenshot({ path: screenshotPath('16-diff'), fullPage: true });

    await page.getByTestId('diff-kind-unchanged').click();
    await eventually(async () => assert.equal(await rows.count(), Math.min(300, shown + diff.counts.unchanged)));
    assert.deepEqual(app.pageErrors, []);
  });
});
