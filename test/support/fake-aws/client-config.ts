/**
 * Client settings for a profile written by writeAwsProfile.
 *
 * Why `endpoint` is passed explicitly: in this SDK (clients 3.11xx, @smithy/core 3.41) endpoint_url is
 * read from the shared config with `loadConfig(...)()` and no profile argument
 * (@smithy/core endpoints getEndpointFromConfig), so it comes from AWS_PROFILE or [default] only.
 * The `profile` client option selects region and credentials but not endpoint_url: a client built
 * with `{ profile }` alone would send the request to the real AWS endpoint.
 */
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export interface ProfileClientConfig {
  profile: string;
  region: string;
  endpoint: string;
}

export async function profileClientConfig(
  files: { configFile: string; credentialsFile: string },
  profile: string,
  region?: string,
): Promise<ProfileClientConfig> {
  const { configFile } = await loadSharedConfigFiles({ configFilepath: files.configFile, filepath: files.credentialsFile, ignoreCache: true });
  const section = configFile[profile] ?? {};
  const endpoint = section.endpoint_url;
  if (!endpoint) throw new Error(`profile ${profile} has no endpoint_url`);
  return { profile, region: region ?? section.region ?? 'us-east-1', endpoint };
}
