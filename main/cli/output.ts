/** Terminal output of account data: control characters (ANSI escapes, bidi overrides) are neutralised. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function termSafe(value: unknown, max = 200): string {
  const text = String(value ?? '').replace(UNSAFE, '\uFFFD');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function table(rows: string[][], out: NodeJS.WritableStream): void {
  if (rows.length === 0) return;
  const widths = (rows[0] as string[]).map((_, c) => Math.min(60, Math.max(...rows.map((r) => (r[c] ?? '').length))));
  for (const r of rows) {
    out.write(`${r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  ')}\n`);
  }
}
