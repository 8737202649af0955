/**
 * The remediation roadmap's rule, kept apart from its drawing so it can be tested and quoted.
 * Every open failure (not covered by an accepted risk) is grouped by check and placed by
 * severity and by the kind of fix its remediation describes.
 */
import type { CheckMeta } from '../../../shared/model/check.ts';
import type { Severity } from '../../../shared/model/finding.ts';
import type { ReportModel } from './model.ts';
import { openGroups } from './posture.ts';

export type Effort = 'quick' | 'project';
export type Phase = 'quick-wins' | 'projects' | 'housekeeping';

export interface RoadmapItem {
  check: CheckMeta;
  severity: Severity;
  resources: number;
  regions: string[];
  effort: Effort;
  /** Why the fix is a project or a quick win, in a few words. */
  effortReason: string;
  phase: Phase;
}

/** At this many resources a fix is a project, however simple each change is. */
export const PROJECT_SCALE = 20;

// Remediation wording that means the resource must be rebuilt, moved or coordinated with its users.
const PROJECT_WORDS =
  /\b(restore|re-?create|recreate|rebuild|migrat\w*|snapshot copy|copy of the snapshot|cannot be \w+ in place|upgrade (to|the|it|your)|re-?deploy|rotate|redesign|re-?architect|move (the )?workloads?|downtime)\b/i;

export const ROADMAP_RULE =
  `Each open failure (not covered by an accepted risk) is grouped by check. A fix is a quick win when its remediation is a setting changed in place ` +
  `(a console switch or one CLI call) on fewer than ${PROJECT_SCALE} resources; it is a project when the remediation says the resource must be ` +
  `restored, recreated, migrated, replaced, upgraded, redeployed or its keys rotated, or when it touches ${PROJECT_SCALE} or more resources. ` +
  'Quick wins and projects of medium severity and above are listed in that order; low and informational findings are housekeeping. ' +
  'Within each group: most severe first, then the most resources.';

export function effortOf(check: CheckMeta, resources: number): { effort: Effort; reason: string } {
  const text = `${check.remediation.console} ${check.remediation.cli ?? ''}`;
  const word = PROJECT_WORDS.exec(text)?.[0];
  if (word) return { effort: 'project', reason: `the fix says "${word.toLowerCase()}"` };
  if (resources >= PROJECT_SCALE) return { effort: 'project', reason: `${resources} resources to change` };
  return { effort: 'quick', reason: check.remediation.cli ? 'a setting, one CLI call' : 'a setting changed in place' };
}

export function roadmap(model: ReportModel): RoadmapItem[] {
  return openGroups(model).map((g) => {
    const { effort, reason } = effortOf(g.check, g.findings.length);
    const low = g.severity === 'low' || g.severity === 'info';
    return {
      check: g.check,
      severity: g.severity,
      resources: g.findings.length,
      regions: [...new Set(g.findings.map((f) => f.region))].sort(),
      effort,
      effortReason: reason,
      phase: low ? 'housekeeping' : effort === 'quick' ? 'quick-wins' : 'projects',
    };
  });
}
