import { cellKey, type ProgressGrid } from '../../use-scan-events.ts';

/**
 * Which service and region the scan has read, from its progress events: one row per region (global
 * services first), one column per service. The newest cell is outlined.
 */
export function ProgressGridView({ grid }: { grid: ProgressGrid | null }) {
  if (!grid || grid.services.length === 0) {
    return (
      <section class="card progress-grid-card" aria-labelledby="grid-title" data-testid="progress-grid">
        <h2 id="grid-title" class="section-title">
          Services and regions
        </h2>
        <p class="muted">Waiting for the first answers…</p>
      </section>
    );
  }
  const regions = [...grid.regions].sort((a, b) => Number(b === 'global') - Number(a === 'global') || a.localeCompare(b));
  return (
    <section class="card progress-grid-card" aria-labelledby="grid-title" data-testid="progress-grid">
      <h2 id="grid-title" class="section-title">
        Services and regions read so far
      </h2>
      <div class="progress-grid-scroll">
        <table class="progress-grid">
          <caption class="visually-hidden">Units of data collected per region and service</caption>
          <thead>
            <tr>
              <th scope="col">Region</th>
              {grid.services.map((s) => (
                <th key={s} scope="col" class="progress-grid-service">
                  <span>{s}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr key={r}>
                <th scope="row" class="mono">
                  {r}
                </th>
                {grid.services.map((s) => {
                  const key = cellKey(s, r);
                  const cell = grid.cells[key];
                  const current = grid.current === key;
                  return (
                    <td key={s} class={`progress-cell${cell ? ' is-done' : ''}${current ? ' is-current' : ''}`} data-testid={cell ? 'progress-cell-done' : undefined}>
                      <span class="visually-hidden">{cell ? `${s} in ${r}: ${cell.done} read` : `${s} in ${r}: not yet`}</span>
                      <span aria-hidden="true">{cell ? (cell.done > 1 ? cell.done : '✓') : ''}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="field-help">A number counts the data sets read for that service and region; empty cells are not read yet, or do not apply.</p>
    </section>
  );
}
