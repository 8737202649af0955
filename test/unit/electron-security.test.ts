/**
 * The Electron shell's security policy, proved in plain Node: every decision lives in a pure
 * module that takes Electron-like objects, so fakes stand in for the binary this machine lacks.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { join, matchesGlob } from 'node:path';
import { describe, test } from 'node:test';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { ApiEvents, LeaseholdBridge } from '../../shared/api.ts';
import type { Handlers } from '../../main/core/api.ts';
import { createEventHub } from '../../main/core/events.ts';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES } from '../../main/electron/app-origin.ts';
import { createInvokeHandler, EVENT_CHANNEL, forwardEvents, INVOKE_CHANNEL, isTrustedSender, registerIpc } from '../../main/electron/ipc.ts';
import { decideNavigation, decideRedirect, decideWindowOpen, isAllowedExternalUrl } from '../../main/electron/navigation.ts';
import { CONTENT_SECURITY_POLICY, hardenSession, isBlockedRendererRequest } from '../../main/electron/session.ts';
import { createMainWindow, focusWindow, windowOptions } from '../../main/electron/window.ts';

// ---- fakes -------------------------------------------------------------------------------

interface FakeEvent {
  url: string;
  isMainFrame: boolean;
  defaultPrevented: boolean;
  preventDefault(): void;
}

class FakeContents {
  listeners = new Map<string, ((event: never) => void)[]>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  sent: unknown[][] = [];
  destroyed = false;
  on(event: string, listener: (event: never) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  emit(name: string, url = '', isMainFrame = true): FakeEvent {
    const event: FakeEvent = {
      url,
      isMainFrame,
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    for (const listener of this.listeners.get(name) ?? []) (listener as (e: FakeEvent) => void)(event);
    return event;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
}

class FakeWindow {
  static last: FakeWindow | null = null;
  webContents = new FakeContents();
  loaded: string[] = [];
  shown = 0;
  readonly options: BrowserWindowConstructorOptions;
  private readyListeners: (() => void)[] = [];
  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options;
    FakeWindow.last = this;
  }
  once(_event: 'ready-to-show', listener: () => void): this {
    this.readyListeners.push(listener);
    return this;
  }
  show(): void {
    this.shown++;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  ready(): void {
    for (const l of this.readyListeners) l();
  }
}

function newMainWindow() {
  const opened: string[] = [];
  const win = createMainWindow({ BrowserWindow: FakeWindow, preloadPath: '/app/dist/electron/preload.cjs', openExternal: (url) => opened.push(url) });
  return { win, opened };
}

// ---- window ------------------------------------------------------------------------------

describe('window factory', () => {
  test('every security-relevant web preference is locked down', () => {
    const options = windowOptions('/app/dist/electron/preload.cjs');
    assert.deepEqual(options.webPreferences, {
      preload: '/app/dist/electron/preload.cjs',
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
      navigateOnDragDrop: false,
      enableWebSQL: false,
      safeDialogs: true,
    });
    assert.equal(options.title, 'Leasehold');
    assert.equal(options.show, false, 'shown on ready-to-show, never as an empty frame');
  });

  test('createMainWindow loads the app origin, never file://, and shows when ready', () => {
    const { win } = newMainWindow();
    assert.deepEqual(win.loaded, [APP_ENTRY_URL]);
    assert.match(APP_ENTRY_URL, /^app:\/\/leasehold\//);
    assert.equal(win.shown, 0);
    win.ready();
    assert.equal(win.shown, 1);
    assert.equal(win.options.webPreferences?.sandbox, true);
  });

  test('the window refuses to navigate away, redirect away, attach webviews or open windows', () => {
    const { win, opened } = newMainWindow();
    const wc = win.webContents;
    assert.equal(wc.emit('will-navigate', 'app://leasehold/scans').defaultPrevented, false);
    for (const url of ['https://evil.example/', 'http://docs.aws.amazon.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<h1>x']) {
      assert.equal(wc.emit('will-navigate', url).defaultPrevented, true, url);
      assert.equal(wc.emit('will-redirect', url).defaultPrevented, true, url);
      assert.equal(wc.emit('will-frame-navigate', url, false).defaultPrevented, true, url);
    }
    assert.equal(wc.emit('will-attach-webview').defaultPrevented, true);
    assert.deepEqual(wc.openHandler?.({ url: 'https://evil.example/' }), { action: 'deny' });
    assert.deepEqual(opened, [], 'nothing was opened externally');
  });

  test('an allowlisted docs link opens once in the system browser, never in the app', () => {
    const { win, opened } = newMainWindow();
    const docs = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html';
    assert.deepEqual(win.webContents.openHandler?.({ url: docs }), { action: 'deny' });
    assert.equal(win.webContents.emit('will-navigate', docs).defaultPrevented, true);
    assert.equal(win.webContents.emit('will-redirect', docs).defaultPrevented, true, 'a redirect never opens anything');
    assert.deepEqual(opened, [docs, docs]);
  });

  test('a second launch restores and focuses the existing window', () => {
    const calls: string[] = [];
    const win = {
      isDestroyed: () => false,
      isMinimized: () => true,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
    assert.equal(focusWindow(win), true);
    assert.deepEqual(calls, ['restore', 'show', 'focus']);
    assert.equal(focusWindow(null), false);
  });
});

// ---- navigation decisions ----------------------------------------------------------------

describe('navigation and new-window decisions', () => {
  test('only the app origin may be navigated to', () => {
    assert.deepEqual(decideNavigation('app://leasehold/index.html'), { allow: true });
    assert.deepEqual(decideNavigation('app://leasehold/'), { allow: true });
    const denied = [
      'http://localhost:8080/',
      'https://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'app://other/',
      'app://leasehold.evil/',
      'app://user@leasehold/',
      'app://leasehold:8080/',
      'about:blank',
      'not a url',
    ];
    for (const url of denied) {
      assert.deepEqual(decideNavigation(url), { allow: false, openExternally: null }, url);
      assert.equal(decideRedirect(url), false, url);
    }
    assert.equal(decideRedirect('app://leasehold/index.html'), true);
  });

  test('only https links on the documentation allowlist leave the app, to the system browser', () => {
    const allowed = [
      'https://docs.aws.amazon.com/securityhub/latest/userguide/what-is-securityhub.html',
      'https://aws.amazon.com/compliance/shared-responsibility-model/',
      'https://www.cisecurity.org/benchmark/amazon_web_services',
    ];
    for (const url of allowed) {
      assert.equal(isAllowedExternalUrl(url), true, url);
      assert.deepEqual(decideWindowOpen(url), { action: 'deny', openExternally: url });
    }
    const refused = [
      'http://docs.aws.amazon.com/',
      'https://docs.aws.amazon.com.evil.example/',
      'https://evil.docs.aws.amazon.com/',
      'https://user:pass@docs.aws.amazon.com/',
      'https://docs.aws.amazon.com:8443/',
      'https://evil.example/?next=https://docs.aws.amazon.com/',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'app://leasehold/',
      `https://docs.aws.amazon.com/${'a'.repeat(3000)}`,
    ];
    for (const url of refused) {
      assert.equal(isAllowedExternalUrl(url), false, url);
      assert.deepEqual(decideWindowOpen(url), { action: 'deny', openExternally: null }, url);
    }
  });
});

// ---- session -----------------------------------------------------------------------------

describe('session hardening', () => {
  function hardened() {
    const captured: {
      request?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
      check?: () => boolean;
      device?: () => boolean;
      spellcheck?: boolean;
      beforeRequest?: (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;
    } = {};
    hardenSession({
      setPermissionRequestHandler: (h) => (captured.request = h),
      setPermissionCheckHandler: (h) => (captured.check = h),
      setDevicePermissionHandler: (h) => (captured.device = h),
      setSpellCheckerEnabled: (on) => (captured.spellcheck = on),
      webRequest: { onBeforeRequest: (l) => (captured.beforeRequest = l) },
    });
    return captured;
  }

  test('every permission request and permission check is denied', () => {
    const s = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'pointerLock', 'hid', 'serial', 'usb', 'unknown']) {
      let granted: boolean | undefined;
      s.request?.({}, permission, (g) => (granted = g));
      assert.equal(granted, false, permission);
    }
    assert.equal(s.check?.(), false);
    assert.equal(s.device?.(), false);
    assert.equal(s.spellcheck, false);
  });

  test('the renderer cannot reach the network or the file system', () => {
    const s = hardened();
    const cancel = (url: string) => {
      let result: boolean | undefined;
      s.beforeRequest?.({ url }, (r) => (result = r.cancel));
      return result;
    };
    for (const url of ['https://evil.example/x.js', 'http://169.254.169.254/latest/meta-data/', 'wss://x/', 'file:///etc/passwd', 'app://other/x']) {
      assert.equal(cancel(url), true, url);
      assert.equal(isBlockedRendererRequest(url), true, url);
    }
    for (const url of ['app://leasehold/app.js', 'data:image/png;base64,' + 'A'.repeat(10_000), 'blob:app://leasehold/1234', 'devtools://devtools/bundled/inspector.html']) {
      assert.equal(cancel(url), false, url.slice(0, 40));
    }
  });

  test('the CSP is exactly the agreed policy', () => {
    assert.equal(
      CONTENT_SECURITY_POLICY,
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  test('the app scheme is standard, secure and fetch-capable, with no CSP bypass', () => {
    assert.deepEqual(APP_SCHEME_PRIVILEGES, { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });
});

// ---- IPC ---------------------------------------------------------------------------------

describe('IPC sender validation', () => {
  const mainContents = new FakeContents();
  const appFrame = { url: 'app://leasehold/index.html', parent: null };

  test('accepts the main window top frame on the app origin only', () => {
    assert.equal(isTrustedSender({ sender: mainContents, senderFrame: appFrame }, mainContents), true);
    const rejected = [
      { sender: mainContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: mainContents, senderFrame: { url: 'file:///app/dist/renderer/index.html', parent: null } },
      { sender: mainContents, senderFrame: { url: 'app://other/index.html', parent: null } },
      { sender: mainContents, senderFrame: { url: 'app://leasehold/frame.html', parent: appFrame } },
      { sender: mainContents, senderFrame: null },
      { sender: new FakeContents(), senderFrame: appFrame },
    ];
    for (const event of rejected) assert.equal(isTrustedSender(event, mainContents), false, JSON.stringify(event.senderFrame));
    assert.equal(isTrustedSender({ sender: mainContents, senderFrame: appFrame }, null), false, 'no window, no calls');
    const throwing = {
      sender: mainContents,
      get senderFrame(): never {
        throw new Error('frame disposed');
      },
    };
    assert.equal(isTrustedSender(throwing, mainContents), false);
  });

  test('an untrusted call never reaches a handler; a trusted one is dispatched', async () => {
    const calls: unknown[] = [];
    const handlers = {
      'app:info': async (req: unknown) => {
        calls.push(req);
        return { version: '0.1.0', dataDir: '/d', dbPath: '/d/leasehold.db' };
      },
    } as unknown as Handlers;
    const warnings: string[] = [];
    const invoke = createInvokeHandler({ handlers, trustedContents: () => mainContents, log: (m) => warnings.push(m) });

    const refused = await invoke({ sender: mainContents, senderFrame: { url: 'https://evil.example/', parent: null } }, 'app:info', {});
    assert.deepEqual(refused, { ok: false, error: { code: 'forbidden', message: 'Refused: the call did not come from the Leasehold window.' } });
    assert.equal(calls.length, 0);
    assert.equal(warnings.length, 1);

    const ok = await invoke({ sender: mainContents, senderFrame: appFrame }, 'app:info', {});
    assert.deepEqual(ok, { ok: true, value: { version: '0.1.0', dataDir: '/d', dbPath: '/d/leasehold.db' } });
    const unknown = await invoke({ sender: mainContents, senderFrame: appFrame }, 'fs:readFile', {});
    assert.equal(unknown.ok, false);
  });

  test('registers one invoke channel and forwards core events with only name and payload', () => {
    const registered: string[] = [];
    const dispose = registerIpc(
      { handle: (channel) => registered.push(channel), removeHandler: (channel) => registered.push(`-${channel}`) },
      { handlers: {} as Handlers, trustedContents: () => mainContents },
    );
    dispose();
    assert.deepEqual(registered, [INVOKE_CHANNEL, `-${INVOKE_CHANNEL}`]);

    const hub = createEventHub();
    const target = new FakeContents();
    const stop = forwardEvents(hub, () => target);
    const payload = { scanId: 's1', status: 'complete' } as ApiEvents['scan:finished'];
    hub.emit('scan:finished', payload);
    assert.deepEqual(target.sent, [[EVENT_CHANNEL, 'scan:finished', payload]]);
    target.destroyed = true;
    hub.emit('scan:finished', payload);
    assert.equal(target.sent.length, 1, 'a closed window is skipped');
    stop();
  });
});

// ---- preload -----------------------------------------------------------------------------

type IpcListener = (event: unknown, ...args: unknown[]) => void;

class FakeIpcRenderer {
  invoked: unknown[][] = [];
  reply: unknown = { ok: true, value: null };
  listeners = new Map<string, Set<IpcListener>>();
  async invoke(...args: unknown[]): Promise<unknown> {
    this.invoked.push(args);
    return this.reply;
  }
  on(channel: string, listener: IpcListener): this {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)?.add(listener);
    return this;
  }
  removeListener(channel: string, listener: IpcListener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  emit(channel: string, ...args: unknown[]): void {
    const ipcEvent = { sender: this, ports: [] };
    for (const l of this.listeners.get(channel) ?? []) l(ipcEvent, ...args);
  }
}

// The preload imports `electron`; a resolve hook hands it these fakes instead of the real package.
const fakeIpc = new FakeIpcRenderer();
const exposed = new Map<string, unknown>();
(globalThis as Record<string, unknown>).__leaseholdFakeElectron = {
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: fakeIpc,
};
const FAKE_ELECTRON = `data:text/javascript,${encodeURIComponent(
  'const f = globalThis.__leaseholdFakeElectron; export const contextBridge = f.contextBridge; export const ipcRenderer = f.ipcRenderer;',
)}`;
registerHooks({
  resolve: (specifier, context, nextResolve) =>
    specifier === 'electron' ? { url: FAKE_ELECTRON, shortCircuit: true } : nextResolve(specifier, context),
});
const preload = await import('../../main/preload.ts');

describe('preload bridge', () => {
  const bridge = exposed.get('leasehold') as LeaseholdBridge;

  test('exposes exactly invoke and on as window.leasehold, never ipcRenderer', () => {
    assert.deepEqual([...exposed.keys()], ['leasehold']);
    assert.deepEqual(Object.keys(bridge).sort(), ['invoke', 'on']);
    for (const value of Object.values(bridge)) {
      assert.equal(typeof value, 'function');
      assert.notEqual(value, fakeIpc);
    }
    assert.equal(preload.INVOKE_CHANNEL, INVOKE_CHANNEL, 'preload and main agree on the invoke channel');
    assert.equal(preload.EVENT_CHANNEL, EVENT_CHANNEL, 'preload and main agree on the event channel');
  });

  test('refuses names outside the contract before anything is sent', async () => {
    fakeIpc.invoked = [];
    for (const name of ['fs:readFile', 'leasehold:invoke', '__proto__', 'constructor', '']) {
      await assert.rejects(bridge.invoke(name as 'app:info', {}), /Unknown call/, name);
    }
    assert.deepEqual(fakeIpc.invoked, []);
  });

  test('sends contract calls on the invoke channel and unwraps the envelope', async () => {
    fakeIpc.invoked = [];
    fakeIpc.reply = { ok: true, value: { version: '0.1.0', dataDir: '/d', dbPath: '/d/db' } };
    assert.deepEqual(await bridge.invoke('app:info', {}), { version: '0.1.0', dataDir: '/d', dbPath: '/d/db' });
    assert.deepEqual(fakeIpc.invoked, [[INVOKE_CHANNEL, 'app:info', {}]]);

    fakeIpc.reply = { ok: false, error: { code: 'not-found', message: 'No scan with id s9' } };
    await assert.rejects(bridge.invoke('scans:get', { scanId: 's9' }), (err: Error) => err instanceof Error && err.message === 'No scan with id s9');
    fakeIpc.reply = 'garbage';
    await assert.rejects(bridge.invoke('scans:list', {}), /malformed reply/);
  });

  test('on() accepts contract events only and passes the payload alone', () => {
    assert.throws(() => bridge.on('leasehold:event' as 'scan:progress', () => {}), /Unknown event/);
    assert.throws(() => bridge.on('menu:anything' as 'scan:progress', () => {}), /Unknown event/);

    const received: unknown[][] = [];
    const progress: unknown[] = [];
    const off = bridge.on('scan:finished', (...args: unknown[]) => received.push(args));
    const offProgress = bridge.on('scan:progress', (p) => progress.push(p));
    assert.equal(fakeIpc.listeners.get(EVENT_CHANNEL)?.size, 1, 'one IPC listener for all subscribers');
    const payload = { scanId: 's1', status: 'complete' };
    fakeIpc.emit(EVENT_CHANNEL, 'scan:progress', { scanId: 's1' });
    fakeIpc.emit(EVENT_CHANNEL, 'scan:finished', payload);
    fakeIpc.emit(EVENT_CHANNEL, 'not:in-contract', payload);
    assert.deepEqual(received, [[payload]], 'one argument: the payload, never the IpcRendererEvent');
    assert.deepEqual(progress, [{ scanId: 's1' }]);

    off();
    off();
    fakeIpc.emit(EVENT_CHANNEL, 'scan:finished', payload);
    assert.equal(received.length, 1, 'unsubscribed');
    offProgress();
    assert.equal(fakeIpc.listeners.get(EVENT_CHANNEL)?.size, 0, 'the IPC listener goes with the last subscriber');
  });

  test('a throwing listener does not starve the others', (t) => {
    t.mock.method(console, 'error', () => {});
    const got: unknown[] = [];
    const offA = bridge.on('scan:progress', () => {
      throw new Error('broken component');
    });
    const offB = bridge.on('scan:progress', (p) => got.push(p));
    fakeIpc.emit(EVENT_CHANNEL, 'scan:progress', { scanId: 's2' });
    assert.deepEqual(got, [{ scanId: 's2' }]);
    offA();
    offB();
  });
});

// ---- packaging ---------------------------------------------------------------------------

const ROOT = join(import.meta.dirname, '..', '..');

interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  npmRebuild?: boolean;
  asarUnpack?: string[];
  directories?: { output?: string };
  files?: { filter?: string[] }[];
  linux?: { target?: string[]; icon?: string };
  mac?: { target?: string[]; icon?: string };
  win?: { target?: string[]; icon?: string };
  productName?: string;
  appId?: string;
}

/** electron-builder's own loader and schema validator (app-builder-lib, resolved through electron-builder). */
async function loadBuilderConfig() {
  const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
  const lib = builderRequire('app-builder-lib/out/util/config/config.js') as {
    getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, logger: { isEnabled: boolean; add(): void }): Promise<void>;
  };
  const config = await lib.getConfig(ROOT, null, null);
  return { config, validate: () => lib.validateConfiguration(config, { isEnabled: false, add() {} }) };
}

describe('electron-builder.yml', async () => {
  const { config, validate } = await loadBuilderConfig();

  test('validates against electron-builder 26 schema', async () => {
    await validate();
    assert.equal(config.productName, 'Leasehold');
    assert.ok(config.appId);
  });

  test('flips the hardening fuses', () => {
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  test('builds AppImage + deb, dmg and nsis with the generated icon', () => {
    assert.deepEqual(config.linux?.target, ['AppImage', 'deb']);
    assert.deepEqual(config.mac?.target, ['dmg']);
    assert.deepEqual(config.win?.target, ['nsis']);
    for (const platform of [config.linux, config.mac, config.win]) assert.equal(platform?.icon, 'assets/icons/icon.png');
    const png = readFileSync(join(ROOT, 'assets', 'icons', 'icon.png'));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [512, 512]);
  });

  test('ships bundles, assets and migrations only, with better-sqlite3 unpacked and not rebuilt', () => {
    const filters = (config.files ?? []).flatMap((set) => set.filter ?? []);
    for (const wanted of ['package.json', 'dist/electron/**/*', 'dist/renderer/**/*', 'assets/**/*', 'main/core/store/migrations/**/*']) {
      assert.ok(filters.includes(wanted), wanted);
    }
    assert.ok(filters.includes('!**/*.{ts,tsx}'), 'no TypeScript sources');
    assert.ok(!filters.some((f) => /^(test|renderer|scripts|docs|main\/(?!core\/store\/migrations))/.test(f)), 'no tests or sources');
    assert.notEqual(config.directories?.output, 'dist', 'installers must not land in our bundle folder');
    assert.equal(config.npmRebuild, false);
    assert.ok((config.asarUnpack ?? []).some((glob) => matchesGlob('node_modules/better-sqlite3/prebuilds/linux-x64.node', glob)));
  });
});
