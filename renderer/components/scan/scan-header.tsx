import type { ScanDetail } from '../../../shared/api.ts';
import { formatCount, formatDateTime, formatDuration } from '../../format.ts';
import { routeHref } from '../../route.ts';
import { ScanStatusBadge } from '../common/scan-status-badge.tsx';
import { UserText } from '../common/user-text.tsx';
import { ScanActions } from './scan-actions.tsx';

interface Props {
  scan: ScanDetail;
  /** The running scan's call count from its progress events (the stored count is written at the end). */
  liveCalls: number | null;
  onChanged(): void;
}

export function ScanHeader({ scan, liveCalls, onChanged }: Props) {
  const duration = formatDuration(scan.startedAt, scan.endedAt);
  const regions = scan.regions.length > 0 ? scan.regions.join(', ') : 'None';
  return (
    <header class="scan-header">
      <div class="scan-heading">
        <div class="scan-title-block">
          <p class="eyebrow">
            {scan.label ? (
              <>
                <span class="badge badge-demo">Demo</span>
                <span dir="auto">
                  <UserText text={scan.label} />
                </span>
              </>
            ) : (
              'AWS account'
            )}
          </p>
          <h1 id="scan-title" class="scan-title">
            <span class="mono" dir="auto">
              {scan.accountId || 'Unknown account'}
            </span>
            <ScanStatusBadge status={scan.status} />
          </h1>
        </div>
        {scan.status !== 'running' && <ScanActions scan={scan} onChanged={onChanged} />}
      </div>
      <dl class="meta-line">
        <div>
          <dt>Profile</dt>
          <dd dir="auto">
            <UserText text={scan.profile} />
            {scan.viaRoleArn && (
              <span class="muted" title={scan.viaRoleArn} data-testid="scan-via-role">
                {' '}
                · via role <UserText text={scan.viaRoleArn.slice(scan.viaRoleArn.indexOf(':role/') + 6)} />
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <time dateTime={scan.startedAt}>{formatDateTime(scan.startedAt)}</time>
            {duration && <span class="muted"> · {duration}</span>}
          </dd>
        </div>
        <div>
          <dt>Regions</dt>
          <dd title={regions}>{scan.regions.length > 3 ? `${scan.regions.length} regions` : regions}</dd>
        </div>
        <div>
          <dt>API calls</dt>
          <dd>{formatCount(scan.status === 'running' && liveCalls !== null ? liveCalls : scan.calls)}</dd>
        </div>
        <div class="meta-identity">
          <dt>Identity</dt>
          <dd class="mono wrap" dir="auto">
            <UserText text={scan.callerArn || '—'} />
          </dd>
        </div>
        {scan.accountId && (
          <div>
            <dt>History</dt>
            <dd>
              <a href={routeHref({ name: 'history', accountId: scan.accountId })} data-testid="scan-history-link">
                All scans of this account
              </a>
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
