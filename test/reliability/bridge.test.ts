/**
 * The HTTP bridge against the attacks serve.test.ts does not spell out, over real sockets and with
 * the real handler table: DNS rebinding Host names, cross-site form posts, Origin "null", tokens
 * presented anywhere but the cookie or Bearer header, CORS preflights, oversized and trickled
 * headers. Every refusal is a one-line JSON envelope that never echoes the token.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createCore, type Core } from '../../main/core/core.ts';
import { startServer, type RunningServer } from '../../main/serve/server.ts';
import { REPO_ROOT } from '../support/temp.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Bytes written as they are: no header validation, no Host added. Resolves with the status line and body. */
function rawSocket(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('HTTP bridge against hostile pages and rebound names', () => {
  let dir: string;
  let core: Core;
  let server: RunningServer;
  let port: number;
  let cookie: string;
  let token: string;

  const refused = (res: Raw, status = 403, label = '') => {
    assert.equal(res.status, status, `${label} ${res.body}`);
    const parsed = JSON.parse(res.body) as { ok: boolean; error: { message: string } };
    assert.equal(parsed.ok, false);
    assert.ok(!parsed.error.message.includes('\n'));
    assert.ok(!res.body.includes(token), 'a refusal never echoes the token');
    assert.equal(res.headers['set-cookie'], undefined, 'a refusal never sets the session cookie');
    assert.equal(res.headers['access-control-allow-origin'], undefined, 'no CORS grant, ever');
  };
  const json = (extra: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', cookie, ...extra }, body: '{}' });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leasehold-bridge-'));
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Leasehold</title>');
    core = createCore({ rootDir: REPO_ROOT, dataDir: dir, dbPath: join(dir, 'leasehold.db'), env: { HOME: dir } });
    server = await startServer({ handlers: core.handlers, events: core.events, staticDir });
    port = Number(new URL(server.origin).port);
    token = server.token;
    const launchUrl = new URL(server.url);
    const launch = await raw(port, `${launchUrl.pathname}${launchUrl.search}`);
    cookie = String(launch.headers['set-cookie']).split(';', 1)[0]!;
  });

  after(async () => {
    await server.close();
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('works for the real page: cookie, own Host, own Origin, JSON', async () => {
    const ok = await raw(port, '/api/app:info', json({ origin: server.origin, 'sec-fetch-site': 'same-origin' }));
    assert.equal(ok.status, 200);
    assert.equal((JSON.parse(ok.body) as { ok: boolean }).ok, true);
  });

  it('listens on loopback only: the machine\'s other addresses refuse the connection', async () => {
    const external = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal && a.family === 'IPv4').map((a) => a!.address);
    for (const address of external) {
      const reached = await new Promise<boolean>((resolve) => {
        const s = connect(port, address, () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      });
      assert.equal(reached, false, `reachable on ${address}`);
    }
  });

  it('refuses DNS-rebinding Host names even with a valid cookie and token', async () => {
    const hosts = [`attacker.example:${port}`, `localhost.:${port}`, `127.0.0.1.:${port}`, `127.1:${port}`, `0.0.0.0:${port}`, `[::1]:${port}`, `evil@127.0.0.1:${port}`, `127.0.0.1:${port}@attacker.example`, `127.0.0.1:${port}.attacker.example`, `localhost:${port + 1}`, '127.0.0.1'];
    for (const host of hosts) {
      refused(await raw(port, '/api/app:info', json({ host, authorization: `Bearer ${token}` })), 403, host);
      refused(await raw(port, '/', { headers: { host, cookie } }), 403, host);
    }
  });

  it('refuses a request with no Host header (HTTP/1.0) or an empty one', async () => {
    const reply = await rawSocket(port, `GET / HTTP/1.0\r\nCookie: ${cookie}\r\n\r\n`);
    assert.match(reply, /^HTTP\/1\.[01] 403/);
    assert.ok(!reply.includes(token));
    const empty = await rawSocket(port, `GET / HTTP/1.1\r\nHost: \r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`);
    assert.match(empty, /^HTTP\/1\.1 (400|403)/);
  });

  it('refuses cross-site form posts in every encoding a <form> can send, cookie or not', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const variants: Record<string, string>[] = [{ origin: 'https://attacker.example' }, { origin: 'https://attacker.example', cookie }, { 'sec-fetch-site': 'cross-site', cookie }, { cookie }];
      for (const headers of variants) {
        const res = await raw(port, '/api/scan:start', { method: 'POST', headers: { 'content-type': type, ...headers }, body: '{"profile":"default"}' });
        assert.ok(res.status === 403 || res.status === 400, `${type} ${JSON.stringify(headers)}: ${res.status}`);
        refused(res, res.status);
      }
    }
    // A type that merely mentions JSON is still not JSON.
    refused(await raw(port, '/api/scan:start', { method: 'POST', headers: { 'content-type': 'text/plain; application/json', cookie }, body: '{}' }), 400);
    refused(await raw(port, '/api/scan:start', { method: 'POST', headers: { 'content-type': 'application/json, text/plain', cookie }, body: '{}' }), 400);
  });

  it('refuses Origin "null" (sandboxed frames, file:// pages, data: URLs) and foreign origins', async () => {
    for (const origin of ['null', 'file://', 'https://attacker.example', `http://127.0.0.1:${port}.attacker.example`, `https://127.0.0.1:${port}`, `http://127.0.0.1:${port}/`]) {
      refused(await raw(port, '/api/app:info', json({ origin })));
    }
  });

  it('accepts the token only as the session cookie or a Bearer header', async () => {
    // In the Referer (a page that learned the launch URL), in an API query string, on a static file, in a foreign cookie name.
    refused(await raw(port, '/api/app:info', { method: 'POST', headers: { 'content-type': 'application/json', referer: `${server.url}` }, body: '{}' }));
    refused(await raw(port, `/api/app:info?token=${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    refused(await raw(port, `/index.html?token=${token}`));
    refused(await raw(port, `/api/events?token=${token}`));
    refused(await raw(port, '/', { headers: { cookie: `leasehold=${token}; session=${token}` } }));
    refused(await raw(port, '/api/app:info', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`x:${token}`).toString('base64')}` }, body: '{}' }));
    refused(await raw(port, '/api/app:info', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token.slice(0, -1)}` }, body: '{}' }));
  });

  it('answers no CORS preflight and grants no cross-origin access', async () => {
    const preflight = await raw(port, '/api/scan:start', { method: 'OPTIONS', headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    refused(preflight);
    const own = await raw(port, '/api/scan:start', { method: 'OPTIONS', headers: { cookie, origin: server.origin } });
    refused(own, 405);
    const ok = await raw(port, '/api/app:info', json());
    assert.equal(ok.headers['access-control-allow-origin'], undefined);
  });

  it('refuses the event stream to other origins', async () => {
    refused(await raw(port, '/api/events', { headers: { cookie, origin: 'https://attacker.example' } }));
    refused(await raw(port, '/api/events', { headers: { cookie, 'sec-fetch-site': 'cross-site' } }));
  });

  it('turns away oversized headers (431) and keeps serving', async () => {
    const big = await raw(port, '/', { headers: { cookie, 'x-junk': 'a'.repeat(64 * 1024) } }).catch((err: Error) => ({ status: -1, headers: {}, body: err.message }));
    assert.ok(big.status === 431 || big.status === -1, `status ${big.status}`);
    const huge = await rawSocket(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nX-Junk: ${'b'.repeat(1024 * 1024)}\r\n\r\n`).catch(() => 'reset');
    assert.ok(huge === 'reset' || /^HTTP\/1\.1 431/.test(huge), huge.slice(0, 40));
    const after = await raw(port, '/api/app:info', json());
    assert.equal(after.status, 200);
  });

  it('serves others while one client trickles its headers', async () => {
    const slow = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => slow.on('connect', () => resolve()));
    slow.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `);
    const started = performance.now();
    const ok = await raw(port, '/api/app:info', json());
    assert.equal(ok.status, 200);
    assert.ok(performance.now() - started < 2000, 'not blocked by the slow client');
    slow.destroy();
  });

  it('never sends a state-changing call over GET, and ignores method-override headers', async () => {
    refused(await raw(port, '/api/scan:start', { headers: { cookie } }), 405);
    refused(await raw(port, '/api/scan:start', { headers: { cookie, 'x-http-method-override': 'POST' } }), 405);
  });
});
