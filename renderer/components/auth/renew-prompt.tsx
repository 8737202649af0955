import { useEffect, useState } from 'preact/hooks';
import type { ApiEvents } from '../../../shared/api.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { useModal } from '../../use-modal.ts';
import { ssoLoginCommand } from '../../aws-guidance.ts';
import { CopyButton } from '../common/copy-button.tsx';
import { UserText } from '../common/user-text.tsx';

type RenewRequest = ApiEvents['auth:renew-required'];

/**
 * Credentials expired mid-scan (an SSO session, a short role session): the scan waits while the
 * user refreshes them outside Leasehold, then continues, or stops and can be resumed later.
 */
export function RenewPrompt() {
  const bridge = useBridge();
  const [queue, setQueue] = useState<RenewRequest[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = queue[0] ?? null;
  const dialog = useModal(current !== null);

  useEffect(() => bridge.on('auth:renew-required', (request) => setQueue((q) => [...q, request])), [bridge]);

  function next(): void {
    setQueue((q) => q.slice(1));
    setError(null);
  }

  async function answer(abort: boolean): Promise<void> {
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      const { accepted } = await bridge.invoke('auth:renewed', { requestId: current.requestId, ...(abort ? { abort: true } : {}) });
      if (accepted) next();
      else setError('The scan is no longer waiting for these credentials (it timed out or ended).');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      class="modal"
      aria-labelledby="renew-title"
      onCancel={(e) => {
        // Escape must not leave a scan paused with no way to answer it.
        e.preventDefault();
      }}
      data-testid="renew-dialog"
    >
      {current && (
        <div class="modal-body">
          <h2 id="renew-title">Credentials expired</h2>
          <p class="muted">
            The scan with profile{' '}
            <strong dir="auto">
              <UserText text={current.profile} />
            </strong>{' '}
            is paused because its credentials are no longer valid:
          </p>
          <p class="modal-serial wrap" dir="auto" data-testid="renew-message">
            <UserText text={current.message} />
          </p>
          <p class="muted">Refresh them in a terminal, then continue. If you stop, the scan keeps what it has collected and can be resumed.</p>
          <div class="command-line">
            <code class="mono" data-testid="renew-command">
              {ssoLoginCommand(current.message, current.profile) ?? `aws sso login --profile ${current.profile}`}
            </code>
            <CopyButton text={ssoLoginCommand(current.message, current.profile) ?? `aws sso login --profile ${current.profile}`} label="Copy the sign-in command" testId="renew-copy" />
          </div>
          {error && (
            <p class="field-help field-error" role="alert" data-testid="renew-error">
              {error}
            </p>
          )}
          <div class="modal-actions">
            {error ? (
              <button type="button" class="button button-secondary" onClick={next} data-testid="renew-close">
                Close
              </button>
            ) : (
              <>
                <button type="button" class="button button-ghost" onClick={() => answer(true)} disabled={busy} data-testid="renew-abort">
                  Stop the scan
                </button>
                <button type="button" class="button button-primary" onClick={() => answer(false)} disabled={busy} autofocus data-testid="renew-continue">
                  I've refreshed them, continue
                </button>
              </>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
