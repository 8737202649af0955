/**
 * `npm start` (scripts/start.mjs) in a throwaway project copy: a stand-in electron package whose
 * installer fails (offline) or succeeds, and a stand-in binary, so the real script runs end to end.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const temps: string[] = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface StartModule {
  OFFLINE_MESSAGE: string;
  electronPackageDir(fromDir?: string): string | null;
  locateElectronBinary(packageDir: string | null, env?: NodeJS.ProcessEnv): string | null;
}
const startUrl = pathToFileURL(join(ROOT, 'scripts', 'start.mjs')).href;
const start = (await import(startUrl)) as StartModule;

/** A project with scripts/start.mjs, a fake build script and a fake electron package. */
function project(installer: string): { dir: string; pkg: string } {
  const dir = mkdtempSync(join(tmpdir(), 'leasehold-start-'));
  temps.push(dir);
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(ROOT, 'scripts', 'start.mjs'), join(dir, 'scripts', 'start.mjs'));
  writeFileSync(join(dir, 'scripts', 'build.mjs'), "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('../built.txt', import.meta.url), 'yes');\n");
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', type: 'module', main: 'dist/electron/main.cjs' }));
  const pkg = join(dir, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  writeFileSync(join(pkg, 'index.js'), "throw new Error('start.mjs must never require the electron package');\n");
  writeFileSync(join(pkg, 'install.js'), installer);
  return { dir, pkg };
}

function runStart(dir: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [join(dir, 'scripts', 'start.mjs'), '--flag'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '', ...env },
    timeout: 60_000,
  });
  const lines = `${result.stdout}${result.stderr}`.split('\n').filter((l) => l.trim() !== '');
  return { status: result.status, lines };
}

describe('npm start', () => {
  test('offline: tries the installer once, then prints exactly one line and exits 1', () => {
    const { dir, pkg } = project(
      "require('fs').writeFileSync(__dirname + '/tried', '1');\nconsole.error(new Error('fetch failed').stack);\nprocess.exit(1);\n",
    );
    const { status, lines } = runStart(dir);
    assert.equal(status, 1);
    assert.deepEqual(lines, [start.OFFLINE_MESSAGE]);
    assert.match(start.OFFLINE_MESSAGE, /npx leasehold serve/);
    assert.ok(existsSync(join(pkg, 'tried')), 'the package installer was attempted');
    assert.ok(!existsSync(join(dir, 'built.txt')), 'no build without a runtime');
  });

  test('with a runtime: builds, then launches it on the app folder without ELECTRON_RUN_AS_NODE', { skip: process.platform === 'win32' && 'uses a shell-script stand-in binary' }, () => {
    const { dir } = project(
      [
        "const fs = require('fs');",
        "fs.mkdirSync(__dirname + '/dist', { recursive: true });",
        "fs.writeFileSync(__dirname + '/dist/electron', '#!/bin/sh\\necho \"$@|${ELECTRON_RUN_AS_NODE:-unset}\" > \"$(dirname \"$0\")/launched\"\\nexit 7\\n', { mode: 0o755 });",
        "fs.writeFileSync(__dirname + '/path.txt', 'electron');",
      ].join('\n'),
    );
    const { status, lines } = runStart(dir, { ELECTRON_RUN_AS_NODE: '1' });
    assert.deepEqual(lines, []);
    assert.equal(status, 7, "electron's exit code is passed on");
    assert.ok(existsSync(join(dir, 'built.txt')), 'built before launching');
    const launched = readFileSync(join(dir, 'node_modules', 'electron', 'dist', 'launched'), 'utf8').trim();
    assert.equal(launched, `${dir} --flag|unset`);
  });

  test('locates the binary from path.txt and dist/ only', () => {
    const { pkg } = project('');
    assert.equal(start.locateElectronBinary(pkg, {}), null, 'no path.txt yet');
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    assert.equal(start.locateElectronBinary(pkg, {}), null, 'path.txt without the binary');
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    chmodSync(join(pkg, 'dist', 'electron'), 0o755);
    assert.equal(start.locateElectronBinary(pkg, {}), join(pkg, 'dist', 'electron'));
    assert.equal(start.locateElectronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: join(pkg, 'nowhere') }), null);
    assert.equal(start.locateElectronBinary(null, {}), null);
    assert.equal(start.electronPackageDir(ROOT), join(ROOT, 'node_modules', 'electron'));
  });
});
