/**
 * The native menu. Items the main process can do itself (open the data folder, docs, quit) act
 * directly; items that need the UI are named by a small allowlist and travel only over the
 * contract's event channel, once the contract defines the `menu:action` event. Until then they
 * are shown, with their accelerators, but disabled.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { isApiEventName, MENU_ACTIONS, type MenuAction } from '../../shared/api.ts';
import { EVENT_CHANNEL, type EventTargetLike } from './ipc.ts';

export { MENU_ACTIONS, type MenuAction };

export const MENU_EVENT = 'menu:action';

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}

/** True once shared/api.ts lists the menu event; nothing is sent on a name the contract lacks. */
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
  /** Whether UI actions can be delivered (see menuEventInContract). */
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

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      ui('New scan', 'CmdOrCtrl+N', 'menu:new-scan'),
      ui('Open demo', 'CmdOrCtrl+Shift+D', 'menu:open-demo'),
      { type: 'separator' },
      ui('Export report…', 'CmdOrCtrl+E', 'menu:export-report'),
      { type: 'separator' },
      { label: 'Open data folder', accelerator: 'CmdOrCtrl+Shift+O', click: () => deps.openDataFolder() },
      { type: 'separator' },
      // On macOS, Quit lives in the app menu and File ends with Close Window.
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
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

  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu', label: 'Edit' },
    view,
    { role: 'windowMenu', label: 'Window' },
    help,
  ];
}
