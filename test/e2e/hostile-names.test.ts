/**
 * Account data is attacker-controlled: anyone who can tag an instance or name a security group
 * in the audited account chooses text that Leasehold displays. It must show as text, run nothing,
 * and not reorder the layout.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeBrowser, eventually, findingRows, screenshotPath, startApp, type E2eApp } from '../support/e2e-harness.ts';
import type { FakeAccount } from '../support/fake-aws/account.ts';
import { misconfigured } from '../support/fake-aws/accounts/misconfigured.ts';
import { startFakeAws, writeAwsProfile, type FakeAws } from '../support/fake-aws/index.ts';

const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
const SCRIPT = '<script>window.__pwned=2;alert(2)</script>';
const RTL = '\u202Eexe.nigol-\u05E9\u05E8\u05EA';

function hostileAccount(): FakeAccount {
  const account = structuredClone(misconfigured);
  const use1 = account.regional['us-east-1']!;
  const bastion = use1.securityGroups.find((g) => g.GroupName === 'bastion-ssh')!;
  bastion.GroupName = IMG;
  const web = use1.instances.find((i) => i.Tags?.some((t) => t.Value === 'web-1'))!;
  web.Tags = [{ Key: 'Name', Value: `${SCRIPT} ${RTL}` }];
  return account;
}

describe('hostile resource names', () => {
  let fake: FakeAws;
  let app: E2eApp;
  let scanId: string;

  before(async () => {
    fake = await startFakeAws(hostileAccount());
    app = await startApp({ prepareAws: (dir) => void writeAwsProfile(dir, { profile: 'hostile', endpoint: fake.endpoint, region: 'us-east-1' }) });
    // Scan through the real core; only the display is under test here.
    const finished = new Promise<void>((resolve) => {
      const off = app.core.events.subscribe((event, payload) => {
        if (event === 'scan:finished' && (payload as { scanId: string }).scanId === scanId) {
          off();
          resolve();
        }
      });
    });
    ({ scanId } = await app.core.handlers['scan:start']({ profile: 'hostile', regions: ['us-east-1', 'eu-west-1'] }));
    await finished;
    await app.page.goto(`${app.server.origin}/#/scans/${scanId}`);
    await app.page.getByTestId('findings-table').waitFor();
  });
  after(async () => {
    await app?.close();
    await fake?.close();
    await closeBrowser();
  });

  it('shows markup in names as literal text, and runs none of it', async () => {
    const { page } = app;
    await eventually(async () => {
      const rows = await findingRows(page);
      const text = rows.map((r) => r.text).join('\n');
      assert.ok(text.includes(IMG), 'the <img> name is shown literally');
      assert.ok(text.includes(SCRIPT), 'the <script> name is shown literally');
    });
    // Nothing was parsed as HTML: no injected elements, no handler ran, no dialog opened.
    assert.equal(await page.locator('main img').count(), 0);
    assert.equal(await page.locator('main script').count(), 0);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.deepEqual(app.dialogs, []);
    await page.screenshot({ path: screenshotPath('09-hostile-names'), fullPage: true });
  });

  it('isolates each name so right-to-left text cannot reorder the row, and shows the override it hides', async () => {
    const { page } = app;
    const cell = page.getByTestId('finding-resource-name').filter({ hasText: 'nigol' });
    assert.equal(await cell.count(), 1);
    assert.equal(await cell.getAttribute('dir'), 'auto');
    // The right-to-left override that makes "exe.nigol-" read as "-login.exe" is shown, not obeyed.
    const marker = cell.getByTestId('hidden-char');
    assert.equal(await marker.innerText(), 'U+202E');
    assert.match(String(await marker.getAttribute('title')), /right-to-left override/);
    assert.ok(!(await cell.innerText()).includes('\u202E'));
    // The row still reads Severity, Check, Resource, Region, Result from left to right.
    const row = page.getByTestId('finding-row').filter({ has: cell });
    const boxes = await row.locator('td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().left));
    assert.deepEqual([...boxes].sort((a, b) => a - b), boxes);
  });
});
