/** Shared shape of this area's checks: one finding per live EC2 instance (or per region setting). */
import type { Instance } from '@aws-sdk/client-ec2';
import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { Evidence, Finding, NotAssessedReason } from '../../../../../shared/model/finding.ts';
import type { Snapshot } from '../../../engine/snapshot.ts';
import { liveInstances, type OkRead } from '../../../maintenance/data.ts';
import { accountResource, finding, notAssessed, tagName, type Resource } from '../../helpers.ts';

export function instanceResource(snap: Snapshot, region: string, i: Instance): Resource {
  const id = i.InstanceId ?? '';
  return { id, arn: `arn:${snap.meta.partition}:ec2:${region}:${snap.meta.accountId}:instance/${id}`, name: tagName(i.Tags) ?? id, region };
}

export interface InstanceContext {
  region: string;
  instance: Instance;
  resource: Resource;
  /** The DescribeInstances read the instance came from (its time is the scan's "now"). */
  instances: OkRead<Instance[]>;
}

/**
 * Calls `evaluate` for every live instance of every scanned region; a region whose instances could
 * not be listed is NOT_ASSESSED, a region without instances NOT_APPLICABLE.
 */
export function perLiveInstance(meta: CheckMeta, snap: Snapshot, evaluate: (c: InstanceContext) => Finding): Finding[] {
  return snap.meta.regions.flatMap((region) => {
    const read = liveInstances(snap, region);
    const where = accountResource(snap, region, `EC2 instances (${region})`);
    if (!read.ok) return [notAssessed(meta, snap, where, read)];
    if (read.data.length === 0) return [finding(meta, snap, where, 'NOT_APPLICABLE', `No EC2 instances in ${region}.`)];
    return read.data.map((instance) => evaluate({ region, instance, resource: instanceResource(snap, region, instance), instances: read }));
  });
}

/** NOT_ASSESSED for a reason other than a failed call (a service turned off, data AWS did not return). */
export function unassessed(meta: CheckMeta, snap: Snapshot, resource: Resource, reason: NotAssessedReason, proof: Evidence[] = []): Finding {
  const f = finding(meta, snap, resource, 'NOT_ASSESSED', `Not assessed: ${reason.message}`, proof);
  f.reason = reason;
  return f;
}
