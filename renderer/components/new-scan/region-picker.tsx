import { KNOWN_REGIONS } from '../../regions.ts';

interface Props {
  mode: 'all' | 'some';
  selected: string[];
  other: string;
  otherValid: boolean;
  onMode(mode: 'all' | 'some'): void;
  onSelected(regions: string[]): void;
  onOther(text: string): void;
}

/** Every enabled region by default; or a chosen few, from the list or typed. */
export function RegionPicker({ mode, selected, other, otherValid, onMode, onSelected, onOther }: Props) {
  return (
    <fieldset class="fieldset">
      <legend class="legend">Regions</legend>
      <label class="radio">
        <input type="radio" name="regions-mode" checked={mode === 'all'} onChange={() => onMode('all')} data-testid="regions-all" />
        <span>
          Every region enabled in the account <span class="muted">(recommended: resources nobody watches hide in unused regions)</span>
        </span>
      </label>
      <label class="radio">
        <input type="radio" name="regions-mode" checked={mode === 'some'} onChange={() => onMode('some')} data-testid="regions-some" />
        <span>Only these regions</span>
      </label>
      {mode === 'some' && (
        <div class="region-choice">
          <div class="checkbox-grid region-grid">
            {KNOWN_REGIONS.map((r) => (
              <label key={r} class="checkbox">
                <input
                  type="checkbox"
                  checked={selected.includes(r)}
                  onChange={(e) => onSelected(e.currentTarget.checked ? [...selected, r] : selected.filter((x) => x !== r))}
                  data-testid={`region-${r}`}
                />
                <span class="mono">{r}</span>
              </label>
            ))}
          </div>
          <label class="field-label" for="regions-other">
            Other regions
          </label>
          <input
            id="regions-other"
            class={`input${otherValid ? '' : ' is-invalid'}`}
            value={other}
            onInput={(e) => onOther(e.currentTarget.value)}
            aria-invalid={!otherValid}
            aria-describedby="regions-other-help"
            spellcheck={false}
            autocomplete="off"
            data-testid="regions-other"
          />
          <p id="regions-other-help" class={`field-help${otherValid ? '' : ' field-error'}`}>
            {otherValid ? 'Names separated by commas, for regions not listed (GovCloud, China).' : 'Use region names such as eu-west-1, separated by commas.'}
          </p>
        </div>
      )}
    </fieldset>
  );
}
