/** The CLI's commands, each a thin caller of the same handler table the UI uses. */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ApiName, ApiRequest, ApiResponse, FilePayload } from '../../shared/api.ts';
import { AREAS } from '../../shared/model/area.ts';
import { ACCEPTANCE_FILTERS, STATUSES, type Status } from '../../shared/model/finding.ts';
import type { ScanProgress } from '../../shared/model/scan.ts';
import { ENV_PROFILE, hasEnvCredentials } from '../core/aws/profiles.ts';
import type { Core } from '../core/core.ts';
import { dispatch } from '../core/dispatch.ts';
import { flag, list, requireFlag, UsageError, type ParsedArgs } from './args.ts';
import { table, termSafe } from './output.ts';
import { attachMfaPrompt } from './mfa-prompt.ts';
import { progressPrinter } from './progress.ts';

export class CommandFailure extends Error {}

export async function call<K extends ApiName>(core: Core, name: K, req: ApiRequest<K>): Promise<ApiResponse<K>> {
  const result = await dispatch(core.handlers, name, req);
  if (!result.ok) throw new CommandFailure(result.error.message);
  return result.value as ApiResponse<K>;
}

/**
 * Written to a user-only temporary file beside the target, flushed, then renamed over it: a crash
 * or kill mid-write never leaves half a report at `out` (nor destroys the one already there).
 */
function writePayload(file: FilePayload, out: string): void {
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeFileSync(fd, Buffer.from(file.base64, 'base64'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, out);
  } catch (err) {
    rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOENT' ? 'the folder does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : 'the file could not be written';
    throw new CommandFailure(`Cannot write ${termSafe(out, 200)}: ${why} (${code}).`);
  }
}

export async function profiles(core: Core): Promise<void> {
  const list = await call(core, 'profiles:list', {});
  const rows = list.map((p) => [termSafe(p.name), p.problem ? 'unusable' : p.kind, termSafe(p.region ?? '-', 40), termSafe(p.endpointUrl ?? '')]);
  if (rows.length === 0) {
    process.stdout.write('No AWS profiles found; configure one with `aws configure` (or set AWS_CONFIG_FILE).\n');
    return;
  }
  table([['PROFILE', 'KIND', 'REGION', 'ENDPOINT'], ...rows], process.stdout);
  // Why a profile can't be used, below the table: the reason is a sentence, too wide for a column.
  for (const p of list) if (p.problem) process.stdout.write(`\n${termSafe(p.problem, 300)}\n`);
}

/**
 * --profile, or what the AWS CLI would use without one: access keys in the environment, then
 * AWS_PROFILE, then the "default" profile.
 */
export function profileOrDefault(args: ParsedArgs, env: NodeJS.ProcessEnv): string {
  const given = flag(args, 'profile');
  if (given !== undefined) return given;
  if (hasEnvCredentials(env)) return ENV_PROFILE;
  return env.AWS_PROFILE || 'default';
}

export async function scan(core: Core, args: ParsedArgs): Promise<void> {
  const profiles = [...new Set(list(profileOrDefault(args, process.env)))];
  const regionsFlag = flag(args, 'regions');
  const regions = regionsFlag === undefined || regionsFlag === 'all' ? 'all' : list(regionsFlag);
  const areas = parseAreas(flag(args, 'areas'));
  const role = flag(args, 'org-role');
  if (role !== undefined) return scanOrganization(core, args, { profiles, role, regions, areas });
  if (flag(args, 'external-id') !== undefined || flag(args, 'accounts') !== undefined) throw new UsageError('--external-id and --accounts go with --org-role ROLE');
  // Several profiles: one scan each, run together; a profile that can't sign in doesn't stop the others.
  const failures: string[] = [];
  const scanIds: string[] = await followScans(core, async () => {
    const started = await Promise.allSettled(profiles.map((profile) => call(core, 'scan:start', { profile, regions, areas })));
    started.forEach((r, i) => {
      if (r.status === 'rejected') failures.push(`${termSafe(profiles[i], 60)}: ${(r.reason as Error).message}`);
    });
    if (started.every((r) => r.status === 'rejected') && profiles.length === 1) throw (started[0] as PromiseRejectedResult).reason;
    return started.flatMap((r) => (r.status === 'fulfilled' ? [r.value.scanId] : []));
  });
  for (const id of scanIds) await printScanResult(core, id);
  if (failures.length > 0) throw new CommandFailure(`Could not scan ${failures.join('; ')}`);
}

/** One scan per account of the profile's organization; an account that could not be scanned makes the command fail after the others. */
async function scanOrganization(core: Core, args: ParsedArgs, opts: { profiles: string[]; role: string; regions: string[] | 'all' | undefined; areas: ApiRequest<'org:scan'>['areas'] }): Promise<void> {
  const [profile] = opts.profiles;
  if (profile === undefined || opts.profiles.length > 1) throw new UsageError('--org-role scans the organization of one profile: give a single --profile');
  const req = { profile, role: opts.role, externalId: flag(args, 'external-id'), accounts: list(flag(args, 'accounts')), engagementId: flag(args, 'engagement'), regions: opts.regions, areas: opts.areas };
  let result: ApiResponse<'org:scan'> | undefined;
  const scanIds = await followScans(core, async () => {
    result = await call(core, 'org:scan', req);
    return result.scanIds;
  });
  if (result) process.stdout.write(`Organization scan: ${scanIds.length} account(s) scanned, ${result.skipped.length} skipped, engagement ${result.engagementId}.\n`);
  for (const id of scanIds) await printScanResult(core, id);
  const skipped = result?.skipped ?? [];
  for (const s of skipped) process.stdout.write(`Skipped ${termSafe(s.accountId, 20)}: ${termSafe(s.reason, 300)}\n`);
  const failed = skipped.filter((s) => s.code !== 'not-active');
  if (failed.length > 0) throw new CommandFailure(`Could not scan ${failed.length} account(s) of the organization: ${failed.map((s) => termSafe(s.accountId, 20)).join(', ')}`);
}

export async function resume(core: Core, args: ParsedArgs): Promise<void> {
  const scanId = requireFlag(args, 'scan', 'ID');
  await followScans(core, async () => [(await call(core, 'scan:resume', { scanId })).scanId]);
  await printScanResult(core, scanId);
}

/**
 * Starts scans with one progress bar (summed over concurrent scans) and the MFA prompt attached;
 * Ctrl+C cancels them (they stay resumable).
 */
async function followScans(core: Core, start: () => Promise<string[]>): Promise<string[]> {
  const printer = progressPrinter(process.stderr);
  const latest = new Map<string, ScanProgress>();
  const unsubscribe = core.events.subscribe((event, payload) => {
    if (event !== 'scan:progress') return;
    const p = payload as ScanProgress;
    latest.set(p.scanId, p);
    printer.update(latest.size === 1 ? p : combine([...latest.values()], p));
  });
  const detachMfa = attachMfaPrompt(core);
  try {
    const scanIds = await start();
    const stop = (): void => {
      for (const scanId of scanIds) void call(core, 'scan:cancel', { scanId });
    };
    process.once('SIGINT', stop);
    await core.idle();
    process.off('SIGINT', stop);
    return scanIds;
  } finally {
    printer.end();
    unsubscribe();
    detachMfa();
  }
}

function combine(all: ScanProgress[], current: ScanProgress): ScanProgress {
  const sum = (k: 'unitsDone' | 'unitsTotal' | 'calls' | 'errors'): number => all.reduce((n, p) => n + p[k], 0);
  const etas = all.map((p) => p.etaSeconds).filter((e): e is number => e !== null);
  return {
    ...current,
    phase: all.every((p) => p.phase === 'evaluating') ? 'evaluating' : 'collecting',
    unitsDone: sum('unitsDone'),
    unitsTotal: sum('unitsTotal'),
    calls: sum('calls'),
    errors: sum('errors'),
    etaSeconds: etas.length ? Math.max(...etas) : null,
  };
}

async function printScanResult(core: Core, scanId: string): Promise<void> {
  const s = await call(core, 'scans:get', { scanId });
  const coverage = await call(core, 'scans:coverage', { scanId });
  process.stdout.write(
    `Scan ${s.id} ${s.status}: account ${s.accountId}, ${s.regions.length} region(s), ${s.calls} API calls. ` +
      `FAIL ${s.counts.FAIL}, PASS ${s.counts.PASS}, NOT_ASSESSED ${s.counts.NOT_ASSESSED}.\n`,
  );
  const gaps = coverage.cells.filter((c) => c.failed > 0);
  if (gaps.length > 0) {
    process.stdout.write('Not assessed (service / region: reason):\n');
    for (const c of gaps) {
      const reasons = Object.entries(c.reasons).map(([kind, r]) => `${kind} ${r?.code} x${r?.count}`).join(', ');
      process.stdout.write(`  ${c.service} / ${c.region}: ${termSafe(reasons, 200)}\n`);
    }
  }
  const custom = Object.entries(coverage.endpoints).filter(([, e]) => e !== 'default');
  if (custom.length > 0) process.stdout.write(`Endpoints: ${custom.map(([svc, e]) => `${svc}=${termSafe(e, 100)}`).join(', ')}\n`);
  if (s.status === 'failed') throw new CommandFailure(`Scan ${s.id} failed.`);
  if (s.status === 'cancelled') process.stdout.write(`Resume it with: leasehold resume --scan ${s.id}\n`);
}

export async function reevaluate(core: Core, args: ParsedArgs): Promise<void> {
  const scanId = requireFlag(args, 'scan', 'ID|latest');
  const result = await call(core, 'scan:reevaluate', { scanId });
  await printScanResult(core, result.scanId);
}

export async function policy(core: Core, args: ParsedArgs): Promise<void> {
  const areas = parseAreas(flag(args, 'areas'));
  process.stdout.write(`${JSON.stringify(await call(core, 'policy:get', { areas }), null, 2)}\n`);
}

export async function doctor(core: Core, args: ParsedArgs): Promise<void> {
  const profile = profileOrDefault(args, process.env);
  const detachMfa = attachMfaPrompt(core);
  try {
    const r = await call(core, 'doctor:run', { profile, areas: parseAreas(flag(args, 'areas')) });
    process.stdout.write(`Identity: ${termSafe(r.callerArn)} (account ${r.accountId}), region ${r.region}\n`);
    for (const [svc, e] of Object.entries(r.endpoints)) if (e !== 'default') process.stdout.write(`Endpoint: ${svc} -> ${termSafe(e, 100)}\n`);
    table(
      [['CALL', 'REGION', 'RESULT', 'IAM ACTIONS'], ...r.probes.map((p) => [p.call, p.region, p.ok ? 'ok' : `${p.kind} (${p.code})`, p.iamActions.join(' ')])],
      process.stdout,
    );
    if (r.notAssessable.length === 0) process.stdout.write('All checks can be assessed with this profile.\n');
    else {
      process.stdout.write('These checks would be NOT_ASSESSED:\n');
      for (const c of r.notAssessable) process.stdout.write(`  ${c.checkId}: needs ${c.calls.join(', ')}\n`);
    }
  } finally {
    detachMfa();
  }
}

function parseAreas(value: string | undefined): ApiRequest<'policy:get'>['areas'] {
  const areas = list(value);
  const unknown = areas?.find((a) => !(AREAS as readonly string[]).includes(a));
  if (unknown) throw new UsageError(`Unknown area "${termSafe(unknown, 40)}"; use ${AREAS.join(', ')}`);
  return areas as ApiRequest<'policy:get'>['areas'];
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
  const acceptance = list(flag(args, 'acceptance'));
  if (args.flags.has('acceptance') && (!acceptance?.length || acceptance.some((a) => !(ACCEPTANCE_FILTERS as readonly string[]).includes(a)))) {
    throw new UsageError(`--acceptance takes ${ACCEPTANCE_FILTERS.join(', ')}, several separated by commas`);
  }
  // findings:list answers an unknown id with no rows; a mistyped id must not read as "no findings".
  await call(core, 'scans:get', { scanId });
  const all = await call(core, 'findings:list', { scanId, status: status as Status | undefined });
  // findings:list is not paged and its rows carry the core's acceptance marks: filtering them is exact.
  const rows = acceptance ? all.filter((f) => acceptance.includes(f.acceptance ? (f.acceptance.active ? 'accepted' : 'expired') : 'none')) : all;
  if (args.flags.has('json')) {
    // As the JSON export: each finding with the framework requirements its check tests.
    const [{ checkFrameworks }, { toJson }] = await Promise.all([import('../core/export/index.ts'), import('../core/report/export.ts')]);
    const { requirements } = await checkFrameworks();
    process.stdout.write(toJson(rows, requirements));
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
  const password = flag(args, 'password');
  if (password !== undefined && args.flags.has('pdfa')) throw new UsageError('--password and --pdfa exclude each other: a PDF/A file cannot be encrypted');
  const req: ApiRequest<'report:render'> = { scanId };
  if (args.flags.has('executive')) req.executive = true;
  if (args.flags.has('redact')) req.redact = true;
  if (args.flags.has('pdfa')) req.pdfa = true;
  if (password !== undefined) req.password = password;
  for (const [name, key] of [['compare', 'compare'], ['client', 'client'], ['logo', 'logo'], ['consultant', 'consultant'], ['firm', 'firm'], ['firm-logo', 'firmLogo']] as const) {
    const value = flag(args, name);
    if (value !== undefined) req[key] = value;
  }
  writePayload(await call(core, 'report:render', req), out);
  process.stdout.write(`Report written to ${out}\n`);
}

export async function exportFindings(core: Core, args: ParsedArgs): Promise<void> {
  const scanId = requireFlag(args, 'scan', 'ID|latest');
  const format = requireFlag(args, 'format', 'json|csv|ocsf');
  if (format !== 'json' && format !== 'csv' && format !== 'ocsf') throw new UsageError('--format must be json, csv or ocsf');
  const out = requireFlag(args, 'out', 'FILE');
  writePayload(await call(core, 'export:render', { scanId, format, ...(args.flags.has('redact') ? { redact: true } : {}) }), out);
  process.stdout.write(`Export written to ${out}\n`);
}

export async function demo(core: Core, args: ParsedArgs): Promise<void> {
  const out = flag(args, 'out') ?? 'leasehold-demo-report.pdf';
  const { scanId } = await call(core, 'demo:open', {});
  writePayload(await call(core, 'report:render', { scanId }), out);
  process.stdout.write(`Demo report written to ${out} (scan "${scanId}" is now in ${core.dbPath})\n`);
}

export async function diff(core: Core, args: ParsedArgs): Promise<void> {
  const [from, to] = args.positionals.length === 2 ? args.positionals : [flag(args, 'from'), flag(args, 'to')];
  if (!from || !to) throw new UsageError('diff needs two scans: leasehold diff FROM_ID TO_ID');
  const d = await call(core, 'scans:diff', { fromScanId: from, toScanId: to });
  process.stdout.write(
    `From ${d.fromScanId} to ${d.toScanId}: ${d.counts.new} new, ${d.counts.resolved} resolved, ${d.counts.regressed} regressed, ` +
      `${d.counts['severity-changed']} severity changed, ${d.counts.unchanged} unchanged, ${d.counts['not-comparable']} not comparable.\n`,
  );
  if (args.flags.has('json')) {
    process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
    return;
  }
  const shown = d.entries.filter((e) => e.kind !== 'unchanged');
  if (shown.length === 0) return;
  table(
    [
      ['CHANGE', 'CHECK', 'REGION', 'RESOURCE', 'BEFORE', 'AFTER'],
      ...shown.map((e) => [e.kind, e.checkId, e.region, termSafe(e.resourceName || e.resourceId, 50), e.before ? `${e.before.status} ${e.before.severity}` : '-', e.after ? `${e.after.status} ${e.after.severity}` : '-']),
    ],
    process.stdout,
  );
}

export async function engagements(core: Core, args: ParsedArgs): Promise<void> {
  const all = await call(core, 'engagements:list', { includeArchived: args.flags.has('all') });
  if (all.length === 0) {
    process.stdout.write('No engagements yet.\n');
    return;
  }
  table(
    [
      ['ENGAGEMENT', 'CLIENT', 'CONSULTANT', 'SCANS', 'AUTHORIZED PORTS', 'LOGOS', 'ARCHIVED'],
      ...all.map((e) => [e.id, termSafe(e.client, 40), termSafe(e.consultant, 30), String(e.scanCount), e.settings.authorizedPorts.join(','), Object.keys(e.settings.logos ?? {}).join(',') || '-', e.archivedAt ? e.archivedAt.slice(0, 10) : '']),
    ],
    process.stdout,
  );
}

export async function exportEngagement(core: Core, args: ParsedArgs): Promise<void> {
  const engagementId = requireFlag(args, 'engagement', 'ID (see `leasehold engagements`)');
  const out = requireFlag(args, 'out', 'FILE.leasehold');
  writePayload(await call(core, 'engagements:export', { engagementId }), out);
  process.stdout.write(`Engagement written to ${out}\n`);
}

export async function importEngagement(core: Core, args: ParsedArgs): Promise<void> {
  const file = requireFlag(args, 'file', 'FILE.leasehold');
  let base64: string;
  try {
    base64 = readFileSync(file).toString('base64');
  } catch {
    throw new CommandFailure(`Cannot read ${file}: check the path.`);
  }
  const r = await call(core, 'engagements:import', { base64 });
  process.stdout.write(`Imported engagement ${r.engagementId} with ${r.scans} new scan(s).\n`);
}

export async function backup(core: Core, args: ParsedArgs): Promise<void> {
  const out = requireFlag(args, 'out', 'FILE.db');
  // db:backup itself makes the copy user-only (0600), whatever the umask.
  await call(core, 'db:backup', { path: out });
  process.stdout.write(`Backup written to ${out}\n`);
}
