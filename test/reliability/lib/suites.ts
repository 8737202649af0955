/** Every reliability suite, run together: the fast ones first, one after the other, then the rest side by side. */
import { atRestSuite } from './at-rest.ts';
import { chaosSuite } from './chaos.ts';
import { hostileSuite } from './hostile.ts';
import { killSuite } from './kill.ts';
import { readOnlySuite } from './read-only.ts';
import { sweepSuite } from './sweep.ts';
import type { Mode, Suite, SuiteResult } from './suite.ts';

export const SUITES: readonly { id: string; title: string; run: Suite }[] = [
  { id: 'read-only', title: 'Read-only proof', run: readOnlySuite },
  { id: 'sweep', title: 'Every dataset down in turn', run: sweepSuite },
  { id: 'chaos', title: 'Chaos scans', run: chaosSuite },
  { id: 'kill', title: 'Kill tests', run: killSuite },
  { id: 'hostile', title: 'Hostile input corpus', run: hostileSuite },
  { id: 'at-rest', title: 'Data at rest', run: atRestSuite },
];

/** Seconds each: run before the long suites load the machine. */
const FAST = ['read-only', 'sweep'];

/** A suite that throws is reported as one failed row, so the others still report. */
async function safely(s: (typeof SUITES)[number], mode: Mode, log: (line: string) => void): Promise<SuiteResult> {
  const started = performance.now();
  try {
    return await s.run(mode, log);
  } catch (err) {
    const message = ((err as Error).stack ?? String(err)).split('\n').slice(0, 3).join(' / ');
    return { id: s.id, title: s.title, rows: [{ case: 'suite', tried: 'run', outcome: 'crashed', trials: 1, passed: 0, problems: [`the suite threw: ${message}`] }], notes: [], ms: Math.round(performance.now() - started) };
  }
}

export async function runSuites(mode: Mode, log: (line: string) => void, only?: readonly string[]): Promise<SuiteResult[]> {
  const chosen = SUITES.filter((s) => !only || only.length === 0 || only.includes(s.id));
  const fast = chosen.filter((s) => FAST.includes(s.id));
  const results: SuiteResult[] = [];
  for (const s of fast) results.push(await safely(s, mode, log));
  results.push(...(await Promise.all(chosen.filter((s) => !fast.includes(s)).map((s) => safely(s, mode, log)))));
  return results;
}
