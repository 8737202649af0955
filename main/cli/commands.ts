/** The CLI's commands, each a thin caller of the same handler table the UI uses. */
import { writeFileSync } from 'node:fs';
import type { ApiName, ApiRequest, ApiResponse, FilePayload } from '../../shared/api.ts';
import { AREAS } from '../../shared/model/area.ts';
import { STATUSES, type Status } from '../../shared/model/finding.ts';
import type { ScanProgress } from '../../shared/model/scan.ts';
import type { Core } from '../core/core.ts';
import { dispatch } from '../core/dispatch.ts';
import { flag, list, requireFlag, UsageError, type ParsedArgs } from './args.ts';
import { table, termSafe } from './output.ts';
import { progressPrinter } from './progress.ts';

export class CommandFailure extends Error {}

export async function call<K extends ApiName>(core: Core, name: K, req: ApiRequest<K>): Promise<ApiResponse<K>> {
  const result = await dispatch(core.handlers, name, req);
  if (!result.ok) throw new CommandFailure(result.error.message);
  return result.value as ApiResponse<K>;
}

function writePayload(file: FilePayload, out: string): void {
  writeFileSync(out, Buffer.from(file.base64, 'base64'), { mode: 0o600 });
}

export async function profiles(core: Core): Promise<void> {
  const rows = (await call(core, 'profiles:list', {})).map((p) => [termSafe(p.name), p.kind, p.region ?? '-', termSafe(p.endpointUrl ?? '')]);
  if (rows.length === 0) {
    process.stdout.write('No AWS profiles found; configure one with `aws configure` (or set AWS_CONFIG_FILE).\n');
    return;
  }
  table([['PROFILE', 'KIND', 'REGION', 'ENDPOINT'], ...rows], process.stdout);
}

export async function scan(core: Core, args: ParsedArgs): Promise<void> {
  const profile = requireFlag(args, 'profile', 'NAME (see `leasehold profiles`)');
  const regionsFlag = flag(args, 'regions');
  const regions = regionsFlag === undefined || regionsFlag === 'all' ? 'all' : list(regionsFlag);
  const areas = list(flag(args, 'areas'));
  const unknown = areas?.find((a) => !(AREAS as readonly string[]).includes(a));
  if (unknown) throw new UsageError(`Unknown area "${termSafe(unknown, 40)}"; use ${AREAS.join(', ')}`);
  const printer = progressPrinter(process.stderr);
  const unsubscribe = core.events.subscribe((event, payload) => {
    if (event === 'scan:progress') printer.update(payload as ScanProgress);
  });
  let scanId: string;
  try {
    scanId = (await call(core, 'scan:start', { profile, regions, areas: areas as ApiRequest<'scan:start'>['areas'] })).scanId;
    const stop = (): void => void call(core, 'scan:cancel', { scanId });
    process.once('SIGINT', stop);
    await core.idle();
    process.off('SIGINT', stop);
  } finally {
    printer.end();
    unsubscribe();
  }
  const s = await call(core, 'scans:get', { scanId });
  process.stdout.write(
    `Scan ${s.id} ${s.status}: account ${s.accountId}, ${s.regions.length} region(s), ${s.calls} API calls. ` +
      `FAIL ${s.counts.FAIL}, PASS ${s.counts.PASS}, NOT_ASSESSED ${s.counts.NOT_ASSESSED}.\n`,
  );
  if (s.status === 'failed') throw new CommandFailure(`Scan ${s.id} failed.`);
}

export async function scans(core: Core): Promise<void> {
  const all = await call(core, 'scans:list', {});
  if (all.length === 0) {
    process.stdout.write('No scans yet: run `leasehold scan --profile P` or `leasehold demo --out demo.pdf`.\n');
    return;
  }
  table(
    [
      ['SCAN', 'STARTED', 'STATUS', 'ACCOUNT', 'PROFILE', 'FAIL', 'PASS', 'N/A'],
      ...all.map((s) => [s.id, s.startedAt.slice(0, 19).replace('T', ' '), s.status, s.accountId, termSafe(s.profile, 40), String(s.counts.FAIL), String(s.counts.PASS), String(s.counts.NOT_ASSESSED)]),
    ],
    process.stdout,
  );
}

export async function findings(core: Core, args: ParsedArgs): Promise<void> {
  const scanId = requireFlag(args, 'scan', 'ID|latest');
  const status = flag(args, 'status');
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
  const rows = await call(core, 'findings:list', { scanId, status: status as Status | undefined });
  if (args.flags.has('json')) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  table(
    [
      ['STATUS', 'SEVERITY', 'CHECK', 'REGION', 'RESOURCE', 'MESSAGE'],
      ...rows.map((f) => [f.status, f.severity, f.checkId, f.region, termSafe(f.resourceName || f.resourceId, 50), termSafe(f.message, 160)]),
    ],
    process.stdout,
  );
}

export async function report(core: Core, args: ParsedArgs): Promise<void> {
  const scanId = requireFlag(args, 'scan', 'ID|latest');
  const out = requireFlag(args, 'out', 'FILE.pdf');
  writePayload(await call(core, 'report:render', { scanId }), out);
  process.stdout.write(`Report written to ${out}\n`);
}

export async function exportFindings(core: Core, args: ParsedArgs): Promise<void> {
  const scanId = requireFlag(args, 'scan', 'ID|latest');
  const format = requireFlag(args, 'format', 'json|csv');
  if (format !== 'json' && format !== 'csv') throw new UsageError('--format must be json or csv');
  const out = requireFlag(args, 'out', 'FILE');
  writePayload(await call(core, 'export:render', { scanId, format }), out);
  process.stdout.write(`Export written to ${out}\n`);
}

export async function demo(core: Core, args: ParsedArgs): Promise<void> {
  const out = flag(args, 'out') ?? 'leasehold-demo-report.pdf';
  const { scanId } = await call(core, 'demo:open', {});
  writePayload(await call(core, 'report:render', { scanId }), out);
  process.stdout.write(`Demo report written to ${out} (scan "${scanId}" is now in ${core.dbPath})\n`);
}
