import { AREA_TITLES, AREAS } from '../../../shared/model/area.ts';
import { CALL_ERROR_TITLES } from '../../../shared/model/finding.ts';
import { SERVICE_MODEL_TITLES, type ResponsibilityRow, type UsageStatus } from '../../../shared/model/responsibility.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { PendingNotice } from '../common/pending-notice.tsx';
import { UserText } from '../common/user-text.tsx';

const USAGE_LABELS: Record<UsageStatus, string> = { 'in-use': 'In use', 'not-in-use': 'Not in use', unknown: 'Unknown' };

/** Per service the account uses: what AWS runs, what the customer must do, and where Leasehold checks it. */
export function ResponsibilityMatrixView({ scanId }: { scanId: string }) {
  const matrix = useCall('scans:responsibility', { scanId });
  return (
    <section class="card matrix-card" aria-labelledby="matrix-title" data-testid="responsibility-matrix">
      <h2 id="matrix-title" class="section-title">
        Who is responsible for what
      </h2>
      <p class="muted">For each AWS service this account uses: what AWS runs, and what stays with the customer. Open a service for the detail.</p>
      {matrix.unavailable && <PendingNotice what="The responsibility matrix" call="scans:responsibility" />}
      {matrix.error && !matrix.unavailable && <ErrorBanner message={`Could not load the matrix: ${matrix.error}`} onRetry={matrix.reload} />}
      {matrix.data && (
        <>
          <ul class="matrix-list">
            {matrix.data.rows.map((row) => (
              <MatrixRow key={row.service} row={row} />
            ))}
          </ul>
          {matrix.data.notInUse.length > 0 && (
            <p class="muted matrix-unused">
              Read completely and not in use: {matrix.data.notInUse.map((s) => s.title).join(', ')}.
            </p>
          )}
        </>
      )}
    </section>
  );
}

function MatrixRow({ row }: { row: ResponsibilityRow }) {
  const areas = AREAS.filter((a) => row.customerDuties.some((d) => d.area === a));
  return (
    <li class="matrix-item" data-testid="matrix-row" data-service={row.service}>
      <details>
        <summary class="matrix-summary">
          <span class="matrix-service">
            <span class="strong">{row.title}</span>
            <span class="row-sub">{SERVICE_MODEL_TITLES[row.model] ?? row.model}</span>
          </span>
          <span class="matrix-usage">
            <span class={`badge usage-${row.status}`}>{USAGE_LABELS[row.status]}</span>
            <span class="row-sub" dir="auto">
              <UserText text={row.evidence} />
            </span>
          </span>
          <span class="matrix-duties">
            <span class="row-sub">
              {row.customerDuties.length} customer {row.customerDuties.length === 1 ? 'duty' : 'duties'}
            </span>
            <span class="tag-list">
              {areas.map((a) => (
                <span key={a} class="badge badge-neutral">
                  {AREA_TITLES[a]}
                </span>
              ))}
            </span>
          </span>
        </summary>
        <div class="matrix-body">
          <div>
            <h3 class="detail-subtitle">AWS manages</h3>
            <ul class="bullet-list">
              {row.awsManages.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3 class="detail-subtitle">The customer must</h3>
            <ul class="bullet-list">
              {row.customerDuties.map((d) => (
                <li key={d.text}>
                  {d.text} <span class="muted">({AREA_TITLES[d.area] ?? d.area})</span>
                </li>
              ))}
            </ul>
            {row.reason && (
              <p class="row-sub">
                Use unknown: {CALL_ERROR_TITLES[row.reason.kind] ?? row.reason.kind} on <span class="mono">{row.reason.call}</span> in {row.reason.region}
              </p>
            )}
          </div>
        </div>
      </details>
    </li>
  );
}
