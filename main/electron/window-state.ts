/**
 * The main window's size and position, remembered across launches in the data folder. Restoring is
 * a nicety: a missing, corrupt or off-screen state (a monitor unplugged since) falls back to the
 * default size, centred, and never stops the app from opening.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;
/** How much of the window must lie on a display for a saved position to be used. */
const MIN_VISIBLE = { width: 160, height: 80 } as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { ...DEFAULT_SIZE, maximized: false };

function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** Validates a stored state against today's displays (their work areas). */
export function restoreState(raw: unknown, displays: readonly Rect[]): WindowState {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_STATE };
  const v = raw as Record<string, unknown>;
  if (!finite(v.width) || !finite(v.height)) return { ...DEFAULT_STATE };
  const largest = displays.reduce((m, d) => ({ width: Math.max(m.width, d.width), height: Math.max(m.height, d.height) }), { width: 0, height: 0 });
  const clamp = (n: number, min: number, max: number) => Math.round(Math.max(min, max > 0 ? Math.min(n, max) : n));
  const width = clamp(v.width, MIN_SIZE.width, largest.width);
  const height = clamp(v.height, MIN_SIZE.height, largest.height);
  const maximized = v.maximized === true;
  if (!finite(v.x) || !finite(v.y)) return { width, height, maximized };
  const bounds = { x: Math.round(v.x), y: Math.round(v.y), width, height };
  const visible = displays.some((d) => {
    const o = overlap(bounds, d);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
  });
  return visible ? { ...bounds, maximized } : { width, height, maximized };
}

export function loadWindowState(file: string, displays: () => readonly Rect[]): WindowState {
  try {
    return restoreState(JSON.parse(readFileSync(file, 'utf8')), displays());
  } catch {
    return { ...DEFAULT_STATE };
  }
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the previous state. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, `${JSON.stringify(state)}\n`);
    renameSync(`${file}.tmp`, file);
  } catch (err) {
    console.warn(`Leasehold: could not save the window position (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** The slice of BrowserWindow the tracker reads. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

/**
 * Saves the window's normal (un-maximized) bounds and whether it is maximized: shortly after it
 * is moved or resized, and at once when it closes. Returns a function that saves immediately.
 */
export function trackWindowState(win: TrackedWindow, save: (state: WindowState) => void, delayMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return;
    save({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(now, delayMs);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', now);
  return now;
}
