import { useState } from 'preact/hooks';
import type { ScanProgress } from '../../../shared/model/scan.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { formatCount, formatSeconds } from '../../format.ts';
import { PHASE_LABELS } from '../../labels.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { UserText } from '../common/user-text.tsx';

export function ScanProgressPanel({ scanId, progress }: { scanId: string; progress: ScanProgress | null }) {
  const bridge = useBridge();
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function cancel(): Promise<void> {
    setCancelling(true);
    setError(null);
    try {
      await bridge.invoke('scan:cancel', { scanId });
    } catch (err) {
      setError(`Could not cancel: ${errorMessage(err)}`);
      setCancelling(false);
    }
  }

  const total = progress?.unitsTotal ?? 0;
  const done = progress?.unitsDone ?? 0;
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  const phase = progress ? PHASE_LABELS[progress.phase] : 'Starting';
  const where = progress && progress.service ? [progress.service, progress.region].filter(Boolean).join(' · ') : '—';
  const eta = progress?.etaSeconds;

  return (
    <section class="card progress-card" aria-labelledby="progress-title" data-testid="scan-progress">
      <div class="progress-head">
        <div>
          <h2 id="progress-title" class="section-title">
            Scanning
          </h2>
          <p class="muted" aria-live="polite" data-testid="progress-phase">
            {cancelling ? 'Cancelling…' : `${phase}…`}
          </p>
        </div>
        <button type="button" class="button button-secondary" onClick={cancel} disabled={cancelling} data-testid="cancel-scan">
          {cancelling ? 'Cancelling…' : 'Cancel scan'}
        </button>
      </div>
      <div
        class={`progress-track${total === 0 ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-label="Scan progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={total > 0 ? percent : undefined}
        aria-valuetext={total > 0 ? `${percent}%, ${done} of ${total} units` : 'Starting'}
        data-testid="progress-bar"
        data-units-done={done}
        data-units-total={total}
      >
        <div class="progress-fill" style={{ width: `${total > 0 ? percent : 100}%` }} />
      </div>
      <dl class="progress-stats">
        <div>
          <dt>Progress</dt>
          <dd data-testid="progress-units">
            {total > 0 ? `${formatCount(done)} / ${formatCount(total)} units · ${percent}%` : '—'}
          </dd>
        </div>
        <div>
          <dt>Now reading</dt>
          <dd class="mono" dir="auto" data-testid="progress-current">
            <UserText text={where} />
          </dd>
        </div>
        <div>
          <dt>API calls</dt>
          <dd data-testid="progress-calls">{formatCount(progress?.calls ?? 0)}</dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd data-testid="progress-errors" class={progress && progress.errors > 0 ? 'count-warn' : undefined}>
            {formatCount(progress?.errors ?? 0)}
          </dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd data-testid="progress-eta">{eta === null || eta === undefined ? 'Estimating…' : eta < 5 ? 'A few seconds' : `About ${formatSeconds(eta)}`}</dd>
        </div>
      </dl>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
