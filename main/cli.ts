/**
 * `leasehold`, the headless command line. Every command calls the same handler table as the UI.
 * Exit codes: 0 success, 2 usage error, 1 failure. Errors are one line unless --debug.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiFailure } from './core/api.ts';
import { createCore, readVersion, type Core } from './core/core.ts';
import { defaultDataDir, resolveDbPath } from './core/paths.ts';
import { flag, parseArgs, UsageError, type ParsedArgs } from './cli/args.ts';
import * as commands from './cli/commands.ts';
import { termSafe } from './cli/output.ts';
import { serve } from './cli/serve.ts';
import { settings } from './cli/settings.ts';
import { openFolder as openFolderWithSystem } from './serve/open-folder.ts';

/** Longest error line printed; a 100 KB argument echoed back is cut here. */
const ERROR_MAX = 600;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const HELP = `leasehold: audit the customer side of the AWS Shared Responsibility Model

Usage: leasehold <command> [options]

Commands:
  profiles                                  List AWS profiles from ~/.aws/config and ~/.aws/credentials
  scan [--profile P] [--regions a,b|all] [--areas a,b]
                                            Scan an account (default: all enabled regions, all areas);
                                            without --profile, as the AWS CLI: keys in the environment,
                                            then AWS_PROFILE, then the default profile
  scan --profile P --org-role ROLE [--external-id X] [--accounts a,b] [--engagement ID] [--regions ...] [--areas ...]
                                            Scan every active account of P's organization, each
                                            member through ROLE, all in one engagement
  resume --scan ID                          Continue an interrupted or cancelled scan
  reevaluate --scan ID|latest               Re-run today's checks on a stored scan, offline, as a new result set
  doctor [--profile P] [--areas a,b]        Check identity and probe the permissions a scan needs
  policy [--areas a,b]                      Print the least-privilege IAM policy for a scan
  diff FROM_ID TO_ID [--json]               Compare two scans of an account: new, resolved, regressed...
  engagements [--all]                       List engagements (clients); --all includes archived ones
  engagement-export --engagement ID --out FILE
                                            Write one engagement with its scans to a file (hand-over, archive)
  engagement-import --file FILE             Import an engagement file made by engagement-export
  backup --out FILE                         Consistent copy of the whole database (SQLite online backup)
  scans                                     List stored scans
  findings --scan ID|latest [--status S] [--acceptance accepted,expired,none] [--json]
                                            Show a scan's findings (S: FAIL, PASS, NOT_ASSESSED, NOT_APPLICABLE);
                                            --acceptance: risk accepted, acceptance expired, or neither
  report --scan ID|latest --out FILE.pdf [--executive] [--compare ID] [--redact]
         [--password P | --pdfa] [--client NAME] [--logo FILE]
         [--consultant NAME] [--firm NAME] [--firm-logo FILE]
                                            Write the PDF report: full, executive summary, or a
                                            comparison with another scan; --redact masks account
                                            IDs, ARNs, IP and e-mail addresses; --password encrypts
                                            (AES-256); --pdfa writes PDF/A-2b for archiving
  export --scan ID|latest --format json|csv|ocsf [--redact] --out FILE
                                            Export findings (ocsf: OCSF 1.1 Compliance Findings)
  demo [--out FILE.pdf]                     Load the bundled demo engagement and write its report (offline)
  serve [--port N] [--no-open] [--print-token]
                                            Serve the UI on 127.0.0.1 for any browser, opened with a
                                            one-time link (Enter: a new one); --print-token prints
                                            the session token for scripts (Authorization: Bearer)
  settings [--concurrency N|default] [--ports 80,443|none|default]
           [--consultant NAME|default] [--json]
                                            Show the settings shared with the app, or change them:
                                            API calls in flight per scan (1-64), the ports new
                                            engagements authorize, your name on new engagements

Options:
  --db PATH     SQLite database to use (or LEASEHOLD_DB); default: the app's data folder
  --debug       Print stack traces on errors
  --help        Show this help
  --version     Show the version

Areas: data-protection, identity-access, compute-maintenance, network, s3, logging-monitoring
`;

const SPEC = {
  values: ['profile', 'regions', 'areas', 'scan', 'status', 'acceptance', 'out', 'format', 'db', 'port', 'from', 'to', 'engagement', 'file', 'org-role', 'external-id', 'accounts', 'compare', 'password', 'client', 'logo', 'consultant', 'firm', 'firm-logo', 'concurrency', 'ports'],
  switches: ['debug', 'help', 'version', 'json', 'no-open', 'print-token', 'all', 'executive', 'redact', 'pdfa'],
} as const;

const COMMANDS: Record<string, (core: Core, args: ParsedArgs) => Promise<void>> = {
  profiles: (core) => commands.profiles(core),
  scan: commands.scan,
  resume: commands.resume,
  reevaluate: commands.reevaluate,
  doctor: commands.doctor,
  policy: commands.policy,
  diff: commands.diff,
  engagements: commands.engagements,
  'engagement-export': commands.exportEngagement,
  'engagement-import': commands.importEngagement,
  backup: commands.backup,
  scans: (core) => commands.scans(core),
  findings: commands.findings,
  report: commands.report,
  export: commands.exportFindings,
  demo: commands.demo,
  serve,
  settings,
};

export async function main(argv: readonly string[]): Promise<number> {
  let args: ParsedArgs;
  let debug = argv.includes('--debug');
  try {
    args = parseArgs(argv, SPEC);
    debug = args.flags.has('debug');
    if (args.flags.has('version')) {
      process.stdout.write(`${readVersion(ROOT)}\n`);
      return 0;
    }
    if (args.flags.has('help') || args.command === undefined || args.command === 'help') {
      process.stdout.write(HELP);
      return args.command === undefined && !args.flags.has('help') ? 2 : 0;
    }
    const run = COMMANDS[args.command];
    if (!run) throw new UsageError(`Unknown command "${args.command.slice(0, 40)}"; see \`leasehold --help\``);
    if (args.positionals.length > 0 && args.command !== 'diff') throw new UsageError(`Unexpected argument "${args.positionals[0]?.slice(0, 40)}"`);
    const dataDir = defaultDataDir(process.env);
    // Only `serve` has a UI whose "Open data folder" button a user can press on this machine.
    const openFolder = args.command === 'serve' ? openFolderWithSystem : undefined;
    const core = createCore({ rootDir: ROOT, dataDir, dbPath: resolveDbPath({ dbFlag: flag(args, 'db'), env: process.env, dataDir }), env: process.env, openFolder });
    try {
      await run(core, args);
    } finally {
      if (args.command !== 'serve') core.close();
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`leasehold: ${termSafe(err.message, ERROR_MAX)}\n`);
      return 2;
    }
    const message = err instanceof ApiFailure || err instanceof commands.CommandFailure ? err.message : String((err as Error)?.message ?? err);
    // Messages quote profile names, regions and paths from the user's files: no terminal controls, bounded length.
    process.stderr.write(`leasehold: ${termSafe(message.split('\n', 1)[0], ERROR_MAX)}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
