import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { Finding } from '../../../../../shared/model/finding.ts';
import type { Read, Snapshot } from '../../../engine/snapshot.ts';
import { notAssessed, type Resource } from '../../helpers.ts';

/**
 * The data was read but does not settle the question (a route to a prefix list, a layer that
 * could not be read for this one resource): NOT_ASSESSED with the reason, never a guess.
 */
export function undetermined(meta: CheckMeta, snap: Snapshot, resource: Resource, read: Pick<Read<unknown>, 'call' | 'region'>, code: string, message: string): Finding {
  const f = notAssessed(meta, snap, resource, { ok: false, call: read.call, region: read.region, error: { kind: 'unknown', code, message } });
  f.message = `Not assessed: ${message}`;
  return f;
}
