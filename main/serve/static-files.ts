/**
 * Serves the built renderer. Only regular files inside staticDir with a known type are served:
 * the URL path is decoded once, any ".." or backslash segment is refused, and the real path
 * (symlinks resolved) must still lie inside the real staticDir.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { refuse } from './http-util.ts';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export type StaticLookup =
  | { kind: 'file'; path: string; mimeType: string }
  | { kind: 'bad-path' }
  | { kind: 'not-found' };

/** Maps a URL pathname (still percent-encoded) to a file under rootDir, or says why not. */
export async function lookupStatic(rootDir: string, pathname: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'bad-path' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-path' };
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'bad-path' };
  if (segments.length === 0) segments.push('index.html');

  const mimeType = MIME_TYPES[extname(segments[segments.length - 1]!).toLowerCase()];
  if (!mimeType) return { kind: 'not-found' };

  try {
    const root = await realpath(rootDir);
    const real = await realpath(join(root, ...segments));
    const rel = relative(root, real);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return { kind: 'bad-path' };
    if (!(await stat(real)).isFile()) return { kind: 'not-found' };
    return { kind: 'file', path: real, mimeType };
  } catch {
    return { kind: 'not-found' };
  }
}

export async function serveStatic(res: ServerResponse, rootDir: string, pathname: string, headOnly: boolean): Promise<void> {
  const found = await lookupStatic(rootDir, pathname);
  if (found.kind === 'bad-path') return refuse(res, 400, 'bad-path', 'Path not allowed');
  if (found.kind === 'not-found') return refuse(res, 404, 'not-found', 'Not found');
  let body: Buffer;
  try {
    body = await readFile(found.path);
  } catch {
    return refuse(res, 404, 'not-found', 'Not found');
  }
  res.writeHead(200, { 'Content-Type': found.mimeType, 'Content-Length': body.length });
  res.end(headOnly ? undefined : body);
}
