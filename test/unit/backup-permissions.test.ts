/**
 * db:backup, as the UI calls it: the copy holds every client's data, so it is user-only (0600)
 * even under umask 000, complete and openable, and a backup that fails leaves nothing behind.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createCore } from '../../main/core/core.ts';
import { openDatabase } from '../../main/core/store/open.ts';
import { listScans } from '../../main/core/store/scans.ts';
import { MIGRATIONS_DIR, REPO_ROOT, tempDir } from '../support/temp.ts';

const posix = process.platform !== 'win32';

test('the db:backup handler writes a user-only copy under umask 000, and refuses or cleans up on failure', { skip: !posix && 'no POSIX modes on Windows' }, async (t) => {
  const dir = tempDir(t);
  const core = createCore({ rootDir: REPO_ROOT, dbPath: join(dir, 'data', 'leasehold.db'), dataDir: join(dir, 'data'), env: {} });
  t.after(() => core.close());
  await core.handlers['demo:open']({});
  const out = join(dir, 'out');
  const previous = process.umask(0o000);
  try {
    // Made by this process under umask 000: what SQLite alone would create is group- and world-readable.
    writeFileSync(join(dir, 'probe'), '');
    assert.equal(statSync(join(dir, 'probe')).mode & 0o777, 0o666);
    mkdirSync(out);

    const target = join(out, 'backup.db');
    assert.deepEqual(await core.handlers['db:backup']({ path: target }), { path: target });
    assert.equal((statSync(target).mode & 0o777).toString(8), '600');
    assert.deepEqual(readdirSync(out), ['backup.db'], 'no temporary or journal file left beside it');

    await assert.rejects(core.handlers['db:backup']({ path: target }), { code: 'exists' });
    await assert.rejects(core.handlers['db:backup']({ path: join(out, 'missing', 'b.db') }), { message: /^Cannot write the backup to .*: the folder does not exist \(ENOENT\)\.$/ });
    assert.deepEqual(readdirSync(out), ['backup.db'], 'a failed backup leaves nothing');
  } finally {
    process.umask(previous);
  }
  const copy = openDatabase(join(out, 'backup.db'), MIGRATIONS_DIR);
  t.after(() => copy.close());
  assert.deepEqual(listScans(copy).map((s) => s.id), listScans(core.db).map((s) => s.id), 'the copy holds the same scans');
});
