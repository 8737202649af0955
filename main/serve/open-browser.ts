/**
 * Opens the launch URL in the user's default browser. Best effort: the CLI prints the URL as
 * well, so a failure here only means the user copies it by hand. The launcher, and a browser it
 * starts, keep the URL in their arguments where other local users can read it: it must carry a
 * one-time launch code, never the session token (see launch-codes.ts).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** node:child_process spawn, or a stand-in that records what would have run. */
export type Spawner = (command: string, args: string[], options: SpawnOptions) => Pick<ChildProcess, 'once' | 'unref'>;

function launcher(url: string, platform: NodeJS.Platform): { command: string; args: string[]; verbatim: boolean } {
  if (platform === 'darwin') return { command: 'open', args: [url], verbatim: false };
  // `start` is a cmd built-in; its first quoted argument is a window title, and ^ escapes cmd's specials.
  if (platform === 'win32') return { command: 'cmd', args: ['/d', '/s', '/c', `start "" "${url.replace(/[&^|<>]/g, '^$&')}"`], verbatim: true };
  return { command: 'xdg-open', args: [url], verbatim: false };
}

/** Resolves true once a launcher started, false when none could; never throws. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform, run: Spawner = spawn): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.resolve(false);
  }
  // Only web URLs reach a shell-adjacent launcher: no file:, no javascript:, no quotes to break out of.
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || /["\s]/.test(url)) return Promise.resolve(false);
  const { command, args, verbatim } = launcher(parsed.href, platform);
  return new Promise((resolve) => {
    try {
      const child = run(command, args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: verbatim, windowsHide: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
