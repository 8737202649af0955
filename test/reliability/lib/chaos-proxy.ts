/**
 * A chaos proxy between the SDK and the loopback fake: at a given rate (seeded, so a run can be
 * replayed) it throttles, answers 5xx, resets the TCP connection, stalls, truncates or mangles a
 * response. Errors are written in the signing service's own protocol (the fake's renderer), so
 * the SDK sees what AWS would send. The fake itself stays untouched.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { GARBAGE_BODY } from '../../support/fake-aws/faults.ts';
import { AwsError, newRequestId, renderError, type ServiceModule } from '../../support/fake-aws/protocol.ts';
import { cloudtrail } from '../../support/fake-aws/services/cloudtrail.ts';
import { ec2 } from '../../support/fake-aws/services/ec2.ts';
import { iam } from '../../support/fake-aws/services/iam.ts';
import { serviceRegistry } from '../../support/fake-aws/services/registry.ts';
import { s3 } from '../../support/fake-aws/services/s3.ts';
import { sso } from '../../support/fake-aws/services/sso.ts';
import { sts } from '../../support/fake-aws/services/sts.ts';
import { throttlingError } from '../../support/fake-aws/throttle.ts';
import { seededRandom } from '../../support/random.ts';

export const FAULT_KINDS = ['throttle-burst', 'server-error', 'reset', 'slow', 'truncated', 'garbage', 'denied'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How often each kind is picked once a request is chosen for a fault. Retryable faults dominate, as in life. */
export const DEFAULT_MIX: Readonly<Record<FaultKind, number>> = {
  'throttle-burst': 3,
  'server-error': 2,
  reset: 2,
  slow: 2,
  truncated: 1,
  garbage: 0.5,
  denied: 0.5,
};

export interface ChaosOptions {
  /** Share of requests that get a fault, 0..1. */
  rate: number;
  seed: number;
  mix?: Readonly<Record<FaultKind, number>>;
  /** Range of the added delay for 'slow' (ms); kept well under the SDK's 30 s request timeout. */
  slowMs?: [number, number];
  /** A throttling burst refuses this many consecutive requests to the same service and region. */
  burst?: number;
  /** Sees every answer passed through from the fake (the secrets test reads issued credentials here). */
  tap?(body: Buffer): void;
}

export interface ChaosProxy {
  endpoint: string;
  requests: number;
  injected: Record<FaultKind, number>;
  close(): Promise<void>;
}


const SERVICES = serviceRegistry([sts, ec2, iam, s3, cloudtrail, sso]);

function scopeOf(req: IncomingMessage): { service: ServiceModule | undefined; region: string } {
  const credential = /Credential=([^,\s]+)/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
  const [, , region = 'us-east-1', name = ''] = credential.split('/');
  return { service: SERVICES.get(name), region };
}

function pick(mix: Readonly<Record<FaultKind, number>>, r: number): FaultKind {
  const total = FAULT_KINDS.reduce((n, k) => n + mix[k], 0);
  let x = r * total;
  for (const k of FAULT_KINDS) {
    x -= mix[k];
    if (x < 0) return k;
  }
  return 'server-error';
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const up = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    up.on('error', reject);
    up.end(body);
  });
}

function writeUpstream(res: ServerResponse, up: Upstream, body: Buffer = up.body): void {
  const headers: Upstream['headers'] = { ...up.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  delete headers.connection;
  res.writeHead(up.status, headers);
  res.end(body);
}

function writeError(res: ServerResponse, service: ServiceModule, error: AwsError): void {
  const wire = renderError(service, error, newRequestId(service.protocol));
  const body = Buffer.from(wire.body);
  res.writeHead(wire.status, { ...wire.headers, 'Content-Length': String(body.length), Date: new Date().toUTCString() });
  res.end(body);
}

export async function startChaosProxy(targetEndpoint: string, opts: ChaosOptions): Promise<ChaosProxy> {
  const target = new URL(targetEndpoint);
  const random = seededRandom(opts.seed);
  const mix = opts.mix ?? DEFAULT_MIX;
  const [slowMin, slowMax] = opts.slowMs ?? [200, 1200];
  const burst = opts.burst ?? 4;
  const bursts = new Map<string, number>();
  const injected = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  const state = { requests: 0 };
  const closing = new AbortController();

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    state.requests += 1;
    const { service, region } = scopeOf(req);
    const burstKey = `${service?.name ?? '?'}/${service?.global ? 'global' : region}`;
    let kind: FaultKind | undefined;
    const left = bursts.get(burstKey) ?? 0;
    if (left > 0 && service) {
      bursts.set(burstKey, left - 1);
      kind = 'throttle-burst';
    } else if (random() < opts.rate) {
      kind = pick(mix, random());
      if (kind === 'throttle-burst') bursts.set(burstKey, burst - 1);
    }
    // Unsigned or unknown requests have no protocol to speak; they pass untouched.
    if (!service) kind = undefined;
    if (kind) injected[kind] += 1;
    switch (kind) {
      case 'throttle-burst':
        return writeError(res, service as ServiceModule, throttlingError(service?.name ?? ''));
      case 'server-error':
        return writeError(res, service as ServiceModule, random() < 0.5 ? new AwsError('InternalError', 'We encountered an internal error. Please try again.', 500) : new AwsError('ServiceUnavailable', 'Service is unavailable. Please try again later.', 503));
      case 'denied':
        return writeError(res, service as ServiceModule, new AwsError('AccessDenied', 'User is not authorized to perform this operation (injected).', 403));
      case 'reset':
        // A TCP RST with nothing answered, as a dropping middlebox or a restarting endpoint does.
        req.socket.resetAndDestroy();
        return;
      default:
        break;
    }
    if (kind === 'slow') await sleep(slowMin + random() * (slowMax - slowMin), undefined, { signal: closing.signal });
    const up = await forward(target, req, body);
    opts.tap?.(up.body);
    if (kind === 'garbage') return writeUpstream(res, up, Buffer.from(GARBAGE_BODY));
    if (kind === 'truncated') {
      const headers: Upstream['headers'] = { ...up.headers, 'content-length': String(up.body.length) };
      delete headers['transfer-encoding'];
      res.writeHead(up.status, headers);
      // Promise the whole body, deliver half, then drop the connection.
      res.write(up.body.subarray(0, Math.floor(up.body.length / 2)), () => req.socket.destroy());
      return;
    }
    writeUpstream(res, up);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch(() => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(502);
          res.end();
        } else res.destroy();
      });
    });
    req.on('error', () => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    injected,
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
