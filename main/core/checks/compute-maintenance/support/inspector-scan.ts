/** The four "Inspector scan type enabled" checks differ only in the scan type they read. */
import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { CallErrorKind } from '../../../../../shared/model/finding.ts';
import { INSPECTOR_NEVER_ACTIVATED, inspectorScanStatus, type InspectorAccountStatus, type InspectorScanType } from '../../../maintenance/data.ts';
import { accountResource, evidence, finding, missingField, notAssessed } from '../../helpers.ts';
import type { Check } from '../../types.ts';
import { unassessed } from './instance-check.ts';

const ERROR_KINDS: Partial<Record<string, CallErrorKind>> = { ACCESS_DENIED: 'permission-denied', BLOCKED_BY_ORGANIZATION_POLICY: 'explicit-deny' };

export function inspectorScanCheck(meta: CheckMeta, type: InspectorScanType, label: string, opts: { regionalOffering?: boolean } = {}): Check {
  return {
    meta,
    needs: ['inspector2:BatchGetAccountStatus'],
    evaluate(snap) {
      return snap.meta.regions.flatMap((region) => {
        const resource = accountResource(snap, region, `Amazon Inspector (${region})`);
        const read = snap.read<InspectorAccountStatus>('inspector2:BatchGetAccountStatus', region);
        if (!read.ok) return [notAssessed(meta, snap, resource, read)];
        const verdict = inspectorScanStatus(read.data, snap.meta.accountId, type);
        if (verdict.kind === 'failed') {
          const { errorCode, errorMessage } = verdict.failed;
          const kind = ERROR_KINDS[String(errorCode)] ?? 'unknown';
          return [unassessed(meta, snap, resource, { kind, code: String(errorCode ?? 'FailedAccount'), call: read.call, message: `Inspector could not report this account's status in ${region}: ${errorMessage ?? errorCode}` })];
        }
        if (verdict.kind === 'missing') {
          // Lambda code scanning is offered in some regions only; elsewhere the status is simply not reported.
          // That says nothing when the account itself is missing from a non-empty answer.
          const listed = read.data.accounts.some((a) => a.accountId === snap.meta.accountId);
          if (!listed) return [missingField(meta, snap, resource, read, `account ${snap.meta.accountId} in accounts`)];
          if (opts.regionalOffering) return [finding(meta, snap, resource, 'NOT_APPLICABLE', `Inspector reports no ${label} status in ${region}: the scan type is not offered there.`)];
          return [missingField(meta, snap, resource, read, `resourceState.${type}.status`)];
        }
        if (verdict.inferred) {
          return [finding(meta, snap, resource, 'FAIL', `Amazon Inspector ${label} is not enabled in ${region}: ${INSPECTOR_NEVER_ACTIVATED}.`, [evidence(read, read.data)])];
        }
        const proof = [evidence(read, { accountId: verdict.account.accountId, state: verdict.account.state, [type]: verdict.account.resourceState?.[type] })];
        if (verdict.status === 'ENABLED') return [finding(meta, snap, resource, 'PASS', `Amazon Inspector ${label} is enabled in ${region}.`, proof)];
        return [finding(meta, snap, resource, 'FAIL', `Amazon Inspector ${label} is ${verdict.status} in ${region}.`, proof)];
      });
    },
  };
}
