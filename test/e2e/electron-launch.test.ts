/**
 * Launches the real Electron app with Playwright, against a throwaway data folder, and checks
 * what a user sees first plus the bridge round trip. Skipped, with the reason printed, where the
 * Electron binary was never downloaded (this offline machine) or there is no display.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { _electron } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..');

interface StartModule {
  electronPackageDir(fromDir?: string): string | null;
  locateElectronBinary(packageDir: string | null, env?: NodeJS.ProcessEnv): string | null;
}
// The same lookup `npm start` uses: path.txt + dist/, never require('electron') (which would download).
const start = (await import(pathToFileURL(join(ROOT, 'scripts', 'start.mjs')).href)) as StartModule;

interface BridgeProbe {
  keys: string[];
  nodeGlobals: string[];
  info: { dataDir: string; dbPath: string };
}

test('the desktop app opens its window on the welcome screen', { timeout: 180_000 }, async (t) => {
  const packageDir = start.electronPackageDir(ROOT);
  const binary = start.locateElectronBinary(packageDir);
  if (binary === null) {
    t.skip(
      `Electron binary not available (offline machine): no ${join(packageDir ?? 'node_modules/electron', 'path.txt')} + dist/. ` +
        'Run `node node_modules/electron/install.js` with internet access to enable this test.',
    );
    return;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    t.skip('no display for Electron windows: run the tests under xvfb-run');
    return;
  }

  // The test command builds first; build here only when the bundles are missing, so this test never
  // rewrites dist/ under another test that is reading it.
  if (!existsSync(join(ROOT, 'dist', 'electron', 'main.cjs')) || !existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, `build failed:\n${build.stderr}`);
  }

  const home = mkdtempSync(join(tmpdir(), 'leasehold-electron-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  // Electron's userData derives from these per platform, so the user's real data folder is never touched.
  Object.assign(env, { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), APPDATA: join(home, 'appdata') });
  delete env.LEASEHOLD_DB;

  const app = await _electron.launch({ executablePath: binary, args: [ROOT], cwd: ROOT, env, timeout: 60_000 });
  t.after(async () => {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  });

  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  assert.match(window.url(), /^app:\/\/leasehold\//, 'served from the app protocol, not file://');
  // A fresh data folder has no scans: the first-run welcome panel with its two choices.
  await window.getByTestId('welcome-panel').waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await window.title(), 'Leasehold');
  assert.match(await window.getByRole('heading', { level: 1 }).innerText(), /Shared Responsibility Model/);
  assert.equal(await window.getByTestId('welcome-open-demo').isVisible(), true);

  const probe: BridgeProbe = await window.evaluate(async () => {
    const g = globalThis as unknown as Record<string, unknown> & { leasehold: { invoke(name: string, req: object): Promise<unknown> } };
    return {
      keys: Object.keys(g.leasehold).sort(),
      nodeGlobals: ['require', 'process', 'module', 'Buffer'].filter((name) => name in g),
      info: (await g.leasehold.invoke('app:info', {})) as BridgeProbe['info'],
    };
  });
  assert.deepEqual(probe.keys, ['invoke', 'on']);
  assert.deepEqual(probe.nodeGlobals, [], 'no Node in the page');
  assert.match(probe.info.dataDir, /Leasehold$/);
  // macOS and Windows take userData from the OS, not HOME/APPDATA; on Linux XDG_CONFIG_HOME decides.
  if (process.platform === 'linux') assert.equal(probe.info.dataDir, join(home, 'config', 'Leasehold'));
});
