/** A throwaway shared config + credentials pair pointing one profile at the fake server. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** AWS's documented example key pair: obviously fake, and the right shape. */
export const FAKE_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const FAKE_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

export interface AwsProfileOptions {
  profile: string;
  endpoint: string;
  region: string;
}

/**
 * Writes `dir/config` and `dir/credentials` (replacing them). Point AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE at the returned paths.
 */
export function writeAwsProfile(dir: string, opts: AwsProfileOptions): { configFile: string; credentialsFile: string } {
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  const header = opts.profile === 'default' ? '[default]' : `[profile ${opts.profile}]`;
  writeFileSync(configFile, `${header}\nregion = ${opts.region}\nendpoint_url = ${opts.endpoint}\n`);
  writeFileSync(
    credentialsFile,
    `[${opts.profile}]\naws_access_key_id = ${FAKE_ACCESS_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET_ACCESS_KEY}\n`,
  );
  return { configFile, credentialsFile };
}
