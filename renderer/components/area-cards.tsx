import type { Area } from '../../shared/model/area.ts';
import { AREAS } from '../../shared/model/area.ts';
import type { AreaSummary } from '../../shared/model/scan.ts';
import { AreaCard } from './area-card.tsx';
import type { AreaFilter } from './scan-view.tsx';

interface Props {
  summaries: AreaSummary[];
  scannedAreas: Area[];
  selected: AreaFilter;
  onSelect(area: AreaFilter): void;
}

export function AreaCards({ summaries, scannedAreas, selected, onSelect }: Props) {
  const byArea = new Map(summaries.map((s) => [s.area, s]));
  return (
    <section class="area-section" aria-labelledby="areas-title">
      <h2 id="areas-title" class="section-title">
        Responsibility areas
      </h2>
      <div class="area-grid" data-testid="area-cards">
        {AREAS.map((area) => (
          <AreaCard
            key={area}
            area={area}
            summary={byArea.get(area) ?? null}
            scanned={scannedAreas.includes(area) || byArea.has(area)}
            selected={selected === area}
            onSelect={() => onSelect(selected === area ? 'ALL' : area)}
          />
        ))}
      </div>
    </section>
  );
}
