/**
 * Lists the profiles a consultant has configured, with what kind of sign-in each needs, and says
 * in one line what is wrong with a profile that cannot work, before the SDK gets a chance to fail
 * with something less clear. The shapes mirror the SDK's fromIni (credential-provider-ini): which
 * keys make a profile assume-role, static, web identity, process or SSO, and in which order.
 */
import type { ProfileInfo, ProfileKind } from '../../../shared/model/scan.ts';
import { profileSection, readAwsConfigFiles, type AwsConfigFiles, type IniSection } from './config-files.ts';
import { configNameReadable, isBuiltinName, READABLE_CHARACTERS, shownName } from './profile-names.ts';

/** The pseudo-profile for credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN). */
export const ENV_PROFILE = '(environment)';
const SUBSECTION = /^(sso-session|services)\./;
const CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];

export function hasEnvCredentials(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
}

export async function listProfiles(env: NodeJS.ProcessEnv): Promise<ProfileInfo[]> {
  const files = await readAwsConfigFiles(env);
  const names = new Set<string>();
  // Sections the SDK skips are listed too, marked: a profile that vanished would be harder to fix.
  for (const name of [...Object.keys(files.config), ...Object.keys(files.credentials), ...files.skippedConfigProfiles]) {
    // "[ ]" parses as a profile named " ", which nobody can select: leave it out.
    if (!SUBSECTION.test(name) && name.trim() !== '') names.add(name);
  }
  const profiles: ProfileInfo[] = [...names].sort(byDefaultFirst).map((name) => {
    const section = profileSection(files, name) ?? {};
    const problem = profileNameProblem(files, name);
    const info: ProfileInfo = { name, kind: profileKind(files, name), region: section.region ?? null, endpointUrl: section.endpoint_url ?? null };
    return problem ? { ...info, problem } : info;
  });
  if (hasEnvCredentials(env)) {
    const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || null;
    profiles.unshift({ name: ENV_PROFILE, kind: 'keys', region, endpointUrl: env.AWS_ENDPOINT_URL || null });
  }
  return profiles;
}

const isAssumeRole = (s: IniSection): boolean => Boolean(s.role_arn) && (s.source_profile === undefined) !== (s.credential_source === undefined);
const isStatic = (s: IniSection): boolean => Boolean(s.aws_access_key_id && s.aws_secret_access_key);
const isWebIdentity = (s: IniSection): boolean => Boolean(s.role_arn && s.web_identity_token_file);
const isSso = (s: IniSection): boolean =>
  [s.sso_session, s.sso_start_url, s.sso_account_id, s.sso_region, s.sso_role_name].some((v) => v !== undefined);
/** Whether fromIni can get credentials out of this section on its own (the SDK's order). */
const isUsable = (s: IniSection): boolean =>
  isAssumeRole(s) || isStatic(s) || isWebIdentity(s) || s.credential_process !== undefined || isSso(s) || s.login_session !== undefined;

/** The SDK's precedence: assume-role, static keys, web identity, credential_process, SSO. */
export function profileKind(files: AwsConfigFiles, name: string): ProfileKind {
  const s = profileSection(files, name) ?? {};
  if (isAssumeRole(s)) {
    const chain = roleChain(files, name);
    return 'hops' in chain && chain.hops.some((h) => h.mfaSerial) ? 'mfa' : 'assume-role';
  }
  if (isStatic(s)) return 'keys';
  if (isWebIdentity(s)) return 'web-identity';
  if (s.credential_process !== undefined) return 'process';
  if (isSso(s)) return 'sso';
  return 'unknown';
}

/** One AssumeRole of a chain: `profile`'s role, assumed with the credentials of `source`. */
export interface RoleHop {
  profile: string;
  roleArn: string;
  /** The source_profile; undefined when the credentials come from credential_source. */
  source?: string;
  mfaSerial?: string;
}

/**
 * The AssumeRole calls fromIni will make for `name`, first to last as configured (the SDK makes
 * them last to first), or a one-line problem: a source_profile loop, a missing source, a source
 * without credentials. A source with static keys is used as keys even if it also has a role_arn,
 * as the SDK does (so a profile may name itself as its source when it holds the keys).
 */
export function roleChain(files: AwsConfigFiles, name: string): { hops: RoleHop[] } | { problem: string } {
  const hops: RoleHop[] = [];
  const path = [name];
  let current = name;
  for (;;) {
    const s = profileSection(files, current) ?? {};
    if (!isAssumeRole(s)) return { hops };
    const source = s.source_profile;
    hops.push({ profile: current, roleArn: s.role_arn ?? '', source, mfaSerial: s.mfa_serial });
    if (source === undefined) return { hops };
    const src = profileSection(files, source);
    if (!src) {
      return { problem: `Profile "${current}" names source_profile "${source}", which is in neither ${files.configPath} nor ${files.credentialsPath}.` };
    }
    if (isStatic(src)) return { hops };
    if (path.includes(source)) {
      return { problem: `Profile "${name}" sources its credentials in a loop: ${[...path, source].join(' -> ')}. Fix source_profile in ${files.configPath}.` };
    }
    if (!isUsable(src) && src.credential_source === undefined) {
      return { problem: `Profile "${source}" (source_profile of "${current}") has no credentials: give it keys, a role, SSO or credential_process.` };
    }
    path.push(source);
    current = source;
  }
}

/**
 * A name the SDK cannot use, in one actionable line (see profile-names.ts), or undefined. Checked
 * before anything else, since the SDK's own failure for these points at credentials or the network.
 */
export function profileNameProblem(files: AwsConfigFiles, name: string): string | undefined {
  const shown = shownName(name);
  if (files.skippedConfigProfiles.includes(name)) {
    if (!configNameReadable(name)) {
      return `Profile "${shown}" has a name the AWS SDK cannot read from ${files.configPath} (allowed: ${READABLE_CHARACTERS}); rename the section.`;
    }
    return `The AWS SDK cannot read the section header of profile "${shown}" in ${files.configPath}; write it as [profile ${shown}].`;
  }
  if (isBuiltinName(name) && profileSection(files, name)) {
    return `Profile "${shown}" has a name the AWS SDK mistakes for a built-in JavaScript property, so it never finds its credentials; rename the section.`;
  }
  return undefined;
}

/** What keeps `name` from signing in, in one line, or undefined when it looks usable. */
export function profileProblem(files: AwsConfigFiles, name: string): string | undefined {
  const chain = roleChain(files, name);
  if ('problem' in chain) return chain.problem;
  const visited = [name, ...chain.hops.map((h) => h.source).filter((s): s is string => s !== undefined)];
  for (const profile of visited) {
    const problem = sectionProblem(files, profile, profileSection(files, profile) ?? {}, profile === name);
    if (problem) return problem;
  }
  return undefined;
}

function sectionProblem(files: AwsConfigFiles, name: string, s: IniSection, top: boolean): string | undefined {
  if (s.credential_source !== undefined && !CREDENTIAL_SOURCES.includes(s.credential_source)) {
    return `Profile "${name}" has credential_source = ${s.credential_source}; use one of ${CREDENTIAL_SOURCES.join(', ')}.`;
  }
  if (s.sso_session !== undefined && !files.config[`sso-session.${s.sso_session}`]) {
    return `Profile "${name}" names sso_session "${s.sso_session}", but ${files.configPath} has no [sso-session ${s.sso_session}] section.`;
  }
  if (!top || isUsable(s)) return undefined;
  if (s.role_arn && s.source_profile !== undefined && s.credential_source !== undefined) {
    return `Profile "${name}" sets both source_profile and credential_source; keep one of them.`;
  }
  if (s.role_arn) return `Profile "${name}" has a role_arn but no source_profile or credential_source to assume it with.`;
  return `Profile "${name}" has no credentials: no keys, role, SSO or credential_process.`;
}

function byDefaultFirst(a: string, b: string): number {
  if (a === 'default') return -1;
  if (b === 'default') return 1;
  return a.localeCompare(b);
}
