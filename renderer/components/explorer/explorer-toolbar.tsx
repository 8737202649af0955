import { AREA_TITLES, AREAS } from '../../../shared/model/area.ts';
import { ACCEPTANCE_FILTERS, SEVERITIES, STATUSES, type AcceptanceFilter } from '../../../shared/model/finding.ts';
import { formatCount } from '../../format.ts';
import { SEVERITY_LABELS, STATUS_LABELS } from '../../labels.ts';
import { ChipGroup, FilterMenu } from '../common/filter-menu.tsx';
import { DEFAULT_QUERY, GROUPS, isFiltered, SORTS, type ExplorerQuery, type Group, type Sort } from './explorer-query.ts';

const SORT_LABELS: Record<Sort, string> = { severity: 'Worst first', check: 'Check', resource: 'Resource', region: 'Region' };
const GROUP_LABELS: Record<Group, string> = { none: 'No grouping', check: 'By check', resource: 'By resource' };
const ACCEPTANCE_LABELS: Record<AcceptanceFilter, string> = { accepted: 'Accepted risk', expired: 'Acceptance expired', none: 'Not accepted' };

interface Props {
  query: ExplorerQuery;
  onChange(patch: Partial<ExplorerQuery>): void;
  total: number | null;
  services: string[];
  regions: string[];
  searchRef: { current: HTMLInputElement | null };
}

export function ExplorerToolbar({ query, onChange, total, services, regions, searchRef }: Props) {
  return (
    <div class="explorer-toolbar" role="search" aria-label="Filter findings">
      <div class="explorer-toolbar-row">
        <label class="search-field">
          <span class="visually-hidden">Search findings</span>
          <svg class="search-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M8.5 3a5.5 5.5 0 0 1 4.4 8.8l4 4-1.2 1.2-4-4A5.5 5.5 0 1 1 8.5 3Zm0 1.8a3.7 3.7 0 1 0 0 7.4 3.7 3.7 0 0 0 0-7.4Z" fill="currentColor" />
          </svg>
          <input
            ref={searchRef}
            type="search"
            class="input search-input"
            placeholder="Search title, resource, ARN, check id…  ( / )"
            value={query.text}
            onInput={(e) => onChange({ text: e.currentTarget.value })}
            autocomplete="off"
            spellcheck={false}
            data-testid="explorer-search"
          />
        </label>
        <span class="explorer-count" role="status" data-testid="findings-count">
          {total === null ? 'Loading…' : `${formatCount(total)} ${total === 1 ? 'finding' : 'findings'}`}
        </span>
        <label class="field field-inline">
          <span class="field-label">Sort</span>
          <select class="select" value={query.sort} disabled={query.group !== 'none'} onChange={(e) => onChange({ sort: e.currentTarget.value as Sort })} data-testid="explorer-sort">
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label class="field field-inline">
          <span class="field-label">Group</span>
          <select class="select" value={query.group} onChange={(e) => onChange({ group: e.currentTarget.value as Group })} data-testid="explorer-group">
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {GROUP_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="explorer-toolbar-row explorer-filters">
        <ChipGroup label="Status" options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} selected={query.status} onChange={(v) => onChange({ status: v as ExplorerQuery['status'] })} testId="filter-status" />
        <ChipGroup label="Severity" options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))} selected={query.severity} onChange={(v) => onChange({ severity: v as ExplorerQuery['severity'] })} testId="filter-severity" />
        <FilterMenu label="Area" options={AREAS.map((a) => ({ value: a, label: AREA_TITLES[a] }))} selected={query.area} onChange={(v) => onChange({ area: v as ExplorerQuery['area'] })} testId="filter-area" />
        <FilterMenu label="Service" options={services.map((s) => ({ value: s, label: s }))} selected={query.service} onChange={(v) => onChange({ service: v })} testId="filter-service" />
        <FilterMenu label="Region" options={regions.map((r) => ({ value: r, label: r }))} selected={query.region} onChange={(v) => onChange({ region: v })} testId="filter-region" />
        <FilterMenu
          label="Acceptance"
          options={ACCEPTANCE_FILTERS.map((a) => ({ value: a, label: ACCEPTANCE_LABELS[a] }))}
          selected={query.acceptance}
          onChange={(v) => onChange({ acceptance: v as AcceptanceFilter[] })}
          testId="filter-acceptance"
        />
        {isFiltered(query) && (
          <button type="button" class="button button-ghost button-small" onClick={() => onChange({ ...DEFAULT_QUERY, sort: query.sort, group: query.group })} data-testid="filter-reset">
            Reset filters
          </button>
        )}
      </div>
    </div>
  );
}
