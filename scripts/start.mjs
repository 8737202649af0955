// `npm start`: get the Electron runtime, build the bundles, launch the app.
// The electron package is never require()d here: its index.js downloads the binary on first use
// and throws a stack trace when that fails (offline). We read path.txt + dist/ ourselves, try the
// package's own install script once, and otherwise fail with one readable line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const INSTALL_TIMEOUT_MS = 5 * 60 * 1000;

export const OFFLINE_MESSAGE =
  'Leasehold: the Electron runtime could not be downloaded (offline?). Use the browser UI instead: npx leasehold serve';
export const MISSING_PACKAGE_MESSAGE =
  'Leasehold: the electron package is not installed (run npm install). Use the browser UI instead: npx leasehold serve';

/** node_modules/electron as Node would resolve it from `fromDir`, or null. Resolving runs no code. */
export function electronPackageDir(fromDir = root) {
  try {
    return dirname(createRequire(join(fromDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The executable the electron package would run (path.txt under dist/), or null when absent. */
export function locateElectronBinary(packageDir, env = process.env) {
  if (!packageDir) return null;
  let relative = '';
  try {
    relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    // not downloaded yet
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) return null;
  const binary = override ? join(override, relative || 'electron') : join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** Runs the package's installer quietly (its failure output is a stack trace). */
function tryInstall(packageDir) {
  const installer = join(packageDir, 'install.js');
  if (!existsSync(installer)) return;
  const tty = Boolean(process.stderr.isTTY);
  if (tty) process.stderr.write('Leasehold: downloading the Electron runtime (first start only)...');
  spawnSync(process.execPath, [installer], { cwd: packageDir, stdio: 'ignore', timeout: INSTALL_TIMEOUT_MS });
  if (tty) process.stderr.write('\r\x1b[K');
}

function main() {
  // The runtime comes first: without it, building would only delay the one-line answer.
  const packageDir = electronPackageDir();
  if (!packageDir) {
    console.error(MISSING_PACKAGE_MESSAGE);
    process.exit(1);
  }
  let binary = locateElectronBinary(packageDir);
  if (!binary) {
    tryInstall(packageDir);
    binary = locateElectronBinary(packageDir);
  }
  if (!binary) {
    console.error(OFFLINE_MESSAGE);
    process.exit(1);
  }

  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  // ELECTRON_RUN_AS_NODE would turn the binary into plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // The app folder (not the bundle file) is passed so Electron reads package.json: its "main"
  // (dist/electron/main.cjs), name and version.
  const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    console.error(`Leasehold: could not start Electron (${err.message})`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (import.meta.main) main();
