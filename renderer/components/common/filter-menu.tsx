import { useRef } from 'preact/hooks';

interface Option {
  value: string;
  label: string;
}

interface Props {
  label: string;
  options: Option[];
  selected: string[];
  onChange(values: string[]): void;
  testId: string;
  /** Shown when there is nothing to choose from. */
  emptyText?: string;
}

/**
 * A multi-choice filter as a disclosure of checkboxes: native elements, so it works with the
 * keyboard and screen readers as they expect. Escape closes it and returns to its button.
 */
export function FilterMenu({ label, options, selected, onChange, testId, emptyText = 'Nothing to choose from' }: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  const count = selected.length;
  const toggle = (value: string, on: boolean): void => {
    const next = on ? [...selected, value] : selected.filter((v) => v !== value);
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)).concat(next.filter((v) => !options.some((o) => o.value === v))));
  };
  return (
    <details
      ref={details}
      class={`filter-menu${count ? ' is-active' : ''}`}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && details.current?.open) {
          e.stopPropagation();
          details.current.open = false;
          details.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary class="chip chip-menu">
        {label}
        {count > 0 && <span class="chip-count">{count}</span>}
        <span class="visually-hidden">{count > 0 ? `, ${count} selected` : ', any'}</span>
      </summary>
      <fieldset class="filter-menu-panel">
        <legend class="visually-hidden">{label}</legend>
        {options.length === 0 && <p class="muted">{emptyText}</p>}
        {options.map((o) => (
          <label key={o.value} class="checkbox">
            <input type="checkbox" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.currentTarget.checked)} data-testid={`${testId}-${o.value}`} />
            <span dir="auto">{o.label}</span>
          </label>
        ))}
        {count > 0 && (
          <button type="button" class="button button-ghost button-small" onClick={() => onChange([])}>
            Clear
          </button>
        )}
      </fieldset>
    </details>
  );
}

/** Toggle chips for a short list: each is a button with aria-pressed. */
export function ChipGroup({ label, options, selected, onChange, testId }: Props) {
  return (
    <div class="chip-group" role="group" aria-label={label}>
      <span class="chip-group-label" aria-hidden="true">
        {label}
      </span>
      {options.map((o) => {
        const on = selected.includes(o.value);
        return (
          <button
            key={o.value}
            type="button"
            class={`chip chip-${o.value.toLowerCase()}`}
            aria-pressed={on}
            onClick={() => onChange(on ? selected.filter((v) => v !== o.value) : options.map((x) => x.value).filter((v) => v === o.value || selected.includes(v)))}
            data-testid={`${testId}-${o.value}`}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
