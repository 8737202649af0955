import { useState } from 'preact/hooks';
import type { ScanDetail } from '../../../shared/api.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { navigate, scanHref } from '../../route.ts';
import { ErrorBanner } from '../common/error-banner.tsx';

const RESUMABLE = new Set(['interrupted', 'cancelled', 'failed']);

/** Resume an unfinished scan, re-run today's checks on its snapshot, export, or delete it. */
export function ScanActions({ scan, onChanged }: { scan: ScanDetail; onChanged(): void }) {
  const bridge = useBridge();
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(what: string, action: () => Promise<void>): Promise<void> {
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(`Could not ${what}: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  }

  const resume = () =>
    run('resume', async () => {
      const { scanId } = await bridge.invoke('scan:resume', { scanId: scan.id });
      if (scanId === scan.id) onChanged();
      else navigate({ name: 'scan', scanId, tab: 'overview', params: {} });
    });
  const reevaluate = () =>
    run('re-evaluate', async () => {
      const { scanId } = await bridge.invoke('scan:reevaluate', { scanId: scan.id });
      navigate({ name: 'scan', scanId, tab: 'overview', params: {} });
    });
  const remove = () =>
    run('delete', async () => {
      await bridge.invoke('scans:delete', { scanId: scan.id });
      navigate({ name: 'home' });
    });

  return (
    <div class="scan-actions">
      <div class="button-group" role="group" aria-label="Scan actions">
        {RESUMABLE.has(scan.status) && (
          <button type="button" class="button button-secondary" onClick={resume} disabled={busy !== null} data-testid="resume-scan">
            {busy === 'resume' ? 'Resuming…' : 'Resume scan'}
          </button>
        )}
        <button
          type="button"
          class="button button-secondary"
          onClick={reevaluate}
          disabled={busy !== null}
          title="Run today's checks again on this scan's stored data, without calling AWS"
          data-testid="reevaluate-scan"
        >
          {busy === 're-evaluate' ? 'Re-evaluating…' : 'Re-evaluate'}
        </button>
        {confirmDelete ? (
          <>
            <button type="button" class="button button-danger" onClick={remove} disabled={busy !== null} data-testid="delete-scan-confirm">
              Delete scan and its data
            </button>
            <button type="button" class="button button-ghost" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" class="button button-ghost" onClick={() => setConfirmDelete(true)} data-testid="delete-scan">
            Delete…
          </button>
        )}
        <a class="button button-primary" href={scanHref(scan.id, 'export')} data-testid="open-export">
          Export
        </a>
      </div>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
