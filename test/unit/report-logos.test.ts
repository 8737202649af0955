/**
 * Logos on the report cover, checked in the PDF with poppler's pdfimages and qpdf: the engagement's
 * logos are used, a request's image data wins over a file path, which wins over the engagement;
 * the same inputs give the same bytes; a damaged logo is a one-line refusal, not a crash.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { test, type TestContext } from 'node:test';
import type { EngagementLogo } from '../../shared/model/engagement.ts';
import { createCore } from '../../main/core/core.ts';
import { getScan } from '../../main/core/store/scans.ts';
import { engagementOfScan } from '../../main/core/store/engagements.ts';
import { runCli } from '../support/cli.ts';
import { jpeg, png } from '../support/images.ts';
import { runTool } from '../support/report-fixtures.ts';
import { REPO_ROOT, tempDir } from '../support/temp.ts';

const b64 = (bytes: Buffer): string => bytes.toString('base64');
const asPng = (bytes: Buffer): EngagementLogo => ({ mimeType: 'image/png', base64: b64(bytes) });

interface ListedImage {
  page: number;
  type: string;
  width: number;
  height: number;
}

/** `pdfimages -list`: one row per image (and soft mask), skipping the two header lines. */
function images(t: TestContext, pdf: Buffer): ListedImage[] | null {
  const out = runTool(t, 'pdfimages', (f) => ['-list', f], pdf);
  if (!out) return null;
  assert.equal(out.status, 0, out.stderr);
  return out.stdout
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .map(([page, , type, width, height]) => ({ page: Number(page), type: type ?? '', width: Number(width), height: Number(height) }));
}

const sizes = (list: ListedImage[]): string[] => list.filter((i) => i.type === 'image').map((i) => `${i.width}x${i.height}`).sort();

async function demoCore(t: TestContext) {
  const dir = tempDir(t);
  const core = createCore({ rootDir: REPO_ROOT, dbPath: join(dir, 'db.sqlite'), dataDir: dir, env: {} });
  t.after(() => core.close());
  const { scanId } = await core.handlers['demo:open']({});
  const engagementId = engagementOfScan(core.db, scanId)!;
  const engagement = (await core.handlers['engagements:list']({ includeArchived: true })).find((e) => e.id === engagementId)!;
  return { core, dir, scanId, engagement };
}

const pdfOf = (file: { base64: string }): Buffer => Buffer.from(file.base64, 'base64');

test('the engagement’s logos reach the cover, the same bytes every time, and survive redaction', async (t) => {
  const { core, scanId, engagement } = await demoCore(t);
  const before = images(t, pdfOf(await core.handlers['report:render']({ scanId, executive: true })));
  if (!before) return;
  assert.deepEqual(sizes(before), [], 'the demo report has no image without logos');

  await core.handlers['engagements:save']({
    id: engagement.id,
    client: engagement.client,
    settings: { logos: { client: asPng(png(40, 20)), consultant: { mimeType: 'image/jpeg', base64: b64(jpeg(24, 16)) } } },
  });
  const first = pdfOf(await core.handlers['report:render']({ scanId, executive: true }));
  const listed = images(t, first)!;
  assert.deepEqual(sizes(listed), ['24x16', '40x20'], 'client PNG and consultant JPEG on the cover');
  assert.ok(listed.every((i) => i.page === 1), 'both on the first page');
  const second = pdfOf(await core.handlers['report:render']({ scanId, executive: true }));
  assert.ok(first.equals(second), 'same inputs, same bytes');
  assert.equal(runTool(t, 'qpdf', (f) => ['--check', f], first)?.status, 0);

  const redacted = pdfOf(await core.handlers['report:render']({ scanId, executive: true, redact: true }));
  assert.deepEqual(sizes(images(t, redacted)!), ['24x16', '40x20'], 'the redacted copy keeps the branding');
  const archived = pdfOf(await core.handlers['report:render']({ scanId, executive: true, pdfa: true }));
  assert.deepEqual(sizes(images(t, archived)!), ['24x16', '40x20']);
});

test('image data in the request wins over a file path, which wins over the engagement', async (t) => {
  const { core, dir, scanId, engagement } = await demoCore(t);
  await core.handlers['engagements:save']({ id: engagement.id, client: engagement.client, settings: { logos: { client: asPng(png(40, 20)), consultant: asPng(png(30, 10)) } } });
  const file = join(dir, 'firm.png');
  writeFileSync(file, png(50, 25));

  const fromPath = pdfOf(await core.handlers['report:render']({ scanId, executive: true, firmLogo: file }));
  const listed = images(t, fromPath);
  if (!listed) return;
  assert.deepEqual(sizes(listed), ['40x20', '50x25'], 'the file replaces the consultant logo; the client logo stays');

  // A transparent PNG: its alpha becomes a soft mask.
  const fromData = pdfOf(await core.handlers['report:render']({ scanId, executive: true, firmLogo: file, logoData: b64(png(64, 32, { alpha: true })), firmLogoData: b64(png(16, 8)) }));
  const withData = images(t, fromData)!;
  assert.deepEqual(sizes(withData), ['16x8', '64x32']);
  assert.ok(withData.some((i) => i.type === 'smask' && i.width === 64 && i.height === 32), 'the transparency is kept');
  assert.equal(runTool(t, 'qpdf', (f) => ['--check', f], fromData)?.status, 0);
});

test('a damaged logo is refused in one line, whether sent, on disk or stored', async (t) => {
  const { core, dir, scanId, engagement } = await demoCore(t);
  const broken = png(20, 20, { alpha: true });
  broken[broken.length - 20] = (broken[broken.length - 20] as number) ^ 0xff;
  const oneLine = (pattern: RegExp) => (err: Error & { code?: string }) => {
    assert.equal(err.code, 'bad-request');
    assert.ok(!err.message.includes('\n'));
    assert.match(err.message, pattern);
    return true;
  };
  await assert.rejects(core.handlers['report:render']({ scanId, logoData: b64(broken) }), oneLine(/^The logo data \(logoData\) is a damaged PNG \(chunk IDAT fails its checksum\)\.$/));
  await assert.rejects(core.handlers['report:render']({ scanId, firmLogoData: 'not base64!' }), oneLine(/^The firm logo data \(firmLogoData\) is not valid base64\.$/));
  const file = join(dir, 'broken.png');
  writeFileSync(file, broken);
  await assert.rejects(core.handlers['report:render']({ scanId, logo: file }), oneLine(/^The logo .*broken\.png is a damaged PNG/));

  // A row edited outside Leasehold (or imported) still has to pass before rendering.
  await core.handlers['engagements:save']({ id: engagement.id, client: engagement.client, settings: { logos: { client: asPng(png(8, 8)) } } });
  core.db.prepare('UPDATE engagements SET settings = ? WHERE id = ?').run(JSON.stringify({ authorizedPorts: [80, 443], logos: { client: asPng(broken) } }), engagement.id);
  await assert.rejects(core.handlers['report:render']({ scanId }), oneLine(/^The client logo kept with the engagement is a damaged PNG .*; choose it again or remove it in the engagement form\.$/));
  assert.ok(getScan(core.db, scanId), 'the core is still up');
});

test('the CLI still takes --logo and --firm-logo as files, and refuses a broken one in one line (exit 1)', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'db.sqlite');
  assert.equal((await runCli(['demo', '--out', join(dir, 'demo.pdf'), '--db', db])).code, 0);
  writeFileSync(join(dir, 'client.png'), png(40, 20));
  writeFileSync(join(dir, 'firm.jpg'), jpeg(24, 16));
  const out = join(dir, 'report.pdf');
  const ok = await runCli(['report', '--scan', 'latest', '--executive', '--out', out, '--logo', join(dir, 'client.png'), '--firm-logo', join(dir, 'firm.jpg'), '--db', db]);
  assert.equal(ok.code, 0, ok.stderr);
  const listed = images(t, readFileSync(out));
  if (listed) assert.deepEqual(sizes(listed), ['24x16', '40x20']);

  writeFileSync(join(dir, 'cut.png'), png(40, 20).subarray(0, 60));
  const bad = await runCli(['report', '--scan', 'latest', '--out', join(dir, 'bad.pdf'), '--logo', join(dir, 'cut.png'), '--db', db]);
  assert.equal(bad.code, 1, bad.stderr);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.match(bad.stderr, /cut\.png is a damaged PNG \(it is cut short\)/);
});

/** The PNG with one more chunk after its header (a real, checksummed tEXt chunk). */
function withTextChunk(image: Buffer, keyword: string, text: string): Buffer {
  const body = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const typed = Buffer.concat([Buffer.from('tEXt', 'latin1'), body]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  const headerEnd = 8 + 12 + 13;
  return Buffer.concat([image.subarray(0, headerEnd), length, typed, crc, image.subarray(headerEnd)]);
}

test('a logo carrying 200 KB of embedded text is accepted, and none of the text reaches the PDF', async (t) => {
  const { core, scanId, engagement } = await demoCore(t);
  const marker = 'LeaseholdSecretComment';
  const logo = withTextChunk(png(40, 20, { alpha: true }), 'Comment', `${marker} ${'x'.repeat(200_000)}`);
  // Before: pdfkit's PNG reader overflowed the stack on the text ("Maximum call stack size exceeded").
  await core.handlers['engagements:save']({ id: engagement.id, client: engagement.client, settings: { logos: { client: asPng(logo) } } });
  const pdf = pdfOf(await core.handlers['report:render']({ scanId, executive: true }));
  const listed = images(t, pdf);
  if (!listed) return;
  assert.deepEqual(sizes(listed), ['40x20']);
  assert.equal(pdf.includes(Buffer.from(marker)), false, 'the comment is not in the file');
  assert.ok(pdf.length < 150_000, `the PDF does not carry the 200 KB of text (${pdf.length} bytes)`);
  assert.equal(runTool(t, 'qpdf', (f) => ['--check', f], pdf)?.status, 0);
});
