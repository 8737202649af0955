/**
 * Saving exports in the desktop app. The UI hands a generated file to the browser as a blob
 * download (the same code path as in `leasehold serve`); here Electron turns that into a native
 * Save dialog, refuses anything the app did not generate itself, and leaves the saved file
 * readable by the user only: a report holds a client's findings.
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ORIGIN } from './app-origin.ts';

/** The slice of Electron's DownloadItem used here. */
export interface DownloadItemLike {
  getURL(): string;
  getFilename(): string;
  getSavePath(): string;
  setSaveDialogOptions(options: { title?: string; defaultPath?: string; buttonLabel?: string; filters?: { name: string; extensions: string[] }[] }): void;
  cancel(): void;
  once(event: 'done', listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void): unknown;
}

export interface DownloadDeps {
  /** The user's Downloads folder (app.getPath('downloads')). */
  downloadsDir: string;
  chmod?: (path: string, mode: number) => void;
  log?: (message: string) => void;
}

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF report', extensions: ['pdf'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
  leasehold: { name: 'Leasehold engagement', extensions: ['leasehold'] },
};

/** Only blobs the app's own page created: a page could otherwise be made to fetch and save anything. */
export function isAppDownload(url: string): boolean {
  return url.startsWith(`blob:${APP_ORIGIN}/`);
}

/**
 * A name safe to offer in a Save dialog: the last path segment only, no control characters or
 * characters Windows refuses, no leading dots, at most 120 characters (extension kept).
 */
export function safeDownloadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let cleaned = [...base]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || '<>:"|?*'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '')
    .replace(/^[.\s]+/, '')
    .trim();
  if (cleaned.length > 120) {
    const dot = cleaned.lastIndexOf('.');
    const ext = dot > 0 && cleaned.length - dot <= 12 ? cleaned.slice(dot) : '';
    cleaned = cleaned.slice(0, 120 - ext.length) + ext;
  }
  return cleaned || 'leasehold-export';
}

/** The `will-download` handler of the app's session. */
export function handleDownload(item: DownloadItemLike, deps: DownloadDeps): void {
  if (!isAppDownload(item.getURL())) {
    item.cancel();
    deps.log?.('Leasehold: refused a download the app did not create.');
    return;
  }
  const name = safeDownloadName(item.getFilename());
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const filter = FILTERS[ext];
  item.setSaveDialogOptions({
    title: 'Save export',
    defaultPath: join(deps.downloadsDir, name),
    buttonLabel: 'Save',
    ...(filter ? { filters: [filter] } : {}),
  });
  item.once('done', (_event, state) => {
    if (state !== 'completed') return;
    const path = item.getSavePath();
    try {
      (deps.chmod ?? chmodSync)(path, 0o600);
    } catch (err) {
      // Windows has no POSIX modes; elsewhere say so rather than fail a save the user made.
      if (process.platform !== 'win32') deps.log?.(`Leasehold: could not restrict ${path} to its owner: ${(err as Error).message}`);
    }
  });
}
