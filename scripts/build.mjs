// Builds the three bundles: Electron main (CJS), the sandboxed preload (CJS), and the Preact renderer.
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

if (want('renderer')) {
  await rm(join(root, 'dist/renderer'), { recursive: true, force: true });
  await mkdir(join(root, 'dist/renderer'), { recursive: true });
  await build({
    entryPoints: [join(root, 'renderer/main.tsx')],
    outfile: join(root, 'dist/renderer/app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome130',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  await cp(join(root, 'renderer/index.html'), join(root, 'dist/renderer/index.html'));
  await cp(join(root, 'renderer/styles.css'), join(root, 'dist/renderer/styles.css'));
}

if (want('main')) {
  await build({
    entryPoints: [join(root, 'main/electron/main.ts')],
    outfile: join(root, 'dist/electron/main.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    external: ['electron', 'better-sqlite3', 'pdfkit', '@aws-sdk/*', '@smithy/*'],
    logLevel: 'warning',
  });
  await build({
    entryPoints: [join(root, 'main/preload.ts')],
    outfile: join(root, 'dist/electron/preload.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    external: ['electron'],
    logLevel: 'warning',
  });
}
