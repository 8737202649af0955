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

  test('UI items stay disabled until they can be delivered', () => {
    const file = submenu(menu({ uiActionsEnabled: false }).template[0]);
    for (const label of ['New scan', 'Open demo', 'Export report…']) assert.equal(byLabel(file, label)?.enabled, false, label);
    assert.notEqual(byLabel(file, 'Open data folder')?.enabled, false);
  });

  test('developer tools only in unpackaged runs', () => {
    const roles = (packaged: boolean) => submenu(menu({ isPackaged: packaged }).template[2]).map((i) => i.role);
    assert.ok(!roles(true).includes('toggleDevTools'));
    assert.ok(roles(false).includes('toggleDevTools'));
  });

  test('menu actions travel only as a contract event, and only allowlisted ones', () => {
    assert.deepEqual([...MENU_ACTIONS], ['menu:new-scan', 'menu:open-demo', 'menu:export-report']);
    assert.equal(isMenuAction('menu:delete-everything'), false);
    const sent: unknown[][] = [];
    const target = { isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) };
    assert.equal(sendMenuAction(target, 'menu:delete-everything' as 'menu:new-scan'), false);
    const delivered = sendMenuAction(target, 'menu:new-scan');
    assert.equal(delivered, menuEventInContract());
    assert.deepEqual(sent, delivered ? [[EVENT_CHANNEL, 'menu:action', { action: 'menu:new-scan' }]] : []);
  });
});
