/** Reads ~/.aws/config and ~/.aws/credentials the way the AWS CLI and SDK do (env overrides honoured). */
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ApiFailure } from '../api.ts';
import { skippedConfigProfiles } from './profile-names.ts';

export type IniSection = Record<string, string | undefined>;

export interface AwsConfigFiles {
  configPath: string;
  credentialsPath: string;
  /** Profiles from the config file, keyed by name ("profile x" already reduced to "x"). */
  config: Record<string, IniSection>;
  credentials: Record<string, IniSection>;
  /** `[profile NAME]` sections of the config file that the SDK's parser skips (see profile-names.ts). */
  skippedConfigProfiles: string[];
}

export function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || homedir();
}

export function awsFilePaths(env: NodeJS.ProcessEnv): { configPath: string; credentialsPath: string } {
  const home = homeOf(env);
  return {
    configPath: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentialsPath: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

export async function readAwsConfigFiles(env: NodeJS.ProcessEnv): Promise<AwsConfigFiles> {
  const { configPath, credentialsPath } = awsFilePaths(env);
  // The SDK's loader swallows every error and returns nothing for the whole file; say why instead.
  const [configText] = await Promise.all([checkReadable(configPath), checkReadable(credentialsPath)]);
  const files = await loadSharedConfigFiles({ filepath: credentialsPath, configFilepath: configPath, ignoreCache: true });
  return {
    configPath,
    credentialsPath,
    config: files.configFile as Record<string, IniSection>,
    credentials: files.credentialsFile as Record<string, IniSection>,
    skippedConfigProfiles: configText === undefined ? [] : skippedConfigProfiles(configText),
  };
}

/** A missing file is fine (no profiles); an unreadable one, or one the SDK's parser rejects, is one line. */
async function checkReadable(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new ApiFailure('aws-config-unreadable', `Could not read ${path} (${code ?? 'error'}): check that it is a file you can read.`);
  }
  // The SDK's parser throws on this one section name, and then ignores the whole file.
  const bad = /^\s*\[(?:profile )?__proto__\]\s*(?:[;#].*)?$/m.exec(text);
  if (bad) throw new ApiFailure('aws-config-invalid', `${path} has a section named ${bad[0].trim().replace(/\s*[;#].*$/, '')}, which the AWS SDK refuses: rename or remove it.`);
  return text;
}

/** A profile as the SDK sees it: config and credentials merged, the credentials file winning. */
export function profileSection(files: AwsConfigFiles, name: string): IniSection | undefined {
  const config = Object.hasOwn(files.config, name) ? files.config[name] : undefined;
  const credentials = Object.hasOwn(files.credentials, name) ? files.credentials[name] : undefined;
  return config || credentials ? { ...config, ...credentials } : undefined;
}

/** The profile to use when none is named: AWS_PROFILE, then "default". */
export function defaultProfileName(env: NodeJS.ProcessEnv): string {
  return env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
}

/** What the SDK's providers read from process.env: AWS_* settings and the home folder (SSO token cache). */
const SDK_ENV = /^AWS_\w+$/;
const HOME_ENV = /^(HOME|USERPROFILE|HOMEPATH|HOMEDRIVE)$/;
let envQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` with the SDK seeing `env`. The SDK's credential providers read process.env (HOME for
 * ~/.aws/sso/cache, AWS_ACCESS_KEY_ID for fromEnv and credential_source = Environment), while the
 * core is handed its env. The app and the CLI hand it process.env itself, and then nothing happens;
 * an embedder or a test that passes another env gets its AWS_* and HOME variables applied to
 * process.env for the duration, one resolution at a time.
 */
export function withSdkEnv<T>(env: NodeJS.ProcessEnv, fn: () => Promise<T>): Promise<T> {
  if (env === process.env) return fn();
  const run = envQueue.then(async () => {
    // Without a home of its own, the env resolves paths from the process's home (see homeOf), and so does the SDK.
    const home = env.HOME !== undefined || env.USERPROFILE !== undefined;
    const names = new Set([...Object.keys(process.env), ...Object.keys(env)].filter((k) => SDK_ENV.test(k) || (home && HOME_ENV.test(k))));
    const saved = new Map([...names].map((k) => [k, process.env[k]] as const));
    for (const k of names) setEnv(k, env[k]);
    try {
      return await fn();
    } finally {
      for (const [k, v] of saved) setEnv(k, v);
    }
  });
  envQueue = run.catch(() => undefined);
  return run;
}

function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
