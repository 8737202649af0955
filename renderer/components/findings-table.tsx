import { useState } from 'preact/hooks';
import { SEVERITIES, STATUSES, type Finding } from '../../shared/model/finding.ts';
import { formatCount } from '../format.ts';
import { FindingRow } from './finding-row.tsx';

const PAGE_SIZE = 200;

function rank<T>(list: readonly T[], value: T): number {
  const i = list.indexOf(value);
  return i < 0 ? list.length : i;
}

/** Worst first: status (FAIL before PASS), then severity, then check and resource. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    rank(STATUSES, a.status) - rank(STATUSES, b.status) ||
    rank(SEVERITIES, a.severity) - rank(SEVERITIES, b.severity) ||
    a.title.localeCompare(b.title) ||
    a.resourceName.localeCompare(b.resourceName)
  );
}

interface Props {
  findings: Finding[];
  showStatus: boolean;
  emptyText: string;
}

export function FindingsTable({ findings, showStatus, emptyText }: Props) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  if (findings.length === 0) {
    return (
      <div class="card empty-state" data-testid="findings-empty">
        <p>{emptyText}</p>
      </div>
    );
  }
  const sorted = [...findings].sort(compareFindings);
  const shown = sorted.slice(0, limit);
  return (
    <div class="card table-card">
      <table class="data-table findings-table" data-testid="findings-table">
        <caption class="visually-hidden">Findings, worst first</caption>
        <colgroup>
          <col class="col-toggle" />
          {showStatus && <col class="col-status" />}
          <col class="col-severity" />
          <col class="col-check" />
          <col class="col-resource" />
          <col class="col-region" />
          <col class="col-details" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">Details</span>
            </th>
            {showStatus && <th scope="col">Status</th>}
            <th scope="col">Severity</th>
            <th scope="col">Check</th>
            <th scope="col">Resource</th>
            <th scope="col">Region</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        {shown.map((finding, i) => (
          <FindingRow key={`${finding.checkId}|${finding.resourceArn}|${finding.resourceId}|${finding.region}|${i}`} finding={finding} showStatus={showStatus} />
        ))}
      </table>
      {sorted.length > shown.length && (
        <div class="table-footer">
          <span class="muted">
            Showing {formatCount(shown.length)} of {formatCount(sorted.length)}
          </span>
          <button type="button" class="button button-secondary button-small" onClick={() => setLimit(sorted.length)} data-testid="findings-show-all">
            Show all {formatCount(sorted.length)}
          </button>
        </div>
      )}
    </div>
  );
}
