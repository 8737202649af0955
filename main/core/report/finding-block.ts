/**
 * One failed check: a header panel with the check's risk and remediation (said once), then one
 * entry per affected resource with its message and an evidence excerpt.
 */
import type { Finding } from '../../../shared/model/finding.ts';
import { badge, ensureSpace, fillRect, measure, write, type Ctx } from './layout.ts';

/** How a failure covered by a risk acceptance is marked: accepted, or accepted once but expired (open again). */
export function acceptanceLine(f: Finding): { badge: string; text: string; color: string } | null {
  const a = f.acceptance;
  if (!a || f.status !== 'FAIL') return null;
  const until = a.expiresAt ? formatDate(a.expiresAt) : 'no expiry';
  const who = safeLine(a.approver, 80, 'unknown approver');
  const why = clip(cleanBlock(a.justification), 300);
  return a.active
    ? { badge: 'ACCEPTED', text: `Risk accepted by ${who} until ${until}: ${why}`, color: STATUS_COLOR.PASS }
    : { badge: 'REOPENED', text: `The acceptance by ${who} expired on ${until}; this failure is open again. (${why})`, color: STATUS_COLOR.FAIL };
}
import type { CheckGroup } from './model.ts';
import { cleanBlock, clip, excerptLines, formatCount, formatDate, formatDateTime, safeLine } from './sanitize.ts';
import { COLOR, CONTENT_WIDTH, PAGE, SEVERITY_COLOR, SEVERITY_LABEL, STATUS_COLOR, TYPE } from './theme.ts';

const PANEL_PAD = 9;
const ENTRY_INDENT = 12;
const MAX_EVIDENCE = 2;
const EXCERPT_LINES = 10;
// DejaVu Sans Mono advances 0.602 em per character.
const MONO_ADVANCE = 0.602;

/** The name a reader recognises first: the resource name, else its ID, else its ARN. */
export function resourceLabel(f: Finding, max = 160): string {
  return safeLine(f.resourceName, max, '') || safeLine(f.resourceId, max, '') || safeLine(f.resourceArn, max, 'Account-wide');
}

/** The identifiers not already shown by resourceLabel. */
export function resourceIds(f: Finding): string {
  const name = f.resourceName.trim();
  const parts: string[] = [];
  if (f.resourceId && f.resourceId !== name && !(f.resourceArn && f.resourceArn.includes(f.resourceId))) parts.push(safeLine(f.resourceId, 200));
  if (f.resourceArn && f.resourceArn !== name) parts.push(safeLine(f.resourceArn, 300));
  return parts.join('  ·  ');
}

export function drawFailGroup(ctx: Ctx, group: CheckGroup, frameworks: readonly string[] = []): void {
  drawCheckPanel(ctx, group, frameworks);
  const continued = `${safeLine(group.check.title, 120)} (continued)`;
  for (const f of group.findings) drawFailEntry(ctx, f, SEVERITY_COLOR[group.severity], continued);
  ctx.y += 10;
}

function drawCheckPanel(ctx: Ctx, group: CheckGroup, frameworks: readonly string[]): void {
  const { check } = group;
  const x = PAGE.marginX + PANEL_PAD;
  const w = CONTENT_WIDTH - 2 * PANEL_PAD;
  const title = safeLine(check.title, 200);
  const count = `${formatCount(group.findings.length)} affected resource${group.findings.length === 1 ? '' : 's'}`;
  const rows: Array<[string, string, 'regular' | 'mono']> = [];
  if (check.risk) rows.push(['Why it matters', clip(cleanBlock(check.risk), 700), 'regular']);
  rows.push(['Remediation', clip(cleanBlock(check.remediation.console), 900) || 'No remediation guidance recorded for this check.', 'regular']);
  if (check.remediation.cli) rows.push(['AWS CLI', clip(cleanBlock(check.remediation.cli), 500), 'mono']);
  if (frameworks.length) rows.push(['Frameworks', clip(frameworks.join('  ·  '), 600), 'regular']);
  const labelW = 74;
  const titleW = w - 130;
  const titleH = measure(ctx, title, 0, { face: 'bold', size: 10, width: titleW, lineGap: 1 });
  const rowHeights = rows.map(([, text, face]) => measure(ctx, text, 0, { face, size: face === 'mono' ? TYPE.mono + 0.4 : TYPE.body, width: w - labelW }) + 4);
  const height = PANEL_PAD + 14 + titleH + 8 + rowHeights.reduce((a, b) => a + b, 0) + PANEL_PAD - 4;

  ensureSpace(ctx, height + 60);
  const top = ctx.y;
  fillRect(ctx, PAGE.marginX, top, CONTENT_WIDTH, height, COLOR.panel, 3);
  fillRect(ctx, PAGE.marginX, top, 3, height, SEVERITY_COLOR[group.severity]);
  let y = top + PANEL_PAD;
  const bw = badge(ctx, SEVERITY_LABEL[group.severity].toUpperCase(), x, y, SEVERITY_COLOR[group.severity]);
  write(ctx, safeLine(check.id, 80), x + bw + 6, y + 2, { face: 'mono', size: TYPE.mono, color: COLOR.muted, width: w - bw - 140 });
  write(ctx, count, x, y + 1.5, { size: TYPE.small, color: COLOR.muted, width: w, align: 'right' });
  y += 14;
  write(ctx, title, x, y, { face: 'bold', size: 10, color: COLOR.ink, width: titleW, tag: 'H3', lineGap: 1 });
  y += titleH + 8;
  rows.forEach(([label, text, face], i) => {
    write(ctx, label, x, y + (face === 'mono' ? 0.5 : 0), { face: 'bold', size: TYPE.small, color: COLOR.muted, width: labelW - 6 });
    write(ctx, text, x + labelW, y, { face, size: face === 'mono' ? TYPE.mono + 0.4 : TYPE.body, color: COLOR.ink, width: w - labelW });
    y += rowHeights[i] ?? 0;
  });
  ctx.y = top + height + 8;
}

function drawFailEntry(ctx: Ctx, f: Finding, color: string, continued: string): void {
  const x = PAGE.marginX + ENTRY_INDENT;
  const w = CONTENT_WIDTH - ENTRY_INDENT;
  const label = resourceLabel(f, 120);
  const ids = resourceIds(f);
  const region = safeLine(f.region, 30, 'global');
  const message = clip(cleanBlock(f.message), 600);
  const evidence = f.evidence.slice(0, MAX_EVIDENCE).map((e) => {
    const text = excerptLines(e.excerpt, Math.floor((w - 16) / (TYPE.mono * MONO_ADVANCE)), EXCERPT_LINES).join('\n');
    return {
      head: `${safeLine(e.call, 80)}  ·  ${safeLine(e.region, 30, 'global')}  ·  ${formatDateTime(e.time)}`,
      text,
      // Measured, not counted: glyphs missing from the mono font may be wider than a column.
      boxH: text ? measure(ctx, text, 0, { face: 'mono', size: TYPE.mono, width: w - 12, lineGap: 1 }) + 8 : 0,
    };
  });
  const more = f.evidence.length - evidence.length;

  const accepted = acceptanceLine(f);
  const acceptedH = accepted ? Math.max(measure(ctx, accepted.text, 0, { size: TYPE.small, width: w - 64 }), 11) + 4 : 0;
  const labelH = measure(ctx, label, 0, { face: 'bold', size: 9, width: w - 90 });
  const idsH = ids ? measure(ctx, ids, 0, { face: 'mono', size: TYPE.mono, width: w }) + 2 : 0;
  // A check's message is an English sentence, even when it opens with a right-to-left name.
  const msgH = message ? measure(ctx, message, 0, { width: w, direction: 'ltr' }) + 3 : 0;
  const evH = evidence.reduce((sum, e) => sum + 13 + e.boxH + 4, 0) + (more > 0 ? 11 : 0);
  const height = labelH + 2 + idsH + msgH + acceptedH + evH;

  if (ensureSpace(ctx, height + 4)) {
    // A reader landing on this page should still see which check these resources fail.
    ctx.y += write(ctx, continued, PAGE.marginX, ctx.y, { face: 'bold', size: TYPE.small, color: COLOR.muted }) + 6;
  }
  const top = ctx.y;
  fillRect(ctx, PAGE.marginX + 3, top, 2, height, color);
  let y = top;
  write(ctx, label, x, y, { face: 'bold', size: 9, color: COLOR.ink, width: w - 90 });
  write(ctx, region, x + w - 86, y + 1, { size: TYPE.small, color: COLOR.muted, width: 86, align: 'right' });
  y += labelH + 2;
  if (ids) y += write(ctx, ids, x, y, { face: 'mono', size: TYPE.mono, color: COLOR.muted, width: w }) + 2;
  if (message) y += write(ctx, message, x, y, { color: COLOR.ink, width: w, direction: 'ltr' }) + 3;
  if (accepted) {
    badge(ctx, accepted.badge, x, y, accepted.color);
    y += Math.max(write(ctx, accepted.text, x + 64, y + 1, { size: TYPE.small, color: accepted.color, width: w - 64 }), 11) + 4;
  }
  for (const e of evidence) {
    write(ctx, `Evidence  ${e.head}`, x, y + 2, { size: TYPE.small - 0.5, color: COLOR.faint, width: w });
    y += 13;
    if (e.text) {
      fillRect(ctx, x, y, w, e.boxH, COLOR.codePanel, 2);
      write(ctx, e.text, x + 6, y + 4, { face: 'mono', size: TYPE.mono, color: '#2B3441', width: w - 12, lineGap: 1 });
      y += e.boxH;
    }
    y += 4;
  }
  if (more > 0) write(ctx, `+ ${formatCount(more)} more evidence item${more === 1 ? '' : 's'} in the JSON export`, x, y, { size: TYPE.small - 0.5, color: COLOR.faint });
  ctx.y = top + height + 9;
}
