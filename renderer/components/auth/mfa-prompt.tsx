import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiEvents } from '../../../shared/api.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { useModal } from '../../use-modal.ts';
import { UserText } from '../common/user-text.tsx';

type MfaRequest = ApiEvents['auth:mfa-required'];

/**
 * A profile that assumes a role with MFA needs a one-time code while the scan resolves its
 * credentials. The core asks with `auth:mfa-required`; this modal answers with `auth:mfa-code`.
 * Requests queue, so two scans asking at once are answered one after the other.
 */
export function MfaPrompt() {
  const bridge = useBridge();
  const [queue, setQueue] = useState<MfaRequest[]>([]);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const current = queue[0] ?? null;
  const dialog = useModal(current !== null);

  useEffect(() => bridge.on('auth:mfa-required', (request) => setQueue((q) => [...q, request])), [bridge]);

  function next(): void {
    setQueue((q) => q.slice(1));
    setCode('');
    setError(null);
  }

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (!current) return;
    const trimmed = code.trim();
    if (!/^\d{6}$/.test(trimmed)) {
      setError('Enter the six digits shown by your MFA device.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { accepted } = await bridge.invoke('auth:mfa-code', { requestId: current.requestId, code: trimmed });
      if (accepted) next();
      else setError('This request is no longer waiting (it timed out or the scan ended). Close this and start the scan again.');
    } catch (err) {
      setError(errorMessage(err));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      class="modal"
      aria-labelledby="mfa-title"
      onCancel={(e) => {
        e.preventDefault();
        next();
      }}
      data-testid="mfa-dialog"
    >
      {current && (
        <form class="modal-body" onSubmit={submit} noValidate>
          <h2 id="mfa-title">MFA code required</h2>
          <p class="muted">
            Profile{' '}
            <strong dir="auto">
              <UserText text={current.profile} />
            </strong>{' '}
            assumes its role with multi-factor authentication. Enter the current code from the device:
          </p>
          <p class="mono wrap modal-serial" dir="ltr">
            <UserText text={current.mfaSerial} />
          </p>
          <label class="field-label" for="mfa-code">
            Six-digit code
          </label>
          <input
            ref={input}
            id="mfa-code"
            class={`input input-code${error ? ' is-invalid' : ''}`}
            type="text"
            inputMode="numeric"
            autocomplete="one-time-code"
            maxLength={6}
            value={code}
            onInput={(e) => {
              // Written back directly: when only a letter was typed the state does not change, so no re-render would remove it.
              const digits = e.currentTarget.value.replace(/\D/g, '');
              e.currentTarget.value = digits;
              setCode(digits);
            }}
            aria-invalid={error !== null}
            aria-describedby={error ? 'mfa-error' : undefined}
            autofocus
            data-testid="mfa-code-input"
          />
          {error && (
            <p id="mfa-error" class="field-help field-error" role="alert" data-testid="mfa-error">
              {error}
            </p>
          )}
          <div class="modal-actions">
            <button type="button" class="button button-ghost" onClick={next} data-testid="mfa-dismiss">
              Close
            </button>
            <button type="submit" class="button button-primary" disabled={busy} data-testid="mfa-submit">
              {busy ? 'Sending…' : 'Continue'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
