/**
 * Logos kept with an engagement: what engagements:save accepts and refuses (one line each), how a
 * save replaces or keeps them, that a tampered row never reaches the UI, and that an exported
 * engagement arrives with its logos.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { crc32 as zlibCrc } from 'node:zlib';
import type { EngagementLogo } from '../../shared/model/engagement.ts';
import { ApiFailure } from '../../main/core/api.ts';
import { createCore } from '../../main/core/core.ts';
import { getEngagement, listEngagements, saveEngagement } from '../../main/core/store/engagements.ts';
import { openDatabase } from '../../main/core/store/open.ts';
import { exportEngagement, importEngagement } from '../../main/core/store/portability.ts';
import { jpeg, png } from '../support/images.ts';
import { MIGRATIONS_DIR, REPO_ROOT, tempDir } from '../support/temp.ts';

const asPng = (bytes: Buffer): EngagementLogo => ({ mimeType: 'image/png', base64: bytes.toString('base64') });
const asJpeg = (bytes: Buffer): EngagementLogo => ({ mimeType: 'image/jpeg', base64: bytes.toString('base64') });

/** A PNG with a large (valid) text chunk, to go over the size limit while staying a real image. */
function paddedPng(extraBytes: number): Buffer {
  const base = png(4, 4);
  const iend = base.subarray(base.length - 12);
  const text = Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.alloc(extraBytes, 0x41)]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length);
  const body = Buffer.concat([Buffer.from('tEXt', 'latin1'), text]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlibCrc(body));
  return Buffer.concat([base.subarray(0, base.length - 12), length, body, crc, iend]);
}
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ApiFailure, `an ApiFailure, not ${String(err)}`);
    assert.equal(err.code, 'bad-request');
    assert.ok(!err.message.includes('\n'), `one line: ${err.message}`);
    return err.message;
  }
  assert.fail('the save was accepted');
}

test('a PNG and a JPEG are kept with the engagement and come back as they were sent', (t) => {
  const db = openDatabase(join(tempDir(t), 'l.db'), MIGRATIONS_DIR);
  t.after(() => db.close());
  const client = asPng(png(40, 20));
  const consultant = asJpeg(jpeg(24, 16));
  const e = saveEngagement(db, { client: 'Northwind', settings: { authorizedPorts: [443], logos: { client, consultant } } });
  assert.deepEqual(e.settings, { authorizedPorts: [443], logos: { client, consultant } });
  assert.deepEqual(getEngagement(db, e.id)?.settings.logos, { client, consultant });
  assert.deepEqual(listEngagements(db).find((x) => x.id === e.id)?.settings.logos, {
    client: { mimeType: 'image/png', bytes: png(40, 20).length },
    consultant: { mimeType: 'image/jpeg', bytes: jpeg(24, 16).length },
  }, 'the list says which logos there are, without the images');

  // Leaving logos out keeps them; ports can change alone.
  assert.deepEqual(saveEngagement(db, { id: e.id, client: 'Northwind', settings: { authorizedPorts: [80] } }).settings, { authorizedPorts: [80], logos: { client, consultant } });
  // logos replaces the whole set: the role left out is removed.
  assert.deepEqual(saveEngagement(db, { id: e.id, client: 'Northwind', settings: { logos: { consultant } } }).settings.logos, { consultant });
  assert.equal(saveEngagement(db, { id: e.id, client: 'Northwind', settings: { logos: {} } }).settings.logos, undefined, '{} removes both');
  assert.deepEqual(getEngagement(db, e.id)?.settings, { authorizedPorts: [80] });
});

test('a logo that is not the declared, intact image of at most 256 KB is refused in one line and nothing is stored', (t) => {
  const db = openDatabase(join(tempDir(t), 'l.db'), MIGRATIONS_DIR);
  t.after(() => db.close());
  const e = saveEngagement(db, { client: 'Acme', settings: { logos: { client: asPng(png(8, 8)) } } });
  const save = (logo: unknown) => () => saveEngagement(db, { id: e.id, client: 'Acme', settings: { logos: { client: logo as EngagementLogo } } });

  assert.match(refusal(save(asJpeg(png(8, 8)))), /^The client logo is a PNG image but was sent as image\/jpeg\.$/);
  assert.match(refusal(save(asPng(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')))), /^The client logo is not a PNG or JPEG image\.$/);
  assert.match(refusal(save({ mimeType: 'image/gif', base64: png(8, 8).toString('base64') })), /must be image\/png or image\/jpeg/);

  const big = paddedPng(300 * 1024);
  assert.match(refusal(save(asPng(big))), /^The client logo is larger than 256 KB\.$/);
  const under = saveEngagement(db, { client: 'Other', settings: { logos: { client: asPng(paddedPng(200 * 1024)) } } });
  assert.equal(under.settings.logos?.client?.mimeType, 'image/png', 'a real image just under the limit is fine');

  const good = png(8, 8).toString('base64');
  for (const bad of [`${good.slice(0, 10)}!${good.slice(11)}`, `${good.slice(0, 20)}\n${good.slice(20)}`, good.slice(0, -2), 'data:image/png;base64,' + good, '']) {
    assert.match(refusal(save({ mimeType: 'image/png', base64: bad })), /^The client logo is not valid base64\.$/, JSON.stringify(bad.slice(0, 30)));
  }

  const flipped = png(8, 8);
  flipped[flipped.length - 20] = (flipped[flipped.length - 20] as number) ^ 0xff; // inside IDAT
  assert.match(refusal(save(asPng(flipped))), /^The client logo is a damaged PNG \(chunk IDAT fails its checksum\)\.$/);
  assert.match(refusal(save(asPng(png(8, 8).subarray(0, 40)))), /damaged PNG \(it is cut short\)/);
  const jpg = jpeg(16, 16);
  assert.match(refusal(save(asJpeg(jpg.subarray(0, 40)))), /damaged JPEG/);
  assert.match(refusal(save(asPng(png(5000, 1)))), /5000 × 1 pixels; a logo may have at most 4096 pixels a side/);
  assert.match(refusal(() => saveEngagement(db, { id: e.id, client: 'Acme', settings: { logos: { firm: asPng(png(2, 2)) } as never } })), /Unknown logo "firm"/);

  assert.ok(getEngagement(db, e.id)?.settings.logos?.client?.base64 === png(8, 8).toString('base64'), 'the stored logo is untouched by every refusal');
});

test('engagements:save refuses a corrupt logo through the handler, and accepts a transparent PNG', async (t) => {
  const dir = tempDir(t);
  const core = createCore({ rootDir: REPO_ROOT, dbPath: join(dir, 'db.sqlite'), dataDir: dir, env: {} });
  t.after(() => core.close());
  const whole = jpeg(16, 16);
  const truncated = whole.subarray(0, whole.length - 3);
  await assert.rejects(core.handlers['engagements:save']({ client: 'Acme', settings: { logos: { consultant: asJpeg(truncated) } } }), (err: ApiFailure) => {
    assert.equal(err.code, 'bad-request');
    assert.match(err.message, /^The consultant logo is a damaged JPEG \(it is cut short\)\.$/);
    return true;
  });
  assert.equal((await core.handlers['engagements:list']({})).some((x) => x.client === 'Acme'), false, 'nothing was created');
  const saved = await core.handlers['engagements:save']({ client: 'Acme', settings: { logos: { client: asPng(png(3, 5, { alpha: true })) } } });
  assert.equal(saved.settings.logos?.client?.mimeType, 'image/png');
});

test('a tampered stored logo is not handed to the UI; an exported engagement imports with its logos', (t) => {
  const dir = tempDir(t);
  const sourcePath = join(dir, 'source.db');
  const source = openDatabase(sourcePath, MIGRATIONS_DIR);
  t.after(() => source.close());
  const logos = { client: asPng(png(40, 20)), consultant: asJpeg(jpeg(24, 16)) };
  const e = saveEngagement(source, { client: 'Northwind', settings: { logos } });

  const file = join(dir, 'northwind.leasehold');
  exportEngagement(source, sourcePath, e.id, file, MIGRATIONS_DIR);
  const target = openDatabase(join(dir, 'target.db'), MIGRATIONS_DIR);
  t.after(() => target.close());
  importEngagement(target, file, MIGRATIONS_DIR);
  assert.deepEqual(getEngagement(target, e.id)?.settings.logos, logos);

  const tampered = { authorizedPorts: [443], logos: { client: { mimeType: 'image/png', base64: 'PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+' }, consultant: logos.consultant } };
  target.prepare('UPDATE engagements SET settings = ? WHERE id = ?').run(JSON.stringify(tampered), e.id);
  assert.deepEqual(getEngagement(target, e.id)?.settings, { authorizedPorts: [443], logos: { consultant: logos.consultant } }, 'an SVG posing as a PNG is dropped on read');
  assert.deepEqual(Object.keys(listEngagements(target).find((x) => x.id === e.id)?.settings.logos ?? {}), ['consultant'], 'and the list does not name it');
});
