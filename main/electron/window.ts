/**
 * The one window factory. Every security-relevant web preference is spelled out (even where it
 * equals Electron's default) so a reader and the tests see the whole policy in one place.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin.ts';
import { hardenWebContents, type GuardedContents } from './navigation.ts';
import { DEFAULT_SIZE, MIN_SIZE, type WindowState } from './window-state.ts';

export const WINDOW_TITLE = 'Leasehold';

export function windowOptions(preloadPath: string, state?: WindowState): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: state?.width ?? DEFAULT_SIZE.width,
    height: state?.height ?? DEFAULT_SIZE.height,
    ...(state?.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      // A file dropped on the window must not replace the app with file://.
      navigateOnDragDrop: false,
      enableWebSQL: false,
      safeDialogs: true,
    },
  };
}

/** The slice of BrowserWindow the factory touches. */
export interface WindowLike {
  webContents: GuardedContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  maximize?(): void;
  loadURL(url: string): Promise<unknown>;
}

export interface MainWindowDeps<W extends WindowLike> {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  preloadPath: string;
  /** Window icon (Linux and Windows dev runs; packaged builds take it from the installer). */
  iconPath?: string;
  openExternal(url: string): void;
  log?(message: string): void;
  /** Size, position and maximized state from the last session (window-state.ts). */
  state?: WindowState;
}

export function createMainWindow<W extends WindowLike>(deps: MainWindowDeps<W>): W {
  const options = windowOptions(deps.preloadPath, deps.state);
  if (deps.iconPath !== undefined) options.icon = deps.iconPath;
  const win = new deps.BrowserWindow(options);
  hardenWebContents(win.webContents, deps.openExternal);
  win.once('ready-to-show', () => {
    if (deps.state?.maximized) win.maximize?.();
    win.show();
  });
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => {
    const log = deps.log ?? console.error;
    log(`Leasehold: the UI did not load (${err instanceof Error ? err.message : String(err)}). Was it built? Run: node scripts/build.mjs`);
  });
  return win;
}

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** A second launch brings the existing window forward instead of opening another one. */
export function focusWindow(win: FocusableWindow | null | undefined): boolean {
  if (!win || win.isDestroyed()) return false;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return true;
}
