/**
 * A dataset is one read API call (the dataset id is "service:Operation"), collected once per
 * scan for every check that declares it. Collection is apart from evaluation: collectors only
 * turn API responses into snapshot data; checks only read the snapshot.
 */
import type { AwsSession, ServiceKey } from '../aws/session.ts';
import type { CallError, Snapshot } from '../engine/snapshot.ts';

export type DatasetScope =
  /** Once per scanned region. */
  | 'regional'
  /** Once per account (IAM, S3 ListBuckets): region "global", sent to the home region. */
  | 'global'
  /** Once per resource found by the datasets it depends on, sent to that resource's region. */
  | 'per-resource';

export interface CollectContext {
  session: AwsSession;
  /** Region of this unit ("global" for global datasets). */
  region: string;
  /** The region global calls are sent to. */
  homeRegion: string;
  /** What has been collected so far; per-resource datasets read their parents here. */
  snapshot: Snapshot;
  signal: AbortSignal;
  /** When set (doctor's permission probe), per-resource datasets call only this many resources. */
  sample?: number;
  /** Sends one command and counts its HTTP attempts (retries included) for this unit. */
  send<T>(client: { send(command: never): Promise<unknown> }, command: unknown): Promise<T>;
}

/** One per-resource result: data, or the classified error of that resource's call. */
export type ResourceResult =
  | { region: string; resourceKey: string; ok: true; data: unknown }
  | { region: string; resourceKey: string; ok: false; error: CallError };

export interface DatasetDef {
  id: string;
  service: ServiceKey;
  scope: DatasetScope;
  /** IAM actions this dataset needs (they differ from API names in places). */
  iamActions: string[];
  dependsOn?: string[];
  /** regional/global: returns the data of the call (pages merged). per-resource: one result per resource. */
  collect(ctx: CollectContext): Promise<unknown>;
}
