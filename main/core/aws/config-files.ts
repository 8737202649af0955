/** Reads ~/.aws/config and ~/.aws/credentials the way the AWS CLI and SDK do (env overrides honoured). */
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type IniSection = Record<string, string | undefined>;

export interface AwsConfigFiles {
  configPath: string;
  credentialsPath: string;
  /** Profiles from the config file, keyed by name ("profile x" already reduced to "x"). */
  config: Record<string, IniSection>;
  credentials: Record<string, IniSection>;
}

export function awsFilePaths(env: NodeJS.ProcessEnv): { configPath: string; credentialsPath: string } {
  const home = env.HOME || env.USERPROFILE || homedir();
  return {
    configPath: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentialsPath: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

export async function readAwsConfigFiles(env: NodeJS.ProcessEnv): Promise<AwsConfigFiles> {
  const { configPath, credentialsPath } = awsFilePaths(env);
  const files = await loadSharedConfigFiles({ filepath: credentialsPath, configFilepath: configPath, ignoreCache: true });
  return {
    configPath,
    credentialsPath,
    config: files.configFile as Record<string, IniSection>,
    credentials: files.credentialsFile as Record<string, IniSection>,
  };
}

/** The profile to use when none is named: AWS_PROFILE, then "default". */
export function defaultProfileName(env: NodeJS.ProcessEnv): string {
  return env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
}
