/**
 * engagements:list over the real HTTP bridge stays small however large the logos are (it says
 * which there are, without the images), engagements:get returns them byte for byte, and
 * `leasehold engagements` shows which logos each engagement keeps.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import type { Engagement, EngagementSummary } from '../../shared/model/engagement.ts';
import { createCore } from '../../main/core/core.ts';
import { startServer } from '../../main/serve/server.ts';
import { runCli } from '../support/cli.ts';
import { jpeg, png } from '../support/images.ts';
import { REPO_ROOT, tempDir } from '../support/temp.ts';

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const framing = Buffer.alloc(8);
  framing.writeUInt32BE(data.length, 0);
  framing.writeUInt32BE(crc32(body), 4);
  return Buffer.concat([framing.subarray(0, 4), body, framing.subarray(4)]);
}

/** A real 256-pixel-wide RGB PNG of random pixels (so about `size` bytes: noise does not compress). */
function heavyPng(size: number): Buffer {
  const rowBytes = 1 + 256 * 3;
  const height = Math.floor(size / rowBytes);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = randomBytes(rowBytes * height);
  for (let y = 0; y < height; y++) pixels[y * rowBytes] = 0; // filter: none
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function served(t: TestContext) {
  const dir = tempDir(t);
  const dbPath = join(dir, 'leasehold.db');
  const core = createCore({ rootDir: REPO_ROOT, dbPath, dataDir: dir, env: {} });
  t.after(() => core.close());
  const server = await startServer({ handlers: core.handlers, events: core.events, staticDir: dir });
  t.after(() => server.close());
  /** The response as the UI receives it: its size in bytes and the parsed envelope. */
  async function call<T>(name: string, req: unknown): Promise<{ bytes: number; body: Envelope<T> }> {
    const res = await fetch(`${server.origin}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: JSON.stringify(req),
    });
    const text = await res.text();
    return { bytes: Buffer.byteLength(text), body: JSON.parse(text) as Envelope<T> };
  }
  return { core, dbPath, call };
}

test('the list carries no logo images, however large; engagements:get returns them byte for byte', async (t) => {
  const { core, call } = await served(t);
  const client = heavyPng(200 * 1024);
  const consultant = heavyPng(200 * 1024);
  assert.ok(client.length > 190 * 1024 && client.length <= 256 * 1024, `a ${client.length}-byte logo`);
  const saved = await core.handlers['engagements:save']({
    client: 'Northwind Trading',
    consultant: 'Alex Morgan',
    settings: { authorizedPorts: [443], logos: { client: { mimeType: 'image/png', base64: client.toString('base64') }, consultant: { mimeType: 'image/png', base64: consultant.toString('base64') } } },
  });
  const plain = await core.handlers['engagements:save']({ client: 'Contoso' });

  const list = await call<EngagementSummary[]>('engagements:list', {});
  assert.ok(list.body.ok);
  assert.ok(list.bytes < 2048, `two engagements listed in ${list.bytes} bytes`);
  const listed = list.body.value.find((e) => e.id === saved.id);
  assert.deepEqual(listed?.settings, { authorizedPorts: [443], logos: { client: { mimeType: 'image/png', bytes: client.length }, consultant: { mimeType: 'image/png', bytes: consultant.length } } });
  assert.deepEqual({ client: listed?.client, consultant: listed?.consultant, scans: listed?.scanCount }, { client: 'Northwind Trading', consultant: 'Alex Morgan', scans: 0 });
  assert.equal(list.body.value.find((e) => e.id === plain.id)?.settings.logos, undefined, 'no logos: nothing said');

  const got = await call<Engagement>('engagements:get', { id: saved.id });
  assert.ok(got.body.ok);
  assert.ok(got.bytes > 2 * client.length, 'the images come with engagements:get');
  const logos = got.body.value.settings.logos;
  assert.ok(Buffer.from(logos?.client?.base64 ?? '', 'base64').equals(client), 'the client logo, byte for byte');
  assert.ok(Buffer.from(logos?.consultant?.base64 ?? '', 'base64').equals(consultant), 'the consultant logo, byte for byte');
  const { settings: _full, ...rest } = got.body.value;
  const { settings: _light, ...listedRest } = listed!;
  assert.deepEqual(rest, listedRest, 'the rest is as listed');

  // Archived engagements are still opened by id; the list hides them unless asked.
  await core.handlers['engagements:archive']({ id: saved.id, archived: true });
  assert.equal((await call<Engagement>('engagements:get', { id: saved.id })).body.ok, true);
  const active = await call<EngagementSummary[]>('engagements:list', {});
  assert.deepEqual(active.body.ok && active.body.value.map((e) => e.id).includes(saved.id), false);
});

test('engagements:get refuses an unknown or missing id in one line', async (t) => {
  const { call } = await served(t);
  for (const [req, code, message] of [
    [{ id: 'no-such-engagement' }, 'not-found', /^No engagement with id "no-such-engagement"\.$/],
    [{ id: 'x'.repeat(500) }, 'not-found', /^No engagement with id "x{60}"\.$/],
    [{}, 'bad-request', /^An engagement id is required\.$/],
    [{ id: '  ' }, 'bad-request', /^An engagement id is required\.$/],
  ] as const) {
    const { body } = await call<Engagement>('engagements:get', req);
    assert.equal(body.ok, false, JSON.stringify(req).slice(0, 40));
    if (body.ok) continue;
    assert.equal(body.error.code, code);
    assert.match(body.error.message, message);
  }
});

test('`leasehold engagements` shows which logos each engagement keeps', async (t) => {
  const { core, dbPath } = await served(t);
  await core.handlers['engagements:save']({ client: 'Both', settings: { logos: { client: { mimeType: 'image/png', base64: png(8, 8).toString('base64') }, consultant: { mimeType: 'image/jpeg', base64: jpeg(8, 8).toString('base64') } } } });
  await core.handlers['engagements:save']({ client: 'Mine', settings: { logos: { consultant: { mimeType: 'image/jpeg', base64: jpeg(8, 8).toString('base64') } } } });
  await core.handlers['engagements:save']({ client: 'None' });

  const r = await runCli(['engagements'], { LEASEHOLD_DB: dbPath });
  assert.equal(r.code, 0, r.stderr);
  const [header, ...rows] = r.stdout.trim().split('\n');
  const columns = (header ?? '').split(/\s{2,}/);
  const logosAt = (header ?? '').indexOf('LOGOS');
  assert.ok(columns.includes('LOGOS'), header);
  const logosOf = (client: string) => rows.find((l) => l.split(/\s+/)[1] === client)?.slice(logosAt).trim().split(/\s+/)[0];
  assert.deepEqual(['Both', 'Mine', 'None'].map(logosOf), ['client,consultant', 'consultant', '-']);
});
