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
      {profiles.map((p) => (
        <label key={p.name} class={`profile-option${selected === p.name ? ' is-selected' : ''}`}>
          <input
            type="radio"
            name="profile"
            value={p.name}
            checked={selected === p.name}
            onChange={() => onSelect(p.name)}
            data-testid={`profile-option-${p.name}`}
          />
          <span class="profile-body">
            <span class="profile-name" dir="auto">
              <UserText text={p.name} />
            </span>
            <span class="profile-meta">
              <span class="badge badge-neutral">{PROFILE_KIND_LABELS[p.kind] ?? p.kind}</span>
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
          </span>
        </label>
      ))}
    </div>
  );
}
