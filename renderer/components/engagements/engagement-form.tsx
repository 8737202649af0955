import { useEffect, useRef, useState } from 'preact/hooks';
import type { Engagement } from '../../../shared/model/engagement.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { logosOf, type Logos } from '../../logos.ts';
import { parsePorts, usePrefs } from '../../prefs.ts';
import { useModal } from '../../use-modal.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { LogoPicker } from './logo-picker.tsx';

interface Props {
  /** The engagement to edit, "new" to create one, null when closed. */
  engagement: Engagement | 'new' | null;
  onClose(): void;
  onSaved(engagement: Engagement): void;
}

export function EngagementForm({ engagement, onClose, onSaved }: Props) {
  const bridge = useBridge();
  const [prefs, , prefsStatus] = usePrefs();
  // Whether the user typed a consultant or ports: saved defaults arriving late must not overwrite them.
  const edited = useRef(false);
  const dialog = useModal(engagement !== null);
  const existing = engagement !== null && engagement !== 'new' ? engagement : null;
  const [client, setClient] = useState('');
  const [consultant, setConsultant] = useState('');
  const [notes, setNotes] = useState('');
  const [portsText, setPortsText] = useState('');
  const [logos, setLogos] = useState<Logos>({});
  const [busy, setBusy] = useState(false);
  // Logos whose files are still being read; saving now would drop them.
  const [reading, setReading] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (engagement === null) return;
    setClient(existing?.client ?? '');
    setConsultant(existing?.consultant ?? prefs.consultant);
    setNotes(existing?.notes ?? '');
    setPortsText((existing?.settings.authorizedPorts ?? prefs.defaultPorts).join(', '));
    setLogos(logosOf(existing ?? undefined));
    setError(null);
    setBusy(false);
    setReading(new Set());
    edited.current = false;
  }, [engagement]);

  // A form opened before the saved settings arrived starts from them once they do.
  useEffect(() => {
    if (engagement !== 'new' || prefsStatus.state !== 'ready' || edited.current) return;
    setConsultant(prefs.consultant);
    setPortsText(prefs.defaultPorts.join(', '));
  }, [engagement, prefsStatus.state, prefs.consultant, prefs.defaultPorts]);

  const ports = parsePorts(portsText);
  const valid = client.trim() !== '' && ports !== null;
  const readingLogo = reading.size > 0;
  const markReading = (role: string) => (on: boolean) =>
    setReading((r) => {
      const next = new Set(r);
      if (on) next.add(role);
      else next.delete(role);
      return next;
    });

  async function save(e: Event): Promise<void> {
    e.preventDefault();
    if (!valid || ports === null || readingLogo) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await bridge.invoke('engagements:save', {
        ...(existing ? { id: existing.id } : {}),
        client: client.trim(),
        consultant: consultant.trim(),
        notes,
        // The whole set: a logo removed here is removed from the engagement.
        settings: { authorizedPorts: ports, logos },
      });
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      class="modal modal-wide"
      aria-labelledby="engagement-form-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid="engagement-dialog"
    >
      {engagement !== null && (
        <form class="modal-body" onSubmit={save} noValidate data-testid="engagement-form">
          <h2 id="engagement-form-title">{existing ? 'Edit engagement' : 'New engagement'}</h2>
          {error && <ErrorBanner message={`Not saved: ${error}`} onDismiss={() => setError(null)} />}
          <div class="field-row">
            <div class="field">
              <label class="field-label" for="eng-client">
                Client
              </label>
              <input id="eng-client" class="input" value={client} onInput={(e) => setClient(e.currentTarget.value)} required autofocus data-testid="engagement-client" />
            </div>
            <div class="field">
              <label class="field-label" for="eng-consultant">
                Consultant
              </label>
              <input
                id="eng-consultant"
                class="input"
                value={consultant}
                onInput={(e) => {
                  edited.current = true;
                  setConsultant(e.currentTarget.value);
                }}
                autocomplete="name"
                data-testid="engagement-consultant"
              />
            </div>
          </div>
          <div class="field">
            <label class="field-label" for="eng-ports">
              Ports authorized open to the internet
            </label>
            <input
              id="eng-ports"
              class={`input${ports === null ? ' is-invalid' : ''}`}
              value={portsText}
              onInput={(e) => {
                edited.current = true;
                setPortsText(e.currentTarget.value);
              }}
              aria-invalid={ports === null}
              aria-describedby="eng-ports-help"
              inputMode="numeric"
              data-testid="engagement-ports"
            />
            <p id="eng-ports-help" class={`field-help${ports === null ? ' field-error' : ''}`}>
              {ports === null ? 'Use port numbers from 0 to 65535, separated by commas.' : 'A world-open port on this list is reported as authorized, not as a finding.'}
            </p>
          </div>
          <div class="field">
            <label class="field-label" for="eng-notes">
              Notes
            </label>
            <textarea id="eng-notes" class="input textarea" rows={3} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} data-testid="engagement-notes" />
          </div>
          <div class="field-row">
            <LogoPicker role="client" label="Client logo" value={logos.client} onChange={(v) => setLogos(({ client: _old, ...l }) => (v ? { ...l, client: v } : l))} onReading={markReading('client')} />
            <LogoPicker role="consultant" label="Consultant logo" value={logos.consultant} onChange={(v) => setLogos(({ consultant: _old, ...l }) => (v ? { ...l, consultant: v } : l))} onReading={markReading('consultant')} />
          </div>
          <div class="modal-actions">
            <button type="button" class="button button-ghost" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" class="button button-primary" disabled={!valid || busy || readingLogo} data-testid="engagement-save">
              {busy ? 'Saving…' : readingLogo ? 'Reading logo…' : 'Save engagement'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
