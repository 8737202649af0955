import { useState } from 'preact/hooks';
import { DIFF_KINDS, type DiffEntry, type DiffKind } from '../../../shared/model/engagement.ts';
import { SEVERITIES, STATUSES, type Severity, type Status } from '../../../shared/model/finding.ts';
import { formatCount, formatDateTime } from '../../format.ts';
import { routeHref, scanHref } from '../../route.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { ChipGroup } from '../common/filter-menu.tsx';
import { SeverityBadge } from '../common/severity-badge.tsx';
import { StatusBadge } from '../common/status-badge.tsx';
import { UserText } from '../common/user-text.tsx';

export const DIFF_LABELS: Record<DiffKind, string> = {
  new: 'New',
  resolved: 'Resolved',
  regressed: 'Regressed',
  'severity-changed': 'Severity changed',
  unchanged: 'Unchanged',
  'not-comparable': 'Not comparable',
};
const STEP = 300;

function Side({ side }: { side: DiffEntry['before'] }) {
  if (!side) return <span class="muted">Not present</span>;
  const status = (STATUSES as readonly string[]).includes(side.status) ? (side.status as Status) : null;
  const severity = (SEVERITIES as readonly string[]).includes(side.severity) ? (side.severity as Severity) : null;
  return (
    <span class="diff-side">
      {status ? <StatusBadge status={status} /> : side.status}
      {severity && status === 'FAIL' && <SeverityBadge severity={severity} />}
    </span>
  );
}

/** Two scans of one account side by side: what is new, resolved, regressed or re-rated. */
export function DiffView({ fromScanId, toScanId }: { fromScanId: string; toScanId: string }) {
  const diff = useCall('scans:diff', { fromScanId, toScanId });
  const from = useCall('scans:get', { scanId: fromScanId });
  const to = useCall('scans:get', { scanId: toScanId });
  const [kinds, setKinds] = useState<DiffKind[]>(['new', 'regressed', 'resolved', 'severity-changed']);
  const [limit, setLimit] = useState(STEP);
  const shown = (diff.data?.entries ?? []).filter((e) => kinds.includes(e.kind));
  const accountId = to.data?.accountId ?? from.data?.accountId;

  return (
    <section aria-labelledby="diff-title" data-testid="diff-view">
      <a class="back-link" href={routeHref({ name: 'history', accountId: accountId ?? null })}>
        ← History
      </a>
      <div class="page-heading">
        <div>
          <h1 id="diff-title">What changed</h1>
          <p class="muted">
            Account <span class="mono">{accountId ?? '…'}</span>
          </p>
        </div>
      </div>
      <div class="diff-sides">
        <a class="card diff-scan" href={scanHref(fromScanId)} data-testid="diff-from">
          <span class="section-label">Before</span>
          <span>{from.data ? formatDateTime(from.data.startedAt) : fromScanId}</span>
          {from.data && (
            <span class="muted">
              {formatCount(from.data.counts.FAIL)} fail · {formatCount(from.data.counts.PASS)} pass
            </span>
          )}
        </a>
        <span class="diff-arrow" aria-hidden="true">
          →
        </span>
        <a class="card diff-scan" href={scanHref(toScanId)} data-testid="diff-to">
          <span class="section-label">After</span>
          <span>{to.data ? formatDateTime(to.data.startedAt) : toScanId}</span>
          {to.data && (
            <span class="muted">
              {formatCount(to.data.counts.FAIL)} fail · {formatCount(to.data.counts.PASS)} pass
            </span>
          )}
        </a>
      </div>
      {diff.error && <ErrorBanner message={`Could not compare: ${diff.error}`} onRetry={diff.reload} />}
      {diff.data && (
        <>
          <ul class="diff-counts" data-testid="diff-counts">
            {DIFF_KINDS.map((k) => (
              <li key={k} class={`diff-count diff-${k}`} data-kind={k}>
                <strong>{formatCount(diff.data!.counts[k] ?? 0)}</strong> {DIFF_LABELS[k].toLowerCase()}
              </li>
            ))}
          </ul>
          <ChipGroup label="Show" options={DIFF_KINDS.map((k) => ({ value: k, label: DIFF_LABELS[k] }))} selected={kinds} onChange={(v) => setKinds(v as DiffKind[])} testId="diff-kind" />
          {shown.length === 0 ? (
            <div class="card empty-state" data-testid="diff-empty">
              <p>No changes of the kinds shown.</p>
            </div>
          ) : (
            <div class="card table-card table-scroll">
              <table class="data-table diff-table">
                <caption class="visually-hidden">Changes between the two scans</caption>
                <thead>
                  <tr>
                    <th scope="col">Change</th>
                    <th scope="col">Check</th>
                    <th scope="col">Resource</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.slice(0, limit).map((e) => (
                    <tr key={`${e.checkId}|${e.region}|${e.resourceId}`} data-testid="diff-row" data-kind={e.kind}>
                      <td>
                        <span class={`badge diff-badge diff-${e.kind}`}>{DIFF_LABELS[e.kind]}</span>
                      </td>
                      <td>
                        <span class="check-title">{e.title}</span>
                        <span class="row-sub mono">{e.checkId}</span>
                      </td>
                      <td>
                        <span class="resource-name" dir="auto">
                          <UserText text={e.resourceName || e.resourceId} />
                        </span>
                        <span class="row-sub mono">{e.region}</span>
                      </td>
                      <td>
                        <Side side={e.before} />
                      </td>
                      <td>
                        <Side side={e.after} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {shown.length > limit && (
                <div class="table-footer">
                  <span class="muted">
                    Showing {formatCount(limit)} of {formatCount(shown.length)}
                  </span>
                  <button type="button" class="button button-secondary button-small" onClick={() => setLimit((l) => l + STEP * 4)}>
                    Show more
                  </button>
                </div>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
