import { useEffect, useRef, useState } from 'preact/hooks';
import type { Engagement, EngagementSummary } from '../../../shared/model/engagement.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { downloadFile } from '../../download.ts';
import { formatCount, formatDate, plural } from '../../format.ts';
import { moveLegacyLogos } from '../../logos.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { UserText } from '../common/user-text.tsx';
import { EngagementForm } from './engagement-form.tsx';
import { ImportButton } from './import-button.tsx';

/** Clients: who the scans are for, the consultant, logos, authorized ports; archive when done. */
export function EngagementsPage() {
  const bridge = useBridge();
  const [showArchived, setShowArchived] = useState(false);
  const list = useCall('engagements:list', { includeArchived: showArchived });
  const [editing, setEditing] = useState<Engagement | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Counts form openings and closings, so an Edit answered late cannot open over a later choice.
  const opening = useRef(0);
  const show = (target: Engagement | 'new' | null) => {
    opening.current++;
    setEditing(target);
  };

  useEffect(() => {
    if (!list.data) return;
    void moveLegacyLogos(bridge, list.data).then((moved) => {
      if (moved === 0) return;
      setNotice(`Logos chosen earlier in this browser are now kept with ${plural(moved, 'engagement')}.`);
      list.reload();
    });
  }, [list.data]);

  async function act(what: string, call: () => Promise<void>): Promise<void> {
    setError(null);
    setNotice(null);
    try {
      await call();
      list.reload();
    } catch (err) {
      setError(`Could not ${what}: ${errorMessage(err)}`);
    }
  }

  // The list carries no logo images; the form needs them to show and keep them.
  async function edit(e: EngagementSummary): Promise<void> {
    setError(null);
    const ticket = ++opening.current;
    try {
      const full = await bridge.invoke('engagements:get', { id: e.id });
      if (ticket === opening.current) setEditing(full);
    } catch (err) {
      if (ticket === opening.current) setError(`Could not open the engagement: ${errorMessage(err)}`);
    }
  }

  return (
    <section aria-labelledby="engagements-title" data-testid="engagements-page">
      <div class="page-heading">
        <div>
          <h1 id="engagements-title">Engagements</h1>
          <p class="muted">One per client: the report cover, the consultant, and the ports the client allows open to the internet.</p>
        </div>
        <div class="button-group">
          <ImportButton onImported={(n) => (setNotice(`Imported an engagement with ${plural(n, 'scan')}.`), list.reload())} onError={setError} />
          <button type="button" class="button button-primary" onClick={() => show('new')} data-testid="engagement-new">
            New engagement
          </button>
        </div>
      </div>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {notice && (
        <p class="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      {list.error && <ErrorBanner message={`Could not load the engagements: ${list.error}`} onRetry={list.reload} />}
      <label class="checkbox list-option">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} data-testid="engagements-show-archived" />
        <span>Show archived engagements</span>
      </label>
      {list.data && list.data.length === 0 && (
        <div class="card empty-state">
          <p>No engagements yet. Create one for your client, then choose it when you start a scan.</p>
        </div>
      )}
      {list.data && list.data.length > 0 && (
        <div class="card table-card">
          <table class="data-table engagements-table">
            <caption class="visually-hidden">Engagements, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Consultant</th>
                <th scope="col">Authorized ports</th>
                <th scope="col" class="num">
                  Scans
                </th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((e) => (
                <tr key={e.id} data-testid="engagement-row" data-engagement-id={e.id} class={e.archivedAt ? 'is-archived' : undefined}>
                  <td>
                    <span class="strong" dir="auto">
                      <UserText text={e.client} />
                    </span>
                    {e.archivedAt && <span class="badge badge-neutral">Archived</span>}
                    {e.notes && (
                      <span class="row-sub clip" dir="auto">
                        <UserText text={e.notes} />
                      </span>
                    )}
                  </td>
                  <td dir="auto">
                    <UserText text={e.consultant || '—'} />
                  </td>
                  <td class="mono">{e.settings.authorizedPorts.join(', ') || 'none'}</td>
                  <td class="num">{formatCount(e.scanCount)}</td>
                  <td>{formatDate(e.createdAt)}</td>
                  <td class="row-actions">
                    <button type="button" class="button button-ghost button-small" onClick={() => void edit(e)} aria-label={`Edit ${e.client}`} data-testid="engagement-edit">
                      Edit
                    </button>
                    <button
                      type="button"
                      class="button button-ghost button-small"
                      onClick={() => act('export', async () => downloadFile(await bridge.invoke('engagements:export', { engagementId: e.id })))}
                      aria-label={`Export ${e.client} with its scans`}
                      data-testid="engagement-export"
                    >
                      Export
                    </button>
                    <button
                      type="button"
                      class="button button-ghost button-small"
                      onClick={() => act(e.archivedAt ? 'restore' : 'archive', async () => void (await bridge.invoke('engagements:archive', { id: e.id, archived: !e.archivedAt })))}
                      aria-label={`${e.archivedAt ? 'Restore' : 'Archive'} ${e.client}`}
                      data-testid="engagement-archive"
                    >
                      {e.archivedAt ? 'Restore' : 'Archive'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <EngagementForm
        engagement={editing}
        onClose={() => show(null)}
        onSaved={(saved) => {
          show(null);
          setNotice(`Saved “${saved.client}”.`);
          list.reload();
        }}
      />
    </section>
  );
}
