import { scanHref, type ScanTab } from '../../route.ts';

const TABS: ReadonlyArray<{ tab: ScanTab; label: string }> = [
  { tab: 'overview', label: 'Overview' },
  { tab: 'findings', label: 'Findings' },
  { tab: 'maintenance', label: 'Maintenance' },
  { tab: 'exposure', label: 'Exposure' },
  { tab: 'coverage', label: 'Coverage' },
  { tab: 'manual', label: 'Manual controls' },
  { tab: 'export', label: 'Export' },
];

/** The scan's sections, as links: each is its own address, so Back and reload keep the place. */
export function ScanTabs({ scanId, current }: { scanId: string; current: ScanTab }) {
  return (
    <nav class="tabs" aria-label="Scan sections" data-testid="scan-tabs">
      {TABS.map(({ tab, label }) => (
        <a key={tab} class="tab" href={scanHref(scanId, tab)} aria-current={tab === current ? 'page' : undefined} data-testid={`tab-${tab}`}>
          {label}
        </a>
      ))}
    </nav>
  );
}
