import type { Finding } from '../../../shared/model/finding.ts';
import { SeverityBadge } from '../common/severity-badge.tsx';
import { StatusBadge } from '../common/status-badge.tsx';
import { UserText } from '../common/user-text.tsx';
import { acceptanceOf, type Group } from './explorer-query.ts';

export const ROW_HEIGHT = 56;

export function findingKey(f: Pick<Finding, 'checkId' | 'region' | 'resourceId'>): string {
  return `${f.checkId}|${f.region}|${f.resourceId}`;
}

export const rowId = (index: number): string => `finding-row-${index}`;

interface Props {
  index: number;
  finding: Finding | undefined;
  active: boolean;
  selected: boolean;
  group: Group;
  /** The row above, to tell whether this row starts a new group. */
  previous: Finding | undefined;
  onPick(index: number): void;
}

function groupKey(f: Finding, group: Group): string {
  return group === 'check' ? f.checkId : `${f.resourceId}|${f.region}`;
}

/**
 * One finding in the explorer's grid. Account data (names, ids, messages) is rendered as text
 * only, each value isolated with dir="auto" so right-to-left names cannot reorder the row.
 */
export function FindingGridRow({ index, finding, active, selected, group, previous, onPick }: Props) {
  if (!finding) {
    return (
      <div role="row" id={rowId(index)} aria-rowindex={index + 2} class={`fgrid-row is-placeholder${active ? ' is-active' : ''}`} data-testid="finding-row-placeholder">
        <div role="gridcell" class="fgrid-cell fgrid-wide">
          <span class="skeleton" aria-label="Loading" />
        </div>
      </div>
    );
  }
  const grouped = group !== 'none';
  const startsGroup = grouped && (!previous || groupKey(previous, group) !== groupKey(finding, group));
  const repeat = grouped && !startsGroup;
  const showName = finding.resourceName && finding.resourceName !== finding.resourceId;
  const acceptance = finding.acceptance;
  const classes = ['fgrid-row', active && 'is-active', selected && 'is-selected', startsGroup && 'is-group-start'].filter(Boolean).join(' ');

  const check = (
    <div key="check" role="gridcell" class={`fgrid-cell fgrid-check${repeat && group === 'check' ? ' is-repeat' : ''}`}>
      <span class="check-title clip">{finding.title}</span>
      <span class="row-sub mono clip">{finding.checkId}</span>
    </div>
  );
  const resource = (
    <div key="resource" role="gridcell" class={`fgrid-cell fgrid-resource${repeat && group === 'resource' ? ' is-repeat' : ''}`}>
      {showName && (
        <span class="resource-name clip" dir="auto" data-testid="finding-resource-name">
          <UserText text={finding.resourceName} />
        </span>
      )}
      <span class={`resource-id mono clip${showName ? ' row-sub' : ''}`} dir="auto" data-testid="finding-resource-id">
        <UserText text={finding.resourceId || finding.resourceName || '—'} />
      </span>
    </div>
  );

  return (
    <div
      role="row"
      id={rowId(index)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      class={classes}
      onClick={() => onPick(index)}
      data-testid="finding-row"
      data-index={index}
      data-status={finding.status}
      data-area={finding.area}
      data-severity={finding.severity}
      data-check-id={finding.checkId}
      data-key={findingKey(finding)}
      data-acceptance={acceptanceOf(finding)}
    >
      <div role="gridcell" class="fgrid-cell">
        <StatusBadge status={finding.status} />
      </div>
      <div role="gridcell" class="fgrid-cell">
        <SeverityBadge severity={finding.severity} />
      </div>
      {group === 'resource' ? [resource, check] : [check, resource]}
      <div role="gridcell" class="fgrid-cell mono nowrap" dir="auto">
        <UserText text={finding.region} />
      </div>
      <div role="gridcell" class="fgrid-cell">
        {acceptance && (
          <span class={`badge ${acceptance.active ? 'badge-accepted' : 'badge-expired'}`} title={acceptance.justification}>
            {acceptance.active ? 'Accepted' : 'Expired'}
          </span>
        )}
      </div>
    </div>
  );
}
