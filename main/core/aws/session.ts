/**
 * One AWS session per scanned profile: credentials resolved once through the SDK's own providers
 * and shared by every client and region (MFA codes are single-use), endpoints resolved from the
 * profile, every client read-only and counted, and credentials that expire mid-scan renewed
 * once (the call waits, the user is asked, the files are read again, the call is retried).
 */
import { GetCallerIdentityCommand, getDefaultRoleAssumer, getDefaultRoleAssumerWithWebIdentity } from '@aws-sdk/client-sts';
import { fromEnv, fromIni } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ProfileKind } from '../../../shared/model/scan.ts';
import { ApiFailure } from '../api.ts';
import { profileSection, readAwsConfigFiles, withSdkEnv, type AwsConfigFiles } from './config-files.ts';
import { resolveEndpoint } from './endpoints.ts';
import { credentialFailure, CredentialsNotRenewed, expiredFailure, isExpiredCredentials } from './credential-errors.ts';
import { ENV_PROFILE, hasEnvCredentials, profileKind, profileNameProblem, profileProblem, roleChain } from './profiles.ts';
import { installReadOnlyGuard } from './read-only.ts';

// The client registry lives in clients.ts (shared with the read-only proof); keep this import.
import { partitionOf } from './partition.ts';
import { clientClass, type ClientOf, type ServiceKey } from './clients.ts';

export type { ServiceKey };
type RoleAssumerOptions = Parameters<typeof getDefaultRoleAssumer>[0];
type StsPlugin = NonNullable<Parameters<typeof getDefaultRoleAssumer>[1]>[number];

const HTTP = { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true };
/** The SDK refreshes credentials this long before they expire; so do we. */
const REFRESH_BEFORE_MS = 5 * 60_000;
/** A call asks at most this often; after that its error is recorded like any other. */
const MAX_RENEWALS_PER_CALL = 3;

export interface SessionOptions {
  profile: string;
  env: NodeJS.ProcessEnv;
  mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
  /**
   * Asked once when credentials that worked expire mid-scan (concurrent calls wait for the same
   * answer): resolve once the user has renewed them, reject to stop. Without it, the call fails.
   */
  onCredentialsExpired?: (profile: string, message: string) => Promise<void>;
}

export interface CallerIdentity {
  accountId: string;
  arn: string;
}

export class AwsSession {
  readonly profile: string;
  readonly homeRegion: string;
  readonly partition: string;
  /** Endpoint used per service ("default" when AWS's own). */
  readonly endpoints = new Map<string, string>();
  calls = 0;
  private files: AwsConfigFiles;
  private readonly env: NodeJS.ProcessEnv;
  private readonly opts: SessionOptions;
  private readonly kind: ProfileKind;
  private readonly clients = new Map<string, unknown>();
  private readonly shared: SharedCredentials;
  /** Handed to every client; flagged memoized so the SDK asks us on each call instead of caching per client. */
  private readonly credentials: AwsCredentialIdentityProvider & { memoized: true };
  /** Renewal only applies to credentials that once worked: a first sign-in failure is reported as is. */
  private established = false;
  private renewing: Promise<void> | undefined;
  private declined: CredentialsNotRenewed | undefined;
  /** Set for a session whose credentials are assumed from another's (see assumeRole). */
  private readonly parent: AwsSession | undefined;
  /** The parent's credential generation this session's credentials were assumed from. */
  private parentGeneration = -1;

  private constructor(opts: SessionOptions, files: AwsConfigFiles, derived?: DerivedCredentials) {
    this.profile = opts.profile;
    this.opts = opts;
    this.files = files;
    this.env = opts.env;
    const section = profileSection(files, opts.profile) ?? {};
    const region = opts.profile === ENV_PROFILE ? opts.env.AWS_DEFAULT_REGION : section.region;
    this.homeRegion = opts.env.AWS_REGION || region || 'us-east-1';
    this.partition = partitionOf(this.homeRegion);
    this.kind = opts.profile === ENV_PROFILE ? 'keys' : profileKind(files, opts.profile);
    this.parent = derived?.parent;
    this.shared = new SharedCredentials(derived ? () => this.assumeFromParent(derived) : () => withSdkEnv(this.env, () => this.sdkProvider()()));
    this.credentials = Object.assign(() => this.shared.get(), { memoized: true as const });
  }

  static async open(opts: SessionOptions): Promise<AwsSession> {
    const files = await readAwsConfigFiles(opts.env);
    if (opts.profile === ENV_PROFILE) {
      if (!hasEnvCredentials(opts.env)) {
        throw new ApiFailure('aws-profile-missing', `${ENV_PROFILE} needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment.`);
      }
      return new AwsSession(opts, files);
    }
    // Before "not found": a section the SDK skipped exists, and the user needs to hear why it does not count.
    const nameProblem = profileNameProblem(files, opts.profile);
    if (nameProblem) throw new ApiFailure('aws-profile-invalid', nameProblem);
    if (!profileSection(files, opts.profile)) {
      throw new ApiFailure(
        'aws-profile-missing',
        `Profile "${opts.profile}" was not found in ${files.configPath} or ${files.credentialsPath}; run \`leasehold profiles\` to list them.`,
      );
    }
    const problem = profileProblem(files, opts.profile);
    if (problem) throw new ApiFailure('aws-profile-invalid', problem);
    return new AwsSession(opts, files);
  }

  /**
   * A session in another account (an organization member): the parent's credentials assume
   * `roleArn` through the SDK's role assumer, sent to the parent profile's STS endpoint. Region,
   * endpoints and the renewal question are the parent profile's; the parent's MFA is never asked again.
   */
  static assumeRole(parent: AwsSession, roleArn: string, role: { externalId?: string; sessionName: string }): AwsSession {
    const assumer = getDefaultRoleAssumer(parent.stsOptions(parent.endpointFor('sts')), [SIGN_IN_ONLY]);
    const params = { RoleArn: roleArn, RoleSessionName: role.sessionName, ...(role.externalId === undefined ? {} : { ExternalId: role.externalId }) };
    return new AwsSession(parent.opts, parent.files, { parent, assume: (source) => assumer(source, params) });
  }

  /** GetCallerIdentity needs no permission: the connectivity and credentials preflight. */
  async identity(): Promise<CallerIdentity> {
    try {
      const out = await this.client('sts', this.homeRegion).send(new GetCallerIdentityCommand({}));
      return { accountId: out.Account ?? '', arn: out.Arn ?? '' };
    } catch (err) {
      throw credentialFailure(this.profile, err, this.kind);
    }
  }

  endpointFor(service: ServiceKey): string | undefined {
    return resolveEndpoint(service, this.profile, this.files, this.env);
  }

  client<S extends ServiceKey>(service: S, region: string): ClientOf<S> {
    const key = `${service}/${region}`;
    const existing = this.clients.get(key);
    if (existing) return existing as ClientOf<S>;
    const endpoint = this.endpointFor(service);
    this.endpoints.set(service, endpoint ?? 'default');
    const Client = clientClass(service);
    const client = new Client({
      region,
      credentials: this.credentials,
      endpoint,
      maxAttempts: 5,
      retryMode: 'adaptive',
      requestHandler: HTTP,
      ...(service === 's3' ? { forcePathStyle: endpoint !== undefined, followRegionRedirects: true } : {}),
    });
    if (service === 's3control' && endpoint !== undefined) withoutAccountIdHost(client);
    installReadOnlyGuard(client, service);
    this.installRenewal(client);
    this.countCalls(client);
    this.clients.set(key, client);
    return client;
  }

  close(): void {
    for (const c of this.clients.values()) (c as { destroy(): void }).destroy();
    this.clients.clear();
  }

  /**
   * The SDK's provider for this profile, built from the files as they are now. fromIni resolves
   * every kind; what we add is where its STS and SSO clients go. Measured against the loopback fake
   * (SSO-OIDC read in the code) with the installed SDK:
   * fromIni's `clientConfig` reaches the one STS client it builds for the whole assume-role chain
   * and the SSO portal/OIDC clients (where a `region` in it would override sso_region), but not
   * web identity; and none of them reads a named profile's endpoint_url. So AssumeRole gets its
   * own SDK role assumer per hop, sent to the STS endpoint of the hop's source profile, and
   * clientConfig carries only the SSO portal endpoint.
   */
  private sdkProvider(): AwsCredentialIdentityProvider {
    if (this.profile === ENV_PROFILE) return fromEnv();
    const { files, env, profile } = this;
    const chain = roleChain(files, profile);
    const hops = 'hops' in chain ? chain.hops : [];
    const root = hops.at(-1)?.source ?? profile;
    const sts = (name: string | undefined): string | undefined => (name === undefined ? undefined : resolveEndpoint('sts', name, files, env));
    const assumers = new Map<string, ReturnType<typeof getDefaultRoleAssumer>>();
    const roleAssumer: ReturnType<typeof getDefaultRoleAssumer> = (creds, params) => {
      const hop = hops.find((h) => h.roleArn === params.RoleArn);
      const endpoint = sts(hop?.source) ?? sts(hop?.profile) ?? sts(profile);
      const key = endpoint ?? '';
      let assumer = assumers.get(key);
      if (!assumer) {
        assumer = getDefaultRoleAssumer(this.stsOptions(endpoint), [SIGN_IN_ONLY]);
        assumers.set(key, assumer);
      }
      return assumer(creds, params);
    };
    // Only an SSO root talks to the portal; for any other chain an endpoint here would reach the STS clients too.
    const ssoEndpoint = profileKind(files, root) === 'sso' ? resolveEndpoint('sso', root, files, env) : undefined;
    return fromIni({
      profile,
      filepath: files.credentialsPath,
      configFilepath: files.configPath,
      ignoreCache: true,
      mfaCodeProvider: this.opts.mfaCodeProvider,
      roleAssumer,
      roleAssumerWithWebIdentity: getDefaultRoleAssumerWithWebIdentity(this.stsOptions(sts(root) ?? sts(profile)), [SIGN_IN_ONLY]),
      clientConfig: ssoEndpoint ? { endpoint: ssoEndpoint, requestHandler: HTTP } : { requestHandler: HTTP },
    });
  }

  private async assumeFromParent(derived: DerivedCredentials): Promise<AwsCredentialIdentity> {
    this.parentGeneration = derived.parent.shared.generation;
    const source = await derived.parent.credentials();
    return withSdkEnv(this.env, () => derived.assume(source));
  }

  private stsOptions(endpoint: string | undefined): RoleAssumerOptions {
    // The role assumer spreads its options into the STSClient, so an endpoint set here is used.
    const options: RoleAssumerOptions & { endpoint?: string; maxAttempts: number } = { region: this.homeRegion, requestHandler: HTTP, maxAttempts: 3 };
    if (endpoint) options.endpoint = endpoint;
    return options;
  }

  private installRenewal(client: { middlewareStack: unknown }): void {
    addMiddleware(client, (next) => async (args) => {
      for (let asked = 0; ; ) {
        if (this.declined) throw this.declined;
        const generation = this.shared.generation;
        try {
          const out = await next(args);
          this.established = true;
          return out;
        } catch (err) {
          if (!this.established || !this.opts.onCredentialsExpired || !isExpiredCredentials(err) || asked >= MAX_RENEWALS_PER_CALL) throw err;
          // Credentials renewed since this attempt began: just try again with the new ones.
          if (generation === this.shared.generation) {
            asked += 1;
            await this.renew(err);
          }
        }
      }
    }, { step: 'initialize', name: 'leaseholdCredentialRenewal', priority: 'high' });
  }

  /** One renewal at a time: every call that hit the expiry waits for the same answer. */
  private renew(err: unknown): Promise<void> {
    this.renewing ??= (async () => {
      if (this.parent) return this.renewFromParent(this.parent, err);
      const ask = this.opts.onCredentialsExpired;
      try {
        await ask?.(this.profile, expiredFailure(this.profile, err, this.kind === 'sso').message);
      } catch {
        this.declined = new CredentialsNotRenewed(this.profile);
        throw this.declined;
      }
      this.files = await readAwsConfigFiles(this.env);
      this.shared.invalidate();
    })().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  /** Assumed credentials come from the parent's: renew those (one question for every derived session), unless already renewed since. */
  private async renewFromParent(parent: AwsSession, err: unknown): Promise<void> {
    if (parent.declined) throw (this.declined = parent.declined);
    if (this.parentGeneration === parent.shared.generation) {
      try {
        await parent.renew(err);
      } catch (e) {
        this.declined = parent.declined ?? new CredentialsNotRenewed(this.profile);
        throw e;
      }
    }
    this.shared.invalidate();
  }

  private countCalls(client: { middlewareStack: unknown }): void {
    // finalizeRequest at low priority sits inside the retry loop: every HTTP attempt is counted.
    addMiddleware(client, (next) => async (args) => {
      this.calls += 1;
      return next(args);
    }, { step: 'finalizeRequest', name: 'leaseholdCallCounter', priority: 'low' });
  }
}

interface DerivedCredentials {
  parent: AwsSession;
  assume: (source: AwsCredentialIdentity) => Promise<AwsCredentialIdentity>;
}

type Handler = (args: unknown) => Promise<unknown>;

function addMiddleware(client: { middlewareStack: unknown }, mw: (next: Handler, context: { commandName?: string }) => Handler, options: object): void {
  (client.middlewareStack as { add(m: typeof mw, o: object): void }).add(mw, options);
}

/** The role assumers' STS clients may sign in and nothing else. */
const SIGN_IN_ONLY: StsPlugin = {
  applyToStack(stack) {
    addMiddleware({ middlewareStack: stack }, (next, context) => async (args) => {
      if (context.commandName !== 'AssumeRoleCommand' && context.commandName !== 'AssumeRoleWithWebIdentityCommand') {
        throw new Error(`Leasehold's sign-in client refuses ${String(context.commandName)}`);
      }
      return next(args);
    }, { step: 'initialize', name: 'leaseholdSignInOnly', priority: 'high' });
  },
};

/**
 * Resolves once and shares the result with every client and region; resolves again only shortly
 * before expiry or after a renewal (a new generation). Concurrent callers share one resolution,
 * so an MFA code is asked for once.
 */
class SharedCredentials {
  generation = 0;
  private readonly resolve: () => Promise<AwsCredentialIdentity>;
  private value: AwsCredentialIdentity | undefined;
  private pending: Promise<AwsCredentialIdentity> | undefined;

  constructor(resolve: () => Promise<AwsCredentialIdentity>) {
    this.resolve = resolve;
  }

  get(): Promise<AwsCredentialIdentity> {
    const expires = this.value?.expiration?.getTime();
    if (this.value && (expires === undefined || expires - Date.now() > REFRESH_BEFORE_MS)) return Promise.resolve(this.value);
    if (!this.pending) {
      const generation = this.generation;
      const pending = this.resolve().then((creds) => {
        if (generation === this.generation) this.value = creds;
        return creds;
      });
      this.pending = pending;
      const clear = (): void => {
        if (this.pending === pending) this.pending = undefined;
      };
      pending.then(clear, clear);
    }
    return this.pending;
  }

  invalidate(): void {
    this.value = undefined;
    this.pending = undefined;
    this.generation += 1;
  }
}


export { partitionOf };

/**
 * S3 Control's endpoint rules put the account ID in front of the host, even for a custom
 * endpoint: http://127.0.0.1:4566 would become http://111122223333.127.0.0.1:4566. For a
 * configured endpoint (an emulator at IP:port), send requests to it as given; the account still
 * travels in the x-amz-account-id header. (disableHostPrefix does not change the endpoint rules.)
 */
function withoutAccountIdHost(client: unknown): void {
  const config = (client as { config: { endpointProvider: (params: Record<string, unknown>, context?: unknown) => unknown } }).config;
  const resolve = config.endpointProvider;
  config.endpointProvider = (params, context) => resolve({ ...params, RequiresAccountId: false }, context);
}
