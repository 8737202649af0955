/**
 * Opens the launch URL in the user's default browser. Best effort: the CLI prints the URL as
 * well, so a failure here only means the user copies it by hand.
 */
import { spawn } from 'node:child_process';

function launcher(url: string, platform: NodeJS.Platform): { command: string; args: string[]; verbatim: boolean } {
  if (platform === 'darwin') return { command: 'open', args: [url], verbatim: false };
  // `start` is a cmd built-in; its first quoted argument is a window title, and ^ escapes cmd's specials.
  if (platform === 'win32') return { command: 'cmd', args: ['/d', '/s', '/c', `start "" "${url.replace(/[&^|<>]/g, '^$&')}"`], verbatim: true };
  return { command: 'xdg-open', args: [url], verbatim: false };
}

/** Resolves true once a launcher started, false when none could; never throws. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
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
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: verbatim, windowsHide: true });
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
