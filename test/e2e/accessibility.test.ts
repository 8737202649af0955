/**
 * Accessibility on every main screen, in both themes: WCAG AA contrast of all visible text (our
 * own audit, a11y-audit.ts), an accessible name on every control, a visible focus ring, and the
 * theme setting itself (Settings > Theme, kept across reloads).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventually, waitForRows, type E2eApp, withDemoApp } from '../support/e2e-harness.ts';
import { contrastAudit, unnamedControls } from './a11y-audit.ts';

const SCREENS: ReadonlyArray<{ name: string; hash: (scanId: string) => string; ready: string; prepare?: (app: E2eApp) => Promise<void> }> = [
  { name: 'new scan', hash: () => '#/new', ready: 'new-scan-form' },
  { name: 'scans', hash: () => '#/', ready: 'scan-list' },
  { name: 'overview', hash: (id) => `#/scans/${id}`, ready: 'severity-chart' },
  {
    name: 'findings with detail',
    hash: (id) => `#/scans/${id}/findings?status=`,
    ready: 'findings-table',
    prepare: async ({ page }) => {
      await waitForRows(page);
      await page.getByTestId('finding-row').first().click();
      await page.getByTestId('finding-detail').waitFor();
      await page.getByTestId('accept-risk').click();
    },
  },
  { name: 'maintenance', hash: (id) => `#/scans/${id}/maintenance`, ready: 'tab-panel-maintenance' },
  { name: 'exposure', hash: (id) => `#/scans/${id}/exposure`, ready: 'tab-panel-exposure' },
  { name: 'coverage', hash: (id) => `#/scans/${id}/coverage`, ready: 'tab-panel-coverage' },
  { name: 'manual', hash: (id) => `#/scans/${id}/manual`, ready: 'manual-control' },
  { name: 'export', hash: (id) => `#/scans/${id}/export`, ready: 'export-panel' },
  { name: 'history', hash: () => '#/history', ready: 'trend-chart' },
  { name: 'engagements', hash: () => '#/engagements', ready: 'engagements-page' },
  { name: 'settings', hash: () => '#/settings', ready: 'settings-page' },
];

describe('accessibility', () => {
  let app: E2eApp;
  let scanId: string;
  withDemoApp((a, id) => {
    app = a;
    scanId = id;
  });

  it('the theme setting switches light and dark, and survives a reload', async () => {
    const { page } = app;
    const background = async () => String(await page.evaluate('getComputedStyle(document.body).backgroundColor'));
    const dark = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) < 150;
    await page.goto(`${app.server.origin}/#/settings`);
    await page.getByTestId('theme-dark').check();
    await eventually(async () => assert.equal(await page.evaluate('document.documentElement.dataset.theme'), 'dark'));
    await eventually(async () => assert.ok(dark(await background()), 'dark background'));
    await page.reload();
    await page.getByTestId('settings-page').waitFor();
    await eventually(async () => assert.ok(dark(await background()), 'still dark after a reload'));
    assert.equal(await page.getByTestId('theme-dark').isChecked(), true);
    await page.getByTestId('theme-light').check();
    await eventually(async () => assert.ok(!dark(await background()), 'light again'));
    // "Follow the system" hands the choice back to prefers-color-scheme.
    await page.getByTestId('theme-system').check();
    await page.emulateMedia({ colorScheme: 'dark' });
    await eventually(async () => assert.ok(dark(await background()), 'dark from the system'));
    await page.emulateMedia({ colorScheme: 'light' });
    await eventually(async () => assert.ok(!dark(await background()), 'light from the system'));
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`every text passes WCAG AA contrast on every screen (${theme})`, async () => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: theme });
      const problems: string[] = [];
      let checked = 0;
      for (const screen of SCREENS) {
        await page.goto(`${app.server.origin}/${screen.hash(scanId)}`);
        await page.getByTestId(screen.ready).first().waitFor();
        await screen.prepare?.(app);
        const report = await contrastAudit(page);
        checked += report.checked;
        assert.deepEqual(report.unparsed, [], `${screen.name}: colours the audit could not read`);
        for (const f of report.failures) problems.push(`${screen.name}: "${f.text}" ${f.selector} ${f.ratio} < ${f.required} (${f.color} on ${f.background})`);
      }
      assert.ok(checked > 500, `audited ${checked} texts`);
      assert.deepEqual(problems, []);
      await page.emulateMedia({ colorScheme: 'light' });
    });
  }

  it('every control has an accessible name', async () => {
    const { page } = app;
    const problems: string[] = [];
    for (const screen of SCREENS) {
      await page.goto(`${app.server.origin}/${screen.hash(scanId)}`);
      await page.getByTestId(screen.ready).first().waitFor();
      await screen.prepare?.(app);
      for (const control of await unnamedControls(page)) problems.push(`${screen.name}: ${control}`);
    }
    assert.deepEqual(problems, []);
  });

  it('shows where the keyboard focus is, on every control reached with Tab', async () => {
    const { page } = app;
    await page.goto(`${app.server.origin}/#/scans/${scanId}/findings`);
    await waitForRows(page);
    const invisible: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const state = (await page.evaluate(`(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        return { what: el.tagName.toLowerCase() + (el.dataset.testid ? '[' + el.dataset.testid + ']' : ''), ring: s.outlineStyle !== 'none' && s.outlineWidth !== '0px' };
      })()`)) as { what: string; ring: boolean } | null;
      if (state && !state.ring) invisible.push(state.what);
    }
    assert.deepEqual(invisible, []);
  });
});
