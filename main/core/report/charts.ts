/**
 * Vector charts for the summary: failures by severity, pass rate per area, and the pass-rate
 * trend across scans. Each is one tagged Figure whose text alternative states the numbers.
 */
import { AREA_TITLES, type Area } from '../../../shared/model/area.ts';
import type { TrendPoint } from '../../../shared/model/engagement.ts';
import { SEVERITIES, type Severity } from '../../../shared/model/finding.ts';
import { figure, linkTo, write, type Ctx } from './layout.ts';
import type { AreaStatus } from './posture.ts';
import { formatCount, parseDate } from './sanitize.ts';
import { AREA_COLOR, COLOR, SEVERITY_COLOR, SEVERITY_LABEL, STATUS_COLOR } from './theme.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Rounds a maximum up to 1, 2 or 5 times a power of ten, for an axis that reads well. */
function niceMax(value: number): number {
  if (value <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((m) => m * p >= value) ?? 10) * p;
}

const label = (ctx: Ctx, text: string, x: number, y: number, width: number, opts: { size?: number; color?: string; align?: 'left' | 'right' | 'center'; face?: 'regular' | 'bold' } = {}): void => {
  write(ctx, text, x, y, { size: opts.size ?? 7, color: opts.color ?? COLOR.muted, width, align: opts.align ?? 'left', face: opts.face, maxLines: 1, lineGap: 0, bare: true });
};

export function severityChart(ctx: Ctx, x: number, y: number, w: number, h: number, open: Record<Severity, number>): void {
  const alt = `Open failures by severity: ${SEVERITIES.map((s) => `${SEVERITY_LABEL[s]} ${open[s]}`).join(', ')}.`;
  figure(ctx, alt, (doc) => {
    const base = y + h - 16;
    const top = y + 14;
    const max = niceMax(Math.max(...SEVERITIES.map((s) => open[s])));
    for (const f of [0.5, 1]) {
      const gy = base - (base - top) * f;
      doc.moveTo(x + 22, gy).lineTo(x + w, gy).lineWidth(0.4).dash(2, { space: 2 }).strokeColor(COLOR.rule).stroke().undash();
      label(ctx, formatCount(max * f), x, gy - 3.5, 18, { align: 'right', size: 6.5, color: COLOR.faint });
    }
    doc.moveTo(x + 22, base).lineTo(x + w, base).lineWidth(0.8).strokeColor(COLOR.muted).stroke();
    const slot = (w - 22) / SEVERITIES.length;
    SEVERITIES.forEach((sev, i) => {
      const n = open[sev];
      const bw = slot * 0.56;
      const bx = x + 22 + i * slot + (slot - bw) / 2;
      const bh = n > 0 ? Math.max(((base - top) * n) / max, 1.5) : 0;
      if (bh > 0) doc.rect(bx, base - bh, bw, bh).fill(SEVERITY_COLOR[sev]);
      label(ctx, formatCount(n), x + 22 + i * slot, base - bh - 11, slot, { align: 'center', face: 'bold', size: 8, color: n > 0 ? COLOR.ink : COLOR.faint });
      label(ctx, SEVERITY_LABEL[sev], x + 22 + i * slot, base + 4, slot, { align: 'center' });
    });
  });
}

export function rateColor(rate: number): string {
  return rate >= 0.8 ? STATUS_COLOR.PASS : rate >= 0.5 ? SEVERITY_COLOR.medium : STATUS_COLOR.FAIL;
}

/** One bar per area: passed ÷ (passed + failed); rows link to the area's section. */
export function passRateChart(ctx: Ctx, x: number, y: number, w: number, statuses: readonly AreaStatus[], anchorOf?: (area: Area) => string): number {
  const rowH = 21;
  const alt = `Pass rate by area: ${statuses.map((s) => `${AREA_TITLES[s.area]} ${s.passRate === null ? 'not assessed' : `${Math.round(s.passRate * 100)}%`}`).join(', ')}.`;
  figure(ctx, alt, (doc) => {
    statuses.forEach((s, i) => {
      const ry = y + i * rowH;
      label(ctx, AREA_TITLES[s.area], x, ry, w - 34, { size: 7.3, color: COLOR.ink });
      doc.roundedRect(x, ry + 10, w, 6, 3).fill(COLOR.panel);
      if (s.passRate !== null) {
        if (s.passRate > 0) doc.roundedRect(x, ry + 10, Math.max(w * s.passRate, 6), 6, 3).fill(rateColor(s.passRate));
        label(ctx, `${Math.round(s.passRate * 100)}%`, x + w - 34, ry, 34, { align: 'right', face: 'bold', size: 7.3, color: COLOR.ink });
      } else {
        label(ctx, s.inScope ? 'nothing assessed' : 'not in scope', x + w - 80, ry, 80, { align: 'right', size: 6.8, color: COLOR.faint });
      }
      if (anchorOf) linkTo(ctx, x, ry - 1, w, rowH - 2, anchorOf(s.area));
    });
  });
  return statuses.length * rowH;
}

export function shortDate(iso: string): string {
  const d = parseDate(iso);
  return d ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).slice(2)}` : '?';
}

/** Pass rate per area across scans, oldest first; at most the last 12 scans. */
export function trendChart(ctx: Ctx, x: number, y: number, w: number, h: number, trend: readonly TrendPoint[], areas: readonly Area[]): void {
  const points = trend.slice(-12);
  const alt = `Pass rate per area across ${points.length} scans from ${shortDate(points[0]?.startedAt ?? '')} to ${shortDate(points.at(-1)?.startedAt ?? '')}: ` +
    areas.map((a) => `${AREA_TITLES[a]} ${points.map((p) => (typeof p.passRate[a] !== 'number' ? 'n/a' : `${Math.round((p.passRate[a] ?? 0) * 100)}%`)).join(' → ')}`).join('; ') + '.';
  figure(ctx, alt, (doc) => {
    const left = x + 28;
    const right = x + w - 8;
    const top = y + 6;
    const base = y + h - 46;
    for (const f of [0, 0.5, 1]) {
      const gy = base - (base - top) * f;
      doc.moveTo(left, gy).lineTo(right, gy).lineWidth(f === 0 ? 0.8 : 0.4).strokeColor(f === 0 ? COLOR.muted : COLOR.rule).stroke();
      label(ctx, `${f * 100}%`, x, gy - 3.5, 24, { align: 'right', size: 6.5, color: COLOR.faint });
    }
    const step = points.length > 1 ? (right - left) / (points.length - 1) : 0;
    const px = (i: number): number => (points.length > 1 ? left + i * step : (left + right) / 2);
    points.forEach((p, i) => label(ctx, shortDate(p.startedAt), px(i) - 24, base + 5, 48, { align: 'center', size: 6.5 }));
    for (const area of areas) {
      const color = AREA_COLOR[area] ?? COLOR.muted;
      let drawing = false;
      points.forEach((p, i) => {
        const rate = p.passRate[area];
        if (typeof rate !== 'number') {
          drawing = false;
          return;
        }
        const py = base - (base - top) * rate;
        if (drawing) doc.lineTo(px(i), py);
        else doc.moveTo(px(i), py);
        drawing = true;
      });
      doc.lineWidth(1.4).strokeColor(color).stroke();
      points.forEach((p, i) => {
        const rate = p.passRate[area];
        if (typeof rate === 'number') doc.circle(px(i), base - (base - top) * rate, 2).fill(color);
      });
    }
    // Legend: two rows of three.
    areas.forEach((area, i) => {
      const lx = left + (i % 3) * ((right - left) / 3);
      const ly = base + 20 + Math.floor(i / 3) * 11;
      doc.rect(lx, ly + 2.5, 10, 2.5).fill(AREA_COLOR[area] ?? COLOR.muted);
      label(ctx, AREA_TITLES[area], lx + 14, ly, (right - left) / 3 - 16, { size: 6.8 });
    });
  });
}
