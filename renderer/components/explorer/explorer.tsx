import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ScanDetail } from '../../../shared/api.ts';
import type { Finding } from '../../../shared/model/finding.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { useCatalogue } from '../../checks-catalogue.ts';
import { replaceParams, type Route } from '../../route.ts';
import { engagementIdOf } from '../../scan-engagement.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { effectiveSort, isFiltered, paramsFromQuery, queryFromParams, toRequest, type ExplorerQuery } from './explorer-query.ts';
import { ExplorerToolbar } from './explorer-toolbar.tsx';
import { FindingDetail } from './finding-detail.tsx';
import { findingKey } from './finding-grid-row.tsx';
import { FindingsGrid } from './findings-grid.tsx';
import { useFindingPages } from './use-finding-pages.ts';

type ScanRoute = Extract<Route, { name: 'scan' }>;

/** Looks one finding up by its key (check|region|resource), for links and after an acceptance changed. */
async function fetchFinding(bridge: ReturnType<typeof useBridge>, scanId: string, key: string): Promise<Finding | null> {
  const [checkId = '', region = '', ...rest] = key.split('|');
  const resourceId = rest.join('|');
  const { rows } = await bridge.invoke('findings:query', { scanId, text: resourceId || checkId, sort: 'check', limit: 1000 });
  return rows.find((f) => f.checkId === checkId && f.region === region && f.resourceId === resourceId) ?? null;
}

/** The findings explorer: filters, a windowed grid over findings:query pages, and the detail panel. */
export function Explorer({ scan, route, reloadKey }: { scan: ScanDetail; route: ScanRoute; reloadKey: number }) {
  const bridge = useBridge();
  const catalogue = useCatalogue();
  const [query, setQuery] = useState<ExplorerQuery>(() => queryFromParams(route.params));
  const [active, setActive] = useState(0);
  const [detail, setDetail] = useState<Finding | null>(null);
  const [changes, setChanges] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const seen = useRef({ services: new Set<string>(), regions: new Set<string>(scan.regions) });

  const request = useMemo(() => toRequest(query), [query]);
  const pages = useFindingPages(scan.id, request, [reloadKey, changes]);
  const detailKey = detail ? findingKey(detail) : null;

  useEffect(() => replaceParams(route, paramsFromQuery(query, detailKey ? { open: detailKey } : {})), [query, detailKey]);

  // A link may name a finding to open (the dashboard's top risks).
  useEffect(() => {
    const open = route.params.open;
    if (!open) return;
    fetchFinding(bridge, scan.id, open).then((f) => f && setDetail(f), () => undefined);
  }, [bridge, scan.id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const visible: Finding[] = [];
  if (pages.total) for (let i = Math.max(0, active - 30); i < Math.min(pages.total, active + 30); i++) {
    const f = pages.row(i);
    if (f) visible.push(f);
  }
  for (const f of visible) {
    seen.current.services.add(f.service);
    seen.current.regions.add(f.region);
  }
  const services = new Set([...seen.current.services, ...query.service, ...[...(catalogue?.byId.values() ?? [])].map((c) => c.service)]);
  const regions = new Set([...seen.current.regions, ...query.region]);

  function change(patch: Partial<ExplorerQuery>): void {
    setQuery((q) => ({ ...q, ...patch }));
    setActive(0);
    grid.current?.querySelector('.fgrid-body')?.scrollTo(0, 0);
  }

  function open(index: number): void {
    const f = pages.row(index);
    if (!f) return;
    setDetail(f);
  }

  function close(): void {
    setDetail(null);
    grid.current?.focus();
  }

  async function afterChange(): Promise<void> {
    setChanges((c) => c + 1);
    if (!detailKey) return;
    try {
      setDetail((await fetchFinding(bridge, scan.id, detailKey)) ?? null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const selectedIndex = detail ? findIndex(pages, findingKey(detail)) : null;

  return (
    <section class="explorer" aria-label="Findings explorer" data-testid="findings-section">
      <ExplorerToolbar query={query} onChange={change} total={pages.total} services={[...services].sort()} regions={[...regions].sort()} searchRef={search} />
      {pages.error && <ErrorBanner message={`Could not load the findings: ${pages.error}`} onRetry={pages.reload} />}
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      <div class={`explorer-body${detail ? ' has-detail' : ''}`}>
        <FindingsGrid
          pages={pages}
          group={query.group}
          active={active}
          selected={selectedIndex}
          onActive={setActive}
          onOpen={open}
          onClose={close}
          gridRef={grid}
          emptyText={isFiltered(query) ? 'No findings match these filters.' : 'No failing checks in this scan.'}
        />
        {detail && <FindingDetail finding={detail} engagementId={engagementIdOf(scan)} catalogue={catalogue} onClose={close} onChanged={afterChange} />}
      </div>
      <p class="explorer-hint muted">
        Sorted {effectiveSort(query) === 'severity' ? 'worst first' : `by ${effectiveSort(query)}`}. Keys: / search · ↑ ↓ move · Enter open · Esc close
      </p>
    </section>
  );
}

function findIndex(pages: ReturnType<typeof useFindingPages>, key: string): number | null {
  if (!pages.total) return null;
  for (let i = 0; i < Math.min(pages.total, 5000); i++) {
    const f = pages.row(i);
    if (f && findingKey(f) === key) return i;
  }
  return null;
}
