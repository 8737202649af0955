/**
 * Machine-checked boundaries around Electron: the core and the contract never import it (so the
 * CLI, the HTTP bridge and these tests run in plain Node), and the sandboxed preload imports
 * nothing but electron and shared/.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;

/** Every module specifier a file names: import/export from, side-effect import, import(), require(). */
function moduleSpecifiers(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;
  return [...source.matchAll(pattern)].map((m) => m[2] ?? '');
}

const rel = (file: string) => relative(ROOT, file).split(sep).join('/');
const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

test('the specifier scanner finds every import form (self-check)', () => {
  const sample = [
    "import { app } from 'electron';",
    'import type { WebContents } from "electron";',
    "import 'electron/main';",
    "const e = require('electron');",
    "const m = await import('electron');",
    "export { shell } from 'electron/common';",
    "import { join } from 'node:path';",
  ].join('\n');
  assert.deepEqual(moduleSpecifiers(sample).filter(isElectron), ['electron', 'electron', 'electron/main', 'electron', 'electron', 'electron/common']);
});

test('no file under main/core or shared imports electron', () => {
  const files = [...sourceFiles(join(ROOT, 'main', 'core')), ...sourceFiles(join(ROOT, 'shared'))];
  assert.ok(files.length > 5, 'the scan found the sources');
  const offenders = files.filter((file) => moduleSpecifiers(readFileSync(file, 'utf8')).some(isElectron)).map(rel);
  assert.deepEqual(offenders, []);
});

test('the preload imports only electron and shared/ (no node:*, nothing from main/)', () => {
  const specifiers = moduleSpecifiers(readFileSync(join(ROOT, 'main', 'preload.ts'), 'utf8'));
  assert.ok(specifiers.includes('electron'));
  const foreign = specifiers.filter((s) => s !== 'electron' && !s.startsWith('../shared/'));
  assert.deepEqual(foreign, []);
});

test('only the composition root and the preload import electron at runtime', () => {
  const files = [...sourceFiles(join(ROOT, 'main', 'electron')), join(ROOT, 'main', 'preload.ts')];
  const runtime = files.filter((file) => {
    const source = readFileSync(file, 'utf8').replace(/^\s*import\s+type\b.*$/gm, '');
    return moduleSpecifiers(source).some(isElectron);
  });
  assert.deepEqual(runtime.map(rel).sort(), ['main/electron/main.ts', 'main/preload.ts']);
});
