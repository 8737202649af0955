import { useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';

const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Imports a file made by "Export" (engagements:import). */
export function ImportButton({ onImported, onError }: { onImported(scans: number): void; onError(message: string): void }) {
  const bridge = useBridge();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function onFile(file: File | undefined): Promise<void> {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return onError('That file is larger than any engagement export (200 MB).');
    setBusy(true);
    try {
      const { scans } = await bridge.invoke('engagements:import', { base64: toBase64(await file.arrayBuffer()) });
      onImported(scans);
    } catch (err) {
      onError(`Could not import: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <>
      <input ref={input} type="file" accept=".leasehold" class="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => onFile(e.currentTarget.files?.[0])} data-testid="engagement-import-file" />
      <button type="button" class="button button-secondary" onClick={() => input.current?.click()} disabled={busy} data-testid="engagement-import">
        {busy ? 'Importing…' : 'Import…'}
      </button>
    </>
  );
}
