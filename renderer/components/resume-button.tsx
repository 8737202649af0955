import { useState } from 'preact/hooks';
import { errorMessage } from '../bridge.ts';
import { useBridge } from '../bridge-context.ts';
import { navigate } from '../route.ts';
import { ErrorBanner } from './error-banner.tsx';

/** Continues a cancelled, interrupted or failed scan from what it already stored. */
export function ResumeButton({ scanId, onResumed }: { scanId: string; onResumed(): void }) {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function resume(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const { scanId: resumed } = await bridge.invoke('scan:resume', { scanId });
      if (resumed === scanId) onResumed();
      else navigate({ name: 'scan', scanId: resumed });
    } catch (err) {
      setError(`Could not resume: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" class="button button-secondary" onClick={resume} disabled={busy} data-testid="resume-scan">
        {busy ? 'Resuming…' : 'Resume scan'}
      </button>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
    </>
  );
}
