/**
 * Engagement logos (client and consultant) for the PDF cover. The core keeps them with the
 * engagement (settings.logos) and checks them on save; here a chosen file becomes that shape,
 * previews are built only from well-formed data, and logos an earlier version kept in this
 * browser's localStorage are moved into the core once.
 */
import type { LeaseholdBridge } from '../shared/api.ts';
import type { Engagement, EngagementLogo, EngagementSummary } from '../shared/model/engagement.ts';

export type LogoRole = 'client' | 'consultant';
export type Logos = Partial<Record<LogoRole, EngagementLogo>>;

export const LOGO_ROLES: readonly LogoRole[] = ['client', 'consultant'];
export const MAX_LOGO_BYTES = 256 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const SIGNATURES: ReadonlyArray<[EngagementLogo['mimeType'], number[]]> = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** A data URL for an <img>, only from a PNG/JPEG type and plain base64; undefined otherwise. */
export function logoSrc(logo: EngagementLogo | undefined): string | undefined {
  if (!logo || (logo.mimeType !== 'image/png' && logo.mimeType !== 'image/jpeg') || typeof logo.base64 !== 'string' || !BASE64.test(logo.base64)) return undefined;
  return `data:${logo.mimeType};base64,${logo.base64}`;
}

/** The engagement's logos that can be shown. */
export function logosOf(engagement: Engagement | undefined): Logos {
  const stored = engagement?.settings.logos ?? {};
  return Object.fromEntries(LOGO_ROLES.filter((r) => logoSrc(stored[r])).map((r) => [r, stored[r]])) as Logos;
}

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const base64 = typeof reader.result === 'string' ? reader.result.slice(reader.result.indexOf(',') + 1) : '';
      if (BASE64.test(base64)) resolve(base64);
      else reject(new Error('The image could not be read.'));
    };
    reader.onerror = () => reject(new Error('The image could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** Reads a chosen file; its first bytes, not its name, say whether it is a PNG or JPEG. The core checks the rest on save. */
export async function readLogo(file: File): Promise<EngagementLogo> {
  if (file.size > MAX_LOGO_BYTES) throw new Error('Choose an image under 256 KB.');
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const mimeType = SIGNATURES.find(([, sig]) => sig.every((b, i) => head[i] === b))?.[0];
  if (!mimeType) throw new Error('Choose a PNG or JPEG image.');
  return { mimeType, base64: await readAsBase64(file) };
}

// Before the core kept logos, they lived here as data URLs per engagement id.
const LEGACY_KEY = 'leasehold:logos';
const LEGACY_URL = /^data:(image\/png|image\/jpeg);base64,([A-Za-z0-9+/]+=*)$/;

function readLegacy(): Record<string, unknown> {
  try {
    const value = JSON.parse(window.localStorage.getItem(LEGACY_KEY) ?? '{}') as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function legacyLogos(urls: unknown): Logos {
  const logos: Logos = {};
  for (const role of LOGO_ROLES) {
    const url = typeof urls === 'object' && urls !== null ? (urls as Record<string, unknown>)[role] : undefined;
    const m = typeof url === 'string' ? LEGACY_URL.exec(url) : null;
    if (m) logos[role] = { mimeType: m[1] as EngagementLogo['mimeType'], base64: m[2] as string };
  }
  return logos;
}

let moving: Promise<number> | null = null;

/**
 * Saves the logos this browser kept for an engagement that has none in the core, then forgets
 * them here; logos the core refuses are forgotten too, since they never will be accepted.
 * Resolves to the number of engagements that received logos.
 */
export function moveLegacyLogos(bridge: LeaseholdBridge, engagements: readonly EngagementSummary[]): Promise<number> {
  if (window.localStorage.getItem(LEGACY_KEY) === null) return Promise.resolve(0);
  moving ??= (async () => {
    const legacy = readLegacy();
    let moved = 0;
    for (const e of engagements) {
      if (!Object.hasOwn(legacy, e.id)) continue;
      const logos = legacyLogos(legacy[e.id]);
      if (!e.settings.logos && (logos.client || logos.consultant)) {
        try {
          await bridge.invoke('engagements:save', { id: e.id, client: e.client, settings: { logos } });
          moved++;
        } catch (err) {
          // Kept for a later try unless the core said the logos themselves are wrong.
          if ((err as { code?: string }).code !== 'bad-request') continue;
        }
      }
      delete legacy[e.id];
    }
    // What is left belongs to engagements not listed here: kept for them.
    if (Object.keys(legacy).length === 0) window.localStorage.removeItem(LEGACY_KEY);
    else window.localStorage.setItem(LEGACY_KEY, JSON.stringify(legacy));
    return moved;
  })().finally(() => {
    moving = null;
  });
  return moving;
}
