import type { Core } from '../core/core.ts';
import { describeLifetime, LAUNCH_CODE_LIFETIME_MS } from '../serve/launch-codes.ts';
import { openInBrowser } from '../serve/open-browser.ts';
import { startServer } from '../serve/server.ts';
import { flag, UsageError, type ParsedArgs } from './args.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

/** What `serve` talks to; the process's own by default, stand-ins in tests. */
export interface ServeIo {
  out: NodeJS.WritableStream;
  /** Enter here asks for a new link; read only when it is a terminal. */
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  open(url: string): Promise<boolean>;
  /** Resolves when the user stops the server (Ctrl+C, SIGTERM). */
  stopped: Promise<void>;
}

function processIo(): ServeIo {
  return {
    out: process.stdout,
    input: process.stdin,
    open: (url) => openInBrowser(url),
    stopped: new Promise((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }),
  };
}

/**
 * `leasehold serve`: the same UI in any browser, on 127.0.0.1. The browser is opened with a
 * one-time link (the session token stays out of the process list and the scrollback); in a
 * terminal, Enter gives a new link. Scripts get the Bearer token with --print-token.
 */
export async function serve(core: Core, args: ParsedArgs, io: ServeIo = processIo()): Promise<void> {
  const portFlag = flag(args, 'port');
  const port = portFlag === undefined ? 0 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535');
  const staticDir = core.paths.rendererDir;
  if (!existsSync(join(staticDir, 'index.html'))) {
    // A fresh checkout has no built UI yet: build it once.
    const built = spawnSync(process.execPath, [join(core.paths.rootDir, 'scripts', 'build.mjs'), 'renderer'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('Could not build the UI: run `npm run build` and try again.');
  }
  // Enter can only be pressed where someone is at a terminal; elsewhere a new link means a restart.
  const interactive = io.input.isTTY === true;
  const newLinkHint = interactive ? 'Press Enter in the terminal running `leasehold serve` for a new link.' : 'Restart `leasehold serve` for a new link.';
  const server = await startServer({ handlers: core.handlers, events: core.events, staticDir, port, newLinkHint });
  const autoOpen = !args.flags.has('no-open');
  const once = `it works once, within ${describeLifetime(LAUNCH_CODE_LIFETIME_MS)}`;

  io.out.write(`Leasehold is running on 127.0.0.1, port ${new URL(server.origin).port}.\n`);
  io.out.write(autoOpen ? `Opening it in your browser. If it does not open, use this link (${once}):\n` : `Open this link in your browser (${once}):\n`);
  io.out.write(`  ${server.url}\n`);
  if (args.flags.has('print-token')) io.out.write(`Session token for scripts (Authorization: Bearer): ${server.token}\n`);
  io.out.write(interactive ? 'Press Enter for a new link, Ctrl+C to stop.\n' : 'Press Ctrl+C to stop.\n');
  if (autoOpen) void io.open(server.url);

  // terminal: false leaves the terminal in its normal mode, so Ctrl+C still reaches the process as SIGINT.
  const lines = interactive ? createInterface({ input: io.input, terminal: false }) : undefined;
  lines?.on('line', () => {
    const url = server.launchUrl();
    io.out.write(`New link (${once}):\n  ${url}\n`);
    if (autoOpen) void io.open(url);
  });
  try {
    await io.stopped;
  } finally {
    lines?.close();
    await server.close();
    core.close();
  }
}
