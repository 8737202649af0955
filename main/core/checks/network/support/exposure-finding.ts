/**
 * One finding per resource from its exposure rows: FAIL when an unauthorized port is reachable
 * through all four layers, NOT_ASSESSED when that depends on something that could not be read,
 * PASS otherwise (saying whether only authorized ports are reachable, or what stops the rest).
 */
import type { NetworkAcl, RouteTable, SecurityGroup } from '@aws-sdk/client-ec2';
import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { Evidence, Finding } from '../../../../../shared/model/finding.ts';
import type { Read } from '../../../engine/snapshot.ts';
import type { Snapshot } from '../../../engine/snapshot.ts';
import type { NetworkReads } from '../../../exposure/layers.ts';
import { portText } from '../../../exposure/ports.ts';
import type { ExposureRow } from '../../../exposure/view.ts';
import { evidence, finding, notAssessed, type Resource } from '../../helpers.ts';
import { undetermined } from './undetermined.ts';
import { listText } from './world-open.ts';

const portsOf = (r: ExposureRow): string => `${r.protocol} ${portText([r.fromPort, r.toPort])} over ${r.family}`;

function rowText(r: ExposureRow): string {
  const groups = r.openedBy.map((g) => `${g.groupId} "${g.rule}"`).join(', ');
  return `${portsOf(r)} (${groups}; ${r.nacl.text}; ${r.publicAddress.text}; ${r.internetRoute.text})`;
}

/** What stops a row: the first layer that says no. */
function stopText(r: ExposureRow): string {
  if (r.publicAddress.verdict === 'no') return r.publicAddress.text;
  if (r.nacl.verdict === 'deny') return `${portsOf(r)}: ${r.nacl.text}`;
  return r.internetRoute.text;
}

export interface ExposureInputs {
  rows: ExposureRow[];
  missingGroups: string[];
  groups: Extract<Read<SecurityGroup[]>, { ok: true }>;
  /** The resource list the subject came from, with the subject's own excerpt. */
  subject: { read: Extract<Read<unknown>, { ok: true }>; excerpt: unknown };
  net: NetworkReads;
}

export function exposureFinding(meta: CheckMeta, snap: Snapshot, resource: Resource, input: ExposureInputs): Finding {
  const { rows, net } = input;
  const proof = exposureEvidence(input);
  const bad = rows.filter((r) => r.exposed === 'yes' && !r.authorized);
  if (bad.length > 0) {
    return finding(meta, snap, resource, 'FAIL', `${resource.id} is reachable from the internet on unauthorized ports: ${listText(bad.map(rowText), 3)}.`, proof);
  }
  const unsure = rows.filter((r) => r.exposed === 'unknown' && !r.authorized);
  if (unsure.length > 0 || input.missingGroups.length > 0) {
    const unread = [net.acls, net.tables].find((read) => !read.ok && unsure.length > 0);
    if (unread && !unread.ok) return notAssessed(meta, snap, resource, unread);
    const why = input.missingGroups.length > 0
      ? `security group ${listText(input.missingGroups, 3)} is attached to ${resource.id} but was not in the ec2:DescribeSecurityGroups answer`
      : `whether ${resource.id} is reachable depends on what could not be determined: ${listText(unsure.map((r) => `${portsOf(r)}: ${[r.nacl, r.internetRoute, r.publicAddress].find((l) => l.verdict === 'unknown')?.text ?? 'its listening port was not reported'}`), 3)}`;
    return undetermined(meta, snap, resource, input.groups, 'ExposureUndetermined', why);
  }
  const reachable = rows.filter((r) => r.exposed === 'yes');
  if (reachable.length > 0) {
    return finding(meta, snap, resource, 'PASS', `${resource.id} is reachable from the internet only on authorized ports: ${listText(reachable.map(portsOf), 4)}.`, proof);
  }
  if (rows.length === 0) return finding(meta, snap, resource, 'PASS', `No security group of ${resource.id} opens a port to 0.0.0.0/0 or ::/0.`, proof);
  return finding(meta, snap, resource, 'PASS', `${resource.id} is not reachable from the internet: ${listText([...new Set(rows.map(stopText))], 3)}.`, proof);
}

function exposureEvidence({ rows, groups, subject, net }: ExposureInputs): Evidence[] {
  const ids = new Set(rows.flatMap((r) => r.openedBy.map((g) => g.groupId)));
  const proof = [evidence(subject.read, subject.excerpt)];
  if (ids.size > 0) {
    proof.push(evidence(groups, groups.data.filter((g) => ids.has(g.GroupId ?? '')).map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName, IpPermissions: g.IpPermissions }))));
  }
  const aclIds = new Set(rows.flatMap((r) => r.nacl.networkAclId ?? []));
  if (net.acls.ok && aclIds.size > 0) {
    proof.push(evidence(net.acls, (net.acls.data as NetworkAcl[]).filter((a) => aclIds.has(a.NetworkAclId ?? '')).map((a) => ({ NetworkAclId: a.NetworkAclId, IngressEntries: (a.Entries ?? []).filter((e) => e.Egress !== true) }))));
  }
  const rtIds = new Set(rows.flatMap((r) => r.internetRoute.routeTableId ?? []));
  if (net.tables.ok && rtIds.size > 0) {
    proof.push(evidence(net.tables, (net.tables.data as RouteTable[]).filter((t) => rtIds.has(t.RouteTableId ?? '')).map((t) => ({ RouteTableId: t.RouteTableId, Associations: t.Associations, Routes: t.Routes }))));
  }
  return proof;
}
