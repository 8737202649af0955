/** Data AWS sent in a form it should not have: unknown, so NOT_ASSESSED with the reason, never PASS or FAIL. */
import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { Finding } from '../../../../../shared/model/finding.ts';
import type { Snapshot } from '../../../engine/snapshot.ts';
import { notAssessed, type Resource } from '../../helpers.ts';

export function unreadable(meta: CheckMeta, snap: Snapshot, resource: Resource, read: { call: string; region: string }, message: string): Finding {
  return notAssessed(meta, snap, resource, {
    ok: false,
    call: read.call,
    region: read.region,
    error: { kind: 'malformed-response', code: 'UnreadableValue', message },
  });
}
