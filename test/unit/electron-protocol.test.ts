/** The app:// protocol handler: serves dist/renderer only, with MIME types and the CSP on every response. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createAppProtocolHandler, mimeTypeFor, resolveAppPath } from '../../main/electron/protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/session.ts';

const base = mkdtempSync(join(tmpdir(), 'leasehold-protocol-'));
const rendererDir = join(base, 'dist', 'renderer');
mkdirSync(join(rendererDir, 'fonts'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Leasehold</title>');
writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)');
writeFileSync(join(rendererDir, 'styles.css'), 'body{}');
writeFileSync(join(rendererDir, 'fonts', 'a.woff2'), 'x');
writeFileSync(join(base, 'secret.txt'), 'do not serve');
after(() => rmSync(base, { recursive: true, force: true }));

const handler = createAppProtocolHandler(rendererDir);
const get = (url: string, method = 'GET') => handler({ url, method });

describe('app:// protocol', () => {
  test('serves the built UI with the right MIME types and the CSP', async () => {
    const cases: [string, string, string][] = [
      ['app://leasehold/', 'text/html; charset=utf-8', '<!doctype html><title>Leasehold</title>'],
      ['app://leasehold/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Leasehold</title>'],
      ['app://leasehold/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['app://leasehold/styles.css?v=2', 'text/css; charset=utf-8', 'body{}'],
      ['app://leasehold/fonts/a.woff2', 'font/woff2', 'x'],
    ];
    for (const [url, type, body] of cases) {
      const res = await get(url);
      assert.equal(res.status, 200, url);
      assert.equal(res.headers.get('content-type'), type, url);
      assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, url);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', url);
      assert.equal(await res.text(), body, url);
    }
    assert.equal(mimeTypeFor('x.unknown'), 'application/octet-stream');
    assert.equal(mimeTypeFor('X.PNG'), 'image/png');
  });

  test('never leaves the renderer folder', async () => {
    const attacks = [
      'app://leasehold/../secret.txt',
      'app://leasehold/%2e%2e/secret.txt',
      'app://leasehold/..%2Fsecret.txt',
      'app://leasehold/fonts/..%2F..%2Fsecret.txt',
      'app://leasehold/..%5Csecret.txt',
      'app://leasehold/C:%5CWindows%5Cwin.ini',
      'app://leasehold/%00index.html',
      'app://leasehold/%E0%A4%A',
      'app://other/index.html',
      'app://leasehold.evil/index.html',
      'https://leasehold/index.html',
    ];
    for (const url of attacks) {
      const res = await get(url);
      const text = await res.text();
      assert.notEqual(text, 'do not serve', url);
      if (res.status === 200) assert.equal(text, '<!doctype html><title>Leasehold</title>', `${url} may only fall back to the app`);
      assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, url);
    }
    assert.equal(resolveAppPath(rendererDir, 'app://leasehold/..%2Fsecret.txt'), null);
    assert.equal(resolveAppPath(rendererDir, 'app://leasehold/app.js'), join(rendererDir, 'app.js'));
  });

  test('missing files are 404, client-side routes fall back to index.html, writes are refused', async () => {
    const missing = await get('app://leasehold/missing.js');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    const route = await get('app://leasehold/scans/s1');
    assert.equal(route.status, 200);
    assert.equal(route.headers.get('content-type'), 'text/html; charset=utf-8');
    const post = await get('app://leasehold/index.html', 'POST');
    assert.equal(post.status, 405);
    const head = await get('app://leasehold/app.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });
});
