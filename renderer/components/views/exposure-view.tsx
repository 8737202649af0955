import { useState } from 'preact/hooks';
import { formatCount } from '../../format.ts';
import type { ExposureRow, Tri } from '../../../shared/model/views.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { PendingNotice } from '../common/pending-notice.tsx';
import { UserText } from '../common/user-text.tsx';

const EXPOSED_LABELS: Record<Tri, string> = { yes: 'Exposed', no: 'Blocked', unknown: 'Unknown' };
type Show = 'exposed' | 'all';

function ports(r: ExposureRow): string {
  return r.fromPort === r.toPort ? String(r.fromPort) : r.fromPort === 0 && r.toPort === 65535 ? 'all ports' : `${r.fromPort}–${r.toPort}`;
}

/** One layer's verdict with the reason in words (the ACL rule, the address, the route). */
function Layer({ verdict, text }: { verdict: string; text: string }) {
  const tone = verdict === 'allow' || verdict === 'yes' ? 'open' : verdict === 'deny' || verdict === 'no' ? 'closed' : 'unknown';
  return (
    <span class={`layer layer-${tone}`}>
      <span class="layer-verdict">{tone === 'open' ? 'Open' : tone === 'closed' ? 'Closed' : 'Unknown'}</span>
      <span class="row-sub" dir="auto">
        <UserText text={text} />
      </span>
    </span>
  );
}

/**
 * Ports open to the whole internet, per instance and database, with each layer between the
 * internet and the resource. A row is exposed only when every layer lets traffic in.
 */
export function ExposureView({ scanId }: { scanId: string }) {
  const view = useCall('scans:exposure', { scanId });
  const [show, setShow] = useState<Show>('exposed');
  if (view.unavailable) return <PendingNotice what="The internet-exposure view" call="scans:exposure" />;
  if (view.error) return <ErrorBanner message={`Could not load the exposure view: ${view.error}`} onRetry={view.reload} />;
  if (!view.data)
    return (
      <p class="loading" role="status">
        Loading…
      </p>
    );
  const all = view.data.rows;
  const gaps = view.data.notAssessed;
  const rows = show === 'all' ? all : all.filter((r) => r.exposed !== 'no');
  const exposed = all.filter((r) => r.exposed === 'yes' && !r.authorized).length;

  return (
    <section aria-labelledby="exposure-title" data-testid="exposure-view">
      <div class="view-head">
        <div>
          <h2 id="exposure-title" class="section-title">
            Internet exposure
          </h2>
          <p class="muted">
            {formatCount(exposed)} unauthorized {exposed === 1 ? 'port range is' : 'port ranges are'} reachable from the internet. A port is exposed when its
            security group, the subnet's network ACL, a public address and a route to an internet gateway all let traffic in.
          </p>
        </div>
        <label class="field field-inline">
          <span class="field-label">Show</span>
          <select class="select" value={show} onChange={(e) => setShow(e.currentTarget.value as Show)} data-testid="exposure-show">
            <option value="exposed">Exposed or unknown</option>
            <option value="all">Every world-open rule</option>
          </select>
        </label>
      </div>
      {gaps.length > 0 && (
        <div class="banner banner-warn" role="status">
          <p class="banner-text">
            Not assessed in {gaps.map((g) => `${g.region} (${g.call}: ${g.code})`).join(', ')}.
          </p>
        </div>
      )}
      {rows.length === 0 ? (
        <div class="card empty-state">
          <p>{all.length === 0 ? 'No security group opens a port to the whole internet.' : 'Nothing exposed: every world-open rule is blocked by another layer.'}</p>
        </div>
      ) : (
        <div class="card table-card table-scroll">
          <table class="data-table exposure-table">
            <caption class="visually-hidden">World-open ports and the layers in front of them</caption>
            <thead>
              <tr>
                <th scope="col">Resource</th>
                <th scope="col">Port</th>
                <th scope="col">Opened by</th>
                <th scope="col">Network ACL</th>
                <th scope="col">Public address</th>
                <th scope="col">Internet route</th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} data-testid="exposure-row" data-exposed={r.exposed}>
                  <td>
                    <span class="mono nowrap" dir="auto">
                      <UserText text={r.resourceId} />
                    </span>
                    <span class="row-sub">
                      {r.resourceType === 'ec2-instance' ? 'EC2 instance' : 'RDS instance'} · <span class="mono">{r.region}</span>
                    </span>
                  </td>
                  <td class="nowrap">
                    <span class="mono">
                      {r.protocol.toUpperCase()} {ports(r)}
                    </span>
                    <span class="row-sub">{r.family === 'ipv4' ? 'IPv4' : 'IPv6'}</span>
                    {r.authorized && <span class="badge badge-neutral">Authorized</span>}
                  </td>
                  <td>
                    {r.openedBy.map((g) => (
                      <span key={`${g.groupId}${g.rule}`} class="row-sub" dir="auto">
                        <UserText text={g.groupName || g.groupId} /> <span class="mono">{g.rule}</span>
                      </span>
                    ))}
                  </td>
                  <td>
                    <Layer verdict={r.nacl.verdict} text={r.nacl.text} />
                  </td>
                  <td>
                    <Layer verdict={r.publicAddress.verdict} text={r.publicAddress.text} />
                  </td>
                  <td>
                    <Layer verdict={r.internetRoute.verdict} text={r.internetRoute.text} />
                  </td>
                  <td>
                    <span class={`badge exposed-${r.exposed}${r.authorized ? ' is-authorized' : ''}`}>{r.authorized && r.exposed === 'yes' ? 'Open, authorized' : EXPOSED_LABELS[r.exposed]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
