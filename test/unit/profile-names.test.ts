/**
 * Profile names the AWS SDK cannot use: our rule is checked against the SDK's own parser (what
 * @smithy/shared-ini-file-loader keeps from a real file), and such a profile is marked in the
 * listing and refused before any network call with one line saying what to rename.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { fromIni } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { ApiFailure } from '../../main/core/api.ts';
import { configNameReadable, shownName, skippedConfigProfiles } from '../../main/core/aws/profile-names.ts';
import { listProfiles } from '../../main/core/aws/profiles.ts';
import { AwsSession } from '../../main/core/aws/session.ts';
import { ODD_PROFILE_NAMES } from '../fixtures/hostile/generate.ts';
import { tempDir } from '../support/temp.ts';

const KEYS = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

function awsFiles(t: TestContext, config: string, credentials = ''): { env: NodeJS.ProcessEnv; config: string; credentials: string } {
  const dir = tempDir(t);
  const paths = { config: join(dir, 'config'), credentials: join(dir, 'credentials') };
  writeFileSync(paths.config, config);
  writeFileSync(paths.credentials, credentials);
  return { env: { AWS_CONFIG_FILE: paths.config, AWS_SHARED_CREDENTIALS_FILE: paths.credentials, HOME: dir }, ...paths };
}

/** Every printable ASCII character inside a name, plus the corpus's hostile names and some scripts. */
function candidateNames(): string[] {
  const names: string[] = [];
  for (let c = 0x20; c < 0x7f; c++) names.push(`a${String.fromCharCode(c)}b`);
  names.push('plain', 'UPPER-lower_09', 'x@y+z.w%20:v/u', 'tab\there', 'nbsp\u00a0name', 'ünïcödé', '客户', 'عميل', '🔥');
  names.push(...ODD_PROFILE_NAMES.filter((n) => n.length < 1000 && !n.includes('\n')));
  return names;
}

test('the name rule agrees with what the SDK parser keeps from ~/.aws/config, character by character', async (t) => {
  const names = candidateNames();
  const text = names.map((n, i) => `[profile ${n}]\nregion = r-${i}\n`).join('\n');
  const { config, credentials } = awsFiles(t, text);
  const parsed = (await loadSharedConfigFiles({ configFilepath: config, filepath: credentials, ignoreCache: true })).configFile;
  const skipped = new Set(skippedConfigProfiles(text));
  const disagreements: string[] = [];
  names.forEach((name, i) => {
    const kept = Object.hasOwn(parsed, name) && parsed[name]?.region === `r-${i}`;
    if (configNameReadable(name) !== kept) disagreements.push(`${JSON.stringify(name)}: SDK ${kept ? 'keeps' : 'skips'} it, our rule says ${configNameReadable(name) ? 'readable' : 'unreadable'}`);
    if (skipped.has(name) === kept) disagreements.push(`${JSON.stringify(name)}: SDK ${kept ? 'keeps' : 'skips'} it, the header scan says ${skipped.has(name) ? 'skipped' : 'kept'}`);
  });
  assert.deepEqual(disagreements, []);
  // Both outcomes are exercised, and the characters the message names are exactly the readable ones.
  const readable = names.filter((n) => /^a.b$/s.test(n) && configNameReadable(n)).map((n) => n[1]);
  assert.deepEqual(readable.filter((c) => !/[A-Za-z0-9]/.test(c!)).sort(), ['%', '+', '-', '.', '/', ':', '@', '_']);
  assert.ok(!configNameReadable('a b') && !configNameReadable('客户') && configNameReadable('a-b'));
});

test('the header scan follows the SDK on quotes, spacing, comments and empty names', async (t) => {
  const text = [
    '[profile "quoted"]',
    "[profile 'single']",
    '[profile "客户"]',
    '[profile  two-spaces]',
    '[profile\ttabbed]',
    '[profile ok] ; a comment',
    '[profile spaced #not a comment]',
    '[profile ]',
    '[default]',
    '[sso-session corp]',
    '[services local]',
  ].map((h, i) => `${h}\nregion = r-${i}\n`).join('');
  const { config, credentials } = awsFiles(t, text);
  const parsed = (await loadSharedConfigFiles({ configFilepath: config, filepath: credentials, ignoreCache: true })).configFile;
  assert.deepEqual(Object.keys(parsed).filter((k) => !k.includes('.')).sort(), ['default', 'ok', 'quoted', 'single', 'tabbed']);
  // " #" starts a comment even inside brackets, so that line is no section at all, to the SDK and to us.
  assert.deepEqual(skippedConfigProfiles(text).sort(), ['two-spaces', '客户']);
});

test('"constructor" is read from the config, not skipped, yet the SDK never finds its credentials', async (t) => {
  // The truth behind the reliability row: the section is parsed, but the SDK's merge looks profiles up
  // as plain object keys and gets Object itself, which fromIni refuses as not a profile.
  const { config, credentials } = awsFiles(t, '[profile constructor]\nregion = eu-west-1\n[profile control]\nregion = eu-west-1\n', `[constructor]\n${KEYS}[control]\n${KEYS}`);
  const parsed = await loadSharedConfigFiles({ configFilepath: config, filepath: credentials, ignoreCache: true });
  const sections: Record<string, Record<string, string | undefined> | undefined> = parsed.configFile;
  assert.equal(Object.hasOwn(sections, 'constructor') && sections['constructor']?.region, 'eu-west-1');
  assert.equal(configNameReadable('constructor'), true);
  const init = { filepath: credentials, configFilepath: config, ignoreCache: true };
  assert.equal((await fromIni({ ...init, profile: 'control' })()).accessKeyId, 'AKIAIOSFODNN7EXAMPLE');
  for (const name of ['constructor', 'toString']) {
    await assert.rejects(fromIni({ ...init, profile: name })(), /Could not resolve credentials using profile/, name);
  }
});

test('the listing marks unusable names with the reason and keeps every other profile as it was', async (t) => {
  const esc = '\u001b[31mred\u001b[0m';
  const { env, config } = awsFiles(
    t,
    `[profile 客户]\nregion = eu-west-1\nendpoint_url = http://127.0.0.1:4566\n[profile config-only-🔥]\nregion = eu-west-1\n[profile ${esc}]\nregion = eu-west-1\n` +
      '[profile  two-spaces]\nregion = eu-west-1\n[profile constructor]\nregion = eu-west-1\n[profile prototype]\nregion = eu-west-1\n[profile fine]\nregion = eu-west-1\n',
    `[客户]\n${KEYS}[${esc}]\n${KEYS}[constructor]\n${KEYS}[prototype]\n${KEYS}[fine]\n${KEYS}[two-spaces]\n${KEYS}`,
  );
  const list = await listProfiles(env);
  const problems = Object.fromEntries(list.map((p) => [p.name, p.problem]));
  const allowed = '(allowed: letters, digits and - _ . @ + % : /); rename the section.';
  assert.deepEqual(problems, {
    '客户': `Profile "客户" has a name the AWS SDK cannot read from ${config} ${allowed}`,
    'config-only-🔥': `Profile "config-only-🔥" has a name the AWS SDK cannot read from ${config} ${allowed}`,
    [esc]: `Profile "\\u001b[31mred\\u001b[0m" has a name the AWS SDK cannot read from ${config} ${allowed}`,
    'two-spaces': `The AWS SDK cannot read the section header of profile "two-spaces" in ${config}; write it as [profile two-spaces].`,
    constructor: 'Profile "constructor" has a name the AWS SDK mistakes for a built-in JavaScript property, so it never finds its credentials; rename the section.',
    prototype: undefined,
    fine: undefined,
  });
  // What the SDK would silently lose is what the listing shows as missing, too.
  assert.deepEqual(list.find((p) => p.name === '客户'), { name: '客户', kind: 'keys', region: null, endpointUrl: null, problem: problems['客户'] });
  assert.deepEqual(list.find((p) => p.name === 'fine'), { name: 'fine', kind: 'keys', region: 'eu-west-1', endpointUrl: null });
});

test('opening a session with such a profile fails at once, before any credentials or network', async (t) => {
  const esc = '\u001b]0;owned\u0007\u202Eevil';
  const { env, config } = awsFiles(
    t,
    `[profile 客户]\nregion = eu-west-1\nendpoint_url = http://127.0.0.1:9\n[profile ${esc}]\nregion = eu-west-1\n[profile toString]\nregion = eu-west-1\n`,
    `[客户]\n${KEYS}[${esc}]\n${KEYS}[toString]\n${KEYS}`,
  );
  const refused = async (profile: string, message: string | RegExp) => {
    await assert.rejects(AwsSession.open({ profile, env }), (err: unknown) => {
      assert.ok(err instanceof ApiFailure, String(err));
      assert.equal(err.code, 'aws-profile-invalid');
      if (typeof message === 'string') assert.equal(err.message, message);
      else assert.match(err.message, message);
      // eslint-disable-next-line no-control-regex -- a raw control or bidi character would act on the terminal
      assert.doesNotMatch(err.message, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
      return true;
    });
  };
  await refused('客户', `Profile "客户" has a name the AWS SDK cannot read from ${config} (allowed: letters, digits and - _ . @ + % : /); rename the section.`);
  await refused(esc, /^Profile "\\u001b\]0;owned\\u0007\\u202eevil" has a name the AWS SDK cannot read from /);
  await refused('toString', /^Profile "toString" has a name the AWS SDK mistakes for a built-in JavaScript property/);
  // A built-in name with no section of that name is simply not there.
  await assert.rejects(AwsSession.open({ profile: 'valueOf', env }), { code: 'aws-profile-missing' });
});

test('names in messages are spelled out and bounded', () => {
  assert.equal(shownName('a\u001bb\u200bc\u202ed'), 'a\\u001bb\\u200bc\\u202ed');
  assert.equal(shownName('x'.repeat(100 * 1024)).length, 80);
  assert.equal(shownName('客户-🔥'), '客户-🔥');
});
