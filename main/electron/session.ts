/**
 * Session-wide hardening: the renderer gets no permissions, no network, and a strict CSP on
 * every response the app protocol serves.
 */
import { APP_SCHEME, isAppUrl } from './app-origin.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Sent with every app:// response (files, 404s and errors alike). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Camera, microphone, notifications, geolocation, clipboard, HID...: the UI needs none of them. */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

const NETWORK_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);

/**
 * The UI talks to the core over IPC only; AWS calls happen in the main process through Node's
 * own HTTP stack, which this does not affect. So any network or file request a page makes is
 * blocked, whatever the CSP says. Only what the app serves itself (and devtools) passes.
 */
export function isBlockedRendererRequest(url: unknown): boolean {
  if (typeof url !== 'string') return true;
  // Only the scheme is read: a long data: image must not be blocked for its length.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return true;
  if (scheme === APP_SCHEME) return !isAppUrl(url);
  return NETWORK_SCHEMES.has(scheme);
}

/** The slice of Electron's Session this module configures. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  setSpellCheckerEnabled(enable: boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
  };
}

export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyPermissionCheck);
  // No dictionary downloads: spellcheck is off in the window too.
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: isBlockedRendererRequest(details.url) });
  });
}
