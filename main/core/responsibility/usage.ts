/**
 * What in a snapshot shows that a service is in use: the resources its list calls return. A call
 * that failed (or a region not read) leaves the answer unknown; only calls read everywhere and
 * found empty say "not in use". A dataset this scan did not collect at all is no evidence either
 * way; a service with no collected evidence is unknown.
 */
import type { CallErrorKind } from '../../../shared/model/finding.ts';
import { GLOBAL, type Snapshot } from '../engine/snapshot.ts';

export interface Tally {
  /** At least one record of the evidence exists in this snapshot. */
  collected: boolean;
  count: number;
  regions: Set<string>;
  noun: readonly [string, string];
  failure?: { call: string; region: string; kind: CallErrorKind; code: string };
}

export type Evidence = { datasets: string[]; tally(snap: Snapshot): Tally };

const length = (data: unknown) => (Array.isArray(data) ? data.length : 0);

/** A list call's records, read in every scanned region (or once, for a global call). */
export function list(dataset: string, noun: readonly [string, string], count: (data: unknown, region: string) => number = length, opts: { global?: boolean; offMeansNone?: boolean } = {}): Evidence {
  return {
    datasets: [dataset],
    tally(snap) {
      const t: Tally = { collected: snap.records(dataset).length > 0, count: 0, regions: new Set(), noun };
      if (!t.collected) return t;
      for (const region of opts.global ? [GLOBAL] : snap.meta.regions) {
        const read = snap.read(dataset, region);
        if (!read.ok) {
          // An enablement service that is off in a region has, there, nothing in use.
          if (opts.offMeansNone && read.error.kind === 'service-not-enabled') continue;
          t.failure ??= { call: dataset, region, kind: read.error.kind, code: read.error.code };
          continue;
        }
        const n = count(read.data, region);
        t.count += n;
        if (n > 0) t.regions.add(region);
      }
      return t;
    },
  };
}

/** Customer managed keys: ListKeys shows every key, DescribeKey tells whose it is (AWS managed keys are not the customer's). */
export const customerKeys: Evidence = {
  datasets: ['kms:ListKeys', 'kms:DescribeKey'],
  tally(snap) {
    const t: Tally = { collected: snap.records('kms:ListKeys').length > 0, count: 0, regions: new Set(), noun: ['customer managed key', 'customer managed keys'] };
    if (!t.collected) return t;
    for (const region of snap.meta.regions) {
      const keys = snap.read<{ KeyId?: string }[]>('kms:ListKeys', region);
      if (!keys.ok) {
        t.failure ??= { call: 'kms:ListKeys', region, kind: keys.error.kind, code: keys.error.code };
        continue;
      }
      for (const k of keys.data) {
        const meta = snap.read<{ KeyManager?: string } | null>('kms:DescribeKey', region, k.KeyId ?? '');
        if (!meta.ok) {
          t.failure ??= { call: 'kms:DescribeKey', region, kind: meta.error.kind, code: meta.error.code };
        } else if (meta.data?.KeyManager === 'CUSTOMER') {
          t.count += 1;
          t.regions.add(region);
        }
      }
    }
    return t;
  },
};

const notTerminated = (data: unknown) => (Array.isArray(data) ? data.filter((i: { State?: { Name?: string } }) => i.State?.Name !== 'terminated').length : 0);
/** A multi-region trail is listed in every region; it is counted in its home region only. */
const homeTrails = (data: unknown, region: string) => (Array.isArray(data) ? data.filter((t: { HomeRegion?: string }) => !t.HomeRegion || t.HomeRegion === region).length : 0);
const nonDefaultVpcs = (data: unknown) => (Array.isArray(data) ? data.filter((v: { IsDefault?: boolean }) => v.IsDefault === false).length : 0);
const iamPrincipals = (data: unknown) => {
  const m = (data ?? {}) as Record<string, number | undefined>;
  return (m.Users ?? 0) + (m.Roles ?? 0);
};
const hubOn = (data: unknown) => ((data as { subscribed?: boolean } | null)?.subscribed === true ? 1 : 0);
const readable = () => 1;

const REGION = ['region', 'regions'] as const;

/** Evidence per service key of the responsibility data. */
export const USAGE: Readonly<Record<string, Evidence[]>> = {
  ec2: [list('ec2:DescribeInstances', ['instance', 'instances'], notTerminated)],
  ebs: [list('ec2:DescribeVolumes', ['volume', 'volumes'])],
  vpc: [list('ec2:DescribeNetworkInterfaces', ['network interface', 'network interfaces']), list('ec2:DescribeVpcs', ['non-default VPC', 'non-default VPCs'], nonDefaultVpcs)],
  rds: [list('rds:DescribeDBInstances', ['DB instance', 'DB instances']), list('rds:DescribeDBClusters', ['DB cluster', 'DB clusters'])],
  lambda: [list('lambda:ListFunctions', ['function', 'functions'])],
  s3: [list('s3:ListBuckets', ['bucket', 'buckets'], length, { global: true })],
  dynamodb: [list('dynamodb:ListTables', ['table', 'tables'])],
  eks: [list('eks:ListClusters', ['cluster', 'clusters'])],
  efs: [list('efs:DescribeFileSystems', ['file system', 'file systems'])],
  kms: [customerKeys],
  cloudtrail: [list('cloudtrail:DescribeTrails', ['trail', 'trails'], homeTrails)],
  iam: [list('iam:GetAccountSummary', ['user or role', 'users and roles'], iamPrincipals, { global: true })],
  securityhub: [list('securityhub:DescribeHub', REGION, hubOn), list('securityhub:GetFindings', REGION, readable, { offMeansNone: true })],
  guardduty: [list('guardduty:ListDetectors', ['detector', 'detectors'])],
  config: [list('config:DescribeConfigurationRecorders', ['configuration recorder', 'configuration recorders'])],
  logs: [list('logs:DescribeLogGroups', ['log group', 'log groups'])],
};
