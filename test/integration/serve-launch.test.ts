/**
 * The launch link of `leasehold serve` over real sockets: it carries a one-time code, never the
 * session token, because the launcher's and the browser's arguments (the process list) and the
 * terminal's scrollback are readable by others. A code signs in once, then is spent; an old one
 * expires; and neither the browser launcher nor the terminal ever sees the token.
 */
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { parseArgs } from '../../main/cli/args.ts';
import { serve } from '../../main/cli/serve.ts';
import { createCore, type Core } from '../../main/core/core.ts';
import { openInBrowser, type Spawner } from '../../main/serve/open-browser.ts';
import { startServer, type RunningServer } from '../../main/serve/server.ts';
import { REPO_ROOT } from '../support/temp.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  const { hostname, port, host } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, headers: { host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Retries an assertion for up to five seconds (the launcher and the output are asynchronous). */
async function eventually(check: () => void): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      return check();
    } catch (err) {
      if (tries >= 100) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

const pathOf = (url: string): string => `${new URL(url).pathname}${new URL(url).search}`;
const cookieOf = (res: Raw): string => String(res.headers['set-cookie']).split(';', 1)[0]!;

/** A refused link: a page a person can read, saying why and what to do, and no session. */
function assertLinkRefused(res: Raw, title: RegExp): void {
  assert.equal(res.status, 403, res.body);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  assert.match(res.body, title);
  assert.equal(res.headers['set-cookie'], undefined, 'a refused link never sets the session cookie');
  assert.equal(res.headers['cache-control'], 'no-store');
}

describe('the one-time launch link', () => {
  let dir: string;
  let staticDir: string;
  let server: RunningServer;
  let clock = 1_000_000;
  const hint = 'Press Enter in the terminal running `leasehold serve` for a new link.';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leasehold-launch-'));
    staticDir = join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Leasehold</title>');
    server = await startServer({ handlers: {} as never, events: { emit() {}, subscribe: () => () => {} }, staticDir, now: () => clock, newLinkHint: hint });
  });

  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs a browser in once, and the second use of the same link is refused without a cookie', async () => {
    const link = server.launchUrl();
    const first = await get(server.origin, pathOf(link));
    assert.equal(first.status, 303);
    assert.equal(first.headers.location, '/', 'the code is gone from the address bar');
    assert.match(String(first.headers['set-cookie']), /HttpOnly; SameSite=Strict; Path=\//);
    assert.equal(cookieOf(first).split('=')[1], server.token, 'the cookie carries the session token');
    assert.equal((await get(server.origin, '/', { cookie: cookieOf(first) })).status, 200);

    const second = await get(server.origin, pathOf(link));
    assertLinkRefused(second, /This link has already been used/);
    assert.ok(second.body.includes('Press Enter in the terminal running `leasehold serve` for a new link.'), second.body);
    assert.ok(!second.body.includes(server.token));
  });

  it('refuses a link not opened within its lifetime, even once', async () => {
    const link = server.launchUrl();
    clock += 2 * 60_000 + 1;
    const late = await get(server.origin, pathOf(link));
    assertLinkRefused(late, /This link has expired/);
    assert.match(late.body, /within 2 minutes/);
    // A fresh link works right away: the clock only ends the codes issued before it.
    assert.equal((await get(server.origin, pathOf(server.launchUrl()))).status, 303);
  });

  it('refuses a code it never issued, one cut short, and one from the token itself', async () => {
    const link = new URL(server.launchUrl());
    const code = link.searchParams.get('code')!;
    assertLinkRefused(await get(server.origin, `/?code=${code.slice(0, -1)}`), /This link is not valid/);
    assertLinkRefused(await get(server.origin, `/?code=${server.token}`), /This link is not valid/);
    assertLinkRefused(await get(server.origin, '/?code='), /This link is not valid/);
    // None of that spent or disturbed the real one.
    assert.equal((await get(server.origin, pathOf(link.href))).status, 303);
  });

  it('keeps the path and other parameters but drops the code, and never redirects off the server', async () => {
    const code = (): string => new URL(server.launchUrl()).searchParams.get('code')!;
    assert.equal((await get(server.origin, `/index.html?view=x&code=${code()}`)).headers.location, '/index.html?view=x');
    const sneaky = await get(server.origin, `/.//evil.example/?code=${code()}`);
    assert.equal(sneaky.status, 303);
    assert.match(String(sneaky.headers.location), /^\/[^/]/, `Location ${sneaky.headers.location}`);
  });

  it('lets a browser that is already signed in through a spent link, without a new cookie', async () => {
    const link = server.launchUrl();
    const cookie = cookieOf(await get(server.origin, pathOf(link)));
    const again = await get(server.origin, pathOf(link), { cookie });
    assert.equal(again.status, 303);
    assert.equal(again.headers.location, '/');
    assert.equal(again.headers['set-cookie'], undefined);
  });

  it('is no way into the API: a code on an API call is not a session', async () => {
    const code = new URL(server.launchUrl()).searchParams.get('code')!;
    const res = await get(server.origin, `/api/events?code=${code}`);
    assert.equal(res.status, 403);
    assert.equal(JSON.parse(res.body).error.code, 'forbidden-token');
  });
});

/** Records what a launcher would have been started with, and says it started. */
function recordingSpawner(calls: string[][]): Spawner {
  return (command, args) => {
    calls.push([command, ...args]);
    const child = new EventEmitter() as EventEmitter & { unref(): void };
    child.unref = () => {};
    setImmediate(() => child.emit('spawn'));
    return child as unknown as ReturnType<Spawner>;
  };
}

describe('the browser launcher', () => {
  it('is started with the URL it is given on each platform, and nothing else', async () => {
    const url = 'http://127.0.0.1:4321/?code=AbCdEfGhIjKlMnOpQrStUv';
    const calls: string[][] = [];
    for (const platform of ['linux', 'darwin', 'win32'] as const) assert.equal(await openInBrowser(url, platform, recordingSpawner(calls)), true);
    assert.deepEqual(calls, [
      ['xdg-open', url],
      ['open', url],
      ['cmd', '/d', '/s', '/c', `start "" "${url}"`],
    ]);
  });
});

describe('leasehold serve, the command', () => {
  let dir: string;
  let core: Core;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'leasehold-serve-cmd-'));
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Leasehold</title>');
    const real = createCore({ rootDir: REPO_ROOT, dataDir: dir, dbPath: join(dir, 'leasehold.db'), env: { HOME: dir } });
    core = { ...real, paths: { ...real.paths, rendererDir: staticDir } };
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs `serve` with a terminal (or not), a recording launcher, and a stop button. */
  function start(argv: string[], tty: boolean) {
    const input = Object.assign(new PassThrough(), { isTTY: tty });
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const launched: string[][] = [];
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const run = serve(core, parseArgs(['serve', ...argv], { values: ['port'], switches: ['no-open', 'print-token'] }), {
      out,
      input,
      open: (url) => openInBrowser(url, 'linux', recordingSpawner(launched)),
      stopped,
    });
    return { input, launched, output: () => text, stop: async () => (stop(), await run) };
  }

  it('hands the launcher a one-time link, prints no token by default, and Enter gives a new link', async () => {
    const s = start([], true);
    await eventually(() => assert.equal(s.launched.length, 1));
    const link = s.launched[0]![1]!;
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?code=[A-Za-z0-9_-]{22}$/);
    assert.ok(s.output().includes(`  ${link}\n`), 'the same link is printed for copying');
    assert.doesNotMatch(s.output(), /token/i);
    assert.match(s.output(), /it works once, within 2 minutes/);
    assert.match(s.output(), /Press Enter for a new link, Ctrl\+C to stop\./);

    const origin = new URL(link).origin;
    const signedIn = await get(origin, pathOf(link));
    assert.equal(signedIn.status, 303);
    assertLinkRefused(await get(origin, pathOf(link)), /already been used[\s\S]*Press Enter in the terminal running `leasehold serve`/);

    s.input.write('\n');
    await eventually(() => assert.equal(s.launched.length, 2));
    const fresh = s.launched[1]![1]!;
    assert.notEqual(fresh, link);
    assert.ok(s.output().includes(`New link (it works once, within 2 minutes):\n  ${fresh}\n`));
    assert.equal((await get(origin, pathOf(fresh))).status, 303);
    await s.stop();
  });

  it('prints the Bearer token only when asked, and never hands it to the launcher', async () => {
    const s = start(['--print-token'], false);
    await eventually(() => assert.match(s.output(), /Press Ctrl\+C to stop\.\n$/));
    const token = /Session token for scripts \(Authorization: Bearer\): (\S+)\n/.exec(s.output())?.[1] ?? '';
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    await eventually(() => assert.equal(s.launched.length, 1));
    assert.ok(s.launched.flat().every((arg) => !arg.includes(token)), 'the token is not in the launcher\'s arguments');
    assert.equal(s.output().split(token).length, 2, 'the token is printed once, on its own line');

    const origin = new URL(s.launched[0]![1]!).origin;
    const call = await new Promise<Raw>((resolve, reject) => {
      const req = request(`${origin}/api/app:info`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end('{}');
    });
    assert.equal(call.status, 200, call.body);
    assert.equal(JSON.parse(call.body).ok, true);
    // Without a terminal there is no Enter to press: the page says to restart instead.
    assertLinkRefused(await get(origin, '/?code=stale'), /Restart `leasehold serve` for a new link\./);
    await s.stop();
  });

  it('with --no-open starts no launcher and prints the link to open by hand', async () => {
    const s = start(['--no-open'], false);
    await eventually(() => assert.match(s.output(), /Open this link in your browser \(it works once, within 2 minutes\):\n {2}(http:\S+)\n/));
    const link = /\n {2}(http:\S+)\n/.exec(s.output())![1]!;
    assert.equal((await get(new URL(link).origin, pathOf(link))).status, 303);
    assert.deepEqual(s.launched, []);
    await s.stop();
  });
});
