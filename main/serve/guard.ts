/**
 * The checks every request of the HTTP bridge passes before it is routed. The bridge listens on
 * loopback, but any web page the user visits can reach loopback too, so each check closes one
 * door: Host stops DNS rebinding, Origin and Sec-Fetch-Site stop cross-site calls, the token
 * stops other local users and other pages. The browser gets the token as a cookie in exchange
 * for a one-time launch code (launch-codes.ts), so no URL ever carries it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Cookies are not scoped by port, so two bridges on one machine would overwrite a shared cookie
 * name; the port in the name keeps their tokens apart.
 */
export function cookieName(port: number): string {
  return `leasehold_${port}`;
}

export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Constant-time: hashing first gives equal-length inputs, so not even the length leaks. */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0) return false;
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The Host header must name this server exactly; anything else is a rebound DNS name. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return typeof host === 'string' && allowedHosts(port).includes(host.toLowerCase());
}

/** No Origin (top-level navigation, same-origin GET) is fine; a present Origin must be the page's own. */
export function originAllowed(origin: string | undefined, host: string): boolean {
  if (origin === undefined) return true;
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

/**
 * Browsers label every request with where it came from. Pages on other sites, or on other ports
 * of loopback ("same-site"), never get through, even holding a leaked token; "none" is the user
 * opening the URL themselves.
 */
export function fetchSiteAllowed(site: string | undefined): boolean {
  return site === undefined || site === 'same-origin' || site === 'none';
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The session token a request presents: a Bearer header (CLI, scripts) or the session cookie (the page). */
export function presentedToken(headers: IncomingHttpHeaders, port: number): string | undefined {
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return match ? match[1] : undefined;
  }
  return readCookie(headers.cookie, cookieName(port));
}
