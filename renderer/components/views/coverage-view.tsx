import type { ScanDetail } from '../../../shared/api.ts';
import { CALL_ERROR_TITLES, type CallErrorKind } from '../../../shared/model/finding.ts';
import { formatCount } from '../../format.ts';
import { scanHref } from '../../route.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { UserText } from '../common/user-text.tsx';

/** What the scan could not see, per service and region, and why: the limits of the report. */
export function CoverageView({ scan }: { scan: ScanDetail }) {
  const coverage = useCall('scans:coverage', { scanId: scan.id });
  if (coverage.error) return <ErrorBanner message={`Could not load the coverage: ${coverage.error}`} onRetry={coverage.reload} />;
  if (!coverage.data)
    return (
      <p class="loading" role="status">
        Loading…
      </p>
    );
  const cells = coverage.data.cells;
  const failed = cells.filter((c) => c.failed > 0).sort((a, b) => b.failed - a.failed || a.service.localeCompare(b.service));
  const ok = cells.reduce((n, c) => n + c.ok, 0);
  const bad = cells.reduce((n, c) => n + c.failed, 0);
  const byKind = new Map<CallErrorKind, number>();
  for (const c of failed) for (const [kind, r] of Object.entries(c.reasons)) byKind.set(kind as CallErrorKind, (byKind.get(kind as CallErrorKind) ?? 0) + (r?.count ?? 0));
  const endpoints = new Map<string, string[]>();
  for (const [service, url] of Object.entries(coverage.data.endpoints)) if (url !== 'default') endpoints.set(url, [...(endpoints.get(url) ?? []), service]);

  return (
    <section aria-labelledby="coverage-title" data-testid="coverage-view">
      <div class="view-head">
        <div>
          <h2 id="coverage-title" class="section-title">
            Coverage
          </h2>
          <p class="muted">
            {formatCount(ok)} reads returned data, {formatCount(bad)} failed. Checks that needed failed reads are “Not assessed” ({formatCount(scan.counts.NOT_ASSESSED)}),
            never passed.
          </p>
        </div>
        <a class="button button-secondary" href={scanHref(scan.id, 'findings', { status: 'NOT_ASSESSED' })} data-testid="coverage-not-assessed">
          Show not-assessed checks
        </a>
      </div>
      {byKind.size > 0 && (
        <ul class="tag-list coverage-kinds">
          {[...byKind].map(([kind, n]) => (
            <li key={kind} class="badge badge-warn">
              {CALL_ERROR_TITLES[kind] ?? kind}: {formatCount(n)}
            </li>
          ))}
        </ul>
      )}
      {failed.length === 0 ? (
        <div class="card empty-state" data-testid="coverage-complete">
          <p>Every read of this scan returned data: nothing was left unassessed for lack of access.</p>
        </div>
      ) : (
        <div class="card table-card table-scroll">
          <table class="data-table coverage-table">
            <caption class="visually-hidden">Failed reads per service and region</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Region</th>
                <th scope="col" class="num">
                  Read
                </th>
                <th scope="col" class="num">
                  Failed
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {failed.map((c) => (
                <tr key={`${c.service}|${c.region}`} data-testid="coverage-row">
                  <td class="mono">{c.service}</td>
                  <td class="mono">{c.region}</td>
                  <td class="num">{formatCount(c.ok)}</td>
                  <td class="num count-warn">{formatCount(c.failed)}</td>
                  <td>
                    {Object.entries(c.reasons).map(([kind, r]) => (
                      <span key={kind} class="reason">
                        <span class="reason-title">
                          {CALL_ERROR_TITLES[kind as CallErrorKind] ?? kind} ×{r?.count}
                        </span>
                        <span class="row-sub mono" dir="auto">
                          {r?.call} · {r?.code}
                        </span>
                        <span class="row-sub" dir="auto">
                          <UserText text={r?.message ?? ''} />
                        </span>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {[...endpoints].map(([url, services]) => (
        <p key={url} class="muted coverage-endpoints">
          Read through the custom endpoint{' '}
          <span class="mono" dir="ltr">
            <UserText text={url} />
          </span>
          : {services.sort().join(', ')}.
        </p>
      ))}
    </section>
  );
}
