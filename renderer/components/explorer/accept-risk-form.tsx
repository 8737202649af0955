import { useState } from 'preact/hooks';
import type { Finding } from '../../../shared/model/finding.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { usePrefs } from '../../prefs.ts';
import { ErrorBanner } from '../common/error-banner.tsx';

interface Props {
  finding: Finding;
  engagementId: string;
  onDone(): void;
  onCancel(): void;
}

type Scope = 'resource' | 'check';

/** Accepting a risk needs a reason and a named approver; an expiry brings the finding back. */
export function AcceptRiskForm({ finding, engagementId, onDone, onCancel }: Props) {
  const bridge = useBridge();
  const [prefs] = usePrefs();
  const [scope, setScope] = useState<Scope>('resource');
  const [justification, setJustification] = useState('');
  const [approver, setApprover] = useState(prefs.consultant);
  const [expiresAt, setExpiresAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const valid = justification.trim() !== '' && approver.trim() !== '' && (expiresAt === '' || expiresAt >= today);

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      await bridge.invoke('risks:accept', {
        engagementId,
        checkId: finding.checkId,
        accountId: finding.accountId || null,
        region: scope === 'resource' ? finding.region : null,
        resourceId: scope === 'resource' ? finding.resourceId : null,
        justification: justification.trim(),
        approver: approver.trim(),
        expiresAt: expiresAt || null,
      });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form class="accept-form" onSubmit={submit} noValidate data-testid="accept-risk-form" aria-labelledby="accept-title">
      <h3 id="accept-title" class="detail-subtitle">
        Accept this risk
      </h3>
      {error && <ErrorBanner message={`The risk was not accepted: ${error}`} onDismiss={() => setError(null)} />}
      <fieldset class="fieldset">
        <legend class="field-label">Applies to</legend>
        <label class="radio">
          <input type="radio" name="accept-scope" checked={scope === 'resource'} onChange={() => setScope('resource')} data-testid="accept-scope-resource" />
          <span>This resource only</span>
        </label>
        <label class="radio">
          <input type="radio" name="accept-scope" checked={scope === 'check'} onChange={() => setScope('check')} data-testid="accept-scope-check" />
          <span>Every resource failing this check in the account</span>
        </label>
      </fieldset>
      <div class="field">
        <label class="field-label" for="accept-justification">
          Justification
        </label>
        <textarea id="accept-justification" class="input textarea" rows={3} value={justification} onInput={(e) => setJustification(e.currentTarget.value)} required data-testid="accept-justification" />
      </div>
      <div class="field-row">
        <div class="field">
          <label class="field-label" for="accept-approver">
            Approved by
          </label>
          <input id="accept-approver" class="input" value={approver} onInput={(e) => setApprover(e.currentTarget.value)} required autocomplete="name" data-testid="accept-approver" />
        </div>
        <div class="field">
          <label class="field-label" for="accept-expiry">
            Expires (optional)
          </label>
          <input id="accept-expiry" class="input" type="date" min={today} value={expiresAt} onInput={(e) => setExpiresAt(e.currentTarget.value)} aria-describedby="accept-expiry-help" data-testid="accept-expiry" />
          <p id="accept-expiry-help" class="field-help">
            After this date the finding counts as open again.
          </p>
        </div>
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={!valid || busy} data-testid="accept-submit">
          {busy ? 'Saving…' : 'Accept risk'}
        </button>
        <button type="button" class="button button-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
