import type { Area } from '../../../shared/model/area.ts';
import { AREAS } from '../../../shared/model/area.ts';
import type { AreaSummary } from '../../../shared/model/scan.ts';
import { AreaCard } from './area-card.tsx';

interface Props {
  summaries: AreaSummary[];
  scannedAreas: Area[];
  /** The explorer's address for one area's failures. */
  hrefFor(area: Area): string;
}

export function AreaCards({ summaries, scannedAreas, hrefFor }: Props) {
  const byArea = new Map(summaries.map((s) => [s.area, s]));
  return (
    <section class="area-section" aria-labelledby="areas-title">
      <h2 id="areas-title" class="section-title">
        Responsibility areas
      </h2>
      <div class="area-grid" data-testid="area-cards">
        {AREAS.map((area) => (
          <AreaCard key={area} area={area} summary={byArea.get(area) ?? null} scanned={scannedAreas.includes(area) || byArea.has(area)} href={hrefFor(area)} />
        ))}
      </div>
    </section>
  );
}
