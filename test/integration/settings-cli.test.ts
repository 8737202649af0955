/** `leasehold settings` as a user runs it: show, change, reset, refuse; the app reads the same values. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createCore } from '../../main/core/core.ts';
import { runCli } from '../support/cli.ts';
import { REPO_ROOT, tempDir } from '../support/temp.ts';

test('settings shows the defaults, saves changes the app then sees, and resets them', async (t) => {
  const dir = tempDir(t);
  const env = { LEASEHOLD_DB: join(dir, 'leasehold.db') };

  const shown = await runCli(['settings'], env);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /^Concurrency\s+default \(\d+ calls in flight per scan\)$/m);
  assert.match(shown.stdout, /^Default ports\s+80, 443$/m);
  assert.match(shown.stdout, /^Consultant\s+\(not set\)$/m);
  assert.ok(shown.stdout.includes(`Database       ${env.LEASEHOLD_DB}`), shown.stdout);

  const changed = await runCli(['settings', '--concurrency', '12', '--ports', '8443,443,443', '--consultant', 'Ana \u001b[2JRuiz'], env);
  assert.equal(changed.code, 0, changed.stderr);
  assert.match(changed.stdout, /^Settings saved\.$/m);
  assert.match(changed.stdout, /^Concurrency\s+12 calls in flight per scan$/m);
  assert.match(changed.stdout, /^Default ports\s+443, 8443$/m);
  assert.ok(!changed.stdout.includes('\u001b'), 'no terminal control reaches the output');

  const app = createCore({ rootDir: REPO_ROOT, dbPath: env.LEASEHOLD_DB, dataDir: dir, env: {} });
  try {
    assert.deepEqual(await app.handlers['settings:get']({}), { concurrency: 12, defaultAuthorizedPorts: [443, 8443], consultant: 'Ana [2JRuiz' });
  } finally {
    app.close();
  }

  const json = await runCli(['settings', '--json', '--ports', 'none'], env);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), { concurrency: 12, defaultAuthorizedPorts: [], consultant: 'Ana [2JRuiz' });

  const reset = await runCli(['settings', '--concurrency', 'default', '--ports', 'default', '--consultant', 'default', '--json'], env);
  assert.deepEqual(JSON.parse(reset.stdout), { concurrency: null, defaultAuthorizedPorts: [80, 443], consultant: '' });
});

test('settings refuses bad values: usage errors exit 2, values the core refuses exit 1, nothing changes', async (t) => {
  const env = { LEASEHOLD_DB: join(tempDir(t), 'leasehold.db') };
  const usage = await runCli(['settings', '--ports', '80,http'], env);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--ports takes port numbers separated by commas/);
  assert.equal((await runCli(['settings', '--concurrency', 'fast'], env)).code, 2);

  const range = await runCli(['settings', '--concurrency', '65'], env);
  assert.equal(range.code, 1);
  assert.equal(range.stderr, 'leasehold: Concurrency must be a whole number from 1 to 64, or the default.\n');
  const port = await runCli(['settings', '--ports', '80,70000'], env);
  assert.equal(port.code, 1);
  assert.match(port.stderr, /0 to 65535/);

  const after = await runCli(['settings', '--json'], env);
  assert.deepEqual(JSON.parse(after.stdout), { concurrency: null, defaultAuthorizedPorts: [80, 443], consultant: '' });
});
