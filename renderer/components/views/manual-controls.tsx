import { useEffect, useState } from 'preact/hooks';
import type { ScanDetail } from '../../../shared/api.ts';
import { MANUAL_ANSWERS, type ManualAnswer, type ManualControl } from '../../../shared/model/engagement.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { formatDateTime } from '../../format.ts';
import { usePrefs } from '../../prefs.ts';
import { engagementIdOf } from '../../scan-engagement.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';

const ANSWER_LABELS: Record<ManualAnswer, string> = { yes: 'Yes', no: 'No', 'not-applicable': 'Not applicable', unknown: 'Unknown' };

/** Controls no API can check: the consultant records the client's answer, per engagement. */
export function ManualControls({ scan }: { scan: ScanDetail }) {
  const engagementId = engagementIdOf(scan);
  const controls = useCall('manual:list', { engagementId });
  const [list, setList] = useState<ManualControl[] | null>(null);
  useEffect(() => setList(controls.data), [controls.data]);

  if (controls.error) return <ErrorBanner message={`Could not load the manual controls: ${controls.error}`} onRetry={controls.reload} />;
  if (!list)
    return (
      <p class="loading" role="status">
        Loading…
      </p>
    );
  const answered = list.filter((c) => c.answer !== null).length;
  return (
    <section aria-labelledby="manual-title" data-testid="manual-controls">
      <div class="view-head">
        <div>
          <h2 id="manual-title" class="section-title">
            Manual controls
          </h2>
          <p class="muted">
            What no API can show: ask the client, record the answer. {answered} of {list.length} answered for this engagement.
          </p>
        </div>
      </div>
      <div class="manual-list">
        {list.map((c) => (
          <ManualControlCard key={c.id} control={c} engagementId={engagementId} onSaved={setList} />
        ))}
      </div>
    </section>
  );
}

function ManualControlCard({ control, engagementId, onSaved }: { control: ManualControl; engagementId: string; onSaved(list: ManualControl[]): void }) {
  const bridge = useBridge();
  const [prefs] = usePrefs();
  const [answer, setAnswer] = useState<ManualAnswer | null>(control.answer);
  const [notes, setNotes] = useState(control.notes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dirty = answer !== control.answer || notes !== control.notes;
  const id = `manual-${control.id}`;

  async function save(e: Event): Promise<void> {
    e.preventDefault();
    if (!answer) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await bridge.invoke('manual:answer', { engagementId, controlId: control.id, answer, notes, answeredBy: prefs.consultant || undefined }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card manual-card" onSubmit={save} aria-labelledby={`${id}-title`} data-testid="manual-control" data-control-id={control.id}>
      <h3 id={`${id}-title`} class="manual-title">
        {control.title}
      </h3>
      <p>{control.question}</p>
      {control.frameworks.length > 0 && <p class="row-sub">{control.frameworks.join(' · ')}</p>}
      {error && <ErrorBanner message={`Not saved: ${error}`} onDismiss={() => setError(null)} />}
      <fieldset class="fieldset radio-row">
        <legend class="visually-hidden">Answer to: {control.title}</legend>
        {MANUAL_ANSWERS.map((a) => (
          <label key={a} class={`radio-pill${answer === a ? ' is-selected' : ''}`}>
            <input type="radio" name={`${id}-answer`} value={a} checked={answer === a} onChange={() => setAnswer(a)} data-testid={`manual-answer-${a}`} />
            <span>{ANSWER_LABELS[a]}</span>
          </label>
        ))}
      </fieldset>
      <label class="field-label" for={`${id}-notes`}>
        Notes
      </label>
      <textarea id={`${id}-notes`} class="input textarea" rows={2} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} data-testid="manual-notes" />
      <div class="form-actions">
        <button type="submit" class="button button-secondary button-small" disabled={!answer || !dirty || busy} data-testid="manual-save">
          {busy ? 'Saving…' : 'Save answer'}
        </button>
        {control.answeredAt && (
          <span class="muted">
            Answered {formatDateTime(control.answeredAt)}
            {control.answeredBy ? ` by ${control.answeredBy}` : ''}
          </span>
        )}
      </div>
    </form>
  );
}
