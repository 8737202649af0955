/**
 * The per-instance maintenance view: one row per live EC2 instance with everything that says
 * whether it is being kept up to date, for the report and the UI. A pure function of the snapshot.
 * Every field that could not be read, or that AWS did not report, is null: never false, never 0.
 */
import type { Image, Instance } from '@aws-sdk/client-ec2';
import type { CoveredResource } from '@aws-sdk/client-inspector2';
import type { InstanceInformation, InstancePatchState } from '@aws-sdk/client-ssm';
import type { StoredInspectorFinding } from '../collect/inspector2.ts';
import type { Snapshot } from '../engine/snapshot.ts';
import type { InstanceMaintenanceRow } from '../../../shared/model/views.ts';

export type { InstanceMaintenanceRow };
import { countFindings, DAY_MS, findingsByInstance, indexBy, inspectorScanStatus, isoOf, liveInstances, timeOf, type InspectorAccountStatus } from './data.ts';
import { osSupport } from './eol.ts';
import { osFromImageName, osFromSsm } from './os.ts';


export function maintenanceView(snap: Snapshot): InstanceMaintenanceRow[] {
  return snap.meta.regions.flatMap((region) => {
    const instances = liveInstances(snap, region);
    if (!instances.ok) return [];
    const now = timeOf(instances.at) ?? 0;
    const ssm = snap.read<InstanceInformation[]>('ssm:DescribeInstanceInformation', region);
    const patches = snap.read<InstancePatchState[]>('ssm:DescribeInstancePatchStates', region);
    const images = snap.read<Image[]>('ec2:DescribeImages', region);
    const ssmById = ssm.ok ? indexBy(ssm.data, (i) => i.InstanceId) : undefined;
    const patchById = patches.ok ? indexBy(patches.data, (p) => p.InstanceId) : undefined;
    const imageById = images.ok ? indexBy(images.data, (i) => i.ImageId) : undefined;
    const inspector = inspectorRegion(snap, region);
    return instances.data.map((i) => row(region, i, now, { ssmById, patchById, imageById, inspector }));
  });
}

interface RegionIndex {
  ssmById?: Map<string, InstanceInformation>;
  patchById?: Map<string, InstancePatchState>;
  imageById?: Map<string, Image>;
  /** Present only when Inspector EC2 scanning is ENABLED and coverage and findings were read. */
  inspector?: { coverage: Map<string, CoveredResource>; findings: Map<string, StoredInspectorFinding[]> };
}

function inspectorRegion(snap: Snapshot, region: string): RegionIndex['inspector'] {
  const status = snap.read<InspectorAccountStatus>('inspector2:BatchGetAccountStatus', region);
  const coverage = snap.read<CoveredResource[]>('inspector2:ListCoverage', region);
  const findings = snap.read<StoredInspectorFinding[]>('inspector2:ListFindings', region);
  if (!status.ok || !coverage.ok || !findings.ok) return undefined;
  const ec2 = inspectorScanStatus(status.data, snap.meta.accountId, 'ec2');
  if (ec2.kind !== 'status' || ec2.status !== 'ENABLED') return undefined;
  return { coverage: indexBy(coverage.data, (c) => c.resourceId), findings: findingsByInstance(findings.data) };
}

function row(region: string, i: Instance, now: number, x: RegionIndex): InstanceMaintenanceRow {
  const id = i.InstanceId ?? '';
  const info = x.ssmById?.get(id);
  const patch = info ? x.patchById?.get(id) : undefined;
  const image = i.ImageId ? x.imageById?.get(i.ImageId) : undefined;
  const os = osFromSsm(info?.PlatformName, info?.PlatformVersion) ?? osFromImageName(image?.Name);
  const eol = os ? osSupport(os, new Date(now)) : undefined;
  const created = timeOf(image?.CreationDate);
  const deprecation = timeOf(image?.DeprecationTime);
  const covered = x.inspector?.coverage.get(id);
  // Counts mean "this many" only for an instance Inspector actually scans; otherwise they are unknown.
  const counts = covered?.scanStatus?.statusCode === 'ACTIVE' ? countFindings(x.inspector?.findings.get(id) ?? []) : undefined;
  const tokens = i.MetadataOptions?.HttpTokens;
  const num = (n: number | undefined) => (patch ? (n ?? null) : null);
  return {
    instanceId: id,
    name: i.Tags?.find((t) => t.Key === 'Name')?.Value ?? null,
    region,
    state: i.State?.Name ?? null,
    platformName: info?.PlatformName ?? (os?.source === 'ami' ? (eol?.status === 'unknown' ? `${os.family} ${os.version}` : (eol?.label ?? null)) : null),
    platformVersion: info?.PlatformVersion ?? (os?.source === 'ami' ? os.version : null),
    platformSource: info?.PlatformName ? 'ssm' : (os?.source ?? null),
    ssmManaged: x.ssmById ? Boolean(info) : null,
    ssmPingStatus: info?.PingStatus ?? null,
    ssmLastPing: isoOf(info?.LastPingDateTime),
    ssmAgentVersion: info?.AgentVersion ?? null,
    ssmAgentLatest: info?.IsLatestVersion ?? null,
    patchMissing: num(patch?.MissingCount),
    patchFailed: num(patch?.FailedCount),
    patchCriticalNonCompliant: num(patch?.CriticalNonCompliantCount),
    patchSecurityNonCompliant: num(patch?.SecurityNonCompliantCount),
    patchPendingReboot: num(patch?.InstalledPendingRebootCount),
    patchLastOperation: patch?.Operation ?? null,
    patchLastOperationEnd: isoOf(patch?.OperationEndTime),
    inspectorScanStatus: covered?.scanStatus?.statusCode ?? null,
    inspectorCritical: counts?.critical ?? null,
    inspectorHigh: counts?.high ?? null,
    inspectorMedium: counts?.medium ?? null,
    inspectorLow: counts?.low ?? null,
    inspectorFixAvailable: counts?.fixAvailable ?? null,
    inspectorExploitAvailable: counts?.exploitAvailable ?? null,
    amiId: i.ImageId ?? null,
    amiName: image?.Name ?? null,
    amiAgeDays: created === null ? null : Math.floor((now - created) / DAY_MS),
    amiDeprecated: image ? (deprecation !== null && deprecation <= now) || image.State === 'disabled' : null,
    osEndOfSupport: eol?.endDate ?? null,
    osEndOfLife: eol && eol.status !== 'unknown' ? eol.status === 'ended' : null,
    imdsv2Required: i.MetadataOptions?.HttpEndpoint === 'disabled' || tokens === 'required' ? true : tokens === 'optional' ? false : null,
  };
}
