/** Saving exports in the desktop app: native Save dialog, app-made blobs only, owner-only files. */
import assert from 'node:assert/strict';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { handleDownload, isAppDownload, safeDownloadName, type DownloadItemLike } from '../../main/electron/downloads.ts';

class FakeItem implements DownloadItemLike {
  dialog: Parameters<DownloadItemLike['setSaveDialogOptions']>[0] | null = null;
  cancelled = false;
  done: ((event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void) | null = null;
  private url: string;
  private name: string;
  private savePath: string;
  constructor(url: string, name: string, savePath = '') {
    this.url = url;
    this.name = name;
    this.savePath = savePath;
  }
  getURL = () => this.url;
  getFilename = () => this.name;
  getSavePath = () => this.savePath;
  setSaveDialogOptions(options: NonNullable<FakeItem['dialog']>) {
    this.dialog = options;
  }
  cancel() {
    this.cancelled = true;
  }
  once(_event: 'done', listener: NonNullable<FakeItem['done']>) {
    this.done = listener;
    return this;
  }
}

describe('desktop downloads', () => {
  test('an export the app generated opens a Save dialog in Downloads with a PDF filter', () => {
    const item = new FakeItem('blob:app://leasehold/3f1c', 'Acme Corp-111122223333-2026-11-29.pdf');
    handleDownload(item, { downloadsDir: '/home/u/Downloads' });
    assert.equal(item.cancelled, false);
    assert.equal(item.dialog?.defaultPath, join('/home/u/Downloads', 'Acme Corp-111122223333-2026-11-29.pdf'));
    assert.deepEqual(item.dialog?.filters, [{ name: 'PDF report', extensions: ['pdf'] }]);
  });

  test('downloads the app did not create are refused', () => {
    for (const url of ['https://evil.example/x.pdf', 'blob:https://evil.example/1', 'blob:app://other/1', 'file:///etc/passwd', 'data:application/pdf;base64,AA==']) {
      const item = new FakeItem(url, 'x.pdf');
      const logs: string[] = [];
      handleDownload(item, { downloadsDir: '/tmp', log: (m) => logs.push(m) });
      assert.equal(item.cancelled, true, url);
      assert.equal(item.dialog, null, url);
      assert.equal(logs.length, 1);
    }
    assert.equal(isAppDownload('blob:app://leasehold/abc'), true);
  });

  test('a hostile client name cannot steer the suggested path or hide the extension', () => {
    assert.equal(safeDownloadName('../../../.bashrc'), 'bashrc');
    assert.equal(safeDownloadName('a\\b\\..\\evil.pdf'), 'evil.pdf');
    assert.equal(safeDownloadName('report\u202Efdp.exe'), 'reportfdp.exe');
    assert.equal(safeDownloadName('a<b>c:d"e|f?g*h\u0001.csv'), 'a_b_c_d_e_f_g_h_.csv');
    const long = safeDownloadName(`${'x'.repeat(500)}.ocsf.json`);
    assert.equal(long.length, 120);
    assert.ok(long.endsWith('.json'));
    assert.equal(safeDownloadName('...'), 'leasehold-export');
  });

  test('a completed save is made owner-only; a cancelled one is left alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leasehold-dl-'));
    const file = join(dir, 'r.pdf');
    writeFileSync(file, '%PDF-1.7', { mode: 0o644 });
    const item = new FakeItem('blob:app://leasehold/1', 'r.pdf', file);
    handleDownload(item, { downloadsDir: dir });
    item.done?.({}, 'cancelled');
    assert.equal(statSync(file).mode & 0o777, 0o644);
    item.done?.({}, 'completed');
    if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600);
  });
});
