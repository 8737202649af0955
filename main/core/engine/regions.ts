/** Which regions a scan covers: the account's enabled regions by default, or the user's list. */
import { DescribeRegionsCommand, type DescribeRegionsCommandOutput } from '@aws-sdk/client-ec2';
import { ApiFailure } from '../api.ts';
import { partitionOf } from '../aws/partition.ts';
import type { AwsSession } from '../aws/session.ts';
import { classifyError } from './classify.ts';
import { GLOBAL, type SnapshotRecord } from './snapshot.ts';

export interface RegionPlan {
  regions: string[];
  /** The DescribeRegions call as a snapshot record (data or classified error). */
  record: SnapshotRecord;
}

const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export async function planRegions(session: AwsSession, wanted: string[] | 'all' | undefined, now: Date): Promise<RegionPlan> {
  if (Array.isArray(wanted)) {
    const bad = wanted.find((r) => !REGION_NAME.test(r));
    if (bad !== undefined) throw new ApiFailure('bad-region', `"${bad.slice(0, 40)}" is not an AWS region name (expected e.g. eu-west-1).`);
  }
  const at = now.toISOString();
  let out: DescribeRegionsCommandOutput;
  try {
    out = await session.client('ec2', session.homeRegion).send(new DescribeRegionsCommand({ AllRegions: true }));
  } catch (err) {
    const error = classifyError(err);
    const record: SnapshotRecord = { dataset: 'ec2:DescribeRegions', region: GLOBAL, resourceKey: '', ok: false, error, collectedAt: at, calls: 1 };
    // Without the region list, scan what the user named, or the profile's own region.
    return { regions: Array.isArray(wanted) && wanted.length > 0 ? wanted : [session.homeRegion], record };
  }
  const all = (out.Regions ?? []).map((r) => ({ name: r.RegionName ?? '', status: r.OptInStatus ?? 'opt-in-not-required' }));
  // An account lives in one partition; AWS lists only its regions. Emulators (moto) also list the
  // China and GovCloud regions, which an account of the aws partition can never use.
  const enabled = all.filter((r) => r.status !== 'not-opted-in' && partitionOf(r.name) === session.partition).map((r) => r.name).sort();
  const record: SnapshotRecord = {
    dataset: 'ec2:DescribeRegions',
    region: GLOBAL,
    resourceKey: '',
    ok: true,
    data: all,
    collectedAt: at,
    calls: out.$metadata.attempts ?? 1,
  };
  if (!Array.isArray(wanted) || wanted.length === 0) return { regions: enabled, record };
  const disabled = wanted.filter((r) => !enabled.includes(r));
  if (disabled.length > 0) {
    throw new ApiFailure('region-not-enabled', `Region(s) ${disabled.join(', ')} are not enabled in this account; enabled: ${enabled.join(', ')}.`);
  }
  return { regions: [...new Set(wanted)].sort(), record };
}
