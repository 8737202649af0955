import { useEffect, useState } from 'preact/hooks';
import { copyText } from '../../clipboard.ts';

interface Props {
  text: string;
  /** What is copied, for the accessible name: "Copy CLI command". */
  label: string;
  testId?: string;
  small?: boolean;
}

/** A copy button that says, in words and to screen readers, whether the copy worked. */
export function CopyButton({ text, label, testId, small = true }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <button
      type="button"
      class={`button button-secondary copy-button${small ? ' button-small' : ''}`}
      onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')}
      aria-label={label}
      data-testid={testId}
      data-copy-state={state}
    >
      <svg class="button-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path d="M7 2h9a2 2 0 0 1 2 2v9h-2V4H7V2Zm-3 4h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2Zm0 2v9h9V8H4Z" fill="currentColor" />
      </svg>
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
    </button>
  );
}
