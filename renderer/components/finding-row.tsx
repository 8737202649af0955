import { useState } from 'preact/hooks';
import { AREA_TITLES } from '../../shared/model/area.ts';
import { CALL_ERROR_TITLES, type Finding } from '../../shared/model/finding.ts';
import { formatDateTime } from '../format.ts';
import { SeverityBadge } from './severity-badge.tsx';
import { StatusBadge } from './status-badge.tsx';
import { UserText } from './user-text.tsx';

/**
 * One finding, and on demand its evidence. Everything here comes from the scanned account, so it
 * is rendered as text only, and dir="auto" keeps right-to-left names from reordering the row.
 */
export function FindingRow({ finding, showStatus }: { finding: Finding; showStatus: boolean }) {
  const [open, setOpen] = useState(false);
  const columns = showStatus ? 7 : 6;
  const detailsId = `finding-${finding.checkId}-${finding.resourceId}-${finding.region}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const reason = finding.status === 'NOT_ASSESSED' ? finding.reason : undefined;
  const showName = finding.resourceName && finding.resourceName !== finding.resourceId;

  return (
    <tbody class={`finding${open ? ' is-open' : ''}`}>
      <tr data-testid="finding-row" data-status={finding.status} data-area={finding.area} data-severity={finding.severity} data-check-id={finding.checkId}>
        <td class="cell-toggle">
          <button
            type="button"
            class="icon-button"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={`${open ? 'Hide' : 'Show'} evidence for ${finding.title}`}
            onClick={() => setOpen(!open)}
            data-testid="finding-toggle"
          >
            <svg class="chevron" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path d="m7.5 4.5 5.5 5.5-5.5 5.5-1.3-1.3 4.2-4.2-4.2-4.2 1.3-1.3Z" fill="currentColor" />
            </svg>
          </button>
        </td>
        {showStatus && (
          <td>
            <StatusBadge status={finding.status} />
          </td>
        )}
        <td>
          <SeverityBadge severity={finding.severity} />
        </td>
        <td class="wrap">
          <span class="check-title">{finding.title}</span>
          <span class="row-sub">{AREA_TITLES[finding.area] ?? finding.area}</span>
        </td>
        <td class="wrap">
          {showName && (
            <span class="resource-name" dir="auto" data-testid="finding-resource-name">
              <UserText text={finding.resourceName} />
            </span>
          )}
          <span class={`resource-id mono${showName ? ' row-sub' : ''}`} dir="auto" data-testid="finding-resource-id">
            <UserText text={finding.resourceId || finding.resourceName || '—'} />
          </span>
        </td>
        <td class="mono nowrap" dir="auto">
          <UserText text={finding.region} />
        </td>
        <td class="wrap">
          {reason ? (
            <span class="reason" data-testid="finding-reason">
              <span class="reason-title">{CALL_ERROR_TITLES[reason.kind] ?? reason.kind}</span>
              <span class="row-sub mono" dir="auto">
                {reason.call}
                {reason.code ? ` · ${reason.code}` : ''}
              </span>
              {reason.message && (
                <span class="row-sub" dir="auto">
                  <UserText text={reason.message} />
                </span>
              )}
            </span>
          ) : (
            <span dir="auto" data-testid="finding-message">
              <UserText text={finding.message} />
            </span>
          )}
        </td>
      </tr>
      {open && (
        <tr class="finding-details" id={detailsId}>
          <td />
          <td colSpan={columns - 1}>
            <dl class="details-grid">
              <div>
                <dt>Check ID</dt>
                <dd class="mono">{finding.checkId}</dd>
              </div>
              <div>
                <dt>Service</dt>
                <dd class="mono">{finding.service}</dd>
              </div>
              <div>
                <dt>Account</dt>
                <dd class="mono" dir="auto">
                  {finding.accountId}
                </dd>
              </div>
              <div class="details-wide">
                <dt>Resource ARN</dt>
                <dd class="mono wrap" dir="auto">
                  <UserText text={finding.resourceArn || '—'} />
                </dd>
              </div>
            </dl>
            <h3 class="evidence-title">Evidence</h3>
            {finding.evidence.length === 0 ? (
              <p class="muted">No API evidence recorded.</p>
            ) : (
              <ul class="evidence-list">
                {finding.evidence.map((e, i) => (
                  <li key={i}>
                    <p class="evidence-meta">
                      <span class="mono">{e.call}</span> · <span class="mono">{e.region}</span> · <time dateTime={e.time}>{formatDateTime(e.time)}</time>
                    </p>
                    <pre class="evidence-excerpt" dir="ltr">
                      <UserText text={e.excerpt} />
                    </pre>
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      )}
    </tbody>
  );
}
