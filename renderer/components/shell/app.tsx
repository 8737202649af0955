import { useEffect, useState } from 'preact/hooks';
import { applyTheme, usePrefs } from '../../prefs.ts';
import { routeHref, useRoute, type Route } from '../../route.ts';
import { useCall } from '../../use-call.ts';
import { useMenuActions } from '../../use-menu-actions.ts';
import { useScanEvents, type ScanEvents } from '../../use-scan-events.ts';
import { MfaPrompt } from '../auth/mfa-prompt.tsx';
import { RenewPrompt } from '../auth/renew-prompt.tsx';
import { ErrorBanner } from '../common/error-banner.tsx';
import { EngagementsPage } from '../engagements/engagements-page.tsx';
import { DiffView } from '../history/diff-view.tsx';
import { HistoryPage } from '../history/history-page.tsx';
import { ScanList } from '../home/scan-list.tsx';
import { WelcomePanel } from '../home/welcome-panel.tsx';
import { NewScanForm } from '../new-scan/new-scan-form.tsx';
import { ScanView } from '../scan/scan-view.tsx';
import { SettingsPage } from '../settings/settings-page.tsx';
import { AppFooter } from './app-footer.tsx';
import { AppHeader } from './app-header.tsx';

/** Shell and router. Scan events are subscribed here, once, so no progress is lost between pages. */
export function App() {
  const route = useRoute();
  const [prefs] = usePrefs();
  const events = useScanEvents();
  const [notice, setNotice] = useState<string | null>(null);
  useMenuActions(route, setNotice);
  const href = routeHref(route);
  useEffect(() => setNotice(null), [href]);
  useEffect(() => applyTheme(prefs.theme), [prefs.theme]);

  return (
    <div class="shell">
      <a class="skip-link" href="#main" onClick={skipToMain} data-testid="skip-to-content">
        Skip to content
      </a>
      <AppHeader route={route} />
      <main id="main" class="page" tabIndex={-1}>
        {notice && <ErrorBanner message={notice} onDismiss={() => setNotice(null)} />}
        <Page route={route} events={events} />
      </main>
      <AppFooter />
      <MfaPrompt />
      <RenewPrompt />
    </div>
  );
}

/** The skip link targets #main without changing the route (the hash is the router's). */
function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

function Page({ route, events }: { route: Route; events: ScanEvents }) {
  switch (route.name) {
    case 'new-scan':
      return <NewScanForm />;
    case 'engagements':
      return <EngagementsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'history':
      return <HistoryPage accountId={route.accountId} scansVersion={events.scansVersion} />;
    case 'diff':
      return <DiffView fromScanId={route.fromScanId} toScanId={route.toScanId} />;
    case 'scan':
      return (
        <ScanView
          key={route.scanId}
          route={route}
          progress={events.progress[route.scanId] ?? null}
          grid={events.grids[route.scanId] ?? null}
          finishedVersion={events.finished[route.scanId] ?? 0}
        />
      );
    default:
      return <Home events={events} />;
  }
}

function Home({ events }: { events: ScanEvents }) {
  const scans = useCall('scans:list', {}, events.scansVersion);
  if (scans.error) return <ErrorBanner message={`Could not load the scans: ${scans.error}`} onRetry={scans.reload} />;
  if (scans.data === null) {
    return (
      <p class="loading" role="status">
        Loading scans…
      </p>
    );
  }
  if (scans.data.length === 0) return <WelcomePanel />;
  return <ScanList scans={scans.data} progress={events.progress} />;
}
