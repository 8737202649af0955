/**
 * Composition root of the core: opens the store, builds the handler table and the event hub.
 * Plain Node: the CLI, the HTTP bridge and the Electron shell all start here.
 */
import { type Handlers } from './api.ts';
import { createEventHub, type EventHub } from './events.ts';
import { assetPaths, type AssetPaths } from './paths.ts';

export interface CoreOptions {
  /** The app's root folder (repo root, or the packaged app's resources). */
  rootDir: string;
  /** SQLite file. */
  dbPath: string;
  dataDir: string;
  /** Environment for AWS config resolution (AWS_PROFILE, AWS_CONFIG_FILE, AWS_ENDPOINT_URL...). */
  env: NodeJS.ProcessEnv;
}

export interface Core {
  handlers: Handlers;
  events: EventHub;
  paths: AssetPaths;
  dbPath: string;
  close(): void;
}

export function createCore(opts: CoreOptions): Core {
  const events = createEventHub();
  const paths = assetPaths(opts.rootDir);
  const notYet = async (): Promise<never> => {
    throw new Error('not implemented yet');
  };
  const handlers = {
    'app:info': async () => ({ version: '0.1.0', dataDir: opts.dataDir, dbPath: opts.dbPath }),
    'profiles:list': notYet,
    'scans:list': notYet,
    'scans:get': notYet,
    'scan:start': notYet,
    'scan:cancel': notYet,
    'findings:list': notYet,
    'demo:open': notYet,
    'report:render': notYet,
    'export:render': notYet,
  } satisfies Handlers;
  return { handlers, events, paths, dbPath: opts.dbPath, close() {} };
}
