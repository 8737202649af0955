import { AREA_TITLES, AREAS } from '../../../shared/model/area.ts';
import { SEVERITIES } from '../../../shared/model/finding.ts';
import { formatCount } from '../../format.ts';
import { SEVERITY_LABELS } from '../../labels.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { PendingNotice } from '../common/pending-notice.tsx';

/** What the account's own Security Hub reports, beside Leasehold's checks, per area. */
export function SecurityHubSummary({ scanId }: { scanId: string }) {
  const hub = useCall('scans:securityhub', { scanId });
  const data = hub.data;
  const enabled = data?.perRegion.filter((r) => r.enabled === true).length ?? 0;
  const unknown = data?.perRegion.filter((r) => r.enabled === null).length ?? 0;
  return (
    <section class="card" aria-labelledby="hub-title" data-testid="securityhub-summary">
      <h2 id="hub-title" class="section-title">
        AWS Security Hub
      </h2>
      {hub.unavailable && <PendingNotice what="The Security Hub summary" call="scans:securityhub" />}
      {hub.error && !hub.unavailable && <ErrorBanner message={`Could not load the Security Hub summary: ${hub.error}`} onRetry={hub.reload} />}
      {data && (
        <>
          <p class="muted">
            Enabled in {formatCount(enabled)} of {formatCount(data.perRegion.length)} regions{unknown ? ` (${formatCount(unknown)} unknown)` : ''} ·{' '}
            {formatCount(data.findings.length)} findings imported · {formatCount(data.duplicates)} already reported by Leasehold ·{' '}
            {formatCount(data.disagreements.length)} disagreements
          </p>
          <table class="data-table compact-table">
            <caption class="visually-hidden">Open Security Hub findings per area and severity</caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                {SEVERITIES.map((s) => (
                  <th key={s} scope="col" class="num">
                    {SEVERITY_LABELS[s]}
                  </th>
                ))}
                <th scope="col" class="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {AREAS.map((a) => (
                <tr key={a}>
                  <th scope="row">{AREA_TITLES[a]}</th>
                  {SEVERITIES.map((s) => (
                    <td key={s} class="num">
                      {formatCount(data.byArea[a]?.bySeverity[s] ?? 0)}
                    </td>
                  ))}
                  <td class="num">
                    <strong>{formatCount(data.byArea[a]?.total ?? 0)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
