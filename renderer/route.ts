/**
 * Hash routes, so Back/Forward and reloads work the same in Electron (app://) and in a browser,
 * with no server-side routing. A route may carry query parameters after "?" (the explorer's
 * filters), kept as plain strings; each screen validates what it reads.
 */
import { useEffect, useState } from 'preact/hooks';

export const SCAN_TABS = ['overview', 'findings', 'maintenance', 'exposure', 'coverage', 'manual', 'export'] as const;
export type ScanTab = (typeof SCAN_TABS)[number];

export type Route =
  | { name: 'home' }
  | { name: 'new-scan' }
  | { name: 'engagements' }
  | { name: 'settings' }
  | { name: 'history'; accountId: string | null }
  | { name: 'diff'; fromScanId: string; toScanId: string }
  | { name: 'scan'; scanId: string; tab: ScanTab; params: Record<string, string> };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

function isTab(value: string | undefined): value is ScanTab {
  return (SCAN_TABS as readonly string[]).includes(value ?? '');
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decode);
  if (parts.some((p) => p === null)) return { name: 'home' };
  const [head, a, b] = parts as string[];
  if (head === 'new' && parts.length === 1) return { name: 'new-scan' };
  if (head === 'engagements' && parts.length === 1) return { name: 'engagements' };
  if (head === 'settings' && parts.length === 1) return { name: 'settings' };
  if (head === 'history' && parts.length <= 2) return { name: 'history', accountId: a ?? null };
  if (head === 'diff' && a && b && parts.length === 3) return { name: 'diff', fromScanId: a, toScanId: b };
  if (head === 'scans' && a && parts.length <= 3 && (b === undefined || isTab(b))) {
    return { name: 'scan', scanId: a, tab: b ?? 'overview', params: Object.fromEntries(new URLSearchParams(query)) };
  }
  return { name: 'home' };
}

const enc = encodeURIComponent;

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'new-scan':
      return '#/new';
    case 'engagements':
      return '#/engagements';
    case 'settings':
      return '#/settings';
    case 'history':
      return route.accountId ? `#/history/${enc(route.accountId)}` : '#/history';
    case 'diff':
      return `#/diff/${enc(route.fromScanId)}/${enc(route.toScanId)}`;
    case 'scan': {
      const query = new URLSearchParams(route.params).toString();
      const tab = route.tab === 'overview' && !query ? '' : `/${route.tab}`;
      return `#/scans/${enc(route.scanId)}${tab}${query ? `?${query}` : ''}`;
    }
    default:
      return '#/';
  }
}

/** Shorthand for the link to one tab of a scan. */
export function scanHref(scanId: string, tab: ScanTab = 'overview', params: Record<string, string> = {}): string {
  return routeHref({ name: 'scan', scanId, tab, params });
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** Rewrites the address without a navigation (no hashchange): the explorer keeps its filters there. */
export function replaceParams(route: Extract<Route, { name: 'scan' }>, params: Record<string, string>): void {
  const href = routeHref({ ...route, params });
  if (window.location.hash !== href) window.history.replaceState(null, '', href);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => {
      const next = parseRoute(window.location.hash);
      setRoute((previous) => {
        // Switching tabs of one scan keeps the scroll position near the tabs; other pages start at the top.
        const sameScan = previous.name === 'scan' && next.name === 'scan' && previous.scanId === next.scanId;
        if (!sameScan) window.scrollTo(0, 0);
        return next;
      });
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
