/**
 * Preferences. The theme belongs to this window and lives in localStorage, so it applies before the
 * first paint. The scan concurrency, the default authorized ports and the consultant's name are the
 * core's settings (settings:get / settings:save), shared with the CLI and every other window: read
 * once per window and again whenever the window comes back to the front.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { LeaseholdBridge } from '../shared/api.ts';
import type { AppSettings } from '../shared/model/engagement.ts';
import { errorMessage } from './bridge.ts';
import { useBridge } from './bridge-context.ts';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Prefs {
  theme: Theme;
  /** Parallel API calls per scan; null = the core's default. */
  concurrency: number | null;
  /** Ports a new engagement starts with as authorized to be open to the internet. */
  defaultPorts: number[];
  /** The consultant's name, prefilled as approver and on new engagements. */
  consultant: string;
}

export const DEFAULT_PREFS: Prefs = { theme: 'system', concurrency: null, defaultPorts: [80, 443], consultant: '' };
export const MAX_DEFAULT_PORTS = 100;

/** Where the core's settings stand in this window: until 'ready', the values shown are the defaults. */
export interface PrefsStatus {
  state: 'loading' | 'ready' | 'failed';
  error: string | null;
}

type CorePrefs = Pick<Prefs, 'concurrency' | 'defaultPorts' | 'consultant'>;
const CORE_KEYS = ['concurrency', 'defaultPorts', 'consultant'] as const;

const KEY = 'leasehold:prefs';
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be disabled (private modes, policies): the theme then lasts for the session.
    return null;
  }
}

export function isPort(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 65535;
}

/** Anything read back is validated: the stored JSON may be from an older version or edited by hand. */
export function sanitizePrefs(raw: unknown): Prefs {
  const v = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const theme = (THEMES as readonly unknown[]).includes(v.theme) ? (v.theme as Theme) : DEFAULT_PREFS.theme;
  const c = v.concurrency;
  const concurrency = Number.isInteger(c) && (c as number) >= 1 && (c as number) <= 64 ? (c as number) : null;
  const defaultPorts = Array.isArray(v.defaultPorts) && v.defaultPorts.every(isPort) ? [...new Set(v.defaultPorts as number[])].slice(0, MAX_DEFAULT_PORTS) : DEFAULT_PREFS.defaultPorts;
  const consultant = typeof v.consultant === 'string' ? v.consultant.slice(0, 200) : '';
  return { theme, concurrency, defaultPorts, consultant };
}

function readStored(): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function writeStored(value: Record<string, unknown>): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(value));
  } catch {
    // Quota or disabled storage: keep the value for this session.
  }
}

let current: Prefs = { ...DEFAULT_PREFS, theme: sanitizePrefs(readStored()).theme };
let status: PrefsStatus = { state: 'loading', error: null };
let started = false;
let inFlight: Promise<void> | null = null;

function publish(next: Prefs, nextStatus: PrefsStatus = status): void {
  current = next;
  status = nextStatus;
  for (const listener of listeners) listener();
}

function fromSettings(s: AppSettings): CorePrefs {
  return { concurrency: s.concurrency, defaultPorts: s.defaultAuthorizedPorts, consultant: s.consultant };
}

function toSettings(patch: Partial<Prefs>): Partial<AppSettings> {
  const out: Partial<AppSettings> = {};
  if (patch.concurrency !== undefined) out.concurrency = patch.concurrency;
  if (patch.defaultPorts !== undefined) out.defaultAuthorizedPorts = patch.defaultPorts;
  if (patch.consultant !== undefined) out.consultant = patch.consultant;
  return out;
}

const sameCore = (a: CorePrefs, b: CorePrefs): boolean => JSON.stringify(CORE_KEYS.map((k) => a[k])) === JSON.stringify(CORE_KEYS.map((k) => b[k]));

/**
 * Earlier versions kept the core's settings in this window's storage. Found there while the core
 * still has its defaults, they move to the core once; afterwards only the theme stays here.
 */
async function carryOver(bridge: LeaseholdBridge, settings: AppSettings): Promise<AppSettings> {
  const stored = readStored();
  if (!CORE_KEYS.some((k) => k in stored)) return settings;
  const legacy = sanitizePrefs(stored);
  const patch = sameCore(fromSettings(settings), DEFAULT_PREFS) && !sameCore(legacy, DEFAULT_PREFS) ? toSettings(legacy) : {};
  let result = settings;
  try {
    if (Object.keys(patch).length > 0) result = await bridge.invoke('settings:save', patch);
  } catch {
    // Kept here to try again next time; the window goes on with the core's values.
    return settings;
  }
  writeStored({ theme: legacy.theme });
  return result;
}

/** Reads the core's settings; concurrent asks share one call. */
export function refreshPrefs(bridge: LeaseholdBridge): Promise<void> {
  inFlight ??= (async () => {
    try {
      const settings = await carryOver(bridge, await bridge.invoke('settings:get', {}));
      publish({ ...current, ...fromSettings(settings) }, { state: 'ready', error: null });
    } catch (err) {
      // Values already read stay usable; only a window that never read them reports the failure.
      if (status.state !== 'ready') publish(current, { state: 'failed', error: errorMessage(err) });
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

export function getPrefs(): Prefs {
  return current;
}

/**
 * Applies a change: the theme at once in this window, the other values through the core, which
 * validates them. Resolves with the preferences as saved; rejects with the core's one-line reason.
 */
export async function savePrefs(bridge: LeaseholdBridge, patch: Partial<Prefs>): Promise<Prefs> {
  if (patch.theme !== undefined) {
    const theme = sanitizePrefs({ theme: patch.theme }).theme;
    writeStored({ ...readStored(), theme });
    publish({ ...current, theme });
  }
  const settings = toSettings(patch);
  if (Object.keys(settings).length === 0) return current;
  const saved = await bridge.invoke('settings:save', settings);
  publish({ ...current, ...fromSettings(saved) }, { state: 'ready', error: null });
  return current;
}

/**
 * The preferences, a setter (fire and forget; the Settings page uses savePrefs to show the outcome)
 * and whether the core's values have arrived.
 */
export function usePrefs(): [Prefs, (patch: Partial<Prefs>) => void, PrefsStatus] {
  const bridge = useBridge();
  const [, rerender] = useState(0);
  const rendered = { prefs: current, status };
  useEffect(() => {
    const listener = (): void => rerender((n) => n + 1);
    listeners.add(listener);
    if (!started) {
      started = true;
      void refreshPrefs(bridge);
      // Another window or the CLI may have changed them meanwhile.
      window.addEventListener('focus', () => void refreshPrefs(bridge));
    }
    // Values that changed between this render and the subscription.
    if (rendered.prefs !== current || rendered.status !== status) listener();
    return () => void listeners.delete(listener);
  }, [bridge]);
  const update = useCallback((patch: Partial<Prefs>) => void savePrefs(bridge, patch).catch((err: unknown) => console.warn(`Leasehold: settings not saved: ${errorMessage(err)}`)), [bridge]);
  return [current, update, status];
}

/** "light" / "dark" on <html> forces a theme; no attribute follows the system setting. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

/** Comma- or space-separated ports; null when any entry is not a port. */
export function parsePorts(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const ports = parts.map((p) => (/^\d{1,5}$/.test(p) ? Number(p) : NaN));
  return ports.every(isPort) ? [...new Set(ports)].sort((a, b) => a - b) : null;
}
