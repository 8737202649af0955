/**
 * UI preferences, kept in this browser profile's localStorage (Electron keeps its own). Nothing
 * here reaches the core: values the core would need (scan concurrency, default authorized ports)
 * are stored and shown, and sent once the contract carries them.
 */
import { useEffect, useState } from 'preact/hooks';

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

const KEY = 'leasehold:prefs';
const listeners = new Set<(prefs: Prefs) => void>();

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be disabled (private modes, policies): preferences then last for the session.
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
  const defaultPorts = Array.isArray(v.defaultPorts) && v.defaultPorts.every(isPort) ? [...new Set(v.defaultPorts as number[])] : DEFAULT_PREFS.defaultPorts;
  const consultant = typeof v.consultant === 'string' ? v.consultant.slice(0, 200) : '';
  return { theme, concurrency, defaultPorts, consultant };
}

let current: Prefs = load();

function load(): Prefs {
  try {
    return sanitizePrefs(JSON.parse(storage()?.getItem(KEY) ?? '{}'));
  } catch {
    return { ...DEFAULT_PREFS };
  }
}

export function getPrefs(): Prefs {
  return current;
}

export function setPrefs(patch: Partial<Prefs>): Prefs {
  current = sanitizePrefs({ ...current, ...patch });
  try {
    storage()?.setItem(KEY, JSON.stringify(current));
  } catch {
    // Quota or disabled storage: keep the value for this session.
  }
  for (const listener of listeners) listener(current);
  return current;
}

export function usePrefs(): [Prefs, (patch: Partial<Prefs>) => void] {
  const [prefs, setState] = useState(current);
  useEffect(() => {
    listeners.add(setState);
    setState(current);
    return () => void listeners.delete(setState);
  }, []);
  return [prefs, setPrefs];
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
