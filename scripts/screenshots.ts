/**
 * Regenerates docs/screenshots/app-<screen>-<theme>.png: each main screen of the UI, light and
 * dark, at 1280x800. The real core and the real UI (through `leasehold serve`'s bridge) in
 * Chromium, with the demo engagement and two scans of the loopback fake AWS account.
 *
 *   node scripts/build.mjs renderer && node scripts/screenshots.ts [--only overview,findings]
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeBrowser, eventually, startApp, waitForRows, scanToEnd, type E2eApp } from '../test/support/e2e-harness.ts';
import { misconfigured } from '../test/support/fake-aws/accounts/misconfigured.ts';
import { startFakeAws, writeAwsProfile, type FakeAws } from '../test/support/fake-aws/index.ts';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
const THEMES = ['light', 'dark'] as const;
const PROFILE = 'acme-audit';
const only = process.argv.includes('--only') ? new Set(process.argv[process.argv.indexOf('--only') + 1]?.split(',')) : null;

interface Screen {
  name: string;
  /** Navigates and waits until the screen is ready to be captured. */
  open(app: E2eApp): Promise<void>;
}

async function go(app: E2eApp, hash: string, testId: string): Promise<void> {
  await app.page.goto(`${app.server.origin}/${hash}`);
  await app.page.getByTestId(testId).first().waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    // Let the new colours settle (no transitions under reduced motion, but fonts and layout may move).
    await page.waitForTimeout(120);
    const file = join(OUT, `app-${name}-${theme}.png`);
    await page.screenshot({ path: file });
    console.log(`${file}  ${Math.round((await stat(file)).size / 1024)} KB`);
  }
}

/** The same account a little later: one problem fixed, one new. */
function laterAccount(account: typeof misconfigured): void {
  const use1 = account.regional['us-east-1']!;
  const bastion = use1.securityGroups.find((g) => g.GroupName === 'bastion-ssh');
  if (bastion) bastion.IpPermissions = [];
  account.iam.accountSummary.AccountMFAEnabled = 1;
  account.regional['eu-west-1']!.ebsEncryptionByDefault = false;
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const account = structuredClone(misconfigured);
  const fake: FakeAws = await startFakeAws(account);
  const app = await startApp({
    viewport: { width: 1280, height: 800 },
    prepareAws: (dir) => void writeAwsProfile(dir, { profile: PROFILE, endpoint: fake.endpoint, region: 'us-east-1' }),
  });
  try {
    const { page, core } = app;
    const run = async (screen: Screen) => {
      if (only && !only.has(screen.name)) return;
      await screen.open(app);
      await shoot(page, screen.name);
    };

    await run({ name: 'welcome', open: (a) => go(a, '#/', 'welcome-panel') });

    const northwind = await core.handlers['engagements:save']({ client: 'Northwind Trading', consultant: 'Alex Morgan', notes: 'Quarterly review', settings: { authorizedPorts: [80, 443] } });
    await core.handlers['engagements:save']({ client: 'Contoso Health', consultant: 'Alex Morgan', settings: { authorizedPorts: [443] } });
    const { scanId: demo } = await core.handlers['demo:open']({});
    const before = await scanToEnd(core, { profile: PROFILE, regions: 'all', engagementId: northwind.id });
    laterAccount(account);
    const after = await scanToEnd(core, { profile: PROFILE, regions: 'all', engagementId: northwind.id });

    await run({ name: 'scans', open: (a) => go(a, '#/', 'scan-list') });
    await run({ name: 'overview', open: (a) => go(a, `#/scans/${demo}`, 'severity-chart') });
    await run({
      name: 'findings',
      open: async (a) => {
        await go(a, `#/scans/${demo}/findings`, 'findings-table');
        await waitForRows(a.page);
        await a.page.getByTestId('finding-row').nth(1).click();
        await a.page.getByTestId('finding-detail').waitFor();
      },
    });
    await run({ name: 'maintenance', open: (a) => go(a, `#/scans/${demo}/maintenance`, 'tab-panel-maintenance') });
    await run({ name: 'exposure', open: (a) => go(a, `#/scans/${demo}/exposure`, 'tab-panel-exposure') });
    await run({ name: 'coverage', open: (a) => go(a, `#/scans/${after}/coverage`, 'coverage-view') });
    await run({ name: 'export', open: (a) => go(a, `#/scans/${after}/export`, 'export-panel') });
    await run({ name: 'history', open: (a) => go(a, `#/history/${account.accountId}`, 'trend-chart') });
    await run({ name: 'diff', open: (a) => go(a, `#/diff/${before}/${after}`, 'diff-counts') });
    await run({ name: 'engagements', open: (a) => go(a, '#/engagements', 'engagement-row') });
    await run({ name: 'settings', open: (a) => go(a, '#/settings', 'settings-page') });
    await run({
      name: 'new-scan',
      open: async (a) => {
        await go(a, '#/new', `profile-option-${PROFILE}`);
        await a.page.getByTestId('run-doctor').click();
        await a.page.getByTestId('doctor-report').waitFor({ timeout: 30_000 });
      },
    });

    // Last, because it leaves a cancelled scan behind: a scan slowed down enough to watch.
    if (!only || only.has('progress')) {
      fake.settings.latencyMs = 250;
      await go(app, '#/new', `profile-option-${PROFILE}`);
      await page.getByTestId('start-scan').click();
      await page.getByTestId('scan-progress').waitFor();
      await eventually(async () => {
        if ((await page.getByTestId('progress-cell-done').count()) < 12) throw new Error('not enough progress yet');
      }, 60_000);
      await shoot(page, 'progress');
      await page.getByTestId('cancel-scan').click();
      fake.settings.latencyMs = 0;
      await eventually(async () => {
        if ((await page.getByTestId('scan-view').getAttribute('data-scan-status')) === 'running') throw new Error('still running');
      }, 60_000);
    }
    if (app.pageErrors.length > 0) console.warn(`Page errors:\n${app.pageErrors.join('\n')}`);
  } finally {
    await app.close();
    await fake.close();
    await closeBrowser();
  }
}

await main();
