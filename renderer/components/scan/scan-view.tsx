import type { ScanProgress } from '../../../shared/model/scan.ts';
import type { Route, ScanTab } from '../../route.ts';
import { useCall } from '../../use-call.ts';
import type { ProgressGrid } from '../../use-scan-events.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { Dashboard } from '../dashboard/dashboard.tsx';
import { Explorer } from '../explorer/explorer.tsx';
import { ExportPanel } from '../export/export-panel.tsx';
import { CoverageView } from '../views/coverage-view.tsx';
import { ExposureView } from '../views/exposure-view.tsx';
import { MaintenanceView } from '../views/maintenance-view.tsx';
import { ManualControls } from '../views/manual-controls.tsx';
import { ProgressGridView } from './progress-grid.tsx';
import { ScanHeader } from './scan-header.tsx';
import { ScanProgressPanel } from './scan-progress-panel.tsx';
import { ScanTabs } from './scan-tabs.tsx';

interface Props {
  route: Extract<Route, { name: 'scan' }>;
  progress: ScanProgress | null;
  grid: ProgressGrid | null;
  /** Bumped by every scan:finished event for this scan, so the view reloads its results. */
  finishedVersion: number;
}

export function ScanView({ route, progress, grid, finishedVersion }: Props) {
  const scan = useCall('scans:get', { scanId: route.scanId }, finishedVersion);

  if (scan.error && !scan.data) {
    return (
      <section data-testid="scan-view">
        <a class="back-link" href="#/" data-testid="back-to-scans">
          ← All scans
        </a>
        <ErrorBanner message={`Could not load this scan: ${scan.error}`} onRetry={scan.reload} />
      </section>
    );
  }
  if (!scan.data) {
    return (
      <p class="loading" role="status">
        Loading scan…
      </p>
    );
  }

  const detail = scan.data;
  const running = detail.status === 'running';
  const tab: ScanTab = route.tab;

  return (
    <section class="scan-view" aria-labelledby="scan-title" data-testid="scan-view" data-scan-id={detail.id} data-scan-status={detail.status} data-tab={tab}>
      <a class="back-link" href="#/" data-testid="back-to-scans">
        ← All scans
      </a>
      <ScanHeader scan={detail} liveCalls={progress?.calls ?? null} onChanged={scan.reload} />
      {running ? (
        <>
          <ScanProgressPanel scanId={detail.id} progress={progress} />
          <ProgressGridView grid={grid} />
        </>
      ) : (
        <>
          {detail.status === 'failed' && (
            <ErrorBanner message="This scan failed before it could collect data. Check the profile's credentials and network access, then scan again." />
          )}
          <ScanTabs scanId={detail.id} current={tab} />
          <div class="tab-panel" id="scan-tab-panel" data-testid={`tab-panel-${tab}`}>
            {tab === 'overview' && <Dashboard scan={detail} reloadKey={finishedVersion} />}
            {tab === 'findings' && <Explorer scan={detail} route={route} reloadKey={finishedVersion} />}
            {tab === 'maintenance' && <MaintenanceView scanId={detail.id} />}
            {tab === 'exposure' && <ExposureView scanId={detail.id} />}
            {tab === 'coverage' && <CoverageView scan={detail} />}
            {tab === 'manual' && <ManualControls scan={detail} />}
            {tab === 'export' && <ExportPanel scan={detail} />}
          </div>
        </>
      )}
    </section>
  );
}
