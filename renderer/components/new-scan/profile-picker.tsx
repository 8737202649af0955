import type { ProfileInfo } from '../../../shared/model/scan.ts';
import { PROFILE_KIND_LABELS } from '../../labels.ts';
import { UserText } from '../common/user-text.tsx';

interface Props {
  profiles: ProfileInfo[];
  selected: string;
  onSelect(name: string): void;
}

/** Radio cards rather than a select, so each profile's credential kind and endpoint are visible. */
export function ProfilePicker({ profiles, selected, onSelect }: Props) {
  return (
    <div class="profile-list" data-testid="profile-picker">
      {profiles.map((p, i) => (
        <label key={p.name} class={`profile-option${selected === p.name ? ' is-selected' : ''}`} data-problem={p.problem ? 'true' : undefined}>
          <input
            type="radio"
            name="profile"
            value={p.name}
            checked={selected === p.name}
            disabled={Boolean(p.problem)}
            aria-describedby={p.problem ? `profile-problem-${i}` : undefined}
            onChange={() => onSelect(p.name)}
            data-testid={`profile-option-${p.name}`}
          />
          <span class="profile-body">
            <span class="profile-name" dir="auto">
              <UserText text={p.name} />
            </span>
            <span class="profile-meta">
              {p.problem ? <span class="badge badge-warn">Cannot be used</span> : <span class="badge badge-neutral">{PROFILE_KIND_LABELS[p.kind] ?? p.kind}</span>}
              {p.region && <span class="mono">{p.region}</span>}
            </span>
            {p.endpointUrl && (
              <span class="profile-endpoint">
                <span class="profile-endpoint-label">Endpoint</span>
                <span class="mono" dir="ltr">
                  <UserText text={p.endpointUrl} />
                </span>
              </span>
            )}
            {p.problem && (
              <span class="field-help field-error" id={`profile-problem-${i}`} data-testid="profile-problem">
                <UserText text={p.problem} />
              </span>
            )}
          </span>
        </label>
      ))}
    </div>
  );
}
