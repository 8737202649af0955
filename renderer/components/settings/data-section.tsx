import { useState } from 'preact/hooks';
import type { ApiResponse } from '../../../shared/api.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { formatDate } from '../../format.ts';
import { useCall } from '../../use-call.ts';
import { CopyButton } from '../common/copy-button.tsx';

type Opened = ApiResponse<'app:open-data-folder'>;

/** Where the data lives (read-only), with a button that opens the folder in the file manager. */
export function DataSection() {
  const bridge = useBridge();
  const info = useCall('app:info', {});
  const reference = useCall('app:reference-data', {});
  const [opening, setOpening] = useState(false);
  const [result, setResult] = useState<Opened | { error: string } | null>(null);

  async function openFolder(): Promise<void> {
    setOpening(true);
    setResult(null);
    try {
      setResult(await bridge.invoke('app:open-data-folder', {}));
    } catch (err) {
      setResult({ error: errorMessage(err) });
    } finally {
      setOpening(false);
    }
  }

  return (
    <section class="card form-card" aria-labelledby="data-title">
      <h2 id="data-title" class="section-title">
        Data
      </h2>
      <dl class="detail-grid">
        <div class="detail-wide">
          <dt>Data folder</dt>
          <dd class="copy-line">
            <span class="mono wrap" dir="ltr" data-testid="data-dir">
              {info.data?.dataDir ?? '…'}
            </span>
            {info.data && <CopyButton text={info.data.dataDir} label="Copy the data folder path" />}
          </dd>
        </div>
        <div class="detail-wide">
          <dt>Database</dt>
          <dd class="mono wrap" dir="ltr">
            {info.data?.dbPath ?? '…'}
          </dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{info.data?.version ?? '…'}</dd>
        </div>
      </dl>
      <div class="settings-actions">
        <button type="button" class="button button-secondary" onClick={() => void openFolder()} disabled={opening} aria-busy={opening} data-testid="open-data-folder">
          {opening ? 'Opening…' : 'Open data folder'}
        </button>
      </div>
      {result && <OpenResult result={result} />}
      <p class="field-help">Set LEASEHOLD_DB before starting Leasehold to keep the database elsewhere.</p>
      {reference.data && reference.data.length > 0 && (
        <>
          <h3 class="detail-subtitle">Reference data</h3>
          <ul class="plain-list">
            {reference.data.map((r) => (
              <li key={r.name}>
                {r.title} <span class="muted">as of {formatDate(r.asOf)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function OpenResult({ result }: { result: Opened | { error: string } }) {
  const opened = 'opened' in result && result.opened;
  const text = 'error' in result ? `Could not open the data folder: ${result.error}` : opened ? 'Opened in your file manager.' : (result.message ?? `The data folder is ${result.path}.`);
  return (
    <p class={`banner ${opened ? 'banner-ok' : 'banner-info'}`} role="status" dir="auto" data-testid="open-data-folder-result" data-opened={String(opened)}>
      {text}
    </p>
  );
}
