import { AREA_TITLES, AREAS, isArea } from '../../shared/model/area.ts';
import { STATUSES, type Status } from '../../shared/model/finding.ts';
import { plural } from '../format.ts';
import { STATUS_LABELS } from '../labels.ts';
import { useCall } from '../use-call.ts';
import { ErrorBanner } from './error-banner.tsx';
import { FindingsTable } from './findings-table.tsx';
import type { AreaFilter, StatusFilter } from './scan-view.tsx';

interface Props {
  scanId: string;
  status: StatusFilter;
  area: AreaFilter;
  onStatus(status: StatusFilter): void;
  onArea(area: AreaFilter): void;
  reloadKey: number;
}

function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

export function FindingsSection({ scanId, status, area, onStatus, onArea, reloadKey }: Props) {
  const req = { scanId, ...(status === 'ALL' ? {} : { status }), ...(area === 'ALL' ? {} : { area }) };
  const findings = useCall('findings:list', req, reloadKey);
  const filtered = status !== 'FAIL' || area !== 'ALL';

  return (
    <section id="findings" class="findings-section" aria-labelledby="findings-title" data-testid="findings-section">
      <div class="findings-toolbar">
        <div>
          <h2 id="findings-title" class="section-title">
            Findings
          </h2>
          <p class="muted" role="status" data-testid="findings-count">
            {findings.data ? plural(findings.data.length, 'finding') : findings.loading ? 'Loading…' : ''}
          </p>
        </div>
        <div class="filters" role="group" aria-label="Filter findings">
          <label class="field field-inline">
            <span class="field-label">Status</span>
            <select
              class="select"
              value={status}
              onChange={(e) => {
                const value = e.currentTarget.value;
                onStatus(isStatus(value) ? value : 'ALL');
              }}
              data-testid="filter-status"
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
              <option value="ALL">All statuses</option>
            </select>
          </label>
          <label class="field field-inline">
            <span class="field-label">Area</span>
            <select
              class="select"
              value={area}
              onChange={(e) => {
                const value = e.currentTarget.value;
                onArea(isArea(value) ? value : 'ALL');
              }}
              data-testid="filter-area"
            >
              <option value="ALL">All areas</option>
              {AREAS.map((a) => (
                <option key={a} value={a}>
                  {AREA_TITLES[a]}
                </option>
              ))}
            </select>
          </label>
          {filtered && (
            <button
              type="button"
              class="button button-ghost button-small"
              onClick={() => {
                onStatus('FAIL');
                onArea('ALL');
              }}
              data-testid="filter-reset"
            >
              Reset filters
            </button>
          )}
        </div>
      </div>
      {findings.error && <ErrorBanner message={`Could not load the findings: ${findings.error}`} onRetry={findings.reload} />}
      {findings.data && <FindingsTable findings={findings.data} showStatus={status === 'ALL'} emptyText={emptyText(status, area)} />}
    </section>
  );
}

function emptyText(status: StatusFilter, area: AreaFilter): string {
  const where = area === 'ALL' ? '' : ` in ${AREA_TITLES[area]}`;
  if (status === 'FAIL') return `No failing checks${where}.`;
  if (status === 'ALL') return `No findings${where}.`;
  return `No findings with status “${STATUS_LABELS[status]}”${where}.`;
}
