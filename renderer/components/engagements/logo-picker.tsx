import { useState } from 'preact/hooks';
import { errorMessage } from '../../bridge.ts';
import type { EngagementLogo } from '../../../shared/model/engagement.ts';
import { logoSrc, readLogo, type LogoRole } from '../../logos.ts';

interface Props {
  role: LogoRole;
  label: string;
  value: EngagementLogo | undefined;
  onChange(logo: EngagementLogo | null): void;
  /** True while a chosen file is being read: the form must not save the logo it has not got yet. */
  onReading(reading: boolean): void;
}

/** A PNG or JPEG for the report cover, previewed; saved with the engagement, which checks it. */
export function LogoPicker({ role, label, value, onChange, onReading }: Props) {
  const [error, setError] = useState<string | null>(null);
  const id = `logo-${role}`;
  const src = logoSrc(value);
  return (
    <div class="field logo-field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <div class="logo-row">
        <span class="logo-preview">{src ? <img src={src} alt={`${label} preview`} data-testid={`engagement-logo-${role}-preview`} /> : <span class="muted">None</span>}</span>
        <input
          id={id}
          type="file"
          accept="image/png,image/jpeg"
          class="input input-file"
          aria-describedby={`${id}-help`}
          onChange={async (e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            onReading(true);
            try {
              onChange(await readLogo(file));
              setError(null);
            } catch (err) {
              setError(errorMessage(err));
            } finally {
              onReading(false);
            }
            // So that choosing the same file again, after Remove, is noticed.
            input.value = '';
          }}
          data-testid={`engagement-logo-${role}`}
        />
        {src && (
          <button type="button" class="button button-ghost button-small" onClick={() => onChange(null)} aria-label={`Remove the ${label.toLowerCase()}`} data-testid={`engagement-logo-${role}-remove`}>
            Remove
          </button>
        )}
      </div>
      <p id={`${id}-help`} class={`field-help${error ? ' field-error' : ''}`}>
        {error ?? 'PNG or JPEG, under 256 KB and 4096 pixels a side.'}
      </p>
    </div>
  );
}
