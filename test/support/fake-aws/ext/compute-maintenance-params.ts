/** Request checks shared by the compute-maintenance fake services (JSON bodies and REST query strings). */
import { paginate, type Page } from '../params.ts';
import { AwsError } from '../protocol.ts';

/** An integer parameter within [min, max], or `fallback` when absent; `error` builds the service's own complaint. */
export function intWithin(value: unknown, min: number, max: number, fallback: number, error: (v: unknown) => AwsError): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw error(value);
  return n;
}

/** The AWS JSON services' standard validation message. */
export function validation(field: string, value: unknown, constraint: string): AwsError {
  return new AwsError('ValidationException', `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`);
}

export function page<T>(all: T[], scope: string, limit: number, token: unknown, tokenError: AwsError): Page<T> {
  return paginate(all, { scope, limit, token: typeof token === 'string' && token ? token : null, tokenError });
}

/** Per-region fixture data, or an empty list. */
export function inRegion<T>(data: Record<string, T[]> | undefined, region: string): T[] {
  return data?.[region] ?? [];
}
