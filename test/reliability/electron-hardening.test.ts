/**
 * Electron checklist items the unit tests prove by behaviour, proved here by absence as well: no
 * source file or built bundle turns a protection off, every shell.openExternal goes through the
 * allowlist, the renderer has no HTML-injection sinks, and Electron stays on a current major.
 * docs/security.md maps each checklist item to the test that proves it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/temp.ts';

function files(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && pattern.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => join(e.parentPath, e.name));
}

const SHELL_SOURCES = [...files(join(REPO_ROOT, 'main', 'electron'), /\.ts$/), join(REPO_ROOT, 'main', 'preload.ts')];
const BUNDLES = files(join(REPO_ROOT, 'dist', 'electron'), /\.cjs$/);

/** Settings that switch a protection off, in source spelling and in esbuild's output spelling. */
const FORBIDDEN: [string, RegExp][] = [
  ['nodeIntegration on (checklist 2)', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*(true|!0)/],
  ['contextIsolation off (3)', /contextIsolation\s*:\s*(false|!1)/],
  ['sandbox off (4)', /sandbox\s*:\s*(false|!1)/],
  ['webSecurity off (6)', /webSecurity\s*:\s*(false|!1)/],
  ['allowRunningInsecureContent on (8)', /allowRunningInsecureContent\s*:\s*(true|!0)/],
  ['experimentalFeatures on (9)', /experimentalFeatures\s*:\s*(true|!0)/],
  ['enableBlinkFeatures (10)', /enableBlinkFeatures|blinkFeatures\s*:/],
  ['<webview> allowed or allowpopups (11, 12)', /webviewTag\s*:\s*(true|!0)|allowpopups/i],
  ['file:// loading (18)', /loadFile\s*\(|loadURL\s*\(\s*['"`]file:/],
  ['a scheme that bypasses the CSP', /bypassCSP\s*:\s*(true|!0)/],
  ['the remote module', /@electron\/remote|enableRemoteModule/],
];

test('no shell source or built bundle switches an Electron protection off', () => {
  assert.ok(SHELL_SOURCES.length >= 5, 'found the shell sources');
  for (const file of [...SHELL_SOURCES, ...BUNDLES]) {
    const text = readFileSync(file, 'utf8');
    for (const [what, pattern] of FORBIDDEN) assert.doesNotMatch(text, pattern, `${what} in ${relative(REPO_ROOT, file)}`);
  }
});

test('every shell.openExternal call is behind the documentation allowlist (checklist 15)', () => {
  const calls = SHELL_SOURCES.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/shell\.openExternal\(/g)].map((m) => ({ file, before: text.slice(Math.max(0, m.index - 300), m.index) }));
  });
  assert.equal(calls.length, 1, 'one call site');
  for (const c of calls) assert.match(c.before, /if \(!isAllowedExternalUrl\(url\)\) return;/, relative(REPO_ROOT, c.file));
});

test('the renderer has no HTML-injection or code-evaluation sinks (checklist 7, defence in depth under the CSP)', () => {
  const sources = files(join(REPO_ROOT, 'renderer'), /\.(ts|tsx)$/);
  assert.ok(sources.length > 0, 'found the renderer sources');
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/, relative(REPO_ROOT, file));
  }
});

test('Electron is a current major (checklist 16): never older than the line this release was tested on', () => {
  const installed = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  const declared = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron ?? '';
  assert.ok(Number(installed.version.split('.')[0]) >= 45, `installed Electron ${installed.version}`);
  assert.match(declared, /^\^4[5-9]|^\^[5-9]\d/, `package.json asks for ${declared}`);
});

test('the fuses cover every security-relevant switch @electron/fuses knows (checklist 19)', () => {
  const yml = readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
  const wanted: Record<string, boolean> = {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  };
  for (const [fuse, value] of Object.entries(wanted)) assert.match(yml, new RegExp(`^\\s+${fuse}: ${value}$`, 'm'), fuse);
  // Every option of the installed fuse schema is either set above or not a security switch.
  const config = readFileSync(join(REPO_ROOT, 'node_modules', '@electron', 'fuses', 'dist', 'config.d.ts'), 'utf8');
  const options = [...config.matchAll(/^\s+(\w+) = \d+,?$/gm)].map((m) => m[1]!).filter((o) => o !== 'V1');
  const notSecurity = ['LoadBrowserProcessSpecificV8Snapshot'];
  for (const option of options) {
    const key = option[0]!.toLowerCase() + option.slice(1);
    assert.ok(key in wanted || notSecurity.includes(option), `fuse ${option} is new: decide its value in electron-builder.yml`);
  }
});
