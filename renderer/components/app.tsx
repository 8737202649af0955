import { useEffect, useState } from 'preact/hooks';
import type { ScanProgress } from '../../shared/model/scan.ts';
import { useBridge } from '../bridge-context.ts';
import { routeHref, useRoute } from '../route.ts';
import { useCall } from '../use-call.ts';
import { useMenuActions } from '../use-menu-actions.ts';
import { AppFooter } from './app-footer.tsx';
import { AppHeader } from './app-header.tsx';
import { ErrorBanner } from './error-banner.tsx';
import { MfaPrompt } from './mfa-prompt.tsx';
import { RenewPrompt } from './renew-prompt.tsx';
import { NewScanForm } from './new-scan-form.tsx';
import { ScanList } from './scan-list.tsx';
import { ScanView } from './scan-view.tsx';
import { WelcomePanel } from './welcome-panel.tsx';

/** Shell and router. Scan events are subscribed here, once, so no progress is lost between pages. */
export function App() {
  const bridge = useBridge();
  const route = useRoute();
  const [scansVersion, setScansVersion] = useState(0);
  const [progress, setProgress] = useState<Record<string, ScanProgress>>({});
  const [finished, setFinished] = useState<Record<string, number>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const scans = useCall('scans:list', {}, [scansVersion, route.name]);
  useMenuActions(route, setNotice);
  const href = routeHref(route);
  useEffect(() => setNotice(null), [href]);

  useEffect(() => {
    const offProgress = bridge.on('scan:progress', (p) => setProgress((all) => ({ ...all, [p.scanId]: p })));
    const offFinished = bridge.on('scan:finished', (f) => {
      setFinished((all) => ({ ...all, [f.scanId]: (all[f.scanId] ?? 0) + 1 }));
      setScansVersion((v) => v + 1);
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [bridge]);

  let page;
  if (route.name === 'new-scan') {
    page = <NewScanForm />;
  } else if (route.name === 'scan') {
    page = <ScanView key={route.scanId} scanId={route.scanId} progress={progress[route.scanId] ?? null} finishedVersion={finished[route.scanId] ?? 0} />;
  } else if (scans.error) {
    page = <ErrorBanner message={`Could not load the scans: ${scans.error}`} onRetry={scans.reload} />;
  } else if (scans.data === null) {
    page = <p class="loading" role="status">Loading scans…</p>;
  } else if (scans.data.length === 0) {
    page = <WelcomePanel />;
  } else {
    page = <ScanList scans={scans.data} progress={progress} />;
  }

  return (
    <div class="shell">
      <a class="skip-link" href="#main" data-testid="skip-to-content">
        Skip to content
      </a>
      <AppHeader route={route} />
      <main id="main" class="page" tabIndex={-1}>
        {notice && <ErrorBanner message={notice} onDismiss={() => setNotice(null)} />}
        {page}
      </main>
      <AppFooter />
      <MfaPrompt />
      <RenewPrompt />
    </div>
  );
}
