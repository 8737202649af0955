import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { MAX_DEFAULT_PORTS, parsePorts, refreshPrefs, savePrefs, usePrefs, type Prefs } from '../../prefs.ts';
import { ErrorBanner } from '../common/error-banner.tsx';

const CONCURRENCY_MAX = 64;

function parseConcurrency(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = /^\d{1,2}$/.test(trimmed) ? Number(trimmed) : NaN;
  return n >= 1 && n <= CONCURRENCY_MAX ? n : undefined;
}

/** The settings the core keeps for every window and the CLI, saved together with one button. */
export function ScanSettingsForm() {
  const bridge = useBridge();
  const [prefs, , status] = usePrefs();
  const ready = status.state === 'ready';
  const [consultant, setConsultant] = useState(prefs.consultant);
  const [concurrencyText, setConcurrencyText] = useState('');
  const [portsText, setPortsText] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The values the fields were last filled from: while the user has not edited them, a change made
  // elsewhere (another window, the CLI) replaces them; an edit in progress is never overwritten.
  const filledFrom = useRef<Prefs | null>(null);
  const fill = (p: Prefs): void => {
    filledFrom.current = p;
    setConsultant(p.consultant);
    setConcurrencyText(p.concurrency === null ? '' : String(p.concurrency));
    setPortsText(p.defaultPorts.join(', '));
  };

  const concurrency = parseConcurrency(concurrencyText);
  const parsedPorts = parsePorts(portsText);
  const tooManyPorts = parsedPorts !== null && parsedPorts.length > MAX_DEFAULT_PORTS;
  const ports = tooManyPorts ? null : parsedPorts;
  const valid = concurrency !== undefined && ports !== null;
  const differs = (p: Prefs): boolean => consultant.trim() !== p.consultant || concurrency !== p.concurrency || ports?.join(',') !== p.defaultPorts.join(',');
  const changed = differs(prefs);
  useEffect(() => {
    if (ready && (filledFrom.current === null || !differs(filledFrom.current))) fill(prefs);
  }, [ready, prefs]);
  // Ready to show and edit once the fields hold the core's values (one render after they arrive).
  const filled = ready && filledFrom.current !== null;
  const edited = (set: (v: string) => void) => (e: { currentTarget: HTMLInputElement }) => {
    set(e.currentTarget.value);
    setSaved(false);
  };

  async function save(e: Event): Promise<void> {
    e.preventDefault();
    if (!valid || concurrency === undefined || ports === null) return;
    setSaving(true);
    setError(null);
    try {
      fill(await savePrefs(bridge, { consultant: consultant.trim(), concurrency, defaultPorts: ports }));
      setSaved(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="card form-card" aria-labelledby="scanning-title" onSubmit={save} noValidate data-testid="scan-settings-form" data-ready={String(filled)}>
      <h2 id="scanning-title" class="section-title">
        Scans and engagements
      </h2>
      {status.state === 'failed' && <ErrorBanner message={`Could not load the settings: ${status.error ?? ''}`} onRetry={() => void refreshPrefs(bridge)} />}
      {error && <ErrorBanner message={`Not saved: ${error}`} onDismiss={() => setError(null)} />}
      <fieldset class="fieldset" disabled={!filled}>
        <div class="field">
          <label class="field-label" for="pref-consultant">
            Your name
          </label>
          <input id="pref-consultant" class="input" value={consultant} maxLength={200} onInput={edited(setConsultant)} autocomplete="name" aria-describedby="pref-consultant-help" data-testid="pref-consultant" />
          <p id="pref-consultant-help" class="field-help">
            Prefilled as the consultant of new engagements and as the approver of accepted risks.
          </p>
        </div>
        <div class="field">
          <label class="field-label" for="pref-concurrency">
            Parallel API calls per scan
          </label>
          <input
            id="pref-concurrency"
            class={`input input-narrow${concurrency === undefined ? ' is-invalid' : ''}`}
            inputMode="numeric"
            value={concurrencyText}
            placeholder="Default"
            onInput={edited(setConcurrencyText)}
            aria-invalid={concurrency === undefined}
            aria-describedby="pref-concurrency-help"
            data-testid="pref-concurrency"
          />
          <p id="pref-concurrency-help" class={`field-help${concurrency === undefined ? ' field-error' : ''}`}>
            {concurrency === undefined
              ? `A whole number from 1 to ${CONCURRENCY_MAX}, or empty for the default.`
              : 'Used by every scan, from this window or the command line. Lower it when other tools share the account’s API rate limits; leave it empty for Leasehold’s default.'}
          </p>
        </div>
        <div class="field">
          <label class="field-label" for="pref-ports">
            Default authorized ports for new engagements
          </label>
          <input
            id="pref-ports"
            class={`input${ports === null ? ' is-invalid' : ''}`}
            value={portsText}
            onInput={edited(setPortsText)}
            aria-invalid={ports === null}
            aria-describedby="pref-ports-help"
            data-testid="pref-ports"
          />
          <p id="pref-ports-help" class={`field-help${ports === null ? ' field-error' : ''}`}>
            {tooManyPorts
              ? `At most ${MAX_DEFAULT_PORTS} ports.`
              : ports === null
                ? 'Port numbers from 0 to 65535, separated by commas.'
                : 'Each engagement keeps its own list; this is where new ones start.'}
          </p>
        </div>
      </fieldset>
      <div class="form-actions settings-actions">
        <button type="submit" class="button button-primary" disabled={!filled || !valid || !changed || saving} aria-busy={saving} data-testid="settings-save">
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        <p class="field-help" role="status" data-testid="settings-status">
          {saved && !changed ? 'Saved. New scans and engagements use these settings.' : changed && filled ? 'Unsaved changes.' : ''}
        </p>
      </div>
    </form>
  );
}
