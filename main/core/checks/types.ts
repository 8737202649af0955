import type { CheckMeta } from '../../../shared/model/check.ts';
import type { Finding } from '../../../shared/model/finding.ts';
import type { Snapshot } from '../engine/snapshot.ts';

/** Engagement settings a check may depend on. */
export interface EvalContext {
  /** Ports the client has authorized to be open to the internet. */
  authorizedPorts: number[];
}

/** One check: declarative metadata, the datasets it reads, and a pure evaluation. */
export interface Check {
  meta: CheckMeta;
  /** Dataset ids ("service:Operation") this check reads; the engine collects their union. */
  needs: string[];
  evaluate(snapshot: Snapshot, ctx: EvalContext): Finding[];
}
