/** Application settings in the database: defaults, strict saves, tolerant reads, shared across opens. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { ApiFailure } from '../../main/core/api.ts';
import { openDatabase } from '../../main/core/store/open.ts';
import { getAppSettings, saveAppSettings, withNewEngagementDefaults } from '../../main/core/store/settings.ts';
import { authorizedPortsOf, saveEngagement } from '../../main/core/store/engagements.ts';
import { insertScan } from '../../main/core/store/scans.ts';
import { MIGRATIONS_DIR, tempDir } from '../support/temp.ts';

function open(t: TestContext) {
  const path = join(tempDir(t), 'leasehold.db');
  const db = openDatabase(path, MIGRATIONS_DIR);
  t.after(() => db.close());
  return { db, path };
}

const refused = (fn: () => unknown, message: RegExp) =>
  assert.throws(fn, (err: unknown) => err instanceof ApiFailure && err.code === 'bad-request' && message.test(err.message) && !err.message.includes('\n'));

test('a new database has the defaults: engine concurrency, ports 80 and 443, no consultant', (t) => {
  const { db } = open(t);
  assert.deepEqual(getAppSettings(db), { concurrency: null, defaultAuthorizedPorts: [80, 443], consultant: '' });
});

test('saved settings survive closing the database and are seen by another connection', (t) => {
  const { db, path } = open(t);
  const saved = saveAppSettings(db, { concurrency: 8, defaultAuthorizedPorts: [8443, 443, 443, 80], consultant: '  Ana Ruiz ' });
  assert.deepEqual(saved, { concurrency: 8, defaultAuthorizedPorts: [80, 443, 8443], consultant: 'Ana Ruiz' });
  const other = openDatabase(path, MIGRATIONS_DIR);
  try {
    assert.deepEqual(getAppSettings(other), saved);
    // A partial save changes only what it names.
    assert.deepEqual(saveAppSettings(other, { concurrency: null }), { ...saved, concurrency: null });
  } finally {
    other.close();
  }
  assert.deepEqual(getAppSettings(db), { ...saved, concurrency: null });
});

test('concurrency is a whole number from 1 to 64, or null for the default', (t) => {
  const { db } = open(t);
  for (const ok of [1, 64, null]) assert.equal(saveAppSettings(db, { concurrency: ok }).concurrency, ok);
  for (const bad of [0, 65, 1.5, -3, '8', Number.NaN, true, []]) refused(() => saveAppSettings(db, { concurrency: bad }), /from 1 to 64/);
  assert.equal(getAppSettings(db).concurrency, null, 'a refused save changed nothing');
});

test('ports are 0-65535 whole numbers, deduplicated, at most 100; an empty list is allowed', (t) => {
  const { db } = open(t);
  assert.deepEqual(saveAppSettings(db, { defaultAuthorizedPorts: [] }).defaultAuthorizedPorts, []);
  assert.deepEqual(saveAppSettings(db, { defaultAuthorizedPorts: [65535, 0, 65535] }).defaultAuthorizedPorts, [0, 65535]);
  for (const bad of [[65536], [-1], [80.5], ['80'], 'x', null, [null]]) refused(() => saveAppSettings(db, { defaultAuthorizedPorts: bad }), /0 to 65535/);
  const many = Array.from({ length: 101 }, (_, i) => 1000 + i);
  refused(() => saveAppSettings(db, { defaultAuthorizedPorts: many }), /At most 100 .*101 given/);
  // 150 entries that are 100 distinct ports are fine: the limit is on what is kept.
  assert.equal(saveAppSettings(db, { defaultAuthorizedPorts: [...many.slice(0, 100), ...many.slice(0, 50)] }).defaultAuthorizedPorts.length, 100);
});

test('the consultant name loses control characters and bidi overrides, keeps letters of any script, and is at most 200 characters', (t) => {
  const { db } = open(t);
  const hostile = 'Ana\u001b[31m\u0007 Ruiz\r\nGarcía\u202e\u0000 سارة 山田';
  assert.equal(saveAppSettings(db, { consultant: hostile }).consultant, 'Ana[31m Ruiz García سارة 山田');
  assert.equal(saveAppSettings(db, { consultant: 'é'.repeat(200) }).consultant.length, 200);
  refused(() => saveAppSettings(db, { consultant: 'x'.repeat(201) }), /longer than 200/);
  refused(() => saveAppSettings(db, { consultant: 42 }), /must be text/);
  assert.equal(saveAppSettings(db, { consultant: '\u0001\u0002' }).consultant, '');
});

test('unknown settings and non-objects are refused, and nothing of a refused save is kept', (t) => {
  const { db } = open(t);
  refused(() => saveAppSettings(db, { concurrency: 4, theme: 'dark' }), /Unknown setting "theme"/);
  refused(() => saveAppSettings(db, { concurrency: 4, consultant: 7 }), /must be text/);
  refused(() => saveAppSettings(db, null), /must be an object/);
  refused(() => saveAppSettings(db, [1]), /must be an object/);
  assert.deepEqual(getAppSettings(db), { concurrency: null, defaultAuthorizedPorts: [80, 443], consultant: '' });
});

test('a value edited by hand into something invalid reads as its default, the others stay', (t) => {
  const { db } = open(t);
  saveAppSettings(db, { concurrency: 12, consultant: 'Ana' });
  db.prepare("UPDATE app_settings SET value = '500' WHERE key = 'concurrency'").run();
  db.prepare("INSERT INTO app_settings (key, value) VALUES ('defaultAuthorizedPorts', '\"80\"')").run();
  assert.deepEqual(getAppSettings(db), { concurrency: null, defaultAuthorizedPorts: [80, 443], consultant: 'Ana' });
});

test('a new engagement starts from the saved ports and name; an edit keeps its own', (t) => {
  const { db } = open(t);
  saveAppSettings(db, { defaultAuthorizedPorts: [443, 8443], consultant: 'Ana Ruiz' });
  const created = saveEngagement(db, withNewEngagementDefaults(db, { client: 'Acme' }));
  assert.deepEqual([created.settings.authorizedPorts, created.consultant], [[443, 8443], 'Ana Ruiz']);
  const explicit = saveEngagement(db, withNewEngagementDefaults(db, { client: 'Beta', consultant: '', settings: { authorizedPorts: [22] } }));
  assert.deepEqual([explicit.settings.authorizedPorts, explicit.consultant], [[22], '']);
  saveAppSettings(db, { defaultAuthorizedPorts: [80] });
  const edited = saveEngagement(db, withNewEngagementDefaults(db, { id: created.id, client: 'Acme Corp' }));
  assert.deepEqual([edited.client, edited.settings.authorizedPorts], ['Acme Corp', [443, 8443]]);
});

test('the Unassigned engagement a scan creates on demand starts from the saved ports and consultant', (t) => {
  const { db } = open(t);
  saveAppSettings(db, { defaultAuthorizedPorts: [443, 8443], consultant: 'Ana Ruiz' });
  insertScan(db, { id: 's1', profile: 'p', accountId: '111122223333', callerArn: 'arn:aws:iam::111122223333:user/a', regions: ['eu-west-1'], areas: ['network'], startedAt: '2026-11-29T10:00:00.000Z', toolVersion: 't', checksVersion: 'c' });
  assert.deepEqual(authorizedPortsOf(db, 's1'), [443, 8443]);
  // Later changes to the defaults never rewrite an existing engagement.
  saveAppSettings(db, { defaultAuthorizedPorts: [22] });
  insertScan(db, { id: 's2', profile: 'p', accountId: '111122223333', callerArn: 'arn:aws:iam::111122223333:user/a', regions: ['eu-west-1'], areas: ['network'], startedAt: '2026-11-29T11:00:00.000Z', toolVersion: 't', checksVersion: 'c' });
  assert.deepEqual(authorizedPortsOf(db, 's2'), [443, 8443]);
});
