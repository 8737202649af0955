/**
 * Application settings, one row per key in app_settings (JSON values), shared by the CLI and every
 * window. A missing row, or a value that no longer validates (edited by hand, written by another
 * version), reads as the default; a save is validated strictly and refused with one clear line.
 */
import type { AppSettings } from '../../../shared/model/engagement.ts';
import { ApiFailure } from '../api.ts';
import type { EngagementInput } from './engagements.ts';
import type { Db } from './open.ts';

export const DEFAULT_APP_SETTINGS: Readonly<AppSettings> = Object.freeze({ concurrency: null, defaultAuthorizedPorts: [80, 443], consultant: '' });

export const CONCURRENCY_MAX = 64;
export const PORTS_MAX = 100;
export const CONSULTANT_MAX = 200;

type Key = keyof AppSettings;
const KEYS: readonly Key[] = ['concurrency', 'defaultAuthorizedPorts', 'consultant'];

/** Each validator returns the value to store, or a one-line reason it is refused. */
const VALIDATORS: { [K in Key]: (value: unknown) => AppSettings[K] | Refusal } = {
  concurrency: (v) =>
    v === null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= CONCURRENCY_MAX)
      ? (v as number | null)
      : new Refusal(`Concurrency must be a whole number from 1 to ${CONCURRENCY_MAX}, or the default.`),
  defaultAuthorizedPorts: (v) => {
    if (!Array.isArray(v) || !v.every((p) => Number.isInteger(p) && p >= 0 && p <= 65535)) {
      return new Refusal('Default authorized ports must be whole numbers from 0 to 65535.');
    }
    const ports = [...new Set(v as number[])].sort((a, b) => a - b);
    return ports.length > PORTS_MAX ? new Refusal(`At most ${PORTS_MAX} default authorized ports (${ports.length} given).`) : ports;
  },
  consultant: (v) => {
    if (typeof v !== 'string') return new Refusal('The consultant name must be text.');
    const name = cleanName(v);
    return [...name].length > CONSULTANT_MAX ? new Refusal(`The consultant name is longer than ${CONSULTANT_MAX} characters.`) : name;
  },
};

class Refusal {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Line breaks and tabs become spaces, other controls (and bidi overrides) go: a name is one plain line. */
function cleanName(value: string): string {
  return value.replace(/[\t\n\r\v\f]+/g, ' ').replace(CONTROLS, '').trim();
}

export function getAppSettings(db: Db): AppSettings {
  const rows = db.prepare('SELECT key, value FROM app_settings').all() as { key: string; value: string }[];
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const read = <K extends Key>(key: K): AppSettings[K] => {
    const raw = stored.get(key);
    if (raw === undefined) return structuredClone(DEFAULT_APP_SETTINGS[key]);
    const value = VALIDATORS[key](JSON.parse(raw));
    return value instanceof Refusal ? structuredClone(DEFAULT_APP_SETTINGS[key]) : value;
  };
  return { concurrency: read('concurrency'), defaultAuthorizedPorts: read('defaultAuthorizedPorts'), consultant: read('consultant') };
}

/** Saves the settings present in `patch` (all or none) and returns them all. */
export function saveAppSettings(db: Db, patch: unknown): AppSettings {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new ApiFailure('bad-request', 'Settings must be an object.');
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  const unknown = entries.find(([k]) => !(KEYS as readonly string[]).includes(k));
  if (unknown) throw new ApiFailure('bad-request', `Unknown setting "${unknown[0].replace(/[^\x20-\x7e]/g, '?').slice(0, 40)}"; settings are ${KEYS.join(', ')}.`);
  const values = entries.map(([k, v]) => [k, VALIDATORS[k as Key](v)] as const);
  const refused = values.find(([, v]) => v instanceof Refusal);
  if (refused) throw new ApiFailure('bad-request', (refused[1] as Refusal).reason);
  const upsert = db.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [k, v] of values) upsert.run(k, JSON.stringify(v));
  })();
  return getAppSettings(db);
}

/** The concurrency a scan uses when its request names none: the saved one, else the engine's default. */
export function savedConcurrency(db: Db): number | undefined {
  return getAppSettings(db).concurrency ?? undefined;
}

/**
 * A new engagement (no id) starts from the saved default ports and consultant name for whatever
 * its request leaves out; an edit of an existing one is left as asked.
 */
export function withNewEngagementDefaults(db: Db, input: EngagementInput): EngagementInput {
  if (input.id !== undefined) return input;
  const saved = getAppSettings(db);
  const settings = typeof input.settings === 'object' && input.settings !== null ? input.settings : {};
  return {
    ...input,
    consultant: input.consultant ?? saved.consultant,
    settings: { ...settings, authorizedPorts: settings.authorizedPorts ?? saved.defaultAuthorizedPorts },
  };
}
