/**
 * The native menu. Items the main process can do itself (open the data folder, docs, quit) act
 * directly; items that need the UI are named by a small allowlist (MENU_ACTIONS) and travel only
 * as the contract's `menu:action` event. They are disabled whenever they could not be delivered.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { isApiEventName, MENU_ACTIONS, type MenuAction } from '../../shared/api.ts';
import { EVENT_CHANNEL, type EventTargetLike } from './ipc.ts';

export { MENU_ACTIONS, type MenuAction };

export const MENU_EVENT = 'menu:action';

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}

/** Whether shared/api.ts lists the menu event; nothing is ever sent on a name the contract lacks. */
export function menuEventInContract(): boolean {
  return isApiEventName(MENU_EVENT);
}

export function sendMenuAction(target: EventTargetLike | null | undefined, action: MenuAction): boolean {
  if (!isMenuAction(action) || !menuEventInContract()) return false;
  if (!target || target.isDestroyed()) return false;
  target.send(EVENT_CHANNEL, MENU_EVENT, { action });
  return true;
}

export interface MenuDeps {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** Whether UI actions can be delivered (see menuEventInContract); false disables their items. */
  uiActionsEnabled: boolean;
  onUiAction(action: MenuAction): void;
  openDataFolder(): void;
  openDocumentation(): void;
}

export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const mac = deps.platform === 'darwin';
  const ui = (label: string, accelerator: string, action: MenuAction): MenuItemConstructorOptions => ({
    label,
    accelerator,
    enabled: deps.uiActionsEnabled,
    click: () => deps.onUiAction(action),
  });

  const settings = ui('Settings…', 'CmdOrCtrl+,', 'menu:settings');

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      ui('New scan', 'CmdOrCtrl+N', 'menu:new-scan'),
      ui('Open demo', 'CmdOrCtrl+Shift+D', 'menu:open-demo'),
      { type: 'separator' },
      ui('Export report…', 'CmdOrCtrl+E', 'menu:export-report'),
      { type: 'separator' },
      { label: 'Open data folder', accelerator: 'CmdOrCtrl+Shift+O', click: () => deps.openDataFolder() },
      // On macOS, Settings… lives in the app menu, where users look for it.
      ...(mac ? [] : [settings]),
      { type: 'separator' },
      // On macOS, Quit lives in the app menu and File ends with Close Window.
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      // Cmd+Shift+H, not Cmd+H (Hide on macOS) nor Cmd+Y (Redo on Windows).
      ui('History', 'CmdOrCtrl+Shift+H', 'menu:history'),
      { type: 'separator' },
      { role: 'reload' },
      { role: 'forceReload' },
      ...(deps.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: 'Help',
    submenu: [
      { label: 'Documentation', accelerator: 'F1', click: () => deps.openDocumentation() },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'about', label: 'About Leasehold' } as const]),
    ],
  };

  // The standard macOS app menu, with Settings… after About as macOS apps have it.
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  return [
    ...(mac ? [appMenu] : []),
    file,
    { role: 'editMenu', label: 'Edit' },
    view,
    { role: 'windowMenu', label: 'Window' },
    help,
  ];
}
