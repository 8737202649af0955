/**
 * Shared by benchmarks: the machine a figure was measured on, a plain-text table for the
 * terminal, and docs/benchmarks.md sections that a benchmark rewrites in place between its own
 * markers (`<!-- bench:NAME -->` ... `<!-- /bench:NAME -->`, as section.ts writes them for the
 * store benchmark), leaving the rest of the file alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** One-minute load average when the benchmark started: above the CPU count, other work competed. */
  load: number;
  /** `git describe --always --dirty` of the code measured, when it is a git checkout. */
  commit: string;
}

export function machine(): Machine {
  return {
    date: new Date().toISOString().slice(0, 10),
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    load: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    commit: gitDescribe(),
  };
}

function gitDescribe(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: import.meta.dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine(m: Machine): string {
  return `${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}, load average ${m.load} at start; code at ${m.commit}`;
}

/** Two-column rows as an aligned text table. */
export function textTable(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

export function markdownTable(rows: [string, string][]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  return ['| Measure | Value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`)].join('\n');
}

const HEADER = `# Benchmarks

Figures written by \`npm run bench\` (scripts/bench/run-all.ts); each section is rewritten in place by
its benchmark. Prose outside the markers is kept.
`;

/** Replaces (or appends) the section between this benchmark's markers. */
export function writeSection(file: string, name: string, body: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}` : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
