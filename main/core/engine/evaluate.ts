/** Runs checks over a snapshot. A check that throws is reported NOT_ASSESSED, never dropped. */
import type { Area } from '../../../shared/model/area.ts';
import type { Finding } from '../../../shared/model/finding.ts';
import { accountResource, finding } from '../checks/helpers.ts';
import type { Check, EvalContext } from '../checks/types.ts';
import { findingKey } from '../store/findings.ts';
import { GLOBAL, type Snapshot } from './snapshot.ts';

export const DEFAULT_EVAL_CONTEXT: EvalContext = { authorizedPorts: [80, 443] };

export function checksForAreas(checks: readonly Check[], areas: readonly Area[]): Check[] {
  return checks.filter((c) => areas.includes(c.meta.area));
}

export function evaluateChecks(checks: readonly Check[], snap: Snapshot, ctx: EvalContext = DEFAULT_EVAL_CONTEXT): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const check of checks) {
    let results: Finding[];
    try {
      results = check.evaluate(snap, ctx);
    } catch (err) {
      const f = finding(check.meta, snap, accountResource(snap, GLOBAL), 'NOT_ASSESSED', `Not assessed: the check failed (${(err as Error).message})`);
      f.reason = { kind: 'unknown', code: 'CheckError', call: check.meta.id, message: String((err as Error).message) };
      results = [f];
    }
    for (const f of results) {
      const key = findingKey(f);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}
