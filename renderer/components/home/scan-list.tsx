import type { ScanProgress, ScanSummary } from '../../../shared/model/scan.ts';
import { formatCount, formatDateTime } from '../../format.ts';
import { scanHref } from '../../route.ts';
import { ScanStatusBadge } from '../common/scan-status-badge.tsx';
import { UserText } from '../common/user-text.tsx';

function newestFirst(a: ScanSummary, b: ScanSummary): number {
  return b.startedAt.localeCompare(a.startedAt);
}

export function ScanList({ scans, progress }: { scans: ScanSummary[]; progress: Record<string, ScanProgress> }) {
  const sorted = [...scans].sort(newestFirst);
  return (
    <section aria-labelledby="scans-title" data-testid="scan-list">
      <div class="page-heading">
        <div>
          <h1 id="scans-title">Scans</h1>
          <p class="muted">Every scan stays in the local database. Open one to review findings and export the report.</p>
        </div>
        <a class="button button-secondary" href="#/new" data-testid="scan-list-new-scan">
          New scan
        </a>
      </div>
      <div class="card table-card">
        <table class="data-table scans-table">
          <caption class="visually-hidden">Stored scans, newest first</caption>
          <colgroup>
            <col class="col-account" />
            <col class="col-profile" />
            <col class="col-date" />
            <col class="col-status" />
            <col class="col-count" />
            <col class="col-count" />
            <col class="col-count-wide" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Profile</th>
              <th scope="col">Started</th>
              <th scope="col">Status</th>
              <th scope="col" class="num">Fail</th>
              <th scope="col" class="num">Pass</th>
              <th scope="col" class="num">Not assessed</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((scan) => {
              const live = progress[scan.id];
              return (
                <tr key={scan.id} data-testid="scan-row" data-scan-id={scan.id}>
                  <td>
                    <a class="row-link" href={scanHref(scan.id)} data-testid={`scan-open-${scan.id}`}>
                      <span class="mono" dir="auto">
                        {scan.accountId || 'Unknown account'}
                      </span>
                    </a>
                    {scan.label && (
                      <span class="row-sub" dir="auto">
                        <span class="badge badge-demo">Demo</span> <UserText text={scan.label} />
                      </span>
                    )}
                  </td>
                  <td class="wrap" dir="auto">
                    <UserText text={scan.profile} />
                  </td>
                  <td>
                    <time dateTime={scan.startedAt}>{formatDateTime(scan.startedAt)}</time>
                  </td>
                  <td>
                    <ScanStatusBadge status={scan.status} />
                    {scan.status === 'running' && live && live.unitsTotal > 0 && (
                      <span class="row-sub">{Math.floor((live.unitsDone / live.unitsTotal) * 100)}%</span>
                    )}
                  </td>
                  <td class="num">
                    <span class={scan.counts.FAIL > 0 ? 'count-fail' : undefined}>{formatCount(scan.counts.FAIL)}</span>
                  </td>
                  <td class="num">{formatCount(scan.counts.PASS)}</td>
                  <td class="num">{formatCount(scan.counts.NOT_ASSESSED)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
