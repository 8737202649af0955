/**
 * The trails a scan saw, each once, with what is known about it: logging (GetTrailStatus) and
 * whether it records read and write management events (GetEventSelectors). Every fact is
 * tri-state: a value that could not be read is undefined with the failed read kept, never false.
 * (Kept in a subfolder: every .ts directly in the area folder is a check.)
 */
import type { AdvancedEventSelector, EventSelector, Trail } from '@aws-sdk/client-cloudtrail';
import type { TrailEventSelectors } from '../../../collect/cloudtrail-details.ts';
import type { Read, Snapshot } from '../../../engine/snapshot.ts';
import type { Resource } from '../../helpers.ts';

export type OkRead<T> = Extract<Read<T>, { ok: true }>;
export type FailedRead = Extract<Read<unknown>, { ok: false }>;

/** GetTrailStatus as the collector stores it (fields AWS did not send are null or absent). */
export interface TrailStatus {
  IsLogging: boolean | null;
  LatestDeliveryError?: string | null;
  LatestDeliveryTime?: string | null;
  LatestCloudWatchLogsDeliveryTime?: string | null;
  LatestCloudWatchLogsDeliveryError?: string | null;
  StartLoggingTime?: string | null;
}

export interface TrailView {
  trail: Trail;
  arn: string;
  /** The DescribeTrails read the trail was first seen in (evidence). */
  seen: OkRead<Trail[]>;
  /** The account that owns the trail: another account's trail is an organization trail seen from a member. */
  owner: string;
  status: Read<TrailStatus>;
  selectors: Read<TrailEventSelectors>;
}

export interface ManagementEvents {
  /** true: read and write management events are recorded; undefined: could not be read. */
  covered: boolean | undefined;
  /** How we know, in a phrase for the finding message. */
  how: string;
  unknown?: FailedRead;
}

export interface TrailInventory {
  trails: TrailView[];
  okRegions: OkRead<Trail[]>[];
  failedRegions: FailedRead[];
}

export function trailInventory(snap: Snapshot): TrailInventory {
  const okRegions: OkRead<Trail[]>[] = [];
  const failedRegions: FailedRead[] = [];
  const byArn = new Map<string, TrailView>();
  for (const region of snap.meta.regions) {
    const read = snap.read<Trail[]>('cloudtrail:DescribeTrails', region);
    if (!read.ok) {
      failedRegions.push(read);
      continue;
    }
    okRegions.push(read);
    for (const trail of read.data) {
      const arn = trail.TrailARN;
      if (!arn || byArn.has(arn)) continue;
      const home = trail.HomeRegion ?? region;
      byArn.set(arn, {
        trail,
        arn,
        seen: read,
        owner: arn.split(':')[4] ?? '',
        status: snap.read<TrailStatus>('cloudtrail:GetTrailStatus', home, arn),
        selectors: snap.read<TrailEventSelectors>('cloudtrail:GetEventSelectors', home, arn),
      });
    }
  }
  return { trails: [...byArn.values()], okRegions, failedRegions };
}

export function trailResource(view: TrailView): Resource {
  return { id: view.arn, arn: view.arn, name: view.trail.Name ?? view.arn, region: view.trail.HomeRegion ?? 'global' };
}

/** true / false when GetTrailStatus was read; undefined otherwise. */
export function isLogging(view: TrailView): boolean | undefined {
  return view.status.ok && typeof view.status.data.IsLogging === 'boolean' ? view.status.data.IsLogging : undefined;
}

/** Why a trail's logging state is unknown: its failed GetTrailStatus, or a response without IsLogging. */
export function statusUnknown(view: TrailView): FailedRead {
  if (!view.status.ok) return view.status;
  return { ok: false, call: view.status.call, region: view.status.region, error: { kind: 'malformed-response', code: 'MissingField', message: 'IsLogging was absent from the response' } };
}

/** Upper-cases the first letter, for labels that open a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "trail X (organization trail of account Y)" for messages. */
export function trailLabel(view: TrailView, accountId: string): string {
  const name = view.trail.Name ?? view.arn;
  if (view.owner && view.owner !== accountId) return `organization trail ${name} of account ${view.owner}`;
  return `trail ${name}`;
}

type Kinds = { read: boolean; write: boolean };

function basic(selectors: EventSelector[]): Kinds {
  const k = { read: false, write: false };
  for (const s of selectors) {
    // AWS's defaults: IncludeManagementEvents true, ReadWriteType All.
    if (s.IncludeManagementEvents === false) continue;
    const rw = s.ReadWriteType ?? 'All';
    k.read ||= rw === 'All' || rw === 'ReadOnly';
    k.write ||= rw === 'All' || rw === 'WriteOnly';
  }
  return k;
}

/** Which readOnly values ('true' = reads, 'false' = writes) a selector's readOnly field lets through. */
function readOnlyScope(f: { Equals?: string[]; NotEquals?: string[] } | undefined): Set<string> {
  return new Set(['true', 'false'].filter((v) => (!f?.Equals?.length || f.Equals.includes(v)) && !f?.NotEquals?.includes(v)));
}

function advanced(selectors: AdvancedEventSelector[]): Kinds {
  const k = { read: false, write: false };
  for (const s of selectors) {
    const fields = s.FieldSelectors ?? [];
    const category = fields.find((f) => f.Field === 'eventCategory');
    if (!category?.Equals?.includes('Management')) continue;
    const scope = readOnlyScope(fields.find((f) => f.Field === 'readOnly'));
    k.read ||= scope.has('true');
    k.write ||= scope.has('false');
  }
  return k;
}

/** AWS's default for a trail without custom selectors: all read and write management events. */
const DEFAULT_EVENTS: ManagementEvents = { covered: true, how: 'it has no custom event selectors, so it records all read and write management events (the default)' };

/** Whether the trail records both read and write management events. */
export function managementEvents(view: TrailView): ManagementEvents {
  if (view.selectors.ok) {
    const { EventSelectors, AdvancedEventSelectors } = view.selectors.data;
    const adv = (AdvancedEventSelectors?.length ?? 0) > 0;
    // moto answers two empty lists for a trail on the default; AWS sends the default selector (ReadWriteType All):
    // "By default, trails ... log management events" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html).
    if (!adv && !EventSelectors?.length && view.trail.HasCustomEventSelectors === false) return DEFAULT_EVENTS;
    const k = adv ? advanced(AdvancedEventSelectors ?? []) : basic(EventSelectors ?? []);
    const what = k.read && k.write ? 'read and write' : k.write ? 'write-only' : k.read ? 'read-only' : 'no';
    return { covered: k.read && k.write, how: `its ${adv ? 'advanced ' : ''}event selectors record ${what} management events` };
  }
  // DescribeTrails says so even where GetEventSelectors is refused (an organization trail seen from a member).
  if (view.trail.HasCustomEventSelectors === false) return DEFAULT_EVENTS;
  return { covered: undefined, how: 'its event selectors could not be read', unknown: view.selectors };
}
