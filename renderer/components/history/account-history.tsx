import { useState } from 'preact/hooks';
import { formatCount, formatDateTime } from '../../format.ts';
import { routeHref, scanHref } from '../../route.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { ScanStatusBadge } from '../common/scan-status-badge.tsx';
import type { AccountEntry } from './history-page.tsx';
import { TrendChart } from './trend-chart.tsx';

export function AccountHistory({ account, scansVersion }: { account: AccountEntry; scansVersion: number }) {
  const trend = useCall('scans:trend', { accountId: account.accountId }, scansVersion);
  const comparable = account.scans.filter((s) => s.status !== 'running');
  const [from, setFrom] = useState(comparable.at(-2)?.id ?? '');
  const [to, setTo] = useState(comparable.at(-1)?.id ?? '');
  const label = (id: string) => {
    const s = account.scans.find((x) => x.id === id);
    return s ? `${formatDateTime(s.startedAt)} · ${formatCount(s.counts.FAIL)} fail${s.label ? ' · demo' : ''}` : id;
  };

  return (
    <div class="account-history">
      <section class="card" aria-labelledby="trend-title">
        <h2 id="trend-title" class="section-title">
          Pass rate per area
        </h2>
        {trend.error && <ErrorBanner message={`Could not load the trend: ${trend.error}`} onRetry={trend.reload} />}
        {trend.data && <TrendChart points={trend.data} />}
      </section>

      <section class="card" aria-labelledby="compare-title">
        <h2 id="compare-title" class="section-title">
          Compare two scans
        </h2>
        {comparable.length < 2 ? (
          <p class="muted">Scan this account again (or re-evaluate a scan) to compare two scans.</p>
        ) : (
          <form
            class="compare-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (from && to && from !== to) window.location.hash = routeHref({ name: 'diff', fromScanId: from, toScanId: to });
            }}
          >
            <label class="field field-inline">
              <span class="field-label">From</span>
              <select class="select" value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="compare-from">
                {comparable.map((s) => (
                  <option key={s.id} value={s.id}>
                    {label(s.id)}
                  </option>
                ))}
              </select>
            </label>
            <label class="field field-inline">
              <span class="field-label">To</span>
              <select class="select" value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="compare-to">
                {comparable.map((s) => (
                  <option key={s.id} value={s.id}>
                    {label(s.id)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" class="button button-primary" disabled={!from || !to || from === to} data-testid="compare-open">
              Compare
            </button>
          </form>
        )}
      </section>

      <section class="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title" class="section-title">
          Timeline
        </h2>
        <ol class="timeline" data-testid="timeline">
          {[...account.scans].reverse().map((s) => (
            <li key={s.id} class="timeline-item" data-testid="timeline-item">
              <span class={`timeline-dot scan-dot-${s.status}`} aria-hidden="true" />
              <div class="timeline-body">
                <a href={scanHref(s.id)} class="timeline-link">
                  <time dateTime={s.startedAt}>{formatDateTime(s.startedAt)}</time>
                </a>
                <ScanStatusBadge status={s.status} />
                <span class="muted">
                  {formatCount(s.counts.FAIL)} fail · {formatCount(s.counts.PASS)} pass · {formatCount(s.counts.NOT_ASSESSED)} not assessed
                </span>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
