/**
 * Opens a folder in the file manager of the machine running `leasehold serve` (the user's own: the
 * bridge only listens on loopback). No shell: the path travels as one argument, whatever it holds.
 */
import { spawn } from 'node:child_process';
import { isAbsolute } from 'node:path';

/** xdg-open may stay in the foreground with some file managers: past this, it is taken as opened. */
const SETTLE_MS = 3000;

export function folderLauncher(path: string, platform: NodeJS.Platform): { command: string; args: string[]; waitForExit: boolean } {
  if (platform === 'darwin') return { command: 'open', args: [path], waitForExit: true };
  // explorer.exe exits with 1 even when the window opened: its exit code says nothing.
  if (platform === 'win32') return { command: 'explorer.exe', args: [path], waitForExit: false };
  return { command: 'xdg-open', args: [path], waitForExit: true };
}

/** Resolves to '' once the file manager was started, or to the reason it could not be; never throws. */
export function openFolder(path: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (!isAbsolute(path)) return Promise.resolve(`${path} is not an absolute path.`);
  // Without a graphical session xdg-open falls back to terminal browsers, which would wait for a terminal forever.
  if (platform !== 'darwin' && platform !== 'win32' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return Promise.resolve('there is no graphical session on this machine (DISPLAY and WAYLAND_DISPLAY are not set).');
  }
  const { command, args, waitForExit } = folderLauncher(path, platform);
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const done = (result: string): void => {
      clearTimeout(timer);
      resolve(result);
    };
    try {
      const child = spawn(command, args, { env, detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', (err: NodeJS.ErrnoException) => done(err.code === 'ENOENT' ? `${command} was not found.` : `${command} failed (${err.code ?? err.message}).`));
      child.once('spawn', () => {
        child.unref();
        if (!waitForExit) return done('');
        timer = setTimeout(() => done(''), SETTLE_MS);
        timer.unref();
      });
      child.once('exit', (code) => done(code === 0 ? '' : `${command} could not open it (exit code ${code ?? 'none'}).`));
    } catch (err) {
      done(`${command} could not be started (${(err as Error).message}).`);
    }
  });
}
