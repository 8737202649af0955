import { homedir } from 'node:os';
import { join } from 'node:path';

/** Folder name shared by the Electron app (userData) and the CLI, so both see the same database. */
export const APP_DIR_NAME = 'Leasehold';

/** Where Electron's app.getPath('userData') points for this app, computed without Electron. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}

/** --db PATH wins, then LEASEHOLD_DB, then the data folder's leasehold.db. */
export function resolveDbPath(opts: { dbFlag?: string; env?: NodeJS.ProcessEnv; dataDir?: string }): string {
  const env = opts.env ?? process.env;
  if (opts.dbFlag) return opts.dbFlag;
  if (env.LEASEHOLD_DB) return env.LEASEHOLD_DB;
  return join(opts.dataDir ?? defaultDataDir(env), 'leasehold.db');
}

/** Locations of bundled, read-only files, all under the app's root folder. */
export interface AssetPaths {
  rootDir: string;
  assetsDir: string;
  fontsDir: string;
  demoDir: string;
  migrationsDir: string;
  rendererDir: string;
}

export function assetPaths(rootDir: string): AssetPaths {
  return {
    rootDir,
    assetsDir: join(rootDir, 'assets'),
    fontsDir: join(rootDir, 'assets', 'fonts'),
    demoDir: join(rootDir, 'assets', 'demo'),
    migrationsDir: join(rootDir, 'main', 'core', 'store', 'migrations'),
    rendererDir: join(rootDir, 'dist', 'renderer'),
  };
}
