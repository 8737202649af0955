/**
 * Every call that reads one scan answers an id no scan has with not-found and one line saying how
 * to list them, never an empty answer a mistyped id would pass for ("no findings").
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ApiFailure } from '../../main/core/api.ts';
import { createCore } from '../../main/core/core.ts';
import { REPO_ROOT, tempDir } from '../support/temp.ts';

test('an unknown scan id is not-found, in the same one line, from every call that reads a scan', async (t) => {
  const dir = tempDir(t);
  const core = createCore({ rootDir: REPO_ROOT, dbPath: join(dir, 'db.sqlite'), dataDir: dir, env: {} });
  t.after(() => core.close());
  const h = core.handlers;
  const id = 'scan-that-was-never-made';
  const calls: [string, () => Promise<unknown>][] = [
    ['findings:list', () => h['findings:list']({ scanId: id })],
    ['findings:query', () => h['findings:query']({ scanId: id })],
    ['scans:get', () => h['scans:get']({ scanId: id })],
    ['scans:coverage', () => h['scans:coverage']({ scanId: id })],
    ['scans:maintenance', () => h['scans:maintenance']({ scanId: id })],
    ['scans:exposure', () => h['scans:exposure']({ scanId: id })],
    ['scans:responsibility', () => h['scans:responsibility']({ scanId: id })],
    ['scans:securityhub', () => h['scans:securityhub']({ scanId: id })],
    ['scan:reevaluate', () => h['scan:reevaluate']({ scanId: id })],
    ['scan:resume', () => h['scan:resume']({ scanId: id })],
    ['report:render', () => h['report:render']({ scanId: id })],
    ['export:render', () => h['export:render']({ scanId: id, format: 'json' })],
  ];
  const { scanId: demo } = await h['demo:open']({});
  calls.push(['report:render (compare)', () => h['report:render']({ scanId: demo, compare: id })]);
  calls.push(['scans:diff (from)', () => h['scans:diff']({ fromScanId: id, toScanId: demo })]);
  calls.push(['scans:diff (to)', () => h['scans:diff']({ fromScanId: demo, toScanId: id })]);
  for (const [name, call] of calls) {
    await assert.rejects(call(), (err: unknown) => {
      assert.ok(err instanceof ApiFailure, name);
      assert.equal(err.code, 'not-found', name);
      assert.equal(err.message, `No scan with id "${id}"; run \`leasehold scans\` to list them.`, name);
      return true;
    });
  }
  // A known scan still answers, by id and as "latest".
  assert.ok((await h['findings:list']({ scanId: demo })).length > 0);
  assert.ok((await h['findings:query']({ scanId: 'latest' })).total > 0);
});

test('"latest" in a database without scans is not-found, saying how to make one', async (t) => {
  const dir = tempDir(t);
  const core = createCore({ rootDir: REPO_ROOT, dbPath: join(dir, 'db.sqlite'), dataDir: dir, env: {} });
  t.after(() => core.close());
  for (const call of [() => core.handlers['findings:list']({ scanId: 'latest' }), () => core.handlers['findings:query']({ scanId: 'latest' })]) {
    await assert.rejects(call(), { code: 'not-found', message: /There are no scans yet/ });
  }
});
