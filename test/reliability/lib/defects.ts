/**
 * Defects these suites found in code outside the reliability part, reported and not yet fixed
 * there. A failing row one of them explains is shown as an open defect (a TODO under node:test)
 * instead of failing every `npm test`; any other failure still fails. Delete an entry once fixed.
 */
import type { Row } from './suite.ts';

export interface OpenDefect {
  id: string;
  summary: string;
  where: string;
  fix: string;
  /** Whether this defect accounts for one problem of a row. */
  explains(problem: string, row: Row): boolean;
}

export const OPEN_DEFECTS: readonly OpenDefect[] = [];

/** The open defects that account for every problem of a failing row, or none if any problem is unexplained. */
export function openDefectsOf(row: Row): OpenDefect[] {
  if (row.problems.length === 0) return [];
  const found = new Set<OpenDefect>();
  for (const problem of row.problems) {
    const d = OPEN_DEFECTS.find((x) => x.explains(problem, row));
    if (!d) return [];
    found.add(d);
  }
  return [...found];
}
