/** The native menu: the agreed items with accelerators, and UI actions from an allowlist only. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNEL } from '../../main/electron/ipc.ts';
import { buildMenuTemplate, isMenuAction, MENU_ACTIONS, menuEventInContract, sendMenuAction, type MenuDeps } from '../../main/electron/menu.ts';

function menu(overrides: Partial<MenuDeps> = {}) {
  const log: string[] = [];
  const template = buildMenuTemplate({
    platform: 'linux',
    isPackaged: true,
    uiActionsEnabled: true,
    onUiAction: (action) => log.push(action),
    openDataFolder: () => log.push('data-folder'),
    openDocumentation: () => log.push('docs'),
    ...overrides,
  });
  return { template, log };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('application menu', () => {
  test('File, Edit, View, Window, Help in that order', () => {
    const { template } = menu();
    assert.deepEqual(template.map((m) => m.label), ['File', 'Edit', 'View', 'Window', 'Help']);
    assert.equal(template[1]?.role, 'editMenu');
    assert.equal(template[3]?.role, 'windowMenu');
    assert.equal(menu({ platform: 'darwin' }).template[0]?.role, 'appMenu');
  });

  test('File holds the agreed items with visible accelerators', () => {
    const file = submenu(menu().template[0]).filter((i) => i.type !== 'separator');
    assert.deepEqual(
      file.map((i) => [i.label, i.accelerator, i.role]),
      [
        ['New scan', 'CmdOrCtrl+N', undefined],
        ['Open demo', 'CmdOrCtrl+Shift+D', undefined],
        ['Export report…', 'CmdOrCtrl+E', undefined],
        ['Open data folder', 'CmdOrCtrl+Shift+O', undefined],
        ['Settings…', 'CmdOrCtrl+,', undefined],
        ['Quit', 'CmdOrCtrl+Q', 'quit'],
      ],
    );
  });

  test('UI items send allowlisted actions; main-process items act directly', () => {
    const { template, log } = menu();
    const file = submenu(template[0]);
    for (const label of ['New scan', 'Open demo', 'Export report…', 'Open data folder']) click(byLabel(file, label));
    const help = submenu(template[4]);
    click(byLabel(help, 'Documentation'));
    assert.deepEqual(log, ['menu:new-scan', 'menu:open-demo', 'menu:export-report', 'data-folder', 'docs']);
    assert.ok(log.slice(0, 3).every(isMenuAction));
    assert.ok(help.some((i) => i.role === 'about'));
  });

  test('History is the first View item and Settings… sits in the macOS app menu, each sending its action', () => {
    const { template, log } = menu();
    const view = submenu(template[2]);
    assert.deepEqual([view[0]?.label, view[0]?.accelerator], ['History', 'CmdOrCtrl+Shift+H']);
    click(view[0]);
    click(byLabel(submenu(template[0]), 'Settings…'));

    const mac = menu({ platform: 'darwin' });
    const appMenu = submenu(mac.template[0]);
    const settings = byLabel(appMenu, 'Settings…');
    assert.equal(settings?.accelerator, 'CmdOrCtrl+,');
    assert.deepEqual(appMenu.map((i) => i.role).filter(Boolean), ['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    assert.equal(byLabel(submenu(mac.template[1]), 'Settings…'), undefined, 'not repeated in File on macOS');
    click(settings);
    click(submenu(mac.template[3])[0]);
    assert.deepEqual([...log, ...mac.log], ['menu:history', 'menu:settings', 'menu:settings', 'menu:history']);
  });

  test('no two items share an accelerator, and none takes a standard role\'s', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const items = menu({ platform }).template.flatMap((m) => submenu(m));
      const keys = items.map((i) => i.accelerator).filter((a): a is string => typeof a === 'string');
      assert.equal(new Set(keys).size, keys.length, `${platform}: ${keys.join(' ')}`);
      // Hide (Cmd+H), Hide Others (Cmd+Alt+H), Redo on Windows (Ctrl+Y), Close (Cmd+W), Minimize (Cmd+M), Select All, Copy...
      for (const taken of ['CmdOrCtrl+H', 'CmdOrCtrl+Y', 'CmdOrCtrl+W', 'CmdOrCtrl+M', 'CmdOrCtrl+A', 'CmdOrCtrl+C', 'CmdOrCtrl+V', 'CmdOrCtrl+X', 'CmdOrCtrl+Z', 'CmdOrCtrl+R']) {
        assert.ok(!keys.includes(taken), `${platform}: ${taken} is a standard shortcut`);
      }
    }
  });

  test('UI items are disabled when they cannot be delivered; main-process items stay enabled', () => {
    const { template } = menu({ uiActionsEnabled: false });
    const file = submenu(template[0]);
    for (const label of ['New scan', 'Open demo', 'Export report…', 'Settings…']) assert.equal(byLabel(file, label)?.enabled, false, label);
    assert.equal(byLabel(submenu(template[2]), 'History')?.enabled, false);
    assert.equal(byLabel(submenu(menu({ platform: 'darwin', uiActionsEnabled: false }).template[0]), 'Settings…')?.enabled, false);
    assert.notEqual(byLabel(file, 'Open data folder')?.enabled, false);
    // With delivery possible, every UI item is enabled.
    const enabled = menu().template.flatMap((m) => submenu(m)).filter((i) => i.click && i.label !== 'Open data folder' && i.label !== 'Documentation');
    assert.ok(enabled.length === 5 && enabled.every((i) => i.enabled === true), enabled.map((i) => i.label).join(', '));
  });

  test('developer tools only in unpackaged runs', () => {
    const roles = (packaged: boolean) => submenu(menu({ isPackaged: packaged }).template[2]).map((i) => i.role);
    assert.ok(!roles(true).includes('toggleDevTools'));
    assert.ok(roles(false).includes('toggleDevTools'));
  });

  test('menu actions travel only as a contract event, and only allowlisted ones', () => {
    assert.deepEqual([...MENU_ACTIONS], ['menu:new-scan', 'menu:open-demo', 'menu:export-report', 'menu:history', 'menu:settings']);
    assert.equal(menuEventInContract(), true, 'the contract defines menu:action');
    assert.equal(isMenuAction('menu:delete-everything'), false);
    const sent: unknown[][] = [];
    const target = { isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) };
    assert.equal(sendMenuAction(target, 'menu:delete-everything' as 'menu:new-scan'), false);
    const delivered = sendMenuAction(target, 'menu:new-scan');
    assert.equal(delivered, menuEventInContract());
    assert.deepEqual(sent, delivered ? [[EVENT_CHANNEL, 'menu:action', { action: 'menu:new-scan' }]] : []);
  });
});
