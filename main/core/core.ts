/**
 * Composition root of the core: opens the store, builds the handler table and the event hub.
 * Plain Node: the CLI, the HTTP bridge and the Electron shell all start here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from './api.ts';
import { createEventHub, type EventHub } from './events.ts';
import { createHandlers } from './handlers.ts';
import type { FolderOpener } from './handlers-settings.ts';
import { assetPaths, type AssetPaths } from './paths.ts';
import { openDatabase, type Db } from './store/open.ts';
import { markOrphanedScansInterrupted } from './store/scans.ts';

export interface CoreOptions {
  /** The app's root folder (repo root, or the packaged app's resources). */
  rootDir: string;
  /** SQLite file. */
  dbPath: string;
  dataDir: string;
  /** Environment for AWS config resolution (AWS_PROFILE, AWS_CONFIG_FILE, AWS_ENDPOINT_URL...). */
  env: NodeJS.ProcessEnv;
  /** Opens the data folder in the file manager (Electron's shell, or the platform's opener for `serve`). */
  openFolder?: FolderOpener;
}

export interface Core {
  handlers: Handlers;
  events: EventHub;
  paths: AssetPaths;
  dbPath: string;
  db: Db;
  version: string;
  /** Resolves when every running scan has ended. */
  idle(): Promise<void>;
  close(): void;
}

export function readVersion(rootDir: string): string {
  return (JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as { version: string }).version;
}

export function createCore(opts: CoreOptions): Core {
  const events = createEventHub();
  const paths = assetPaths(opts.rootDir);
  const version = readVersion(opts.rootDir);
  const db = openDatabase(opts.dbPath, paths.migrationsDir);
  // Only one process owns running scans; anything still "running" at open was cut off.
  markOrphanedScansInterrupted(db);
  const { handlers, running } = createHandlers({
    db,
    env: opts.env,
    paths,
    emit: events.emit,
    version,
    dataDir: opts.dataDir,
    dbPath: opts.dbPath,
    openFolder: opts.openFolder,
  });
  return {
    handlers,
    events,
    paths,
    dbPath: opts.dbPath,
    db,
    version,
    async idle() {
      await Promise.allSettled([...running.values()].map((s) => s.done));
    },
    close() {
      for (const s of running.values()) s.cancel();
      db.close();
    },
  };
}
