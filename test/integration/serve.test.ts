/**
 * The HTTP bridge over real sockets: every refusal a hostile page or a rebound DNS name would
 * meet, and the two things the UI needs (calls return envelopes, events arrive on the stream).
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Handlers } from '../../main/core/api.ts';
import { ApiFailure } from '../../main/core/api.ts';
import { createEventHub, type EventHub } from '../../main/core/events.ts';
import { openInBrowser } from '../../main/serve/open-browser.ts';
import { startServer, type RunningServer } from '../../main/serve/server.ts';

/** Calls these transport tests never make. */
async function unused(): Promise<never> {
  throw new ApiFailure('not-used', 'not used by the bridge tests');
}

const fakeHandlers = {
  'app:info': async () => ({ version: '9.9.9', dataDir: '/data', dbPath: '/data/leasehold.db' }),
  'profiles:list': async () => [{ name: 'audit', kind: 'keys' as const, region: 'eu-west-1', endpointUrl: null }],
  'scans:list': async () => [],
  'scans:get': async ({ scanId }) => {
    throw new ApiFailure('not-found', `No scan ${scanId}`);
  },
  'scan:start': async () => ({ scanId: 'scan-1' }),
  'scan:cancel': async () => ({ cancelled: true }),
  'scan:resume': async ({ scanId }) => ({ scanId }),
  'scan:reevaluate': async () => ({ scanId: 'scan-2' }),
  'scans:coverage': async () => ({ cells: [], endpoints: {} }),
  'doctor:run': async () => {
    throw new ApiFailure('aws-credentials', 'The security token included in the request is invalid.');
  },
  'policy:get': async () => ({ Version: '2012-10-17' as const, Statement: [] }),
  'auth:mfa-code': async () => ({ accepted: false }),
  'auth:renewed': async () => ({ accepted: false }),
  'findings:list': async () => [],
  'demo:open': async () => ({ scanId: 'demo' }),
  'report:render': async () => ({ fileName: 'r.pdf', mimeType: 'application/pdf', base64: '' }),
  'export:render': async ({ format }) => ({ fileName: `f.${format}`, mimeType: 'text/plain', base64: '' }),
  'scans:delete': unused,
  'org:scan': unused,
  'scans:diff': unused,
  'scans:trend': unused,
  'engagements:list': unused,
  'engagements:get': unused,
  'engagements:save': unused,
  'engagements:archive': unused,
  'engagements:export': unused,
  'engagements:import': unused,
  'db:backup': unused,
  'risks:accept': unused,
  'risks:list': unused,
  'risks:revoke': unused,
  'manual:list': unused,
  'manual:answer': unused,
  'findings:query': unused,
  'scans:maintenance': unused,
  'scans:exposure': unused,
  'scans:responsibility': unused,
  'scans:securityhub': unused,
  'app:reference-data': unused,
  'checks:list': unused,
  'settings:get': unused,
  'settings:save': unused,
  'app:open-data-folder': unused,
} satisfies Handlers;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch, because fetch will not send a forged Host or a raw "../" path. */
function raw(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

function json(body: unknown): { method: string; headers: Record<string, string>; body: string } {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function assertRefusal(res: RawResponse, status: number): void {
  assert.equal(res.status, status, res.body);
  const parsed = JSON.parse(res.body) as { ok: boolean; error: { code: string; message: string } };
  assert.equal(parsed.ok, false);
  assert.equal(typeof parsed.error.message, 'string');
  assert.ok(!parsed.error.message.includes('\n'), 'one line');
  assert.ok(!res.body.includes('    at '), 'no stack trace');
}

describe('leasehold serve', () => {
  const hub = createEventHub();
  let subscribers = 0;
  const events: EventHub = {
    emit: hub.emit,
    subscribe(listener) {
      subscribers += 1;
      const unsubscribe = hub.subscribe(listener);
      return () => {
        subscribers -= 1;
        unsubscribe();
      };
    },
  };
  let dir: string;
  let server: RunningServer;
  let port: number;
  let auth: Record<string, string>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'leasehold-serve-'));
    const staticDir = join(dir, 'static');
    await mkdir(staticDir);
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Leasehold</title>');
    await writeFile(join(staticDir, 'app.js'), 'export {};');
    await writeFile(join(staticDir, 'styles.css'), 'body{}');
    await writeFile(join(dir, 'secret.txt'), 'outside the static folder');
    await symlink(join(dir, 'secret.txt'), join(staticDir, 'link.txt'));
    server = await startServer({ handlers: fakeHandlers, events, staticDir, heartbeatMs: 50 });
    port = Number(new URL(server.origin).port);
    auth = { authorization: `Bearer ${server.token}` };
  });

  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on loopback with a free port, a long random token, and only a one-time code in the launch URL', () => {
    assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(port > 0);
    assert.match(server.token, /^[A-Za-z0-9_-]{43}$/);
    assert.match(server.url, new RegExp(`^${server.origin}/\\?code=[A-Za-z0-9_-]{22}$`));
    assert.ok(!server.url.includes(server.token));
  });

  it('refuses every request without the token, pages and calls alike', async () => {
    assertRefusal(await raw(port, '/'), 403);
    assertRefusal(await raw(port, '/app.js'), 403);
    assertRefusal(await raw(port, '/api/app:info', json({})), 403);
    assertRefusal(await raw(port, '/api/events'), 403);
  });

  it('refuses a wrong token in the query, the header or the cookie', async () => {
    assertRefusal(await raw(port, '/?token=nope'), 403);
    // The token itself in a URL signs nothing in: only a launch code does.
    assertRefusal(await raw(port, `/?token=${server.token}`), 403);
    assertRefusal(await raw(port, '/api/app:info', { ...json({}), headers: { 'content-type': 'application/json', authorization: 'Bearer nope' } }), 403);
    assertRefusal(await raw(port, '/', { headers: { cookie: `leasehold_${port}=${server.token}x` } }), 403);
    // A cookie of another bridge (another port) is not ours.
    assertRefusal(await raw(port, '/', { headers: { cookie: `leasehold_1=${server.token}` } }), 403);
  });

  it('swaps the launch code for an HttpOnly SameSite=Strict cookie, then calls work with the cookie', async () => {
    const launchUrl = new URL(server.url);
    const launch = await raw(port, `${launchUrl.pathname}${launchUrl.search}`);
    assert.equal(launch.status, 303);
    assert.equal(launch.headers.location, '/');
    const setCookie = String(launch.headers['set-cookie']);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    assert.match(setCookie, /Path=\//);
    const cookie = setCookie.split(';', 1)[0]!;

    const page = await raw(port, '/', { headers: { cookie } });
    assert.equal(page.status, 200);
    assert.match(page.body, /<title>Leasehold<\/title>/);

    const call = await raw(port, '/api/app:info', { ...json({}), headers: { 'content-type': 'application/json', cookie } });
    assert.deepEqual(JSON.parse(call.body), { ok: true, value: { version: '9.9.9', dataDir: '/data', dbPath: '/data/leasehold.db' } });
  });

  it('refuses a Host other than 127.0.0.1:PORT or localhost:PORT (DNS rebinding)', async () => {
    assertRefusal(await raw(port, '/api/app:info', { ...json({}), headers: { ...auth, 'content-type': 'application/json', host: `evil.example:${port}` } }), 403);
    assertRefusal(await raw(port, '/', { headers: { ...auth, host: `127.0.0.1:${port + 1}` } }), 403);
    assertRefusal(await raw(port, '/', { headers: { ...auth, host: '127.0.0.1' } }), 403);
    const viaLocalhost = await raw(port, '/', { headers: { ...auth, host: `localhost:${port}` } });
    assert.equal(viaLocalhost.status, 200);
  });

  it('refuses a foreign Origin and cross-site fetch metadata, even with the token', async () => {
    const headers = { ...auth, 'content-type': 'application/json' };
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${port + 1}`, `http://localhost:${port}`]) {
      assertRefusal(await raw(port, '/api/app:info', { ...json({}), headers: { ...headers, origin } }), 403);
    }
    assertRefusal(await raw(port, '/api/app:info', { ...json({}), headers: { ...headers, 'sec-fetch-site': 'cross-site' } }), 403);
    assertRefusal(await raw(port, '/api/app:info', { ...json({}), headers: { ...headers, 'sec-fetch-site': 'same-site' } }), 403);
    const own = await raw(port, '/api/app:info', { ...json({}), headers: { ...headers, origin: server.origin, 'sec-fetch-site': 'same-origin' } });
    assert.equal(own.status, 200);
  });

  it('refuses POSTs that are not JSON, so a cross-site form cannot call the API', async () => {
    assertRefusal(await raw(port, '/api/scan:start', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: '{"profile":"x"}' }), 400);
    assertRefusal(await raw(port, '/api/scan:start', { method: 'POST', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'profile=x' }), 400);
    assertRefusal(await raw(port, '/api/scan:start', { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' }), 400);
    assertRefusal(await raw(port, '/api/scan:start', { method: 'POST', headers: auth, body: '{}' }), 400);
    assertRefusal(await raw(port, '/api/scan:start', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{not json' }), 400);
    assertRefusal(await raw(port, '/api/app:info', { headers: auth }), 405);
  });

  it('refuses bodies over the size cap with 413', async () => {
    const big = JSON.stringify({ profile: 'x'.repeat(1024 * 1024 + 10) });
    assertRefusal(await raw(port, '/api/scan:start', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: big }), 413);
    // Without a Content-Length (chunked), the cap applies while reading.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/scan:start', method: 'POST', headers: { ...auth, host: `127.0.0.1:${port}`, 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'EPIPE' || (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let i = 0; i < 20; i++) req.write(chunk);
      req.end();
    });
    assert.equal(status, 413);
  });

  it('returns the envelope of a call, including call errors and unknown names', async () => {
    const headers = { ...auth, 'content-type': 'application/json; charset=utf-8' };
    const ok = await raw(port, '/api/profiles:list', { method: 'POST', headers, body: '{}' });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers['content-type'], 'application/json; charset=utf-8');
    assert.deepEqual(JSON.parse(ok.body), { ok: true, value: [{ name: 'audit', kind: 'keys', region: 'eu-west-1', endpointUrl: null }] });

    const empty = await raw(port, '/api/scan:start', { method: 'POST', headers, body: '' });
    assert.deepEqual(JSON.parse(empty.body), { ok: true, value: { scanId: 'scan-1' } });

    const failed = await raw(port, '/api/scans:get', { method: 'POST', headers, body: JSON.stringify({ scanId: 'x1' }) });
    assert.deepEqual(JSON.parse(failed.body), { ok: false, error: { code: 'not-found', message: 'No scan x1' } });

    const unknown = await raw(port, '/api/system:exec', { method: 'POST', headers, body: '{}' });
    assert.equal(JSON.parse(unknown.body).error.code, 'unknown-call');
    const proto = await raw(port, '/api/__proto__', { method: 'POST', headers, body: '{}' });
    assert.equal(JSON.parse(proto.body).error.code, 'unknown-call');
    const encoded = await raw(port, '/api/app%3Ainfo', { method: 'POST', headers, body: '{}' });
    assert.equal(JSON.parse(encoded.body).ok, true);

    const notObject = await raw(port, '/api/scans:get', { method: 'POST', headers, body: '[1,2]' });
    assert.equal(JSON.parse(notObject.body).error.code, 'bad-request');
  });

  it('streams emitted events as Server-Sent Events, with heartbeats, and unsubscribes on disconnect', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/events', headers: { ...auth, host: `127.0.0.1:${port}` } }, (res) => {
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers['content-type']), /^text\/event-stream/);
        let text = '';
        let emitted = false;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (!emitted && text.includes(': connected')) {
            emitted = true;
            events.emit('scan:progress', { scanId: 's1', phase: 'collecting', unitsDone: 3, unitsTotal: 10, service: 'ec2', region: 'eu-west-1', calls: 12, errors: 1, etaSeconds: 4 });
            events.emit('scan:finished', { scanId: 's1', status: 'complete' });
          }
          if (text.includes('event: scan:finished') && text.includes(': heartbeat')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
      req.end();
    });
    const progress = /event: scan:progress\ndata: (.+)\n\n/.exec(received);
    assert.ok(progress, received);
    assert.equal(JSON.parse(progress[1]!).unitsDone, 3);
    assert.match(received, /event: scan:finished\ndata: \{"scanId":"s1","status":"complete"\}\n\n/);

    // After the disconnect the stream's subscription is gone.
    for (let i = 0; i < 50 && subscribers > 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(subscribers, 0);
  });

  it('serves the renderer files with their MIME types and strict security headers', async () => {
    const expected: Record<string, RegExp> = { '/': /^text\/html/, '/index.html': /^text\/html/, '/app.js': /^text\/javascript/, '/styles.css': /^text\/css/ };
    for (const [path, type] of Object.entries(expected)) {
      const res = await raw(port, path, { headers: auth });
      assert.equal(res.status, 200, path);
      assert.match(String(res.headers['content-type']), type, path);
      assert.equal(
        res.headers['content-security-policy'],
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
      );
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.equal(res.headers['cache-control'], 'no-store');
    }
    // Refusals carry the headers as well.
    const refused = await raw(port, '/');
    assert.equal(refused.headers['x-content-type-options'], 'nosniff');
    assert.equal(refused.headers['cache-control'], 'no-store');
  });

  it('refuses path traversal, encoded or not, and symlinks out of the static folder', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/x/../../secret.txt', '/%00index.html', '/link.txt']) {
      const res = await raw(port, path, { headers: auth });
      assert.ok([400, 403, 404].includes(res.status), `${path}: ${res.status}`);
      assert.ok(!res.body.includes('outside the static folder'), path);
    }
    assertRefusal(await raw(port, '/missing.js', { headers: auth }), 404);
    assertRefusal(await raw(port, '/index.html', { method: 'DELETE', headers: auth }), 405);
  });
});

describe('openInBrowser', () => {
  it('refuses anything but a web URL without starting a process', async () => {
    assert.equal(await openInBrowser('file:///etc/passwd'), false);
    assert.equal(await openInBrowser('javascript:alert(1)'), false);
    assert.equal(await openInBrowser('not a url'), false);
    assert.equal(await openInBrowser('http://127.0.0.1:1/?x=" & calc'), false);
  });

  it('resolves false instead of throwing when no launcher exists', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      assert.equal(await openInBrowser('http://127.0.0.1:1/', 'linux'), false);
    } finally {
      process.env.PATH = saved;
    }
  });
});
