import { useState } from 'preact/hooks';
import { errorMessage } from '../../bridge.ts';
import { readLogo, type LogoRole } from '../../logos.ts';

interface Props {
  role: LogoRole;
  label: string;
  value: string | undefined;
  onChange(dataUrl: string | null): void;
}

/** A PNG or JPEG for the report cover, previewed; under 256 KB. */
export function LogoPicker({ role, label, value, onChange }: Props) {
  const [error, setError] = useState<string | null>(null);
  const id = `logo-${role}`;
  return (
    <div class="field logo-field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <div class="logo-row">
        <span class="logo-preview">{value ? <img src={value} alt={`${label} preview`} /> : <span class="muted">None</span>}</span>
        <input
          id={id}
          type="file"
          accept="image/png,image/jpeg"
          class="input input-file"
          aria-describedby={`${id}-help`}
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            if (!file) return;
            try {
              onChange(await readLogo(file));
              setError(null);
            } catch (err) {
              setError(errorMessage(err));
            }
          }}
          data-testid={`engagement-logo-${role}`}
        />
        {value && (
          <button type="button" class="button button-ghost button-small" onClick={() => onChange(null)} aria-label={`Remove the ${label.toLowerCase()}`}>
            Remove
          </button>
        )}
      </div>
      <p id={`${id}-help`} class={`field-help${error ? ' field-error' : ''}`}>
        {error ?? 'PNG or JPEG, under 256 KB.'}
      </p>
    </div>
  );
}
