/** Whether Inspector scans EC2 in a region, read once for the per-instance Inspector checks. */
import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { Finding } from '../../../../../shared/model/finding.ts';
import type { Snapshot } from '../../../engine/snapshot.ts';
import { inspectorScanStatus, type InspectorAccountStatus, type OkRead } from '../../../maintenance/data.ts';
import { notAssessed, type Resource } from '../../helpers.ts';
import { unassessed } from './instance-check.ts';

/** ENABLED: scanning; otherwise the status AWS reported; or a NOT_ASSESSED finding when it could not be read. */
export function ec2ScanState(
  meta: CheckMeta,
  snap: Snapshot,
  region: string,
  resource: Resource,
): { status: string; read: OkRead<InspectorAccountStatus> } | { unassessed: Finding } {
  const read = snap.read<InspectorAccountStatus>('inspector2:BatchGetAccountStatus', region);
  if (!read.ok) return { unassessed: notAssessed(meta, snap, resource, read) };
  const v = inspectorScanStatus(read.data, snap.meta.accountId, 'ec2');
  if (v.kind === 'status') return { status: v.status, read };
  const message = v.kind === 'failed' ? `Inspector could not report this account's status in ${region}: ${v.failed.errorMessage ?? v.failed.errorCode}` : `Inspector reported no EC2 scanning status in ${region}`;
  const code = v.kind === 'failed' ? String(v.failed.errorCode ?? 'FailedAccount') : 'MissingField';
  return { unassessed: unassessed(meta, snap, resource, { kind: v.kind === 'failed' ? 'unknown' : 'malformed-response', code, call: read.call, message }) };
}
