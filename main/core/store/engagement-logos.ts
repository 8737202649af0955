/**
 * The logos an engagement keeps for the report cover, checked before they are stored: a PNG or
 * JPEG whose bytes match its declared type, at most 256 KB, whole and decodable. Rows imported
 * from another machine did not come through here, so reading checks the cheap part again.
 */
import type { EngagementLogo, EngagementSettings, EngagementSummary } from '../../../shared/model/engagement.ts';
import { ApiFailure } from '../api.ts';
import { inspectImage, sniffImage } from '../util/image-check.ts';

export type EngagementLogos = NonNullable<EngagementSettings['logos']>;
export type LogoRole = keyof EngagementLogos;

export const LOGO_ROLES: readonly LogoRole[] = ['client', 'consultant'];
export const MAX_LOGO_BYTES = 256 * 1024;
const MIME_FORMAT = { 'image/png': 'png', 'image/jpeg': 'jpeg' } as const;

/** Canonical base64 (no spaces, correct padding) to bytes; undefined when malformed. */
export function decodeBase64(text: string): Buffer | undefined {
  if (text === '') return undefined;
  // Only canonical base64 encodes back to itself (Node skips what it cannot read), so no pattern
  // test is needed: one here took six times as long as the decoding, on every engagements:list.
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** Bytes of at most 256 KB from base64; `what` starts the one-line refusal ("The client logo"). */
export function logoBytesFrom(base64: unknown, what: string): Buffer {
  if (typeof base64 !== 'string') throw new ApiFailure('bad-request', `${what} must be base64 text.`);
  // Checked before decoding so an oversized request costs no memory.
  if (base64.length > Math.ceil(MAX_LOGO_BYTES / 3) * 4) throw new ApiFailure('bad-request', `${what} is larger than 256 KB.`);
  const bytes = decodeBase64(base64);
  if (!bytes) throw new ApiFailure('bad-request', `${what} is not valid base64.`);
  if (bytes.length > MAX_LOGO_BYTES) throw new ApiFailure('bad-request', `${what} is larger than 256 KB.`);
  return bytes;
}

/** One logo as sent by the UI: a clean EngagementLogo, or a one-line ApiFailure saying what is wrong. */
export function checkLogo(value: unknown, role: LogoRole): EngagementLogo {
  const what = `The ${role} logo`;
  if (typeof value !== 'object' || value === null) throw new ApiFailure('bad-request', `${what} must be { mimeType, base64 }.`);
  const { mimeType, base64 } = value as Record<string, unknown>;
  if (mimeType !== 'image/png' && mimeType !== 'image/jpeg') throw new ApiFailure('bad-request', `${what} must be image/png or image/jpeg.`);
  const bytes = logoBytesFrom(base64, what);
  const declared = MIME_FORMAT[mimeType];
  const actual = sniffImage(bytes);
  if (actual === undefined) throw new ApiFailure('bad-request', `${what} is not a PNG or JPEG image.`);
  if (actual !== declared) throw new ApiFailure('bad-request', `${what} is a ${actual.toUpperCase()} image but was sent as ${mimeType}.`);
  try {
    inspectImage(bytes);
  } catch (err) {
    throw new ApiFailure('bad-request', `${what} ${(err as Error).message}.`);
  }
  return { mimeType, base64: base64 as string };
}

/**
 * The `logos` of an engagements:save request: the whole set, replacing the stored one. A role that
 * is absent or null is removed, so `{}` or null removes both.
 */
export function checkLogos(value: unknown): EngagementLogos {
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ApiFailure('bad-request', 'Logos must be { client?, consultant? }.');
  const extra = Object.keys(value).find((k) => !(LOGO_ROLES as readonly string[]).includes(k));
  if (extra !== undefined) throw new ApiFailure('bad-request', `Unknown logo "${extra.slice(0, 40)}"; logos are client and consultant.`);
  const out: EngagementLogos = {};
  for (const role of LOGO_ROLES) {
    const logo = (value as Record<string, unknown>)[role];
    if (logo !== undefined && logo !== null) out[role] = checkLogo(logo, role);
  }
  return out;
}

/** Stored logos as read back: only those whose base64, size and signature still hold. */
export function storedLogos(value: unknown): EngagementLogos | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const out: EngagementLogos = {};
  for (const role of LOGO_ROLES) {
    const logo = (value as Record<string, unknown>)[role] as Partial<EngagementLogo> | undefined;
    if (!logo || (logo.mimeType !== 'image/png' && logo.mimeType !== 'image/jpeg') || typeof logo.base64 !== 'string') continue;
    if (logo.base64.length > Math.ceil(MAX_LOGO_BYTES / 3) * 4) continue;
    const bytes = decodeBase64(logo.base64);
    if (bytes && bytes.length <= MAX_LOGO_BYTES && sniffImage(bytes) === MIME_FORMAT[logo.mimeType]) out[role] = { mimeType: logo.mimeType, base64: logo.base64 };
  }
  return out.client || out.consultant ? out : undefined;
}

/** What engagements:list says of stored logos (already read back): type and size, no image. */
export function describeLogos(logos: EngagementLogos): NonNullable<EngagementSummary['settings']['logos']> {
  const out: NonNullable<EngagementSummary['settings']['logos']> = {};
  for (const role of LOGO_ROLES) {
    const logo = logos[role];
    if (logo) out[role] = { mimeType: logo.mimeType, bytes: Buffer.byteLength(logo.base64, 'base64') };
  }
  return out;
}
