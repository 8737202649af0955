/**
 * Engagement logos (client and consultant) for the PDF cover. The contract's engagement settings
 * do not hold logos yet, so they are kept in this browser profile per engagement and sent with
 * each report request.
 */
export type LogoRole = 'client' | 'consultant';
export type Logos = Partial<Record<LogoRole, string>>;

const KEY = 'leasehold:logos';
export const MAX_LOGO_BYTES = 256 * 1024;
const DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/;

function all(): Record<string, Logos> {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, Logos>) : {};
  } catch {
    return {};
  }
}

export function getLogos(engagementId: string): Logos {
  const logos = all()[engagementId] ?? {};
  // Only well-formed PNG/JPEG data URLs are ever used as an image source.
  return Object.fromEntries(Object.entries(logos).filter(([, v]) => typeof v === 'string' && DATA_URL.test(v))) as Logos;
}

export function setLogo(engagementId: string, role: LogoRole, dataUrl: string | null): void {
  const map = all();
  const logos = { ...(map[engagementId] ?? {}) };
  if (dataUrl === null) delete logos[role];
  else logos[role] = dataUrl;
  map[engagementId] = logos;
  window.localStorage.setItem(KEY, JSON.stringify(map));
}

/** Reads a chosen file as a PNG or JPEG data URL; the message says why a file is refused. */
export function readLogo(file: File): Promise<string> {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') return Promise.reject(new Error('Choose a PNG or JPEG image.'));
  if (file.size > MAX_LOGO_BYTES) return Promise.reject(new Error('Choose an image under 256 KB.'));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' && DATA_URL.test(reader.result) ? resolve(reader.result) : reject(new Error('The image could not be read.')));
    reader.onerror = () => reject(new Error('The image could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** The base64 payload of a data URL (what a report request carries). */
export function logoBase64(dataUrl: string | undefined): string | undefined {
  return dataUrl?.split(',', 2)[1];
}
