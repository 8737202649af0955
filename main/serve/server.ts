/**
 * `leasehold serve`: the same handler table as the Electron window, reached over HTTP on
 * loopback by an ordinary browser. Every request passes the guard (Host, Origin, Sec-Fetch-Site,
 * per-launch token) before it is routed; see guard.ts for why each check exists. The browser gets
 * the token as a cookie in exchange for a one-time launch code (launch-codes.ts), so the token
 * itself is never in a URL, a process's arguments or the terminal.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../core/api.ts';
import { dispatch } from '../core/dispatch.ts';
import type { EventHub } from '../core/events.ts';
import { createEventStreams } from './event-stream.ts';
import { fetchSiteAllowed, hostAllowed, newToken, originAllowed, presentedToken, sessionCookie, tokenMatches } from './guard.ts';
import { BodyError, mediaType, readBody, refuse, sendJson, sendPage, setSecurityHeaders } from './http-util.ts';
import { createLaunchCodes, describeLifetime, LAUNCH_CODE_LIFETIME_MS, type Redemption } from './launch-codes.ts';
import { serveStatic } from './static-files.ts';

export interface ServerOptions {
  handlers: Handlers;
  events: EventHub;
  /** The built renderer (index.html, app.js, styles.css). */
  staticDir: string;
  host?: '127.0.0.1';
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Largest accepted request body; 1 MB by default. */
  maxBodyBytes?: number;
  /** Interval of the keep-alive comments on the event stream; 15 s by default. */
  heartbeatMs?: number;
  /** How long a launch code stays valid if nobody presents it; 2 minutes by default. */
  launchCodeLifetimeMs?: number;
  /** The clock launch codes expire by (tests move it). */
  now?: () => number;
  /** The sentence a spent, expired or unknown link's page ends with: how to get a new link. */
  newLinkHint?: string;
}

export interface RunningServer {
  /** The first launch link: a one-time code the server swaps for the session cookie. */
  url: string;
  /** A fresh one-time launch link, for a browser that needs a new session. */
  launchUrl(): string;
  origin: string;
  /** The session token, as scripts send it (`Authorization: Bearer`); never put it in a URL. */
  token: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
const CODE_PARAM = 'code';
const DEFAULT_HINT = 'Run `leasehold serve` again for a new link.';

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const maxBodyBytes = opts.maxBodyBytes ?? 1024 * 1024;
  const token = newToken();
  const lifetimeMs = opts.launchCodeLifetimeMs ?? LAUNCH_CODE_LIFETIME_MS;
  const codes = createLaunchCodes({ lifetimeMs, now: opts.now });
  const streams = createEventStreams(opts.events, opts.heartbeatMs ?? 15_000);
  let port = 0;

  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    handle(req, res).catch(() => {
      // Route handlers answer their own errors; this only catches a bug, and never shows its stack.
      if (!res.headersSent) refuse(res, 500, 'internal', 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = req.headers.host;
    if (!hostAllowed(hostHeader, port)) return refuse(res, 403, 'forbidden-host', 'Host not allowed');
    if (!originAllowed(req.headers.origin, hostHeader!)) return refuse(res, 403, 'forbidden-origin', 'Origin not allowed');
    const site = req.headers['sec-fetch-site'];
    if (!fetchSiteAllowed(typeof site === 'string' ? site : undefined)) {
      return refuse(res, 403, 'forbidden-site', 'Cross-site request refused');
    }

    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${hostHeader}`);
    } catch {
      return refuse(res, 400, 'bad-request', 'Malformed request URL');
    }
    const method = req.method ?? 'GET';

    const code = url.searchParams.get(CODE_PARAM);
    if (code !== null && method === 'GET' && !url.pathname.startsWith(API_PREFIX)) return launch(req, res, url, code);
    if (!tokenMatches(presentedToken(req.headers, port), token)) {
      return refuse(res, 403, 'forbidden-token', 'Missing or wrong token');
    }

    if (url.pathname === '/api/events') {
      if (method !== 'GET') return refuse(res, 405, 'method-not-allowed', 'Use GET', { Allow: 'GET' });
      streams.open(req, res);
      return;
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      if (method !== 'POST') return refuse(res, 405, 'method-not-allowed', 'Use POST', { Allow: 'POST' });
      return handleCall(req, res, url.pathname.slice(API_PREFIX.length));
    }
    if (method !== 'GET' && method !== 'HEAD') return refuse(res, 405, 'method-not-allowed', 'Use GET', { Allow: 'GET, HEAD' });
    return serveStatic(res, opts.staticDir, url.pathname, method === 'HEAD');
  }

  /**
   * A launch link: the first presentation of its code sets the session cookie; a browser already
   * signed in just goes on. Either way the code is spent, and the address bar loses it (303).
   */
  function launch(req: IncomingMessage, res: ServerResponse, url: URL, code: string): void {
    const outcome = codes.redeem(code);
    const signedIn = tokenMatches(presentedToken(req.headers, port), token);
    if (outcome !== 'ok' && !signedIn) return refuseLink(res, outcome);
    const rest = new URLSearchParams(url.searchParams);
    rest.delete(CODE_PARAM);
    // One leading slash only: "//host" in a Location would send the browser to another site.
    const path = `/${url.pathname.replace(/^\/+/, '')}${rest.size > 0 ? `?${rest.toString()}` : ''}`;
    res.writeHead(303, signedIn ? { Location: path } : { Location: path, 'Set-Cookie': sessionCookie(port, token) });
    res.end();
  }

  function refuseLink(res: ServerResponse, outcome: Exclude<Redemption, 'ok'>): void {
    const hint = opts.newLinkHint ?? DEFAULT_HINT;
    if (outcome === 'spent') {
      return sendPage(res, 403, 'This link has already been used', ['Each link from `leasehold serve` opens Leasehold once, so a copy left in the terminal or in the list of running programs opens nothing.', hint]);
    }
    if (outcome === 'expired') {
      return sendPage(res, 403, 'This link has expired', [`Links from \`leasehold serve\` must be opened within ${describeLifetime(lifetimeMs)}.`, hint]);
    }
    return sendPage(res, 403, 'This link is not valid', ['It may come from an earlier run of `leasehold serve`, or have been cut short when copied.', hint]);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, rawName: string): Promise<void> {
    // JSON only: a cross-site <form> can post text/plain or form encodings, but not this without a preflight.
    if (mediaType(req.headers['content-type']) !== 'application/json') {
      return refuse(res, 400, 'bad-content-type', 'POST requires Content-Type: application/json');
    }
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (err) {
      const e = err instanceof BodyError ? err : new BodyError(400, 'bad-request', 'Request body could not be read');
      return refuse(res, e.status, e.code, e.message, e.status === 413 ? { Connection: 'close' } : {});
    }
    let request: unknown = {};
    if (body.length > 0) {
      try {
        request = JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(res, 400, 'bad-json', 'Request body is not valid JSON');
      }
    }
    let name: string;
    try {
      name = decodeURIComponent(rawName);
    } catch {
      name = rawName;
    }
    sendJson(res, 200, await dispatch(opts.handlers, name, request));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;

  const launchUrl = (): string => `${origin}/?${CODE_PARAM}=${codes.issue()}`;
  return {
    url: launchUrl(),
    launchUrl,
    origin,
    token,
    close() {
      streams.closeAll();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
