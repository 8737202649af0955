/** ASFF severity onto Leasehold's five levels. */
import type { Severity } from '../../../shared/model/finding.ts';
import type { StoredFinding } from '../collect/securityhub-findings.ts';

const LABELS: Readonly<Record<string, Severity>> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
  INFORMATIONAL: 'info',
};

/** The ASFF ranges that derive Severity.Label from Severity.Normalized (0-100). */
function fromNormalized(n: number): Severity {
  if (n >= 90) return 'critical';
  if (n >= 70) return 'high';
  if (n >= 40) return 'medium';
  if (n >= 1) return 'low';
  return 'info';
}

/**
 * Severity.Label, else the provider's own label, else the deprecated Normalized score. A finding
 * with none of them is malformed ASFF; it is shown as medium so that it is neither hidden among
 * informational notes nor inflated.
 */
export function normaliseSeverity(f: Pick<StoredFinding, 'Severity' | 'FindingProviderFields'>): Severity {
  const label = f.Severity?.Label ?? f.FindingProviderFields?.Severity?.Label;
  const known = label ? LABELS[label.toUpperCase()] : undefined;
  if (known) return known;
  const n = f.Severity?.Normalized;
  if (typeof n === 'number' && Number.isFinite(n)) return fromNormalized(n);
  return 'medium';
}
