/**
 * Data at rest: the database (with its -wal and -shm), its folder and every exported file are
 * user-only, whatever the umask; and secrets (access key, secret key, session token, an MFA code,
 * the temporary credentials AWS issues) never reach the database, the terminal or an export.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { FakeAccount } from '../../support/fake-aws/account.ts';
import { seeded } from '../../support/fake-aws/accounts/seeded.ts';
import { startFakeAws } from '../../support/fake-aws/index.ts';
import { MIGRATIONS_DIR, REPO_ROOT } from '../../support/temp.ts';
import { createCore } from '../../../main/core/core.ts';
import { startChaosProxy } from './chaos-proxy.ts';
import { cleanEnv, firstLine, judgeCli, runLeasehold, scratch, timed, type CliRun, type Mode, type Row, type SuiteResult } from './suite.ts';

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8).padStart(3, '0');

/** Recognisable and unique, so a hit anywhere is a leak, not a coincidence. */
export const CANARY = {
  accessKeyId: 'AKIALHCANARY7Q2X9ZK4',
  expiredKeyId: 'AKIALHCANARYEXPIRED1',
  secret: 'LhCanarySecretKey0a1b2c3d4e5f6g7h8i9j0kL',
  sessionToken: `LhCanarySessionToken${'Zq9x'.repeat(40)}`,
  mfaCode: '739146',
};
const ACCOUNT = '111122223333';
const MFA_SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/canary`;

function canaryAccount(): FakeAccount {
  return {
    ...seeded,
    signIn: {
      accessKeys: [
        { accessKeyId: CANARY.accessKeyId, arn: `arn:aws:iam::${ACCOUNT}:user/canary`, userId: 'AIDACANARY000000001' },
        { accessKeyId: CANARY.expiredKeyId, arn: `arn:aws:iam::${ACCOUNT}:user/canary`, userId: 'AIDACANARY000000001', expiresAfterCalls: 0 },
      ],
      roles: [{ arn: `arn:aws:iam::${ACCOUNT}:role/AuditMfa`, mfaSerial: MFA_SERIAL }],
    },
  };
}

function awsFiles(dir: string, endpoint: string): { configFile: string; credentialsFile: string } {
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  writeFileSync(
    configFile,
    `[profile canary]\nregion = us-east-1\nendpoint_url = ${endpoint}\n\n[profile canary-mfa]\nregion = us-east-1\nendpoint_url = ${endpoint}\nrole_arn = arn:aws:iam::${ACCOUNT}:role/AuditMfa\nsource_profile = canary\nmfa_serial = ${MFA_SERIAL}\n\n[profile canary-expired]\nregion = us-east-1\nendpoint_url = ${endpoint}\n`,
  );
  writeFileSync(
    credentialsFile,
    `[canary]\naws_access_key_id = ${CANARY.accessKeyId}\naws_secret_access_key = ${CANARY.secret}\naws_session_token = ${CANARY.sessionToken}\n\n[canary-expired]\naws_access_key_id = ${CANARY.expiredKeyId}\naws_secret_access_key = ${CANARY.secret}\n`,
  );
  return { configFile, credentialsFile };
}

async function pdfText(path: string): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  await doc.destroy();
  return parts.join('\n');
}

function everyFile(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function permissions(dir: string, endpoint: string): Promise<Row> {
  const problems: string[] = [];
  const seen: string[] = [];
  // The worst umask (nothing masked) for every process below: modes must come from the code, not the environment.
  const umask = '000';
  {
    const home = join(dir, 'home');
    mkdirSync(home);
    const files = awsFiles(home, endpoint);
    const env = cleanEnv({ HOME: home, XDG_CONFIG_HOME: join(home, '.config'), AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile });
    const scan = await runLeasehold(['scan', '--profile', 'canary', '--regions', 'us-east-1', '--areas', 'network'], env, 120_000, { umask });
    if (scan.code !== 0) problems.push(`scan: exit ${scan.code} ${firstLine(scan.stderr)}`);
    const dataDir = join(home, '.config', 'Leasehold');
    const expect = (path: string, want: string, label: string) => {
      if (!existsSync(path)) return problems.push(`${label} missing`);
      seen.push(`${label} ${mode(path)}`);
      if (mode(path) !== want) problems.push(`${label} is ${mode(path)}, expected ${want}`);
    };
    expect(dataDir, '700', 'data folder');
    expect(join(dataDir, 'leasehold.db'), '600', 'leasehold.db');
    // -wal and -shm exist only while the database is open: a child reports their modes from inside.
    const live = join(dir, 'live', 'leasehold.db');
    const opened = spawnSync('/bin/sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, join(import.meta.dirname, 'open-child.ts'), live, MIGRATIONS_DIR], { encoding: 'utf8' });
    const modes = JSON.parse(opened.stdout || '{}') as { db?: string; wal?: string; shm?: string };
    for (const [label, got] of [['new database', modes.db], ['-wal', modes.wal], ['-shm', modes.shm]] as const) {
      seen.push(`${label} ${got}`);
      if (got !== '600') problems.push(`${label} is ${got ?? `unknown (${opened.stderr.slice(0, 100)})`}, expected 600`);
    }
    const out = join(dir, 'exports');
    mkdirSync(out);
    const previous = join(out, 'overwritten.pdf');
    writeFileSync(previous, 'an older, world-readable report', { mode: 0o644 });
    const runs: [string, string[]][] = [
      ['report.pdf (over an existing 644 file)', ['report', '--scan', 'latest', '--out', previous]],
      ['findings.csv', ['export', '--scan', 'latest', '--format', 'csv', '--out', join(out, 'findings.csv')]],
      ['findings.json', ['export', '--scan', 'latest', '--format', 'json', '--out', join(out, 'findings.json')]],
      ['backup.db', ['backup', '--out', join(out, 'backup.db')]],
    ];
    for (const [label, args] of runs) {
      const run = await runLeasehold(args, env, 120_000, { umask });
      if (run.code !== 0) problems.push(`${label}: exit ${run.code} ${firstLine(run.stderr)}`);
      expect(args[args.indexOf('--out') + 1]!, '600', label);
    }
  }
  return { case: 'file permissions (umask 000)', tried: 'a scan into a fresh data folder, the -wal/-shm of an open database, a PDF report written over an existing 644 file, CSV and JSON exports, a backup', outcome: seen.join(', '), trials: seen.length, passed: seen.length - problems.length, problems };
}

async function secrets(dir: string): Promise<Row[]> {
  const issued: string[] = [];
  const fake = await startFakeAws(canaryAccount());
  // Through the proxy at rate 0, only to read the temporary credentials STS hands out.
  const proxy = await startChaosProxy(fake.endpoint, {
    rate: 0,
    seed: 1,
    tap: (body) => {
      const text = body.toString('utf8');
      for (const tag of ['SecretAccessKey', 'SessionToken', 'AccessKeyId']) for (const m of text.matchAll(new RegExp(`<${tag}>([^<]+)</${tag}>`, 'g'))) issued.push(m[1]!);
    },
  });
  const outputs: { where: string; text: string }[] = [];
  const runs: CliRun[] = [];
  const problems: string[] = [];
  try {
    const home = join(dir, 'home');
    mkdirSync(home);
    const files = awsFiles(home, proxy.endpoint);
    const dbPath = join(home, 'leasehold.db');
    const env = cleanEnv({ HOME: home, AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile, LEASEHOLD_DB: dbPath });
    const cli = async (args: string[]) => {
      const run = await runLeasehold(args, env, 120_000);
      runs.push(run);
      outputs.push({ where: `\`leasehold ${args.slice(0, 2).join(' ')}\` output`, text: run.stdout + run.stderr });
      return run;
    };
    const keys = await cli(['scan', '--profile', 'canary', '--regions', 'us-east-1', '--areas', 'identity-access,network', '--debug']);
    if (keys.code !== 0) problems.push(`scan with keys + session token: exit ${keys.code} ${firstLine(keys.stderr)}`);
    const expired = await cli(['scan', '--profile', 'canary-expired', '--regions', 'us-east-1', '--debug']);
    if (expired.code !== 1) problems.push(`scan with rejected keys: exit ${expired.code}, expected a one-line failure`);
    problems.push(...judgeCli(expired, ['--debug']).filter((p) => !p.startsWith('stack')).map((p) => `rejected keys: ${p}`));
    // MFA through the same handlers and events as the app's window.
    const core = createCore({ rootDir: REPO_ROOT, dataDir: home, dbPath, env });
    try {
      const off = core.events.subscribe((event, payload) => {
        if (event === 'auth:mfa-required') void core.handlers['auth:mfa-code']({ requestId: (payload as { requestId: string }).requestId, code: CANARY.mfaCode });
      });
      const started = await core.handlers['scan:start']({ profile: 'canary-mfa', regions: ['us-east-1'], areas: ['network'] });
      await core.idle();
      off();
      const scan = await core.handlers['scans:get']({ scanId: started.scanId });
      if (scan.status !== 'complete') problems.push(`MFA scan ended ${scan.status}`);
    } catch (err) {
      problems.push(`MFA scan: ${(err as Error).message}`);
    } finally {
      core.close();
    }
    if (issued.length < 3) problems.push(`captured ${issued.length} issued credential values; the MFA sign-in did not happen as planned`);
    await cli(['profiles']);
    await cli(['doctor', '--profile', 'canary', '--areas', 'network', '--debug']);
    await cli(['findings', '--scan', 'latest', '--json']);
    const pdf = join(home, 'report.pdf');
    await cli(['report', '--scan', 'latest', '--out', pdf]);
    await cli(['export', '--scan', 'latest', '--format', 'csv', '--out', join(home, 'findings.csv')]);
    await cli(['export', '--scan', 'latest', '--format', 'json', '--out', join(home, 'findings.json')]);
    for (const file of everyFile(home).filter((f) => f !== files.credentialsFile)) outputs.push({ where: file.slice(home.length + 1), text: readFileSync(file).toString('latin1') });
    if (existsSync(pdf)) outputs.push({ where: 'report.pdf (extracted text)', text: await pdfText(pdf) });
  } finally {
    await proxy.close();
    await fake.close();
  }
  const needles: [string, string][] = [
    ['access key id', CANARY.accessKeyId],
    ['secret access key', CANARY.secret],
    ['secret access key (first 16 characters)', CANARY.secret.slice(0, 16)],
    ['session token', CANARY.sessionToken.slice(0, 40)],
    ['MFA code', CANARY.mfaCode],
    ...issued.filter((v) => !v.startsWith('ASIA')).map((v, i): [string, string] => [`issued temporary secret #${i + 1}`, v.slice(0, 32)]),
    ...issued.filter((v) => v.startsWith('ASIA')).map((v): [string, string] => ['issued temporary access key id', v]),
  ];
  const leaks: string[] = [];
  for (const [what, value] of needles) for (const o of outputs) if (o.text.includes(value)) leaks.push(`${what} found in ${o.where}`);
  const places = outputs.map((o) => o.where);
  return [
    {
      case: 'secrets never stored or printed',
      tried: `scans with canary keys + session token (--debug), with rejected keys, and through an MFA role (code ${CANARY.mfaCode}, ${issued.length} issued credential values captured); then profiles, doctor, findings, PDF, CSV and JSON exports`,
      outcome: `${needles.length} secret values searched in ${places.length} places (database file, every file in the data folder, output of every command, PDF text and bytes, CSV, JSON): ${leaks.length} hits`,
      trials: needles.length,
      passed: needles.length - new Set(leaks.map((l) => l.split(' found')[0])).size,
      problems: [...problems, ...leaks],
    },
  ];
}

export async function atRestSuite(_mode: Mode, log: (line: string) => void = () => {}): Promise<SuiteResult> {
  return timed('at-rest', 'Data at rest', async (rows, notes) => {
    const tmp = scratch('rest');
    const fake = await startFakeAws(canaryAccount());
    try {
      mkdirSync(join(tmp.dir, 'perm'));
      mkdirSync(join(tmp.dir, 'secrets'));
      rows.push(await permissions(join(tmp.dir, 'perm'), fake.endpoint));
      rows.push(...(await secrets(join(tmp.dir, 'secrets'))));
      log(`at-rest: ${rows.map((r) => `${r.case}: ${r.problems.length} problems`).join('; ')}`);
      notes.push('Windows has no POSIX modes: there the data folder sits in the user profile (%APPDATA%), whose ACL already limits it to the user.');
    } finally {
      await fake.close();
      tmp.remove();
    }
  });
}
