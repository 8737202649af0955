import type { Severity } from '../../../shared/model/finding.ts';
import { SEVERITY_LABELS } from '../../labels.ts';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span class={`badge severity severity-${severity}`}>
      <span class="severity-dot" aria-hidden="true" />
      {SEVERITY_LABELS[severity] ?? severity}
    </span>
  );
}
