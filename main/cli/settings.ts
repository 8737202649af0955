/** `leasehold settings`: show or change the settings the app's windows share with the CLI. */
import type { AppSettings } from '../../shared/model/engagement.ts';
import type { Core } from '../core/core.ts';
import { DEFAULT_CONCURRENCY } from '../core/engine/collect.ts';
import { DEFAULT_APP_SETTINGS } from '../core/store/settings.ts';
import { flag, list, UsageError, type ParsedArgs } from './args.ts';
import { call } from './commands.ts';
import { table, termSafe } from './output.ts';

export async function settings(core: Core, args: ParsedArgs): Promise<void> {
  const patch = parseChanges(args);
  const changed = Object.keys(patch).length > 0;
  const current = changed ? await call(core, 'settings:save', patch) : await call(core, 'settings:get', {});
  if (args.flags.has('json')) {
    process.stdout.write(`${JSON.stringify(current, null, 2)}\n`);
    return;
  }
  const info = await call(core, 'app:info', {});
  if (changed) process.stdout.write('Settings saved.\n');
  table(
    [
      ['Concurrency', current.concurrency === null ? `default (${DEFAULT_CONCURRENCY.total} calls in flight per scan)` : `${current.concurrency} calls in flight per scan`],
      ['Default ports', current.defaultAuthorizedPorts.length > 0 ? current.defaultAuthorizedPorts.join(', ') : 'none'],
      ['Consultant', current.consultant === '' ? '(not set)' : termSafe(current.consultant)],
      ['Data folder', termSafe(info.dataDir, 400)],
      ['Database', termSafe(info.dbPath, 400)],
    ],
    process.stdout,
  );
}

/** "default" resets a setting; values the core refuses (out of range, too long) fail with its message. */
function parseChanges(args: ParsedArgs): Partial<AppSettings> {
  const patch: Partial<AppSettings> = {};
  const concurrency = flag(args, 'concurrency');
  if (concurrency !== undefined) {
    if (concurrency !== 'default' && !/^\d{1,3}$/.test(concurrency)) throw new UsageError('--concurrency takes a number from 1 to 64, or default');
    patch.concurrency = concurrency === 'default' ? null : Number(concurrency);
  }
  const ports = flag(args, 'ports');
  if (ports !== undefined) {
    const parts = list(ports) ?? [];
    if (ports === 'default') patch.defaultAuthorizedPorts = [...DEFAULT_APP_SETTINGS.defaultAuthorizedPorts];
    else if (ports === 'none') patch.defaultAuthorizedPorts = [];
    else if (parts.length > 0 && parts.every((p) => /^\d{1,5}$/.test(p))) patch.defaultAuthorizedPorts = parts.map(Number);
    else throw new UsageError('--ports takes port numbers separated by commas (e.g. 80,443), none, or default');
  }
  const consultant = flag(args, 'consultant');
  if (consultant !== undefined) patch.consultant = consultant === 'default' ? DEFAULT_APP_SETTINGS.consultant : consultant;
  return patch;
}
