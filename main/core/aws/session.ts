/**
 * One AWS session per scanned profile: credentials resolved once through the SDK's own providers
 * and shared by every client and region (MFA codes are single-use), endpoints resolved from the
 * profile, every client read-only and counted.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity } from '@smithy/types';
import { ApiFailure } from '../api.ts';
import { readAwsConfigFiles, type AwsConfigFiles } from './config-files.ts';
import { resolveEndpoint } from './endpoints.ts';
import { credentialFailure } from './credential-errors.ts';
import { installReadOnlyGuard } from './read-only.ts';

import { CLIENTS, type ClientOf, type ServiceKey } from './clients.ts';

export type { ServiceKey };

export interface SessionOptions {
  profile: string;
  env: NodeJS.ProcessEnv;
  mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
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
  private readonly files: AwsConfigFiles;
  private readonly env: NodeJS.ProcessEnv;
  private readonly clients = new Map<string, unknown>();
  private readonly credentials: () => Promise<AwsCredentialIdentity>;

  private constructor(opts: SessionOptions, files: AwsConfigFiles) {
    this.profile = opts.profile;
    this.files = files;
    this.env = opts.env;
    const section = files.config[opts.profile] ?? {};
    this.homeRegion = opts.env.AWS_REGION || section.region || 'us-east-1';
    this.partition = partitionOf(this.homeRegion);
    const provider = fromIni({
      profile: opts.profile,
      filepath: files.credentialsPath,
      configFilepath: files.configPath,
      ignoreCache: true,
      mfaCodeProvider: opts.mfaCodeProvider,
      clientConfig: { region: this.homeRegion },
    });
    this.credentials = shareCredentials(provider);
  }

  static async open(opts: SessionOptions): Promise<AwsSession> {
    const files = await readAwsConfigFiles(opts.env);
    if (!files.config[opts.profile] && !files.credentials[opts.profile]) {
      throw new ApiFailure(
        'aws-profile-missing',
        `Profile "${opts.profile}" was not found in ${files.configPath} or ${files.credentialsPath}; run \`leasehold profiles\` to list them.`,
      );
    }
    return new AwsSession(opts, files);
  }

  /** GetCallerIdentity needs no permission: the connectivity and credentials preflight. */
  async identity(): Promise<CallerIdentity> {
    try {
      const out = await this.client('sts', this.homeRegion).send(new GetCallerIdentityCommand({}));
      return { accountId: out.Account ?? '', arn: out.Arn ?? '' };
    } catch (err) {
      throw credentialFailure(this.profile, err);
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
    const Client = CLIENTS[service] as new (config: Record<string, unknown>) => ClientOf<S>;
    const client = new Client({
      region,
      credentials: this.credentials,
      endpoint,
      maxAttempts: 5,
      retryMode: 'adaptive',
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true },
      ...(service === 's3' ? { forcePathStyle: endpoint !== undefined, followRegionRedirects: true } : {}),
    });
    installReadOnlyGuard(client, service);
    this.countCalls(client);
    this.clients.set(key, client);
    return client;
  }

  close(): void {
    for (const c of this.clients.values()) (c as { destroy(): void }).destroy();
    this.clients.clear();
  }

  private countCalls(client: { middlewareStack: { add: (...a: never[]) => void } }): void {
    // finalizeRequest at low priority sits inside the retry loop: every HTTP attempt is counted.
    const add = client.middlewareStack.add as unknown as (
      mw: (next: (a: unknown) => Promise<unknown>) => (a: unknown) => Promise<unknown>,
      o: object,
    ) => void;
    add.call(client.middlewareStack, (next) => async (args) => {
      this.calls += 1;
      return next(args);
    }, { step: 'finalizeRequest', name: 'leaseholdCallCounter', priority: 'low' });
  }
}

/** Resolve once, share everywhere, refresh only shortly before expiry. */
function shareCredentials(provider: () => Promise<AwsCredentialIdentity>): () => Promise<AwsCredentialIdentity> {
  let current: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (current) {
      const creds = await current.catch(() => undefined);
      const expires = creds?.expiration?.getTime();
      if (creds && (expires === undefined || expires - Date.now() > 60_000)) return creds;
    }
    current = provider();
    return current;
  };
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
