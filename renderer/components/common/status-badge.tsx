import type { Status } from '../../../shared/model/finding.ts';
import { STATUS_LABELS } from '../../labels.ts';

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span class={`badge status status-${status.toLowerCase().replace('_', '-')}`}>{STATUS_LABELS[status] ?? status}</span>
  );
}
