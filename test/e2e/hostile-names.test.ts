/**
 * Account data is attacker-controlled: anyone who can tag an instance or name a security group
 * in the audited account chooses text that Leasehold displays. It must show as text, run nothing,
 * not reorder the layout, and not break it when very long. Links leave the app only for AWS
 * documentation, in a new tab without opener or referrer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { closeBrowser, eventually, openTab, scanToEnd, screenshotPath, startApp, waitForRows, type E2eApp } from '../support/e2e-harness.ts';
import type { FakeAccount } from '../support/fake-aws/account.ts';
import { misconfigured } from '../support/fake-aws/accounts/misconfigured.ts';
import { startFakeAws, writeAwsProfile, type FakeAws } from '../support/fake-aws/index.ts';

const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
const SCRIPT = '<script>window.__pwned=2;alert(2)</script>';
const RTL = '\u202Eexe.nigol-\u05E9\u05E8\u05EA';
const LONG = `very-long-${'x'.repeat(3000)}`;

function hostileAccount(): FakeAccount {
  const account = structuredClone(misconfigured);
  const use1 = account.regional['us-east-1']!;
  use1.securityGroups.find((g) => g.GroupName === 'bastion-ssh')!.GroupName = IMG;
  use1.instances.find((i) => i.Tags?.some((t) => t.Value === 'web-1'))!.Tags = [{ Key: 'Name', Value: `${SCRIPT} ${RTL}` }];
  use1.instances.find((i) => i.Tags?.some((t) => t.Value === 'worker-1'))!.Tags = [{ Key: 'Name', Value: LONG }];
  return account;
}

async function assertNothingRan(app: E2eApp): Promise<void> {
  const { page } = app;
  assert.equal(await page.locator('main img').count(), 0, 'no injected image');
  assert.equal(await page.locator('main script').count(), 0, 'no injected script');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate('window.__pwned'), undefined);
  assert.deepEqual(app.dialogs, []);
}

async function pageWidthFits(page: Page): Promise<void> {
  const [scroll, client] = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
  assert.ok(scroll <= client + 1, `no sideways scrolling (${scroll} > ${client})`);
}

describe('hostile resource names', () => {
  let fake: FakeAws;
  let app: E2eApp;
  let scanId: string;

  before(async () => {
    fake = await startFakeAws(hostileAccount());
    app = await startApp({ prepareAws: (dir) => void writeAwsProfile(dir, { profile: 'hostile', endpoint: fake.endpoint, region: 'us-east-1' }) });
    // Scan through the real core; only the display is under test here.
    scanId = await scanToEnd(app.core, { profile: 'hostile', regions: ['us-east-1', 'eu-west-1'] });
  });
  after(async () => {
    await app?.close();
    await fake?.close();
    await closeBrowser();
  });

  it('shows markup in names as literal text in the explorer and its detail, and runs none of it', async () => {
    const { page } = app;
    await openTab(app, scanId, 'findings', 'status=&q=onerror');
    await waitForRows(page);
    const texts = (await page.getByTestId('finding-row').allInnerTexts()).join('\n');
    assert.ok(texts.includes(IMG), 'the <img> name is shown literally');
    await page.getByTestId('finding-row').first().click();
    assert.ok((await page.getByTestId('finding-detail').innerText()).includes(IMG));

    await page.getByTestId('explorer-search').fill('window.__pwned=2');
    await eventually(async () => assert.ok((await page.getByTestId('finding-row').allInnerTexts()).join('\n').includes(SCRIPT), 'the <script> name is shown literally'));
    await assertNothingRan(app);
    await page.screenshot({ path: screenshotPath('09-hostile-names'), fullPage: true });
  });

  it('isolates each name so right-to-left text cannot reorder the row, and shows the override it hides', async () => {
    const { page } = app;
    await page.getByTestId('explorer-search').fill('nigol');
    const cell = page.getByTestId('finding-resource-name').filter({ hasText: 'nigol' }).first();
    await cell.waitFor();
    assert.equal(await cell.getAttribute('dir'), 'auto');
    // The right-to-left override that makes "exe.nigol-" read as "-login.exe" is shown, not obeyed.
    const marker = cell.getByTestId('hidden-char');
    assert.equal(await marker.innerText(), 'U+202E');
    assert.match(String(await marker.getAttribute('title')), /right-to-left override/);
    assert.ok(!(await cell.innerText()).includes('\u202E'));
    // The row still reads Status, Severity, Check, Resource, Region from left to right.
    const row = page.getByTestId('finding-row').filter({ has: cell }).first();
    const lefts = await row.locator('[role="gridcell"]').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().left));
    assert.deepEqual([...lefts].sort((a, b) => a - b), lefts);
  });

  it('keeps a 3,000-character name from breaking the layout, in the explorer and the maintenance view', async () => {
    const { page } = app;
    await page.getByTestId('explorer-search').fill('very-long-xxx');
    const row = page.getByTestId('finding-row').first();
    await row.waitFor();
    assert.equal(Math.round((await row.boundingBox())!.height), 56, 'the row keeps its height');
    await pageWidthFits(page);

    await openTab(app, scanId, 'maintenance');
    await page.getByTestId('maintenance-row').first().waitFor();
    const text = await page.getByTestId('maintenance-view').innerText();
    assert.ok(text.includes(SCRIPT) && text.includes('very-long-'), 'instance names are shown as text');
    await pageWidthFits(page);
    await openTab(app, scanId, 'overview');
    await pageWidthFits(page);
    await assertNothingRan(app);
  });

  it('opens links only to AWS documentation over https, in a new tab without opener or referrer', async () => {
    const { page } = app;
    const anchors: { href: string; target: string | null; rel: string | null }[] = [];
    for (const hash of ['#/', '#/new', `#/scans/${scanId}`, `#/scans/${scanId}/findings`, `#/scans/${scanId}/exposure`]) {
      await page.goto(`${app.server.origin}/${hash}`);
      await page.locator('#main').waitFor();
      await page.waitForTimeout(150);
      anchors.push(...(await page.locator('a[href]').evaluateAll((as) => as.map((a) => ({ href: (a as unknown as { href: string }).href, target: a.getAttribute('target'), rel: a.getAttribute('rel') })))));
    }
    const external = anchors.filter((a) => !a.href.startsWith(app.server.origin));
    assert.ok(external.length > 0, 'the app links to AWS documentation');
    for (const a of external) {
      const url = new URL(a.href);
      assert.equal(url.protocol, 'https:', a.href);
      assert.ok(['docs.aws.amazon.com', 'aws.amazon.com'].includes(url.hostname), a.href);
      assert.equal(a.target, '_blank', a.href);
      assert.deepEqual(a.rel?.split(' ').sort(), ['noopener', 'noreferrer'], a.href);
    }
  });
});
