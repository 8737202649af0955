/**
 * The hostile-input corpus as cases for the real CLI: AWS config files, CLI arguments and database
 * files, each with what it must do. The items themselves are in test/fixtures/hostile/.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { REPO_ROOT } from '../../support/temp.ts';
import { fixture, garbage, hugeConfig, hugeNames, ODD_PROFILE_NAMES, oddNamesFiles } from '../../fixtures/hostile/generate.ts';
import { firstLine, type CliRun } from './suite.ts';

export interface Case {
  group: string;
  name: string;
  args: string[];
  /** Config and credentials file contents (or a directory, or raw bytes) for this case. */
  aws?: { config?: string | Buffer | 'directory'; credentials?: string | Buffer | 'directory' };
  /** Database the command runs on; `ref` is a copy of the reference database with an earlier scan. */
  db?: 'ref' | { path: string };
  /** Extra expectations on the run. */
  expect?: (run: CliRun) => string[];
  timeoutMs?: number;
  /** Part of the bounded (quick) run; full runs every case. */
  quick?: boolean;
}

// eslint-disable-next-line no-control-regex -- raw terminal controls in output are what this looks for
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const exitIn = (...codes: number[]) => (run: CliRun) => (codes.includes(run.code ?? -1) ? [] : [`exit ${run.code}, expected ${codes.join(' or ')}`]);
export const says = (pattern: RegExp) => (run: CliRun) => (pattern.test(run.stderr + run.stdout) ? [] : [`output does not say ${pattern}: ${firstLine(run.stderr || run.stdout)}`]);
export const terminalSafe = (run: CliRun) => (RAW_CONTROLS.test(run.stdout.replace(/\r?\n/g, '')) || RAW_CONTROLS.test(run.stderr.replace(/\r?\n/g, '')) ? ['raw control or bidi characters reached the terminal'] : []);
export const all = (...fs: ((run: CliRun) => string[])[]) => (run: CliRun) => fs.flatMap((f) => f(run));

export function awsConfigCases(endpoint: string): Case[] {
  const ep = (text: string) => text.replaceAll('{endpoint}', endpoint);
  const keys = (...names: string[]) => names.map((n) => `[${n}]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`).join('\n');
  const odd = oddNamesFiles(endpoint);
  const g = 'AWS config files';
  const oneLine = exitIn(1);
  return [
    { group: g, name: 'binary garbage as config and credentials', quick: true, aws: { config: garbage(256 * 1024, 1), credentials: garbage(64 * 1024, 2) }, args: ['profiles'], expect: all(exitIn(0, 1), terminalSafe) },
    { group: g, name: 'binary garbage, scanning a profile', aws: { config: garbage(256 * 1024, 1), credentials: garbage(64 * 1024, 2) }, args: ['scan', '--profile', 'audit', '--regions', 'us-east-1'], db: 'ref', expect: oneLine },
    { group: g, name: '10 MB config (~55,000 profiles), listing', quick: true, aws: { config: hugeConfig(), credentials: keys('base') }, args: ['profiles'], expect: exitIn(0), timeoutMs: 90_000 },
    { group: g, name: '10 MB config, scanning one of its profiles (endpoint refuses connections)', aws: { config: hugeConfig(), credentials: keys('base') }, args: ['scan', '--profile', 'team-0000001', '--regions', 'us-east-1'], db: 'ref', expect: oneLine, timeoutMs: 90_000 },
    { group: g, name: '1 MB section name and a 10 MB value', quick: true, aws: { config: hugeNames(), credentials: '' }, args: ['profiles'], expect: all(exitIn(0), (r) => (r.stdout.length < 2 * 1024 * 1024 ? [] : [`${r.stdout.length} bytes printed`])) },
    { group: g, name: 'profile that sources itself', quick: true, aws: { config: ep(fixture('aws/self-source.config')) }, args: ['scan', '--profile', 'selfish'], db: 'ref', expect: all(oneLine, says(/loop|source/i)) },
    { group: g, name: 'three profiles sourcing each other in a ring', aws: { config: ep(fixture('aws/loop.config')) }, args: ['scan', '--profile', 'ring-a'], db: 'ref', expect: all(oneLine, says(/loop/i)) },
    { group: g, name: 'a [profile __proto__] section', quick: true, aws: { config: fixture('aws/proto.config') }, args: ['profiles'], expect: all(oneLine, says(/__proto__/)) },
    ...['empty', 'orphan-role', 'both-sources', 'odd-source'].map((p): Case => ({ group: g, name: `profile without usable credentials: ${p}`, aws: { config: fixture('aws/no-credentials.config') }, args: ['scan', '--profile', p], db: 'ref', expect: oneLine, quick: p === 'empty' })),
    { group: g, name: 'endpoint where nothing listens', aws: { config: fixture('aws/unreachable.config'), credentials: keys('nowhere') }, args: ['scan', '--profile', 'nowhere'], db: 'ref', expect: oneLine, timeoutMs: 90_000 },
    ...['bad-region', 'bidi-region', 'js-endpoint', 'file-endpoint'].map((p): Case => ({
      group: g,
      name: `odd region or endpoint: ${p}`,
      aws: { config: ep(fixture('aws/odd-values.config')), credentials: keys('bad-region', 'bidi-region', 'js-endpoint', 'file-endpoint') },
      args: ['scan', '--profile', p, '--regions', 'us-east-1'],
      db: 'ref',
      expect: all(exitIn(0, 1), terminalSafe),
      timeoutMs: 90_000,
      quick: p === 'bidi-region',
    })),
    { group: g, name: `profiles named with escapes, bidi, unicode, prototype names, 100 KB (${ODD_PROFILE_NAMES.length}), listing`, quick: true, aws: odd, args: ['profiles'], expect: all(exitIn(0), terminalSafe) },
    // The SDK reads a config section only if the name is [\w-@+.%:/]+, so such a profile would keep only its
    // credentials-file keys and go to AWS's own endpoints; "constructor" it reads, but then finds Object
    // itself instead of the profile. Both are refused before any network call, saying what to rename.
    ...[ODD_PROFILE_NAMES[12]!, 'constructor', ODD_PROFILE_NAMES[9]!].map((p): Case => ({
      group: g,
      name: `scanning the profile named ${JSON.stringify(p).slice(0, 40)} (a name the SDK cannot use)`,
      aws: odd,
      args: ['scan', '--profile', p, '--regions', 'us-east-1', '--areas', 'network'],
      db: 'ref',
      expect: all(exitIn(1), terminalSafe, says(p === 'constructor' ? /mistakes for a built-in JavaScript property.*rename the section/ : /has a name the AWS SDK cannot read from .*rename the section/)),
      quick: p === 'constructor',
    })),
    { group: g, name: 'scanning the profile named "client@acme+prod.eu:audit/ro%20" (odd but valid)', aws: odd, args: ['scan', '--profile', ODD_PROFILE_NAMES.at(-1)!, '--regions', 'us-east-1', '--areas', 'network'], db: 'ref', expect: all(exitIn(0), terminalSafe), quick: true },
    { group: g, name: 'config path is a directory', quick: true, aws: { config: 'directory' }, args: ['profiles'], expect: oneLine },
    { group: g, name: 'BOM, CRLF line ends, duplicate sections, comments only', aws: { config: `\uFEFF# only comments\r\n[profile dup]\r\nregion = us-east-1\r\n[profile dup]\r\nregion = eu-west-1\r\n; more\r\n`, credentials: '\uFEFF' }, args: ['profiles'], expect: exitIn(0) },
  ];
}

export function argumentCases(): Case[] {
  const g = 'CLI arguments';
  const big = 'x'.repeat(100 * 1024);
  const usage = exitIn(2);
  const failure = exitIn(1);
  return [
    { group: g, name: 'unknown flag', quick: true, args: ['scans', '--nope'], expect: usage },
    { group: g, name: 'unknown command', args: ['frobnicate'], expect: usage },
    { group: g, name: 'missing value at the end', quick: true, args: ['scan', '--profile'], expect: usage },
    { group: g, name: 'flag where a value belongs', args: ['scan', '--profile', '--debug'], expect: usage },
    { group: g, name: 'required flag absent', args: ['report', '--scan', 'latest'], expect: usage },
    { group: g, name: 'switch given a value', args: ['scans', '--json=yes'], expect: usage },
    { group: g, name: '100 KB command name', args: [big], expect: all(usage, (r) => (r.stderr.length < 1000 ? [] : [`${r.stderr.length} bytes of error`])) },
    { group: g, name: '100 KB flag name', args: ['scans', `--${big}`], expect: all(usage, (r) => (r.stderr.length < 1000 ? [] : [`${r.stderr.length} bytes of error`])) },
    { group: g, name: '100 KB profile name', quick: true, args: ['scan', '--profile', big], db: 'ref', expect: all(failure, (r) => (r.stderr.length < 2000 ? [] : [`${r.stderr.length} bytes of error`])) },
    { group: g, name: '100 KB scan id', quick: true, args: ['findings', '--scan', big], db: 'ref', expect: all(failure, (r) => (r.stderr.length < 2000 ? [] : [`${r.stderr.length} bytes of error`])) },
    { group: g, name: 'escape sequences and a newline in a profile name', quick: true, args: ['scan', '--profile', '\u001b]0;owned\u0007\u001b[31mred\nsecond line'], db: 'ref', expect: all(failure, terminalSafe) },
    { group: g, name: 'unknown export format', args: ['export', '--scan', 'latest', '--format', 'xml', '--out', 'x.xml'], db: 'ref', expect: usage },
    { group: g, name: 'unknown status filter', args: ['findings', '--scan', 'latest', '--status', 'MAYBE'], db: 'ref', expect: usage },
    { group: g, name: 'unknown area', args: ['scan', '--profile', 'audit', '--areas', 'quantum'], db: 'ref', expect: usage },
    { group: g, name: 'report into a folder that does not exist', quick: true, args: ['report', '--scan', 'latest', '--out', '/nonexistent/leasehold/r.pdf'], db: 'ref', expect: failure },
    { group: g, name: 'report onto a directory', args: ['report', '--scan', 'latest', '--out', REPO_ROOT], db: 'ref', expect: failure },
    { group: g, name: 'report of a scan that does not exist', args: ['report', '--scan', 'no-such-scan', '--out', 'r.pdf'], db: 'ref', expect: failure },
    { group: g, name: 'serve on port 99999', quick: true, args: ['serve', '--port', '99999', '--no-open'], db: 'ref', expect: exitIn(1, 2), timeoutMs: 15_000 },
    { group: g, name: 'serve on port "abc"', args: ['serve', '--port', 'abc', '--no-open'], db: 'ref', expect: exitIn(1, 2), timeoutMs: 15_000 },
    { group: g, name: 'diff with one scan', args: ['diff', 'only-one'], db: 'ref', expect: usage },
    { group: g, name: '--db pointing to a directory', quick: true, args: ['scans', '--db', REPO_ROOT], expect: failure },
  ];
}

/** Database files that are not what --db promises. The original bytes must survive, in place or moved aside. */
export function databaseCases(dir: string, refDb: string): Case[] {
  const g = 'Database files';
  const file = (name: string, bytes: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const png = file('photo.db', readFileSync(join(REPO_ROOT, 'assets', 'icons', 'icon.png')));
  const foreign = join(dir, 'places.sqlite');
  const other = new Database(foreign);
  other.exec("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT, title TEXT); INSERT INTO moz_places (url, title) VALUES ('https://example.com/', 'Example'), ('https://example.org/', 'Another');");
  other.close();
  const versioned = join(dir, 'app-v7.sqlite');
  const app = new Database(versioned);
  app.exec("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT); INSERT INTO settings VALUES ('theme', 'dark');");
  app.pragma('user_version = 7');
  app.close();
  const truncated = join(dir, 'truncated.db');
  copyFileSync(refDb, truncated);
  truncateSync(truncated, Math.floor(statSync(truncated).size / 3));
  const newer = join(dir, 'newer.db');
  copyFileSync(refDb, newer);
  const n = new Database(newer);
  n.pragma('user_version = 99');
  n.close();
  const edited = join(dir, 'edited.db');
  copyFileSync(refDb, edited);
  const e = new Database(edited);
  e.prepare("UPDATE schema_migrations SET sha256 = 'edited' WHERE version = 1").run();
  e.close();
  const fakeHeader = file('fake-header.db', Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), garbage(64 * 1024, 3)]));
  const empty = file('empty.db', '');
  const unchangedOrMoved = (path: string) => {
    const original = readFileSync(path);
    return (run: CliRun): string[] => {
      if (existsSync(path) && readFileSync(path).equals(original)) return [];
      const moved = readdirSync(dir).filter((f) => f.startsWith(`${path.slice(dir.length + 1)}.damaged-`) && !/-(wal|shm)$/.test(f));
      if (moved.some((f) => readFileSync(join(dir, f)).equals(original))) return [];
      return [`the original bytes are gone (exit ${run.code})`];
    };
  };
  const untouched = (path: string) => {
    const original = readFileSync(path);
    return () => (existsSync(path) && readFileSync(path).equals(original) ? [] : ['the file was modified']);
  };
  return [
    { quick: true, group: g, name: 'a PNG renamed .db', args: ['scans'], db: { path: png }, expect: all(exitIn(1), says(/damaged/), unchangedOrMoved(png)) },
    { quick: true, group: g, name: 'SQLite header followed by garbage', args: ['scans'], db: { path: fakeHeader }, expect: all(exitIn(1), unchangedOrMoved(fakeHeader)) },
    { quick: true, group: g, name: 'a SQLite database of another application', args: ['scans'], db: { path: foreign }, expect: all(exitIn(1), says(/another application/), untouched(foreign)) },
    { quick: true, group: g, name: 'a SQLite database of another application that sets user_version', args: ['scans'], db: { path: versioned }, expect: all(exitIn(1), says(/another application/), untouched(versioned)) },
    { quick: true, group: g, name: 'a Leasehold database truncated to a third', args: ['scans'], db: { path: truncated }, expect: all(exitIn(1), says(/damaged/), unchangedOrMoved(truncated)) },
    { quick: true, group: g, name: 'a database written by a newer Leasehold', args: ['scans'], db: { path: newer }, expect: all(exitIn(1), says(/newer/), untouched(newer)) },
    { quick: true, group: g, name: 'a database whose applied migration was edited', args: ['scans'], db: { path: edited }, expect: all(exitIn(1), untouched(edited)) },
    { quick: true, group: g, name: 'an empty file', args: ['scans'], db: { path: empty }, expect: exitIn(0) },
    { quick: true, group: g, name: '/dev/null', args: ['scans'], db: { path: '/dev/null' }, expect: exitIn(0, 1) },
  ];
}
