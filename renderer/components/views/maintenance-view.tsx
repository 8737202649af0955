import { useState } from 'preact/hooks';
import { formatCount, formatDate } from '../../format.ts';
import type { InstanceMaintenanceRow } from '../../../shared/model/views.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { Count, Unknown, YesNo } from '../common/known.tsx';
import { PendingNotice } from '../common/pending-notice.tsx';
import { UserText } from '../common/user-text.tsx';

const LIMIT = 300;

/** True when any readable signal says the instance is not being kept up to date. */
export function needsAttention(r: InstanceMaintenanceRow): boolean {
  return (
    r.ssmManaged === false ||
    (r.patchMissing ?? 0) > 0 ||
    (r.patchFailed ?? 0) > 0 ||
    (r.inspectorCritical ?? 0) > 0 ||
    r.amiDeprecated === true ||
    r.osEndOfLife === true ||
    r.imdsv2Required === false
  );
}

/** One row per EC2 instance: OS support, Systems Manager, patches, Inspector, AMI and IMDS. */
export function MaintenanceView({ scanId }: { scanId: string }) {
  const view = useCall('scans:maintenance', { scanId });
  const [text, setText] = useState('');
  const [onlyAttention, setOnlyAttention] = useState(false);
  if (view.unavailable) return <PendingNotice what="The per-instance maintenance view" call="scans:maintenance" />;
  if (view.error) return <ErrorBanner message={`Could not load the maintenance view: ${view.error}`} onRetry={view.reload} />;
  if (!view.data)
    return (
      <p class="loading" role="status">
        Loading…
      </p>
    );
  const needle = text.trim().toLowerCase();
  const rows = view.data.filter((r) => (!onlyAttention || needsAttention(r)) && (!needle || `${r.instanceId} ${r.name ?? ''} ${r.platformName ?? ''} ${r.region}`.toLowerCase().includes(needle)));
  const attention = view.data.filter(needsAttention).length;

  return (
    <section aria-labelledby="maintenance-title" data-testid="maintenance-view">
      <div class="view-head">
        <div>
          <h2 id="maintenance-title" class="section-title">
            Instance maintenance
          </h2>
          <p class="muted">
            {formatCount(view.data.length)} instances · {formatCount(attention)} need attention. “Unknown” means the data could not be read, not that
            all is well.
          </p>
        </div>
        <div class="filters">
          <label class="search-field search-small">
            <span class="visually-hidden">Filter instances</span>
            <input type="search" class="input" placeholder="Filter instances" value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <label class="checkbox">
            <input type="checkbox" checked={onlyAttention} onChange={(e) => setOnlyAttention(e.currentTarget.checked)} data-testid="maintenance-attention" />
            <span>Needs attention only</span>
          </label>
        </div>
      </div>
      {rows.length === 0 ? (
        <div class="card empty-state">
          <p>{view.data.length === 0 ? 'No EC2 instances in the scanned regions.' : 'No instance matches.'}</p>
        </div>
      ) : (
        <div class="card table-card table-scroll">
          <table class="data-table maintenance-table">
            <caption class="visually-hidden">Maintenance state per instance</caption>
            <thead>
              <tr>
                <th scope="col">Instance</th>
                <th scope="col">Operating system</th>
                <th scope="col">Systems Manager</th>
                <th scope="col" class="num">
                  Missing patches
                </th>
                <th scope="col">Inspector (C / H)</th>
                <th scope="col">AMI</th>
                <th scope="col">IMDSv2</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, LIMIT).map((r) => (
                <tr key={`${r.region}|${r.instanceId}`} data-testid="maintenance-row">
                  <td>
                    {r.name && (
                      <span class="resource-name" dir="auto">
                        <UserText text={r.name} />
                      </span>
                    )}
                    <span class="mono row-sub">{r.instanceId}</span>
                    <span class="mono row-sub">{r.region}</span>
                  </td>
                  <td>
                    {r.platformName ? <UserText text={`${r.platformName}${r.platformVersion && !r.platformName.includes(r.platformVersion) ? ` ${r.platformVersion}` : ''}`} /> : <Unknown />}
                    {r.osEndOfSupport && (
                      <span class={`row-sub${r.osEndOfLife ? ' count-fail' : ''}`}>
                        {r.osEndOfLife ? 'Support ended' : 'Supported until'} {formatDate(r.osEndOfSupport)}
                      </span>
                    )}
                  </td>
                  <td>
                    <YesNo value={r.ssmManaged} yes="Managed" no="Not managed" />
                    {r.ssmPingStatus && <span class="row-sub">{r.ssmPingStatus}</span>}
                    {r.ssmAgentLatest === false && <span class="row-sub count-warn">Agent out of date</span>}
                  </td>
                  <td class="num">
                    <Count value={r.patchMissing} bad />
                    {(r.patchCriticalNonCompliant ?? 0) > 0 && <span class="row-sub count-fail">{formatCount(r.patchCriticalNonCompliant ?? 0)} critical</span>}
                  </td>
                  <td>
                    {r.inspectorScanStatus === null ? (
                      <Unknown />
                    ) : (
                      <>
                        <Count value={r.inspectorCritical} bad /> / <Count value={r.inspectorHigh} bad />
                        <span class="row-sub">{r.inspectorScanStatus}</span>
                      </>
                    )}
                  </td>
                  <td>
                    {r.amiAgeDays === null ? <Unknown /> : `${formatCount(r.amiAgeDays)} days old`}
                    {r.amiDeprecated && <span class="row-sub count-fail">Deprecated</span>}
                  </td>
                  <td>
                    <YesNo value={r.imdsv2Required} yes="Required" no="Optional" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > LIMIT && <p class="table-footer muted">Showing the first {formatCount(LIMIT)} of {formatCount(rows.length)}; narrow the filter to see others.</p>}
        </div>
      )}
    </section>
  );
}
