/** Handlers for the application settings and for opening the data folder. */
import { existsSync } from 'node:fs';
import type { Handlers } from './api.ts';
import type { HandlerDeps } from './handlers.ts';
import { getAppSettings, saveAppSettings } from './store/settings.ts';

/**
 * Opens a folder in the system's file manager; resolves to '' once it opened, or to an error
 * message (the shape of Electron's shell.openPath, so the shell passes it as it is).
 */
export type FolderOpener = (path: string) => Promise<string>;

type SettingsNames = 'settings:get' | 'settings:save' | 'app:open-data-folder';

export function settingsHandlers(deps: HandlerDeps): Pick<Handlers, SettingsNames> {
  return {
    'settings:get': async () => getAppSettings(deps.db),
    'settings:save': async (req) => saveAppSettings(deps.db, req),
    'app:open-data-folder': async () => {
      const path = deps.dataDir;
      if (!existsSync(path)) return { opened: false, path, message: `The data folder ${path} does not exist yet; the database is ${deps.dbPath}.` };
      if (!deps.openFolder) return { opened: false, path, message: `Leasehold cannot open a file manager from here; the data folder is ${path}.` };
      const error = await deps.openFolder(path).catch((err: unknown) => String((err as Error)?.message ?? err) || 'unknown error');
      if (!error) return { opened: true, path };
      return { opened: false, path, message: `Could not open the data folder ${path}: ${error.split('\n', 1)[0]?.slice(0, 300)}` };
    },
  };
}
