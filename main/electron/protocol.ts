/**
 * Serves the built UI (dist/renderer) on app://leasehold/. Never file://: a custom standard
 * scheme gives the page a real origin, so CSP 'self', IPC sender checks and navigation guards
 * can all name exactly one origin.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { isAppUrl, parseUrl } from './app-origin.ts';
import { SECURITY_HEADERS } from './session.ts';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps app://leasehold/<path> to a file inside rendererDir, or null for anything that is not the
 * app origin or would leave the folder (.., encoded separators, drive letters, NUL).
 */
export function resolveAppPath(rendererDir: string, url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || !isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(pathname)) return null;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  if (segments.length === 0) segments.push('index.html');
  const root = resolve(rendererDir);
  const file = resolve(root, ...segments);
  return file.startsWith(root + sep) ? file : null;
}

export interface AppRequest {
  url: string;
  method: string;
}

type ReadFile = (path: string) => Promise<Uint8Array>;

function respond(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

function isMissing(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/**
 * The `protocol.handle('app', ...)` handler. Extensionless paths that do not exist fall back to
 * index.html, so a reload on a client-side route still shows the app.
 */
export function createAppProtocolHandler(rendererDir: string, read: ReadFile = readFile): (request: AppRequest) => Promise<Response> {
  const indexFile = resolve(rendererDir, 'index.html');
  const serve = async (file: string, head: boolean): Promise<Response> => {
    const body = await read(file);
    return new Response(head ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(file) },
    });
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed');
    const head = request.method === 'HEAD';
    const file = resolveAppPath(rendererDir, request.url);
    if (file === null) return respond(404, 'Not found');
    try {
      return await serve(file, head);
    } catch (err) {
      if (!isMissing(err)) return respond(500, 'Could not read the file');
      if (extname(file) !== '') return respond(404, 'Not found');
    }
    try {
      return await serve(indexFile, head);
    } catch {
      return respond(404, 'Not found');
    }
  };
}
