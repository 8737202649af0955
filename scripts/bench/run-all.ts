/**
 * `npm run bench`: every benchmark, one after the other, each in its own process so that one's
 * memory and warm caches don't colour the next. Arguments after `--` go to every benchmark
 * (`npm run bench -- --quick`); `--only NAME` runs one.
 *
 * Adding a benchmark: a script in this folder that measures, prints a table, and rewrites its own
 * section of docs/benchmarks.md (report.ts's writeSection or section.ts); then one line in BENCHMARKS.
 * A benchmark exits non-zero when a figure misses its target or is inconsistent.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BENCHMARKS: { name: string; script: string }[] = [
  { name: 'scan', script: 'scan-bench.ts' },
  { name: 'store', script: 'store-bench.ts' },
  { name: 'report', script: 'report-bench.ts' },
  { name: 'ui', script: 'ui-bench.ts' },
];

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const forwarded = onlyAt >= 0 ? [...args.slice(0, onlyAt), ...args.slice(onlyAt + 2)] : args;

const chosen = BENCHMARKS.filter((b) => only === undefined || b.name === only);
if (chosen.length === 0) {
  console.error(`No benchmark named "${only}"; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const bench of chosen) {
  console.log(`\n== ${bench.name}`);
  const result = spawnSync(process.execPath, [join(import.meta.dirname, bench.script), ...forwarded], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
