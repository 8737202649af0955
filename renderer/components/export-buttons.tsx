import { useState } from 'preact/hooks';
import type { FilePayload } from '../../shared/api.ts';
import { errorMessage } from '../bridge.ts';
import { useBridge } from '../bridge-context.ts';
import { downloadFile } from '../download.ts';
import { ErrorBanner } from './error-banner.tsx';

type ExportKind = 'pdf' | 'json' | 'csv';

const EXPORTS: ReadonlyArray<{ kind: ExportKind; label: string; busy: string; primary: boolean }> = [
  { kind: 'pdf', label: 'PDF report', busy: 'Rendering PDF…', primary: true },
  { kind: 'json', label: 'JSON', busy: 'Exporting…', primary: false },
  { kind: 'csv', label: 'CSV', busy: 'Exporting…', primary: false },
];

export function ExportButtons({ scanId }: { scanId: string }) {
  const bridge = useBridge();
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(kind: ExportKind): Promise<void> {
    setBusy(kind);
    setError(null);
    try {
      const file: FilePayload =
        kind === 'pdf' ? await bridge.invoke('report:render', { scanId }) : await bridge.invoke('export:render', { scanId, format: kind });
      downloadFile(file);
    } catch (err) {
      setError(`Export failed: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div class="export-area">
      <div class="button-group" role="group" aria-label="Export this scan">
        {EXPORTS.map(({ kind, label, busy: busyLabel, primary }) => (
          <button
            key={kind}
            type="button"
            class={`button ${primary ? 'button-primary' : 'button-secondary'}`}
            onClick={() => run(kind)}
            disabled={busy !== null}
            aria-busy={busy === kind}
            data-testid={`export-${kind}`}
          >
            <svg class="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path d="M9.1 3h1.8v7.6l2.7-2.7 1.3 1.3-4.9 4.9-4.9-4.9 1.3-1.3 2.7 2.7V3ZM4 15h12v2H4v-2Z" fill="currentColor" />
            </svg>
            {busy === kind ? busyLabel : label}
          </button>
        ))}
      </div>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
