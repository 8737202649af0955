import { useEffect, useRef } from 'preact/hooks';
import { scrollRowIntoView, useVirtualWindow } from '../../use-virtual-window.ts';
import type { Group } from './explorer-query.ts';
import { FindingGridRow, ROW_HEIGHT, rowId } from './finding-grid-row.tsx';
import type { FindingPages } from './use-finding-pages.ts';

interface Props {
  pages: FindingPages;
  group: Group;
  active: number;
  selected: number | null;
  onActive(index: number): void;
  onOpen(index: number): void;
  onClose(): void;
  gridRef: { current: HTMLDivElement | null };
  emptyText: string;
}

/**
 * The findings as an ARIA grid: one tab stop; arrow keys, Page Up/Down, Home/End move the active
 * row (announced through aria-activedescendant), Enter opens its detail, Escape closes it. Only
 * the rows in view are rendered.
 */
export function FindingsGrid({ pages, group, active, selected, onActive, onOpen, onClose, gridRef, emptyText }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const total = pages.total ?? 0;
  const win = useVirtualWindow(scroller, total, ROW_HEIGHT);

  useEffect(() => pages.need(win.start, win.end), [pages.need, pages.total, win.start, win.end]);
  useEffect(() => {
    if (scroller.current && total > 0) scrollRowIntoView(scroller.current, active, ROW_HEIGHT);
  }, [active, total]);

  function onKeyDown(e: KeyboardEvent): void {
    if (total === 0) return;
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + win.pageRows,
      PageUp: active - win.pageRows,
      Home: 0,
      End: total - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      onActive(Math.max(0, Math.min(total - 1, moves[e.key]!)));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(active);
    } else if (e.key === 'Escape' && selected !== null) {
      e.preventDefault();
      onClose();
    }
  }

  const rows = [];
  for (let i = win.start; i < win.end; i++) {
    rows.push(
      <FindingGridRow
        key={i}
        index={i}
        finding={pages.row(i)}
        previous={i > 0 ? pages.row(i - 1) : undefined}
        active={i === active}
        selected={i === selected}
        group={group}
        onPick={(index) => {
          onActive(index);
          onOpen(index);
        }}
      />,
    );
  }

  return (
    <div
      ref={gridRef}
      role="grid"
      class={`fgrid fgrid-group-${group}`}
      aria-label="Findings"
      aria-rowcount={total + 1}
      aria-colcount={6}
      aria-activedescendant={total > 0 && active >= win.start && active < win.end ? rowId(active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="findings-table"
      data-total={pages.total ?? ''}
      data-shown-key={pages.shownKey}
      data-loading={pages.loading ? 'true' : 'false'}
    >
      <div role="rowgroup" class="fgrid-head">
        <div role="row" aria-rowindex={1} class="fgrid-row fgrid-header">
          <div role="columnheader" class="fgrid-cell">Status</div>
          <div role="columnheader" class="fgrid-cell">Severity</div>
          <div role="columnheader" class="fgrid-cell">{group === 'resource' ? 'Resource' : 'Check'}</div>
          <div role="columnheader" class="fgrid-cell">{group === 'resource' ? 'Check' : 'Resource'}</div>
          <div role="columnheader" class="fgrid-cell">Region</div>
          <div role="columnheader" class="fgrid-cell">Accepted</div>
        </div>
      </div>
      <div ref={scroller} role="rowgroup" class="fgrid-body" tabIndex={-1}>
        {pages.total === 0 ? (
          <p class="fgrid-empty" data-testid="findings-empty">
            {emptyText}
          </p>
        ) : (
          <div class="fgrid-spacer" style={{ height: `${win.height}px` }}>
            <div class="fgrid-window" style={{ transform: `translateY(${win.offset}px)` }}>
              {rows}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
