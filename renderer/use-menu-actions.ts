import { useEffect, useRef } from 'preact/hooks';
import { errorMessage } from './bridge.ts';
import { useBridge } from './bridge-context.ts';
import { navigate, type Route } from './route.ts';

/**
 * The Electron menu's commands (`menu:action`), performed by the page like the buttons they
 * mirror. "Export report" opens the scan's export options rather than rendering blind, so the
 * consultant chooses the variant, redaction and protection each time.
 */
export function useMenuActions(route: Route, onError: (message: string) => void): void {
  const bridge = useBridge();
  // The subscription lives for the app's lifetime; the handler reads the current route from here.
  const latest = useRef({ route, onError });
  latest.current = { route, onError };

  useEffect(
    () =>
      bridge.on('menu:action', ({ action }) => {
        const { route: current, onError: fail } = latest.current;
        if (action === 'menu:new-scan') navigate({ name: 'new-scan' });
        if (action === 'menu:history') navigate({ name: 'history', accountId: null });
        if (action === 'menu:settings') navigate({ name: 'settings' });
        if (action === 'menu:open-demo') {
          bridge.invoke('demo:open', {}).then(
            ({ scanId }) => navigate({ name: 'scan', scanId, tab: 'overview', params: {} }),
            (err: unknown) => fail(`Could not open the demo: ${errorMessage(err)}`),
          );
        }
        if (action === 'menu:export-report') {
          if (current.name !== 'scan') {
            fail('Open a scan first, then export its report.');
            return;
          }
          navigate({ name: 'scan', scanId: current.scanId, tab: 'export', params: {} });
        }
      }),
    [bridge],
  );
}
