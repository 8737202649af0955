/**
 * The shipped main bundle (dist/electron/main.cjs), run in plain Node with a stand-in `electron`
 * module: proves the composition root wires every guard in the right order, without the binary.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'electron', 'main.cjs');
const appData = mkdtempSync(join(tmpdir(), 'leasehold-main-'));
after(() => rmSync(appData, { recursive: true, force: true }));

type Listener = (...args: never[]) => unknown;

class Emitter {
  listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

const log: string[] = [];
let resolveReady: () => void = () => {};
const ready = new Promise<void>((resolve) => (resolveReady = resolve));

class FakeContents extends Emitter {
  openHandler: ((d: { url: string }) => unknown) | null = null;
  sent: unknown[][] = [];
  setWindowOpenHandler(handler: (d: { url: string }) => unknown): void {
    this.openHandler = handler;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  isDestroyed(): boolean {
    return false;
  }
}

class FakeWindow extends Emitter {
  static all: FakeWindow[] = [];
  options: { webPreferences: Record<string, unknown> };
  webContents = new FakeContents();
  loaded: string[] = [];
  constructor(options: { webPreferences: Record<string, unknown> }) {
    super();
    this.options = options;
    FakeWindow.all.push(this);
    log.push('BrowserWindow');
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  show(): void {}
  focus(): void {
    log.push('focus');
  }
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return false;
  }
}

const session = {
  handlers: {} as Record<string, Listener>,
  setPermissionRequestHandler(h: Listener) { this.handlers.request = h; },
  setPermissionCheckHandler(h: Listener) { this.handlers.check = h; },
  setDevicePermissionHandler(h: Listener) { this.handlers.device = h; },
  setSpellCheckerEnabled(on: boolean) { log.push(`spellcheck:${on}`); },
  webRequest: { onBeforeRequest: (h: Listener) => void (session.handlers.beforeRequest = h) },
  on(event: string, h: Listener) { this.handlers[event] = h; },
};
const app = Object.assign(new Emitter(), {
  isPackaged: false,
  paths: new Map<string, string>([['appData', appData]]),
  getPath(name: string) { return app.paths.get(name) ?? join(appData, name); },
  setPath(name: string, value: string) { log.push(`setPath:${name}`); app.paths.set(name, value); },
  enableSandbox() { log.push('enableSandbox'); },
  requestSingleInstanceLock() { log.push('lock'); return true; },
  whenReady() { log.push('whenReady'); return ready; },
  quit() { log.push('quit'); },
  exit(code: number) { log.push(`exit:${code}`); },
  getVersion: () => '0.1.0',
  setAboutPanelOptions() {},
});
const protocolHandlers = new Map<string, (req: Request) => Promise<Response>>();
const ipcHandlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
let menuTemplate: { label?: string }[] = [];
const errors: string[] = [];

(globalThis as Record<string, unknown>).__leaseholdFakeElectron = {
  app,
  BrowserWindow: FakeWindow,
  session: { defaultSession: session },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown) => log.push(`privileged:${JSON.stringify(schemes)}`),
    handle: (scheme: string, handler: (req: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler),
  },
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => Promise<unknown>) => ipcHandlers.set(channel, handler),
    removeHandler: (channel: string) => ipcHandlers.delete(channel),
  },
  Menu: { buildFromTemplate: (t: { label?: string }[]) => t, setApplicationMenu: (t: { label?: string }[]) => (menuTemplate = t) },
  shell: { openExternal: async (url: string) => log.push(`external:${url}`), openPath: async (path: string) => (log.push(`openPath:${path}`), '') },
  dialog: { showErrorBox: (title: string, message: string) => errors.push(`${title}: ${message}`) },
};
const FAKE = 'leasehold-fake:electron';
registerHooks({
  resolve: (specifier, context, next) => (specifier === 'electron' ? { url: FAKE, format: 'commonjs', shortCircuit: true } : next(specifier, context)),
  load: (url, context, next) =>
    url === FAKE ? { format: 'commonjs', source: 'module.exports = globalThis.__leaseholdFakeElectron;', shortCircuit: true } : next(url, context),
});

test('the main bundle hardens before ready, then wires protocol, IPC, menu and one sandboxed window', async () => {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'main'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  delete process.env.LEASEHOLD_DB;
  createRequire(import.meta.url)(BUNDLE);

  // Before ready: privileges, sandbox, data folder shared with the CLI, single-instance lock.
  assert.deepEqual(log, [
    'privileged:[{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]',
    'enableSandbox',
    'setPath:userData',
    'lock',
    'whenReady',
  ]);
  assert.equal(app.getPath('userData'), join(appData, 'Leasehold'));
  assert.equal(FakeWindow.all.length, 0);

  resolveReady();
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(errors, [], 'started without an error dialog');

  // Session: everything denied, spellcheck off, network blocked.
  let granted: boolean | undefined;
  (session.handlers.request as (w: unknown, p: string, cb: (g: boolean) => void) => void)({}, 'media', (g) => (granted = g));
  assert.equal(granted, false);
  assert.equal((session.handlers.check as () => boolean)(), false);
  assert.ok(log.includes('spellcheck:false'));

  // Downloads: a blob the page did not get from the app is cancelled; the app's own gets a Save dialog in Downloads.
  const cancelled: string[] = [];
  const dialogs: { defaultPath?: string }[] = [];
  const item = (url: string) => ({
    getURL: () => url,
    getFilename: () => 'Acme-111122223333.pdf',
    getSavePath: () => '',
    setSaveDialogOptions: (o: { defaultPath?: string }) => dialogs.push(o),
    cancel: () => cancelled.push(url),
    once: () => undefined,
  });
  const willDownload = session.handlers['will-download'] as (event: unknown, item: unknown) => void;
  willDownload({}, item('https://evil.example/x.pdf'));
  willDownload({}, item('blob:app://leasehold/42'));
  assert.deepEqual(cancelled, ['https://evil.example/x.pdf']);
  assert.equal(dialogs[0]?.defaultPath, join(app.getPath('downloads'), 'Acme-111122223333.pdf'));

  // One window, sandboxed, preload next to the bundle, loading the app origin.
  assert.equal(FakeWindow.all.length, 1);
  const win = FakeWindow.all[0] as FakeWindow;
  assert.equal(win.options.webPreferences.sandbox, true);
  assert.equal(win.options.webPreferences.contextIsolation, true);
  assert.equal(win.options.webPreferences.preload, join(ROOT, 'dist', 'electron', 'preload.cjs'));
  assert.deepEqual(win.loaded, ['app://leasehold/index.html']);
  assert.equal(typeof win.webContents.openHandler, 'function', 'window-open handler installed');
  assert.deepEqual(menuTemplate.map((m) => m.label), ['File', 'Edit', 'View', 'Window', 'Help']);

  // The app protocol answers with the CSP.
  const res = await (protocolHandlers.get('app') as (req: Request) => Promise<Response>)(new Request('app://leasehold/index.html'));
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);

  // IPC: the real core answers the window; anything else is refused.
  const invoke = ipcHandlers.get('leasehold:invoke') as (...args: unknown[]) => Promise<{ ok: boolean; value?: { dataDir: string } }>;
  const frame = { url: 'app://leasehold/index.html', parent: null };
  const info = await invoke({ sender: win.webContents, senderFrame: frame }, 'app:info', {});
  assert.equal(info.ok, true);
  assert.equal(info.value?.dataDir, join(appData, 'Leasehold'));
  // "Open data folder" from the page goes through Electron's shell, with the data folder only.
  const opened = (await invoke({ sender: win.webContents, senderFrame: frame }, 'app:open-data-folder', {})) as unknown as { ok: boolean; value?: { opened: boolean } };
  assert.deepEqual([opened.ok, opened.value?.opened], [true, true]);
  assert.deepEqual(log.filter((l) => l.startsWith('openPath:')), [`openPath:${join(appData, 'Leasehold')}`]);
  const refused = await invoke({ sender: new FakeContents(), senderFrame: frame }, 'app:info', {});
  assert.equal(refused.ok, false);

  // Any other WebContents gets the same guards; a second launch focuses the window.
  const stray = new FakeContents();
  app.emit('web-contents-created', {}, stray);
  assert.deepEqual(stray.openHandler?.({ url: 'https://evil.example/' }), { action: 'deny' });
  app.emit('second-instance');
  assert.ok(log.includes('focus'));

  app.emit('will-quit');
});
