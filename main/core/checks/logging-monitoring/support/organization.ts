/**
 * Delegated-admin awareness for services an organization can run for its members (GuardDuty,
 * Security Hub, Config). Used only when the service is NOT on locally: a member account must not
 * be failed when there is positive evidence the organization administers the service, and must
 * not be failed either when that evidence could not be read (members are usually refused
 * ListDelegatedAdministrators). Standalone and management accounts own their own configuration.
 */
import type { DelegatedAdministrator } from '@aws-sdk/client-organizations';
import type { Evidence, Finding } from '../../../../../shared/model/finding.ts';
import type { DelegatedAdministrators, OrganizationState } from '../../../collect/organizations.ts';
import { GLOBAL, type Snapshot } from '../../../engine/snapshot.ts';
import { finding, notAssessed, type Resource } from '../../helpers.ts';
import type { Check } from '../../types.ts';
import type { FailedRead } from './trails.ts';

export const ORG_NEEDS = ['organizations:DescribeOrganization', 'organizations:ListDelegatedAdministrators'];

type Verdict =
  | { kind: 'own'; note: string }
  | { kind: 'managed'; admins: DelegatedAdministrator[]; orgId: string }
  | { kind: 'unknown'; read: FailedRead; note: string };

export function organizationVerdict(snap: Snapshot, principals: readonly string[]): Verdict {
  const org = snap.read<OrganizationState>('organizations:DescribeOrganization', GLOBAL);
  if (!org.ok) return { kind: 'unknown', read: org, note: 'whether the account belongs to an organization could not be read' };
  if (!org.data.inOrganization) return { kind: 'own', note: 'the account is not in an organization' };
  const o = org.data.Organization;
  if (o.MasterAccountId === snap.meta.accountId) return { kind: 'own', note: `this is the management account of organization ${o.Id}` };
  const delegated = snap.read<DelegatedAdministrators>('organizations:ListDelegatedAdministrators', GLOBAL);
  if (!delegated.ok) {
    return { kind: 'unknown', read: delegated, note: `the account is a member of organization ${o.Id} and could not list its delegated administrators` };
  }
  const lists = principals.map((p) => delegated.data[p] ?? []);
  const refused = lists.find((l) => !Array.isArray(l));
  if (refused && !Array.isArray(refused)) {
    const read: FailedRead = { ok: false, error: refused.error, call: delegated.call, region: delegated.region };
    return { kind: 'unknown', read, note: `the account is a member of organization ${o.Id} and could not list its delegated administrators` };
  }
  const admins = lists.flatMap((l) => (Array.isArray(l) ? l : [])).filter((a) => a.Id !== snap.meta.accountId);
  if (admins.length === 0) return { kind: 'own', note: `organization ${o.Id} has no delegated administrator for it` };
  return { kind: 'managed', admins, orgId: o.Id ?? '' };
}

/**
 * The finding for "the service is off here": FAIL unless the organization may be running it for
 * this member account, in which case NOT_ASSESSED with what to verify and where.
 */
export function offLocally(
  meta: Check['meta'],
  snap: Snapshot,
  resource: Resource,
  principals: readonly string[],
  service: string,
  message: string,
  proof: Evidence[],
): Finding {
  const verdict = organizationVerdict(snap, principals);
  if (verdict.kind === 'own') return finding(meta, snap, resource, 'FAIL', `${message} (${verdict.note}).`, proof);
  if (verdict.kind === 'unknown') {
    const f = notAssessed(meta, snap, resource, verdict.read);
    f.message = `Not assessed: ${message}, but ${verdict.note}, so management by the organization cannot be ruled out (${verdict.read.error.code}).`;
    f.evidence = proof;
    return f;
  }
  const ids = verdict.admins.map((a) => a.Id).join(', ');
  const text = `${message}, but organization ${verdict.orgId} delegates ${service} administration to account ${ids}: whether it covers this account in ${resource.region} can be verified only there`;
  const f = finding(meta, snap, resource, 'NOT_ASSESSED', `Not assessed: ${text}.`, proof);
  f.reason = { kind: 'service-not-enabled', code: 'DelegatedAdministrator', call: 'organizations:ListDelegatedAdministrators', message: text };
  return f;
}
