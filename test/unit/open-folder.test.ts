/**
 * `leasehold serve`'s folder opener: the platform's own launcher, started without a shell with the
 * path as one argument, and a clear reason whenever the folder could not be opened.
 */
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { folderLauncher, openFolder } from '../../main/serve/open-folder.ts';
import { tempDir } from '../support/temp.ts';

/** A stand-in xdg-open on PATH that records each argument on its own line, then exits with `code`. */
function fakeLauncher(dir: string, code: number): { env: NodeJS.ProcessEnv; args: () => string[] } {
  const log = join(dir, 'args.log');
  const script = join(dir, 'xdg-open');
  writeFileSync(script, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> '${log}'; done\nexit ${code}\n`);
  chmodSync(script, 0o755);
  return { env: { PATH: `${dir}:/usr/bin:/bin`, DISPLAY: ':0' }, args: () => readFileSync(log, 'utf8').split('\n').slice(0, -1) };
}

test('each platform opens the folder with its own file-manager launcher, the path as the only argument', () => {
  const path = '/home/ana/My Data; rm -rf ~/$(x)';
  assert.deepEqual(folderLauncher(path, 'darwin'), { command: 'open', args: [path], waitForExit: true });
  assert.deepEqual(folderLauncher(path, 'win32'), { command: 'explorer.exe', args: [path], waitForExit: false });
  assert.deepEqual(folderLauncher(path, 'linux'), { command: 'xdg-open', args: [path], waitForExit: true });
});

test('a path full of shell syntax reaches the launcher as one untouched argument', { skip: process.platform === 'win32' }, async (t) => {
  const dir = tempDir(t);
  const fake = fakeLauncher(dir, 0);
  const path = join(dir, 'My Data; touch pwned $(id) `id` "q" \'s\'');
  assert.equal(await openFolder(path, 'linux', fake.env), '');
  assert.deepEqual(fake.args(), [path]);
  assert.throws(() => readFileSync(join(dir, 'pwned')), 'nothing was run by a shell');
});

test('a launcher that fails, a missing launcher, and no graphical session each give a reason', { skip: process.platform === 'win32' }, async (t) => {
  const dir = tempDir(t);
  const failing = fakeLauncher(dir, 4);
  assert.match(await openFolder(dir, 'linux', failing.env), /^xdg-open could not open it \(exit code 4\)/);
  assert.match(await openFolder(dir, 'linux', { PATH: join(dir, 'nowhere'), DISPLAY: ':0' }), /^xdg-open was not found/);
  assert.match(await openFolder(dir, 'linux', { PATH: failing.env.PATH }), /no graphical session/);
  assert.match(await openFolder('relative/folder', 'linux', failing.env), /not an absolute path/);
});
