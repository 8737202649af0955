import { formatCount } from '../../format.ts';

/** A value the scan could not read is "Unknown", never "No" or 0. */
export function Unknown() {
  return <span class="unknown">Unknown</span>;
}

export function YesNo({ value, good = true, yes = 'Yes', no = 'No' }: { value: boolean | null; good?: boolean; yes?: string; no?: string }) {
  if (value === null) return <Unknown />;
  const ok = value === good;
  return <span class={`verdict ${ok ? 'verdict-good' : 'verdict-bad'}`}>{value ? yes : no}</span>;
}

export function Count({ value, bad = false }: { value: number | null; bad?: boolean }) {
  if (value === null) return <Unknown />;
  return <span class={value > 0 && bad ? 'count-fail' : undefined}>{formatCount(value)}</span>;
}
