/**
 * Shared by every benchmark: the machine a figure was measured on, a plain-text table for the
 * terminal, and docs/benchmarks.md sections that a benchmark rewrites in place between its own
 * markers (`<!-- bench:NAME:start -->` ... `<!-- bench:NAME:end -->`), leaving the rest alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';

export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  return {
    date: new Date().toISOString().slice(0, 10),
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

export function describeMachine(m: Machine): string {
  return `${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`;
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
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}` : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
