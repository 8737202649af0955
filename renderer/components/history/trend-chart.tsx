import { AREA_TITLES, AREAS, type Area } from '../../../shared/model/area.ts';
import type { TrendPoint } from '../../../shared/model/engagement.ts';
import { formatDate, formatPercent, formatShortDateTime } from '../../format.ts';

const W = 640;
const H = 220;
const PAD = { left: 44, right: 16, top: 12, bottom: 28 };

/** Runs of consecutive known values: a scan that could not assess an area leaves a gap, not a zero. */
function segments(points: TrendPoint[], area: Area, x: (i: number) => number, y: (v: number) => number): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    const v = p.passRate[area];
    if (v === null || v === undefined) {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (run.length) runs.push(run.join(' '));
  return runs;
}

/** Pass rate per area across an account's scans, as lines, with the same numbers as a table. */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  if (points.length === 0) return <p class="muted">No completed scans yet.</p>;
  const span = W - PAD.left - PAD.right;
  const x = (i: number) => PAD.left + (points.length === 1 ? span / 2 : (i / (points.length - 1)) * span);
  const y = (v: number) => PAD.top + (1 - v) * (H - PAD.top - PAD.bottom);
  // Several scans on one day are told apart by their time.
  const days = new Set(points.map((p) => p.startedAt.slice(0, 10)));
  const label = days.size < points.length ? formatShortDateTime : formatDate;
  const areas = AREAS.filter((a) => points.some((p) => p.passRate[a] !== null && p.passRate[a] !== undefined));

  return (
    <div class="trend" data-testid="trend-chart">
      <svg class="trend-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Pass rate per area over ${points.length} scans; the table below has the figures`}>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line class="trend-grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text class="trend-axis" x={PAD.left - 8} y={y(v) + 4} text-anchor="end">
              {Math.round(v * 100)}%
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <text key={p.scanId} class="trend-axis" x={x(i)} y={H - 8} text-anchor={points.length > 1 && i === 0 ? 'start' : points.length > 1 && i === points.length - 1 ? 'end' : 'middle'}>
            {points.length <= 8 || i % Math.ceil(points.length / 8) === 0 ? label(p.startedAt) : ''}
          </text>
        ))}
        {areas.map((a) => (
          <g key={a} class={`trend-series trend-${a}`}>
            {segments(points, a, x, y).map((pts) => (
              <polyline key={pts} class="trend-line" points={pts} />
            ))}
            {points.map((p, i) =>
              p.passRate[a] === null || p.passRate[a] === undefined ? null : (
                <circle key={p.scanId} class="trend-point" cx={x(i)} cy={y(p.passRate[a]!)} r={3.5}>
                  <title>{`${AREA_TITLES[a]}: ${formatPercent(p.passRate[a]!)} on ${label(p.startedAt)}`}</title>
                </circle>
              ),
            )}
          </g>
        ))}
      </svg>
      <ul class="trend-legend">
        {areas.map((a) => (
          <li key={a}>
            <span class={`legend-line trend-${a}`} aria-hidden="true" />
            {AREA_TITLES[a]}
          </li>
        ))}
      </ul>
      <details class="trend-table">
        <summary>Show as a table</summary>
        <div class="table-scroll">
          <table class="data-table compact-table">
            <caption class="visually-hidden">Pass rate per area and scan</caption>
            <thead>
              <tr>
                <th scope="col">Scan</th>
                {AREAS.map((a) => (
                  <th key={a} scope="col" class="num">
                    {AREA_TITLES[a]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.scanId}>
                  <th scope="row">{label(p.startedAt)}</th>
                  {AREAS.map((a) => (
                    <td key={a} class="num">
                      {formatPercent(p.passRate[a] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
