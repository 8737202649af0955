/** The window comes back where the user left it, and never off-screen. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createMainWindow, windowOptions } from '../../main/electron/window.ts';
import { DEFAULT_SIZE, loadWindowState, restoreState, saveWindowState, trackWindowState, type Rect } from '../../main/electron/window-state.ts';

const dir = mkdtempSync(join(tmpdir(), 'leasehold-window-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 900 };
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window state', () => {
  test('a saved position on a connected display is restored as it was', () => {
    assert.deepEqual(restoreState({ x: 1600, y: 100, width: 1400, height: 900, maximized: false }, [laptop, external]), {
      x: 1600,
      y: 100,
      width: 1400,
      height: 900,
      maximized: false,
    });
  });

  test('a position on a display that is gone is dropped: the OS centres the window', () => {
    const state = restoreState({ x: 1600, y: 100, width: 1400, height: 880, maximized: true }, [laptop]);
    assert.deepEqual(state, { width: 1400, height: 880, maximized: true });
  });

  test('a window barely on screen counts as off-screen', () => {
    assert.equal(restoreState({ x: 1400, y: 850, width: 1200, height: 800 }, [laptop]).x, undefined);
  });

  test('sizes are kept within the minimum and the largest display', () => {
    assert.deepEqual(restoreState({ width: 200, height: 100 }, [laptop]), { width: 960, height: 600, maximized: false });
    assert.deepEqual(restoreState({ width: 5000, height: 3000 }, [laptop, external]), { width: 2560, height: 1440, maximized: false });
  });

  test('a missing, corrupt or odd file gives the default size', () => {
    const defaults = { ...DEFAULT_SIZE, maximized: false };
    assert.deepEqual(loadWindowState(join(dir, 'missing.json'), () => [laptop]), defaults);
    writeFileSync(join(dir, 'corrupt.json'), '{"width": 12');
    assert.deepEqual(loadWindowState(join(dir, 'corrupt.json'), () => [laptop]), defaults);
    writeFileSync(join(dir, 'odd.json'), '{"width": "wide", "height": null}');
    assert.deepEqual(loadWindowState(join(dir, 'odd.json'), () => [laptop]), defaults);
    // The display list itself may fail (no screen module): defaults, not a crash.
    writeFileSync(join(dir, 'ok.json'), '{"width": 1000, "height": 700}');
    assert.deepEqual(
      loadWindowState(join(dir, 'ok.json'), () => {
        throw new Error('screen unavailable');
      }),
      defaults,
    );
  });

  test('saving and loading round-trip through the file', () => {
    const file = join(dir, 'nested', 'window-state.json');
    saveWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: false });
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { x: 10, y: 20, width: 1000, height: 700, maximized: false });
    assert.deepEqual(loadWindowState(file, () => [laptop]), { x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });

  test('the tracker saves the normal bounds after moves (debounced) and at once on close', async () => {
    const listeners = new Map<string, () => void>();
    let maximized = false;
    const bounds = { x: 5, y: 6, width: 1100, height: 750 };
    const win = {
      on: (event: 'resize' | 'move' | 'close', listener: () => void) => listeners.set(event, listener),
      getNormalBounds: () => bounds,
      isMaximized: () => maximized,
      isDestroyed: () => false,
    };
    const saved: unknown[] = [];
    trackWindowState(win, (s) => saved.push(s), 20);
    listeners.get('move')!();
    listeners.get('resize')!();
    assert.equal(saved.length, 0, 'not on every event');
    await new Promise((r) => setTimeout(r, 60));
    assert.deepEqual(saved, [{ ...bounds, maximized: false }]);
    maximized = true;
    listeners.get('close')!();
    assert.deepEqual(saved.at(-1), { ...bounds, maximized: true });
  });

  test('the window opens with the restored bounds, and maximized when it was', () => {
    assert.deepEqual(
      (({ x, y, width, height, minWidth, minHeight }) => ({ x, y, width, height, minWidth, minHeight }))(windowOptions('/p.cjs', { x: 1, y: 2, width: 1100, height: 700, maximized: false })),
      { x: 1, y: 2, width: 1100, height: 700, minWidth: 960, minHeight: 600 },
    );
    const noPosition = windowOptions('/p.cjs', { width: 1100, height: 700, maximized: false });
    assert.equal('x' in noPosition, false);

    const calls: string[] = [];
    let ready: () => void = () => undefined;
    class FakeWindow {
      webContents = { on: () => undefined, setWindowOpenHandler: () => undefined };
      options: object;
      constructor(options: object) {
        this.options = options;
      }
      once(_event: 'ready-to-show', listener: () => void) {
        ready = listener;
      }
      show() {
        calls.push('show');
      }
      maximize() {
        calls.push('maximize');
      }
      async loadURL() {}
    }
    createMainWindow({ BrowserWindow: FakeWindow, preloadPath: '/p.cjs', openExternal: () => undefined, state: { width: 1100, height: 700, maximized: true } });
    ready();
    assert.deepEqual(calls, ['maximize', 'show']);
  });
});
