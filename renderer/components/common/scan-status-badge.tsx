import type { ScanStatus } from '../../../shared/model/scan.ts';
import { SCAN_STATUS_LABELS } from '../../labels.ts';

export function ScanStatusBadge({ status }: { status: ScanStatus }) {
  return (
    <span class={`badge scan-status scan-status-${status}`} data-scan-status={status}>
      {SCAN_STATUS_LABELS[status] ?? status}
    </span>
  );
}
