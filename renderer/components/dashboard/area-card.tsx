import { AREA_TITLES, type Area } from '../../../shared/model/area.ts';
import { SEVERITIES } from '../../../shared/model/finding.ts';
import type { AreaSummary } from '../../../shared/model/scan.ts';
import { formatCount } from '../../format.ts';
import { SEVERITY_LABELS } from '../../labels.ts';

const TONE_LABELS = { 'has-fail': 'Action needed', incomplete: 'Incomplete', 'no-fail': 'Holding', empty: 'No checks' } as const;

interface Props {
  area: Area;
  summary: AreaSummary | null;
  scanned: boolean;
  href: string;
}

/** One area's result at a glance; it links to the explorer filtered to that area. */
export function AreaCard({ area, summary, scanned, href }: Props) {
  const title = AREA_TITLES[area];
  if (!summary || !scanned) {
    return (
      <div class="area-card area-card-empty" data-testid={`area-card-${area}`} data-area={area}>
        <span class="area-title">{title}</span>
        <span class="area-empty-note">{scanned ? 'No results' : 'Not included in this scan'}</span>
      </div>
    );
  }
  const { counts, failBySeverity } = summary;
  const fails = counts.FAIL;
  const unread = counts.NOT_ASSESSED;
  const severities = SEVERITIES.filter((s) => failBySeverity[s] > 0);
  // Zero failures is only good news when the checks could actually read their data.
  const tone = fails > 0 ? 'has-fail' : unread > 0 ? 'incomplete' : counts.PASS > 0 ? 'no-fail' : 'empty';
  const note =
    tone === 'incomplete'
      ? `${formatCount(unread)} ${unread === 1 ? 'check' : 'checks'} could not be assessed`
      : tone === 'empty'
        ? 'No checks applied'
        : 'No failures found';
  return (
    <a class="area-card" href={href} data-testid={`area-card-${area}`} data-area={area}>
      <span class="area-head">
        <span class="area-title">{title}</span>
        <span class={`area-status area-status-${tone}`} data-testid={`area-status-${area}`}>
          {TONE_LABELS[tone]}
        </span>
      </span>
      <span class={`area-fail ${tone}`} data-testid={`area-fail-count-${area}`} data-tone={tone}>
        <span class="area-fail-number">{formatCount(fails)}</span>
        <span class="area-fail-label">{fails === 1 ? 'failing check' : 'failing checks'}</span>
      </span>
      <span class="severity-bar" aria-hidden="true">
        {fails > 0 ? (
          severities.map((s) => <span key={s} class={`severity-segment severity-bg-${s}`} style={{ flexGrow: failBySeverity[s] }} />)
        ) : (
          <span class={`severity-segment severity-bg-${tone}`} style={{ flexGrow: 1 }} />
        )}
      </span>
      <span class="severity-legend">
        {severities.length > 0
          ? severities.map((s) => (
              <span key={s} class="legend-item">
                <span class={`legend-dot severity-bg-${s}`} aria-hidden="true" />
                {formatCount(failBySeverity[s])} {SEVERITY_LABELS[s].toLowerCase()}
              </span>
            ))
          : note}
      </span>
      <span class="area-counts">
        <span>
          <strong>{formatCount(counts.PASS)}</strong> pass
        </span>
        <span>
          <strong>{formatCount(counts.NOT_ASSESSED)}</strong> not assessed
        </span>
      </span>
    </a>
  );
}
