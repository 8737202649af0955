/** Lists the profiles a consultant has configured, with what kind of sign-in each needs. */
import type { ProfileInfo, ProfileKind } from '../../../shared/model/scan.ts';
import { readAwsConfigFiles, type IniSection } from './config-files.ts';

const SUBSECTION = /^(sso-session|services)\./;

export async function listProfiles(env: NodeJS.ProcessEnv): Promise<ProfileInfo[]> {
  const files = await readAwsConfigFiles(env);
  const names = new Set<string>();
  for (const name of Object.keys(files.config)) if (!SUBSECTION.test(name)) names.add(name);
  for (const name of Object.keys(files.credentials)) names.add(name);
  return [...names].sort(byDefaultFirst).map((name) => {
    const section = { ...files.credentials[name], ...files.config[name] };
    return {
      name,
      kind: profileKind(section),
      region: section.region ?? null,
      endpointUrl: section.endpoint_url ?? null,
    };
  });
}

export function profileKind(s: IniSection): ProfileKind {
  if (s.sso_session || s.sso_start_url) return 'sso';
  if (s.credential_process) return 'process';
  if (s.role_arn && s.web_identity_token_file) return 'web-identity';
  if (s.role_arn && s.mfa_serial) return 'mfa';
  if (s.role_arn) return 'assume-role';
  if (s.aws_access_key_id) return 'keys';
  return 'unknown';
}

function byDefaultFirst(a: string, b: string): number {
  if (a === 'default') return -1;
  if (b === 'default') return 1;
  return a.localeCompare(b);
}
