/**
 * A profile whose name the AWS SDK cannot use, through the real `leasehold` command: scan and
 * doctor stop at once with one line naming what to rename, never a network error ten seconds later,
 * and a hostile name is spelled out rather than let loose on the terminal.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../support/cli.ts';

const KEYS = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
const ANSI = '\u001b[31mred\u001b[0m\u001b]0;pwned\u0007';
// eslint-disable-next-line no-control-regex -- raw terminal controls in output are what this looks for
const RAW_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
let env: NodeJS.ProcessEnv;
let configPath: string;
let endpoint: Server;
let connections = 0;

before(async () => {
  // Where the profiles point: a connection here would mean the check came after the network.
  endpoint = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(endpoint.address() as { port: number }).port}`;
  dir = mkdtempSync(join(tmpdir(), 'leasehold-profile-names-'));
  configPath = join(dir, 'config');
  const names = ['客户-prod', ANSI, 'constructor'];
  writeFileSync(configPath, names.map((n) => `[profile ${n}]\nregion = eu-west-1\nendpoint_url = ${url}\n`).join(''));
  writeFileSync(join(dir, 'credentials'), names.map((n) => `[${n}]\n${KEYS}`).join(''));
  env = { AWS_CONFIG_FILE: configPath, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir, LEASEHOLD_DB: join(dir, 'leasehold.db') };
  for (const k of ['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) env[k] = '';
});

after(async () => {
  await new Promise<void>((resolve) => endpoint.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

test('scanning a profile whose config section the SDK skips fails fast with one line saying what to rename', async () => {
  const started = Date.now();
  const r = await runCli(['scan', '--profile', '客户-prod', '--regions', 'us-east-1', '--areas', 'network'], env);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr, `leasehold: Profile "客户-prod" has a name the AWS SDK cannot read from ${configPath} (allowed: letters, digits and - _ . @ + % : /); rename the section.\n`);
  assert.equal(r.stdout, '');
  assert.ok(Date.now() - started < 20_000, 'no network timeout on the way');
});

test('a name with terminal escapes is spelled out in the message, not sent raw', async () => {
  const r = await runCli(['doctor', '--profile', ANSI], env);
  assert.equal(r.code, 1, r.stderr);
  assert.ok(r.stderr.startsWith('leasehold: Profile "\\u001b[31mred\\u001b[0m\\u001b]0;pwned\\u0007" has a name the AWS SDK cannot read from '), r.stderr);
  assert.doesNotMatch(r.stderr, RAW_CONTROLS);
  assert.equal(r.stderr.split('\n').length, 2, 'one line');
});

test('"constructor" is refused for what it is: a name the SDK confuses with a JavaScript built-in', async () => {
  const r = await runCli(['scan', '--profile', 'constructor', '--regions', 'us-east-1'], env);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /^leasehold: Profile "constructor" has a name the AWS SDK mistakes for a built-in JavaScript property, so it never finds its credentials; rename the section\.\n$/);
  assert.equal(connections, 0, 'no connection reached the profiles\' endpoint');
});

test('`leasehold profiles` lists such profiles as unusable, with the reason, and no raw controls', async () => {
  const r = await runCli(['profiles'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /客户-prod\s+unusable/);
  assert.match(r.stdout, /Profile "客户-prod" has a name the AWS SDK cannot read from /);
  assert.match(r.stdout, /Profile "constructor" has a name the AWS SDK mistakes for a built-in JavaScript property/);
  assert.doesNotMatch(r.stdout, RAW_CONTROLS);
});
