/** Framework requirement ids per check, from the crosswalk part of the model, as short labels ("FSBP EC2.7"). */
import type { ReportModel } from './model.ts';

const SHORT: Readonly<Record<string, string>> = { fsbp: 'FSBP', 'cis-3.0': 'CIS 3.0', 'cis-4.0': 'CIS 4.0', 'cis-5.0': 'CIS 5.0' };

export function frameworkShort(framework: string): string {
  return SHORT[framework] ?? framework.toUpperCase();
}

/** Check id to its requirement labels, in framework order; empty when the crosswalk is not available. */
export function frameworkLabels(model: ReportModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!model.frameworks?.available) return out;
  for (const req of model.frameworks.value.requirements) {
    for (const check of req.checks) {
      const list = out.get(check) ?? [];
      list.push(`${frameworkShort(req.framework)} ${req.id}`);
      out.set(check, list);
    }
  }
  return out;
}
