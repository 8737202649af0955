/**
 * The single entry used by both transports: validate the call name, run the handler, and wrap
 * the outcome in an envelope. Unexpected errors become one line; stacks stay in the process log.
 */
import { isApiName } from '../../shared/api.ts';
import type { Envelope } from '../../shared/model/result.ts';
import { ApiFailure, type Handlers } from './api.ts';

export async function dispatch(handlers: Handlers, name: unknown, req: unknown): Promise<Envelope<unknown>> {
  if (!isApiName(name)) {
    return { ok: false, error: { code: 'unknown-call', message: `Unknown call: ${String(name).slice(0, 80)}` } };
  }
  if (req === undefined || req === null) req = {};
  if (typeof req !== 'object' || Array.isArray(req)) {
    return { ok: false, error: { code: 'bad-request', message: `${name}: the request must be a JSON object` } };
  }
  try {
    const handler = handlers[name] as (r: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(req) };
  } catch (err) {
    if (err instanceof ApiFailure) return { ok: false, error: { code: err.code, message: err.message } };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message: firstLine(message) } };
  }
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
