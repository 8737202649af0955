/**
 * The one origin the UI is served from. Every navigation, IPC and protocol decision compares
 * against it, so it is defined once here.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'leasehold';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Must be registered before the app is ready. `standard` gives the scheme a real origin (so
 * `'self'` in the CSP and relative URLs work), `secure` makes it a secure context like https.
 * Deliberately absent: bypassCSP, corsEnabled, allowServiceWorkers, stream.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

export function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for `app://leasehold/...`: no other host, no port, no user info. */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
