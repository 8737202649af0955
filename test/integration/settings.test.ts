/**
 * Settings through the real handler table and a real database: what is saved bounds the calls a
 * scan keeps in flight (counted at a proxy in front of the loopback AWS), new engagements start
 * from the saved ports, and "Open data folder" uses the opener it was given, or says where it is.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { createCore, type CoreOptions } from '../../main/core/core.ts';
import { dispatch } from '../../main/core/dispatch.ts';
import { startFakeAws, writeAwsProfile } from '../support/fake-aws/index.ts';
import { misconfigured } from '../support/fake-aws/accounts/misconfigured.ts';
import { REPO_ROOT, tempDir } from '../support/temp.ts';

function core(t: TestContext, extra: Partial<CoreOptions> = {}, env: NodeJS.ProcessEnv = {}) {
  const dir = tempDir(t);
  const c = createCore({ rootDir: REPO_ROOT, dbPath: join(dir, 'leasehold.db'), dataDir: dir, env, ...extra });
  t.after(() => c.close());
  return { core: c, dir };
}

/** Forwards to the fake AWS and records the most requests ever open at once. */
async function countingProxy(t: TestContext, target: string): Promise<{ endpoint: string; peak: () => number; reset: () => void }> {
  const to = new URL(target);
  let open = 0;
  let peak = 0;
  const server: Server = createServer((req, res) => {
    peak = Math.max(peak, ++open);
    res.once('close', () => open--);
    const upstream = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.once('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, peak: () => peak, reset: () => (peak = 0) };
}

test('a scan started without a concurrency keeps at most the saved number of calls in flight', async (t) => {
  const fake = await startFakeAws(misconfigured, { latencyMs: 15 });
  t.after(() => fake.close());
  const proxy = await countingProxy(t, fake.endpoint);
  const files = writeAwsProfile(tempDir(t), { profile: 'audit', endpoint: proxy.endpoint, region: 'us-east-1' });
  const { core: c } = core(t, {}, { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile });
  const scan = async (req: { concurrency?: number } = {}): Promise<number> => {
    proxy.reset();
    const { scanId } = await c.handlers['scan:start']({ profile: 'audit', regions: ['us-east-1'], areas: ['network', 's3'], ...req });
    await c.idle();
    assert.equal((await c.handlers['scans:get']({ scanId })).status, 'complete');
    return proxy.peak();
  };

  const byDefault = await scan();
  assert.ok(byDefault > 2, `the engine's default runs calls in parallel (peak ${byDefault})`);
  await c.handlers['settings:save']({ concurrency: 2 });
  assert.ok((await scan()) <= 2, 'the saved concurrency bounds the scan');
  await c.handlers['settings:save']({ concurrency: 1 });
  assert.equal(await scan(), 1, 'concurrency 1 is a sequential scan');
  assert.ok((await scan({ concurrency: 3 })) > 1, 'a request naming its own concurrency wins over the setting');
});

test('settings are shared between cores on one database; refusals are one-line bad-request envelopes', async (t) => {
  const { core: a, dir } = core(t);
  const b = createCore({ rootDir: REPO_ROOT, dbPath: join(dir, 'leasehold.db'), dataDir: dir, env: {} });
  t.after(() => b.close());
  await a.handlers['settings:save']({ defaultAuthorizedPorts: [443, 8443], consultant: 'Ana Ruiz' });
  assert.deepEqual(await b.handlers['settings:get']({}), { concurrency: null, defaultAuthorizedPorts: [443, 8443], consultant: 'Ana Ruiz' });

  const refused = await dispatch(a.handlers, 'settings:save', { concurrency: 200 });
  assert.equal(refused.ok, false);
  if (!refused.ok) {
    assert.equal(refused.error.code, 'bad-request');
    assert.match(refused.error.message, /^Concurrency must be a whole number from 1 to 64/);
    assert.ok(!refused.error.message.includes('\n'));
  }
});

test('engagements:save starts a new engagement from the saved default ports and name', async (t) => {
  const { core: c } = core(t);
  const before = await c.handlers['engagements:save']({ client: 'Before' });
  assert.deepEqual(before.settings.authorizedPorts, [80, 443]);
  await c.handlers['settings:save']({ defaultAuthorizedPorts: [443, 8443], consultant: 'Ana Ruiz' });
  const created = await c.handlers['engagements:save']({ client: 'Acme' });
  assert.deepEqual([created.settings.authorizedPorts, created.consultant], [[443, 8443], 'Ana Ruiz']);
  const own = await c.handlers['engagements:save']({ client: 'Beta', settings: { authorizedPorts: [22] } });
  assert.deepEqual(own.settings.authorizedPorts, [22]);
  const edited = await c.handlers['engagements:save']({ id: before.id, client: 'Before, renamed' });
  assert.deepEqual(edited.settings.authorizedPorts, [80, 443], 'an existing engagement keeps its ports');
});

test('app:open-data-folder opens the data folder with the opener given, or says where it is', async (t) => {
  const opened: string[] = [];
  const withOpener = core(t, { openFolder: async (path) => (opened.push(path), '') });
  assert.deepEqual(await withOpener.core.handlers['app:open-data-folder']({}), { opened: true, path: withOpener.dir });
  assert.deepEqual(opened, [withOpener.dir]);

  const failing = core(t, { openFolder: async () => 'Failed to open path' });
  const failed = await failing.core.handlers['app:open-data-folder']({});
  assert.deepEqual([failed.opened, failed.message], [false, `Could not open the data folder ${failing.dir}: Failed to open path`]);

  const throwing = core(t, { openFolder: async () => Promise.reject(new Error('spawn EACCES')) });
  assert.match((await throwing.core.handlers['app:open-data-folder']({})).message ?? '', /spawn EACCES$/);

  const none = core(t);
  const answer = await none.core.handlers['app:open-data-folder']({});
  assert.equal(answer.opened, false);
  assert.ok(answer.message?.includes(none.dir), answer.message);

  // A database kept elsewhere (LEASEHOLD_DB) and a data folder never created: nothing to open.
  const missing = join(tempDir(t), 'not-created');
  const elsewhere = core(t, { dataDir: missing, openFolder: async (path) => (opened.push(path), '') });
  rmSync(missing, { recursive: true, force: true });
  const absent = await elsewhere.core.handlers['app:open-data-folder']({});
  assert.equal(absent.opened, false);
  assert.match(absent.message ?? '', /does not exist yet; the database is /);
  assert.equal(opened.length, 1, 'the opener was not asked to open a missing folder');
});
