/**
 * Text from a client's AWS account (resource names, tags, error messages) is hostile input:
 * it may hold control characters, bidi overrides that reorder what a reader sees, lone
 * surrogates, or names thousands of characters long. Everything drawn into the report passes
 * through here first, so the layout code can assume short, printable text.
 */

// C0 and C1 controls and DEL; newline and tab are handled separately. Matching them is the point.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides, isolates and marks ("Trojan Source"), BOM, invisible operators.
const FORMAT_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u2060-\u2064]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Printable single-line text: controls removed, whitespace runs collapsed. */
export function cleanLine(value: unknown): string {
  return baseClean(value).replace(/\s+/g, ' ').trim();
}

/** Printable text that keeps its line breaks (messages, evidence). */
export function cleanBlock(value: unknown): string {
  return baseClean(value)
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function baseClean(value: unknown): string {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  // Mixed-direction words are left as the client wrote them: textflow.ts orders them (UAX #9).
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, '  ')
    .replace(CONTROLS, '')
    .replace(FORMAT_CONTROLS, '');
}

/** Cut text to `max` code points, saying how much was left out so truncation is never silent. */
export function clip(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  const rest = points.length - max;
  return `${points.slice(0, max).join('')}… [${formatCount(rest)} more characters]`;
}

/** Cleaned, clipped single line; `fallback` when nothing printable is left. */
export function safeLine(value: unknown, max: number, fallback = '—'): string {
  const line = cleanLine(value);
  return line ? clip(line, max) : fallback;
}

/**
 * An evidence excerpt as at most `maxLines` lines of at most `cols` code points. Compact JSON is
 * pretty-printed first so a reader can scan the keys.
 */
export function excerptLines(excerpt: unknown, cols: number, maxLines: number): string[] {
  let text = cleanBlock(excerpt);
  if (text && !text.includes('\n')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object') text = cleanBlock(JSON.stringify(parsed, null, 2));
    } catch {
      // Not JSON: show it as it is.
    }
  }
  if (!text) return [];
  const wrapped: string[] = [];
  for (const line of text.split('\n')) {
    const points = Array.from(line);
    if (points.length === 0) wrapped.push('');
    for (let i = 0; i < points.length; i += cols) wrapped.push(points.slice(i, i + cols).join(''));
    if (wrapped.length > maxLines) break;
  }
  if (wrapped.length <= maxLines) return wrapped;
  const total = countWrapped(text, cols);
  return [...wrapped.slice(0, maxLines - 1), `… ${formatCount(total - (maxLines - 1))} more lines in the JSON export`];
}

function countWrapped(text: string, cols: number): number {
  let count = 0;
  for (const line of text.split('\n')) count += Math.max(1, Math.ceil(Array.from(line).length / cols));
  return count;
}

/** 12345 -> "12,345", independent of the machine's locale. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A Date for an ISO 8601 string, or null when it does not parse. */
export function parseDate(iso: unknown): Date | null {
  if (typeof iso !== 'string' || !iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "14 March 2026, 09:30 UTC": fixed format and time zone, so the report does not depend on the machine. */
export function formatDateTime(iso: unknown): string {
  const d = parseDate(iso);
  if (!d) return safeLine(iso, 40, 'unknown');
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "14 March 2026". */
export function formatDate(iso: unknown): string {
  const d = parseDate(iso);
  if (!d) return safeLine(iso, 40, 'unknown');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
