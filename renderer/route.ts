/**
 * Hash routes, so Back/Forward and reloads work the same in Electron (file://) and in a browser,
 * with no server-side routing.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route = { name: 'home' } | { name: 'new-scan' } | { name: 'scan'; scanId: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/new') return { name: 'new-scan' };
  const scan = /^\/scans\/([^/]+)$/.exec(path);
  if (scan) {
    try {
      return { name: 'scan', scanId: decodeURIComponent(scan[1]!) };
    } catch {
      return { name: 'home' };
    }
  }
  return { name: 'home' };
}

export function routeHref(route: Route): string {
  if (route.name === 'new-scan') return '#/new';
  if (route.name === 'scan') return `#/scans/${encodeURIComponent(route.scanId)}`;
  return '#/';
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => {
      setRoute(parseRoute(window.location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
