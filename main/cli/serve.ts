import type { Core } from '../core/core.ts';
import { openInBrowser } from '../serve/open-browser.ts';
import { startServer } from '../serve/server.ts';
import { flag, UsageError, type ParsedArgs } from './args.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** `leasehold serve`: the same UI in any browser, on 127.0.0.1 with a per-launch token. */
export async function serve(core: Core, args: ParsedArgs): Promise<void> {
  const portFlag = flag(args, 'port');
  const port = portFlag === undefined ? 0 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535');
  const staticDir = core.paths.rendererDir;
  if (!existsSync(join(staticDir, 'index.html'))) {
    // A fresh checkout has no built UI yet: build it once.
    const built = spawnSync(process.execPath, [join(core.paths.rootDir, 'scripts', 'build.mjs'), 'renderer'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('Could not build the UI: run `npm run build` and try again.');
  }
  const server = await startServer({ handlers: core.handlers, events: core.events, staticDir, port });
  process.stdout.write(`Leasehold is running at ${server.url}\nPress Ctrl+C to stop.\n`);
  if (!args.flags.has('no-open')) openInBrowser(server.url);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void server.close().then(() => {
        core.close();
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
