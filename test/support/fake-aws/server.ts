/**
 * The loopback server: finds service and region from the SigV4 credential scope, counts the call,
 * applies latency and fault rules, then dispatches to the service module and renders its answer
 * in that service's protocol. Signatures are never verified.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRegionEnabled, type FakeAccount } from './account.ts';
import { defaultFaultCode, GARBAGE_BODY, takeFault, type FaultRule } from './faults.ts';
import {
  AwsError,
  missingAuthentication,
  newRequestId,
  renderError,
  renderSuccess,
  unknownOperation,
  type OperationContext,
  type ServiceModule,
  type WireResponse,
} from './protocol.ts';
import { cloudtrail } from './services/cloudtrail.ts';
import { ec2 } from './services/ec2.ts';
import { iam } from './services/iam.ts';
import { serviceRegistry } from './services/registry.ts';
import { s3 } from './services/s3.ts';
import { sso, SSO_BEARER_HEADER } from './services/sso.ts';
import { accountOfKey, refuseExpiredKey, sts } from './services/sts.ts';
import { Throttle, throttlingError, type ThrottleRule } from './throttle.ts';

const SERVICES = serviceRegistry([sts, ec2, iam, s3, cloudtrail, sso]);
/** awsQuery/ec2Query requests name their API version, which identifies the service when unsigned. */
const BY_API_VERSION: Record<string, ServiceModule> = { '2011-06-15': sts, '2016-11-15': ec2, '2010-05-08': iam };
const REQUEST_LOG_LIMIT = 1000;

export interface FakeAwsOptions {
  /** Added to every request before it is answered. */
  latencyMs?: number;
  /** Per-API token buckets (see throttle.ts; AWS_RATES has AWS's own). Default: no throttling. */
  throttle?: readonly ThrottleRule[];
}

export interface RequestRecord {
  service: string;
  action: string;
  region: string;
  status: number;
}

export interface FakeAws {
  /** http://127.0.0.1:PORT, for endpoint_url. */
  endpoint: string;
  port: number;
  /** Mutable: push rules at any time; see FaultRule. */
  faults: FaultRule[];
  /** Requests per `service:Action` (e.g. `ec2:DescribeInstances`), including failed ones. */
  calls: Map<string, number>;
  /** Requests per `service:Action` refused by the throttle (also counted in `calls`). */
  throttled: Map<string, number>;
  /** Mutable settings that apply to requests arriving afterwards. */
  settings: { latencyMs: number };
  /** The last requests (at most 1000), oldest first. */
  requests: RequestRecord[];
  close(): Promise<void>;
}

interface Scope {
  service: string;
  region: string;
  accessKeyId: string;
}

/** `Credential=AKID/20240101/eu-west-1/ec2/aws4_request` from the header, or a presigned URL's X-Amz-Credential. */
function credentialScope(auth: string | undefined, query: URLSearchParams): Scope | 'malformed' | undefined {
  const credential = auth ? /Credential=([^,\s]+)/.exec(auth)?.[1] : query.get('X-Amz-Credential');
  if (!credential) return auth ? 'malformed' : undefined;
  const [accessKeyId = '', , region, service] = credential.split('/');
  return region && service ? { service, region, accessKeyId } : 'malformed';
}

function inferService(req: IncomingMessage, params: URLSearchParams): ServiceModule {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string' && /CloudTrail/i.test(target)) return cloudtrail;
  if (req.headers[SSO_BEARER_HEADER] !== undefined) return sso;
  return BY_API_VERSION[params.get('Version') ?? ''] ?? s3;
}

function actionOf(service: ServiceModule, req: IncomingMessage, url: URL, params: URLSearchParams): { action: string; bucket?: string } {
  switch (service.protocol) {
    case 'query':
    case 'ec2':
      return { action: params.get('Action') ?? '' };
    case 'json': {
      if (service.route) return service.route(req.method ?? 'GET', url.pathname, url.searchParams) ?? { action: '' };
      const target = String(req.headers['x-amz-target'] ?? '');
      return { action: target.slice(target.lastIndexOf('.') + 1) };
    }
    case 'restXml':
      return service.route?.(req.method ?? 'GET', decodeURIComponent(url.pathname), url.searchParams) ?? { action: '' };
  }
}

function parseJson(service: ServiceModule, body: Buffer): Record<string, unknown> {
  if (service.protocol !== 'json' || body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to AWS's answer for a body that is not a JSON object
  }
  throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
}

function send(req: IncomingMessage, res: ServerResponse, wire: WireResponse, mangle?: FaultRule['body']): void {
  const body = Buffer.from(mangle === 'garbage' ? GARBAGE_BODY : wire.body);
  res.writeHead(wire.status, { ...wire.headers, Date: new Date().toUTCString(), 'Content-Length': String(body.length) });
  if (mangle === 'truncated') {
    // Promise the whole body, deliver half, then drop the connection mid-body.
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());
    return;
  }
  res.end(body);
}

export async function startFakeAws(account: FakeAccount, opts: FakeAwsOptions = {}): Promise<FakeAws> {
  const faults: FaultRule[] = [];
  const calls = new Map<string, number>();
  const throttled = new Map<string, number>();
  const throttle = opts.throttle ? new Throttle(opts.throttle) : undefined;
  const requests: RequestRecord[] = [];
  const settings = { latencyMs: opts.latencyMs ?? 0 };
  const closing = new AbortController();

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const params = new URLSearchParams(url.search);
    if (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.append(k, v);
    }
    const scope = credentialScope(req.headers.authorization, url.searchParams);
    const signed = typeof scope === 'object' ? scope : undefined;
    const service = (signed && SERVICES.get(signed.service)) || inferService(req, params);
    const region = signed?.region ?? 'us-east-1';
    const { action, bucket } = actionOf(service, req, url, params);
    const key = `${service.name}:${action || 'Unknown'}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    const requestId = newRequestId(service.protocol);
    const reply = (wire: WireResponse, mangle?: FaultRule['body']) => {
      requests.push({ service: service.name, action, region, status: wire.status });
      if (requests.length > REQUEST_LOG_LIMIT) requests.shift();
      send(req, res, wire, mangle);
    };
    try {
      if (scope === undefined && !service.operations[action]?.unsigned) throw missingAuthentication(service.protocol);
      if (scope === 'malformed') {
        throw service.protocol === 'restXml'
          ? new AwsError('AuthorizationHeaderMalformed', 'The authorization header is malformed; the Credential is mal-formed.')
          : new AwsError('IncompleteSignature', "Authorization header requires 'Credential' parameter.");
      }
      // Tokens are taken on arrival; the throttled answer still takes the network's time.
      const allowed = throttle?.take({ service: service.name, action, region: service.global ? 'global' : region, bucket }) ?? true;
      if (settings.latencyMs > 0) await sleep(settings.latencyMs, undefined, { signal: closing.signal });
      if (!allowed) {
        throttled.set(key, (throttled.get(key) ?? 0) + 1);
        throw throttlingError(service.name);
      }
      const fault = takeFault(faults, { service: service.name, action, region, bucket });
      if (fault?.delayMs) await sleep(fault.delayMs, undefined, { signal: closing.signal });
      if (fault?.raw) {
        const headers = { 'Content-Type': fault.raw.contentType, ...(fault.raw.headers ?? {}) };
        reply({ status: fault.status, headers, body: fault.raw.body }, fault.body);
        return;
      }
      if (fault && fault.status >= 300) {
        const error = new AwsError(fault.code ?? defaultFaultCode(fault.status), fault.message ?? 'Injected fault', fault.status);
        reply(renderError(service, error, requestId), fault.body);
        return;
      }
      // A key issued by AssumeRole into an organization member is answered with the member's data.
      const acct = signed ? accountOfKey(account, signed.accessKeyId) : account;
      if (signed) refuseExpiredKey(acct, signed.accessKeyId, service);
      if (!service.global && !isRegionEnabled(acct, region) && service.regionNotEnabled) {
        throw service.regionNotEnabled(region);
      }
      const operation = service.operations[action];
      if (!operation) throw unknownOperation(service, action || 'Unknown');
      const ctx: OperationContext = { account: acct, region, action, params, json: parseJson(service, body), bucket, method: req.method ?? 'GET', path: decodeURIComponent(url.pathname), accessKeyId: signed?.accessKeyId, bearerToken: String(req.headers[SSO_BEARER_HEADER] ?? '') || undefined };
      reply(renderSuccess(service, action, operation.handle(ctx), requestId), fault?.body);
    } catch (e) {
      if (closing.signal.aborted) return;
      const error = e instanceof AwsError ? e : new AwsError('InternalError', `Fake AWS bug: ${String(e)}`, 500);
      reply(renderError(service, error, requestId));
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks)));
    req.on('error', () => res.destroy());
  });
  // Node closes idle keep-alive sockets after 5 s; a client whose event loop lags past that can
  // write to a socket the server just closed, and its SDK retries an attempt this server never
  // counted. A minute keeps the server's and the client's call counts equal through a scan.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    faults,
    calls,
    throttled,
    settings,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
