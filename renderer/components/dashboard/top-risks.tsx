import { AREA_TITLES } from '../../../shared/model/area.ts';
import { scanHref } from '../../route.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { SeverityBadge } from '../common/severity-badge.tsx';
import { UserText } from '../common/user-text.tsx';

const TOP = 8;

/** The most severe open failures; each opens in the explorer with its detail. */
export function TopRisks({ scanId, reloadKey }: { scanId: string; reloadKey: number }) {
  // Accepted risks are the client's decision: the list shows what is still open (expired acceptances included).
  const top = useCall('findings:query', { scanId, status: ['FAIL'], acceptance: ['none', 'expired'], sort: 'severity', limit: TOP }, reloadKey);
  const open = top.data?.rows ?? [];
  return (
    <section class="card top-risks" aria-labelledby="top-risks-title" data-testid="top-risks">
      <div class="card-head">
        <h2 id="top-risks-title" class="section-title">
          Top risks
        </h2>
        <a href={scanHref(scanId, 'findings')} class="card-link">
          All findings →
        </a>
      </div>
      {top.error && <ErrorBanner message={`Could not load the top risks: ${top.error}`} onRetry={top.reload} />}
      {top.data && open.length === 0 && <p class="muted">No open failures.</p>}
      <ol class="risk-list">
        {open.map((f) => (
          <li key={`${f.checkId}|${f.region}|${f.resourceId}`}>
            <a class="risk-item" href={scanHref(scanId, 'findings', { open: `${f.checkId}|${f.region}|${f.resourceId}` })} data-testid="top-risk">
              <SeverityBadge severity={f.severity} />
              <span class="risk-text">
                <span class="risk-title">{f.title}</span>
                <span class="row-sub clip" dir="auto">
                  <UserText text={f.resourceName || f.resourceId} /> · {f.region} · {AREA_TITLES[f.area]}
                </span>
              </span>
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
