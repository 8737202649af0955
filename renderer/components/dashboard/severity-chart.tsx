import type { ScanDetail } from '../../../shared/api.ts';
import { SEVERITIES, STATUSES, type Severity } from '../../../shared/model/finding.ts';
import { formatCount } from '../../format.ts';
import { SEVERITY_LABELS, STATUS_LABELS } from '../../labels.ts';
import { scanHref } from '../../route.ts';

/** Failing checks per severity as a bar chart (each bar a link to those findings), and all results by status. */
export function SeverityChart({ scan }: { scan: ScanDetail }) {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const a of scan.areaSummaries) for (const s of SEVERITIES) bySeverity[s] += a.failBySeverity[s] ?? 0;
  const max = Math.max(1, ...Object.values(bySeverity));
  const totalFail = SEVERITIES.reduce((n, s) => n + bySeverity[s], 0);
  const all = scan.counts;
  const results = STATUSES.reduce((n, s) => n + (all[s] ?? 0), 0);

  return (
    <section class="card chart-card" aria-labelledby="severity-title" data-testid="severity-chart">
      <h2 id="severity-title" class="section-title">
        Failing checks by severity
      </h2>
      <p class="muted">{totalFail === 0 ? 'No failing checks.' : `${formatCount(totalFail)} failing in total`}</p>
      <ul class="bar-chart">
        {SEVERITIES.map((s) => (
          <li key={s}>
            <a class="bar-row" href={scanHref(scan.id, 'findings', { severity: s })} data-testid={`severity-bar-${s}`}>
              <span class="bar-label">{SEVERITY_LABELS[s]}</span>
              <span class="bar-track" aria-hidden="true">
                <span class={`bar-fill severity-bg-${s}`} style={{ width: `${(bySeverity[s] / max) * 100}%` }} />
              </span>
              <span class="bar-value">{formatCount(bySeverity[s])}</span>
            </a>
          </li>
        ))}
      </ul>
      <h3 class="section-label chart-sub">All results</h3>
      <div class="stack-bar" aria-hidden="true">
        {STATUSES.filter((s) => all[s] > 0).map((s) => (
          <span key={s} class={`stack-segment stack-${s.toLowerCase().replace('_', '-')}`} style={{ flexGrow: all[s] }} />
        ))}
      </div>
      <ul class="stack-legend">
        {STATUSES.map((s) => (
          <li key={s}>
            <span class={`legend-dot stack-${s.toLowerCase().replace('_', '-')}`} aria-hidden="true" />
            {STATUS_LABELS[s]} <strong>{formatCount(all[s] ?? 0)}</strong>
            <span class="muted"> ({results ? Math.round(((all[s] ?? 0) / results) * 100) : 0}%)</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
