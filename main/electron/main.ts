/**
 * Electron entry point (bundled to dist/electron/main.cjs). Only wiring: every decision lives in
 * the pure modules next to this file, which plain Node tests cover without the Electron binary.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { join, resolve } from 'node:path';
import { createCore, type Core } from '../core/core.ts';
import { APP_DIR_NAME, resolveDbPath } from '../core/paths.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin.ts';
import { forwardEvents, registerIpc } from './ipc.ts';
import { buildMenuTemplate, menuEventInContract, sendMenuAction } from './menu.ts';
import { DOCS_URL, hardenWebContents, isAllowedExternalUrl } from './navigation.ts';
import { createAppProtocolHandler } from './protocol.ts';
import { handleDownload } from './downloads.ts';
import { hardenSession } from './session.ts';
import { createMainWindow, focusWindow } from './window.ts';
import { loadWindowState, saveWindowState, trackWindowState, WINDOW_STATE_FILE } from './window-state.ts';

// The bundle sits in <root>/dist/electron/, both in the repo and inside app.asar.
const ROOT = resolve(__dirname, '..', '..');

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

function openExternal(url: string): void {
  if (!isAllowedExternalUrl(url)) return;
  shell.openExternal(url).catch((err: unknown) => console.error(`Leasehold: could not open ${url}:`, err));
}

// Before ready: the scheme's privileges, sandbox for every renderer, and the same data folder the
// CLI uses (paths.ts), whatever name package.json gives the app.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
app.setPath('userData', join(app.getPath('appData'), APP_DIR_NAME));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.whenReady().then(start).catch(fail);
}

function start(): void {
  const dataDir = app.getPath('userData');
  core = createCore({ rootDir: ROOT, dataDir, dbPath: resolveDbPath({ env: process.env, dataDir }), env: process.env, openFolder: (path) => shell.openPath(path) });
  const handlers = core.handlers;

  hardenSession(session.defaultSession);
  // Exports arrive as blob downloads: a native Save dialog, owner-only files, nothing the app did not make.
  session.defaultSession.on('will-download', (_event, item) => handleDownload(item, { downloadsDir: app.getPath('downloads'), log: (m) => console.error(m) }));
  protocol.handle(APP_SCHEME, createAppProtocolHandler(core.paths.rendererDir));
  registerIpc(ipcMain, { handlers: core.handlers, trustedContents: () => mainWindow?.webContents ?? null });
  forwardEvents(core.events, () => mainWindow?.webContents);

  const menu = buildMenuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    uiActionsEnabled: menuEventInContract(),
    onUiAction: (action) => sendMenuAction(mainWindow?.webContents, action),
    // The same call as the Settings page's button; a failure is shown, not left in a log.
    openDataFolder: () => {
      void handlers['app:open-data-folder']({}).then((r) => r.opened || dialog.showErrorBox('Could not open the data folder', r.message ?? r.path));
    },
    openDocumentation: () => openExternal(DOCS_URL),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
  app.setAboutPanelOptions({ applicationName: 'Leasehold', applicationVersion: app.getVersion() });

  openWindow();
  app.on('activate', () => {
    if (mainWindow === null) openWindow();
  });
}

function openWindow(): void {
  const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
  const win = createMainWindow({
    BrowserWindow,
    preloadPath: join(__dirname, 'preload.cjs'),
    iconPath: join(ROOT, 'assets', 'icons', 'icon.png'),
    openExternal,
    state: loadWindowState(stateFile, () => screen.getAllDisplays().map((d) => d.workArea)),
  });
  trackWindowState(win, (state) => saveWindowState(stateFile, state));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
}

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error(err);
  dialog.showErrorBox('Leasehold could not start', message.split('\n', 1)[0] ?? message);
  app.exit(1);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  core?.close();
  core = null;
});
