/**
 * The effective-exposure view: for every EC2 instance and RDS instance, each port range that a
 * security group opens to the whole internet, with the verdict of every layer in between (the
 * subnet's network ACL, a public address, a route to an internet gateway). A row is exposed only
 * when all four let traffic through; a layer that could not be read makes it unknown, never "no".
 * Pure: a function of the snapshot and the engagement's authorized ports; report and UI render it.
 */
import type { Instance, SecurityGroup } from '@aws-sdk/client-ec2';
import type { DBInstance } from '@aws-sdk/client-rds';
import type { Read, Snapshot } from '../engine/snapshot.ts';
import { instanceAttachments, rdsAttachment, type Attachment } from './attachments.ts';
import type { Family } from './cidr.ts';
import { agree, aclForSubnet, naclLayer, routeLayer, type NaclLayer, type NetworkReads, type RouteLayer, type Tri } from './layers.ts';
import { naclPortCuts } from './nacl.ts';
import { inRange, pieces, type PortRange } from './ports.ts';
import { groupOpenRules, opensPort, type OpenRule } from './sg-rules.ts';

import type { ExposureResourceType as ResourceType, ExposureRow, ExposureView } from '../../../shared/model/views.ts';

export type { ResourceType, ExposureRow, ExposureView };


export const NETWORK_DATASETS = ['ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkAcls', 'ec2:DescribeRouteTables', 'ec2:DescribeSubnets'] as const;

export function networkReads(snap: Snapshot, region: string): NetworkReads {
  return {
    acls: snap.read('ec2:DescribeNetworkAcls', region),
    tables: snap.read('ec2:DescribeRouteTables', region),
    subnets: snap.read('ec2:DescribeSubnets', region),
  };
}

export interface Subject {
  region: string;
  resourceType: ResourceType;
  resourceId: string;
  attachments: Attachment[];
}

/** The rows of one resource, and the group ids it uses that were not in the security group answer. */
export function exposureRows(subject: Subject, groups: ReadonlyMap<string, SecurityGroup>, net: NetworkReads, authorizedPorts: readonly number[]): { rows: ExposureRow[]; missingGroups: string[] } {
  const rows: ExposureRow[] = [];
  const missingGroups: string[] = [];
  for (const att of subject.attachments) {
    const open = att.groupIds.flatMap((id) => {
      const g = groups.get(id);
      if (!g) missingGroups.push(id);
      return g ? groupOpenRules(g.IpPermissions ?? []).map(({ rule }) => ({ group: g, rule })) : [];
    });
    for (const family of ['ipv4', 'ipv6'] as const) {
      for (const protocol of ['tcp', 'udp'] as const) {
        const relevant = open.filter(({ rule }) => rule.family === family && (rule.protocol === protocol || rule.protocol === 'all'));
        if (relevant.length > 0) rows.push(...attachmentRows(subject, att, relevant, family, protocol, net, authorizedPorts));
      }
    }
  }
  return { rows, missingGroups: [...new Set(missingGroups)] };
}

function attachmentRows(
  subject: Subject,
  att: Attachment,
  relevant: { group: SecurityGroup; rule: OpenRule }[],
  family: Family,
  protocol: 'tcp' | 'udp',
  net: NetworkReads,
  authorizedPorts: readonly number[],
): ExposureRow[] {
  const listening = typeof att.listeningPort === 'number' ? att.listeningPort : undefined;
  const ranges: PortRange[] = relevant.map(({ rule }) => rule.ports).filter((r) => listening === undefined || inRange(listening, r)).map((r) => (listening === undefined ? r : [listening, listening]));
  const acls = net.acls.ok ? att.subnetIds.flatMap((s) => aclForSubnet(net.acls.ok ? net.acls.data : [], s, att.vpcId) ?? []) : [];
  const cuts = [...authorizedPorts.flatMap((p) => [p, p + 1]), ...acls.flatMap((a) => naclPortCuts(a, family, protocol))];
  const routeUnknown: RouteLayer = { verdict: 'unknown', text: 'the subnet is not known' };
  const naclUnknown: NaclLayer = { verdict: 'unknown', text: 'the subnet is not known' };
  const route = agree(att.subnetIds.map((s) => routeLayer(net, s, att.vpcId, family)), routeUnknown);
  const publicAddress = att.publicAddress[family];
  const out: ExposureRow[] = [];
  // Pieces are cut at every rule edge and authorized port, so each is uniform for every layer.
  for (const [from, to] of pieces(ranges, cuts)) {
    const nacl = agree(att.subnetIds.map((s) => naclLayer(net, s, att.vpcId, family, protocol, [from, to])), naclUnknown);
    const openedBy = relevant.filter(({ rule }) => opensPort(rule, from)).map(({ group, rule }) => ({ groupId: group.GroupId ?? '', groupName: group.GroupName ?? '', rule: rule.label }));
    let exposed = combine([nacl.verdict === 'allow' ? 'yes' : nacl.verdict === 'deny' ? 'no' : 'unknown', publicAddress.verdict, route.verdict]);
    // An RDS instance whose port was not reported: the group's range is an upper bound, not a fact.
    if (exposed === 'yes' && att.listeningPort === 'unknown') exposed = 'unknown';
    const row: ExposureRow = {
      region: subject.region,
      resourceType: subject.resourceType,
      resourceId: subject.resourceId,
      ...(att.networkInterfaceId ? { networkInterfaceId: att.networkInterfaceId } : {}),
      family,
      protocol,
      fromPort: from,
      toPort: to,
      authorized: from === to && authorizedPorts.includes(from),
      openedBy,
      nacl,
      publicAddress,
      internetRoute: route,
      exposed,
    };
    out.push(row);
  }
  return out;
}

function combine(verdicts: Tri[]): Tri {
  if (verdicts.includes('no')) return 'no';
  return verdicts.includes('unknown') ? 'unknown' : 'yes';
}


/** Every world-open port of every instance and RDS instance in the scanned regions. */
export function exposureView(snap: Snapshot, authorizedPorts: readonly number[]): ExposureView {
  const view: ExposureView = { rows: [], notAssessed: [] };
  const skip = (read: Extract<Read<unknown>, { ok: false }>) => view.notAssessed.push({ region: read.region, call: read.call, code: read.error.code, message: read.error.message });
  for (const region of snap.meta.regions) {
    const sgs = snap.read<SecurityGroup[]>('ec2:DescribeSecurityGroups', region);
    if (!sgs.ok) {
      skip(sgs);
      continue;
    }
    const groups = new Map(sgs.data.map((g) => [g.GroupId ?? '', g]));
    const net = networkReads(snap, region);
    const instances = snap.read<Instance[]>('ec2:DescribeInstances', region);
    const dbs = snap.read<DBInstance[]>('rds:DescribeDBInstances', region);
    const subjects: Subject[] = [];
    if (instances.ok) subjects.push(...instances.data.filter(live).map((i) => instanceSubject(region, i)));
    else skip(instances);
    if (dbs.ok) subjects.push(...dbs.data.map((d) => rdsSubject(region, d)));
    else skip(dbs);
    for (const s of subjects) view.rows.push(...exposureRows(s, groups, net, authorizedPorts).rows);
  }
  return view;
}

export const live = (i: Instance): boolean => i.State?.Name !== 'terminated' && i.State?.Name !== 'shutting-down';

export const instanceSubject = (region: string, i: Instance): Subject => ({ region, resourceType: 'ec2-instance', resourceId: i.InstanceId ?? '', attachments: instanceAttachments(i) });

export const rdsSubject = (region: string, d: DBInstance): Subject => ({ region, resourceType: 'rds-db-instance', resourceId: d.DBInstanceIdentifier ?? '', attachments: [rdsAttachment(d)] });
