/**
 * The shape most checks of this area share: a regional list dataset, one finding per resource in
 * every scanned region, NOT_ASSESSED for a region whose list could not be read and NOT_APPLICABLE
 * for a region that has none. (Kept in a subfolder: every .ts directly in the area folder is a check.)
 */
import type { Finding } from '../../../../../shared/model/finding.ts';
import type { Read, Snapshot } from '../../../engine/snapshot.ts';
import { accountResource, finding, notAssessed } from '../../helpers.ts';
import type { Check } from '../../types.ts';

export type OkRead<T> = Extract<Read<T>, { ok: true }>;

export interface RegionalOptions<T> {
  /** What the list holds, for the region-level findings ("EBS volumes"). */
  label: string;
  /** Items the check does not apply to (e.g. deleted resources) are left out. */
  applies?: (item: T, region: string) => boolean;
}

/** One regional list a check reads, and how each of its items is judged. */
export interface RegionalPart<T> extends RegionalOptions<T> {
  dataset: string;
  evaluate: (item: T, read: OkRead<T[]>, region: string) => Finding | Finding[];
}

export function eachRegion<T>(
  meta: Check['meta'],
  snap: Snapshot,
  dataset: string,
  opts: RegionalOptions<T>,
  evaluate: RegionalPart<T>['evaluate'],
): Finding[] {
  return eachRegionOf(meta, snap, opts.label, [{ dataset, ...opts, evaluate } as RegionalPart<unknown>]);
}

/**
 * Several lists judged by one check (DB and cluster snapshots). A region gets at most one
 * region-level finding (findings are keyed by check, region and resource): NOT_ASSESSED when any
 * of its lists could not be read, NOT_APPLICABLE only when every list was read and is empty.
 */
export function eachRegionOf(meta: Check['meta'], snap: Snapshot, label: string, parts: RegionalPart<unknown>[]): Finding[] {
  return snap.meta.regions.flatMap((region) => {
    const out: Finding[] = [];
    let failed: Extract<Read<unknown>, { ok: false }> | undefined;
    let found = false;
    for (const part of parts) {
      const read = snap.read<unknown[]>(part.dataset, region);
      if (!read.ok) {
        failed ??= read;
        continue;
      }
      const items = part.applies ? read.data.filter((item) => part.applies?.(item, region)) : read.data;
      found ||= items.length > 0;
      out.push(...items.flatMap((item) => part.evaluate(item, read, region)));
    }
    const resource = accountResource(snap, region, `${label} (${region})`);
    if (failed) out.push(notAssessed(meta, snap, resource, failed));
    else if (!found) out.push(finding(meta, snap, resource, 'NOT_APPLICABLE', `No ${label} in ${region}.`));
    return out;
  });
}

/** NOT_ASSESSED for a reason that is not a failed call (an engine default Leasehold cannot know, say). */
export function cannotTell(meta: Check['meta'], snap: Snapshot, resource: Parameters<typeof finding>[2], call: string, code: string, message: string): Finding {
  const f = finding(meta, snap, resource, 'NOT_ASSESSED', `Not assessed: ${message}`);
  f.reason = { kind: 'unknown', code, call, message };
  return f;
}

export function arn(snap: Snapshot, region: string, service: string, resource: string): string {
  return `arn:${snap.meta.partition}:${service}:${region}:${snap.meta.accountId}:${resource}`;
}
