/**
 * The reliability suites under node:test, bounded for `npm test` (LEASEHOLD_RELIABILITY=quick is
 * the default here; =full runs everything). One test per row: a row with problems fails, unless
 * an open defect reported outside this part explains it (then it is a TODO, see lib/defects.ts).
 * `npm run test:reliability` runs the same suites in full and writes docs/reliability.md.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openDefectsOf } from './lib/defects.ts';
import { modeFrom } from './lib/suite.ts';
import { runSuites } from './lib/suites.ts';

const mode = modeFrom(process.env, 'quick');
const only = (process.env.LEASEHOLD_RELIABILITY_ONLY ?? '').split(',').filter(Boolean);
const log: string[] = [];
const results = await runSuites(mode, (line) => log.push(line), only);

for (const suite of results) {
  describe(`${suite.title} [${mode}, ${(suite.ms / 1000).toFixed(1)} s]`, () => {
    for (const row of suite.rows) {
      const defects = openDefectsOf(row);
      const todo = defects.map((d) => `open defect ${d.id}: ${d.summary}`).join(' ');
      test(row.case, todo ? { todo } : {}, (t) => {
        t.diagnostic(`${row.passed}/${row.trials}: ${row.outcome}`);
        assert.deepEqual(row.problems, [], `${row.case}: ${row.tried}`);
      });
    }
  });
}

test('run log', (t) => {
  for (const line of log) t.diagnostic(line);
});
