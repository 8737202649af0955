import type { ScanDetail } from '../../shared/api.ts';
import { formatCount, formatDateTime, formatDuration } from '../format.ts';
import { ExportButtons } from './export-buttons.tsx';
import { ResumeButton } from './resume-button.tsx';
import { ScanStatusBadge } from './scan-status-badge.tsx';
import { UserText } from './user-text.tsx';

const RESUMABLE = new Set(['interrupted', 'cancelled', 'failed']);

interface Props {
  scan: ScanDetail;
  /** The running scan's call count from its progress events (the stored count is written at the end). */
  liveCalls: number | null;
  onResumed(): void;
}

export function ScanHeader({ scan, liveCalls, onResumed }: Props) {
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
        {scan.status !== 'running' && (
          <div class="scan-actions">
            {RESUMABLE.has(scan.status) && <ResumeButton scanId={scan.id} onResumed={onResumed} />}
            <ExportButtons scanId={scan.id} />
          </div>
        )}
      </div>
      <dl class="meta-grid">
        <div>
          <dt>Profile</dt>
          <dd dir="auto">
            <UserText text={scan.profile} />
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
          <dd dir="auto" class="clamp" title={regions}>
            {regions}
          </dd>
        </div>
        <div>
          <dt>API calls</dt>
          <dd>{formatCount(scan.status === 'running' && liveCalls !== null ? liveCalls : scan.calls)}</dd>
        </div>
        <div class="meta-wide">
          <dt>Identity</dt>
          <dd class="mono wrap" dir="auto">
            <UserText text={scan.callerArn || '—'} />
          </dd>
        </div>
      </dl>
    </header>
  );
}
