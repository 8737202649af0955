import { useState } from 'preact/hooks';
import type { Area } from '../../shared/model/area.ts';
import type { Status } from '../../shared/model/finding.ts';
import type { ScanProgress } from '../../shared/model/scan.ts';
import { useCall } from '../use-call.ts';
import { AreaCards } from './area-cards.tsx';
import { ErrorBanner } from './error-banner.tsx';
import { FindingsSection } from './findings-section.tsx';
import { ScanHeader } from './scan-header.tsx';
import { ScanProgressPanel } from './scan-progress-panel.tsx';

export type StatusFilter = Status | 'ALL';
export type AreaFilter = Area | 'ALL';

interface Props {
  scanId: string;
  progress: ScanProgress | null;
  /** Bumped by every scan:finished event for this scan, so the view reloads its results. */
  finishedVersion: number;
}

export function ScanView({ scanId, progress, finishedVersion }: Props) {
  const scan = useCall('scans:get', { scanId }, finishedVersion);
  const [status, setStatus] = useState<StatusFilter>('FAIL');
  const [area, setArea] = useState<AreaFilter>('ALL');

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
  if (!scan.data) return <p class="loading" role="status">Loading scan…</p>;

  const detail = scan.data;
  const running = detail.status === 'running';

  function showArea(next: AreaFilter): void {
    setArea(next);
    document.getElementById('findings')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  return (
    <section class="scan-view" aria-labelledby="scan-title" data-testid="scan-view" data-scan-id={detail.id} data-scan-status={detail.status}>
      <a class="back-link" href="#/" data-testid="back-to-scans">
        ← All scans
      </a>
      <ScanHeader scan={detail} liveCalls={progress?.calls ?? null} onResumed={scan.reload} />
      {running ? (
        <ScanProgressPanel scanId={detail.id} progress={progress} />
      ) : (
        <>
          {detail.status === 'failed' && (
            <ErrorBanner message="This scan failed before it could collect data. Check the profile's credentials and network access, then scan again." />
          )}
          <AreaCards summaries={detail.areaSummaries} scannedAreas={detail.areas} selected={area} onSelect={showArea} />
          <FindingsSection
            scanId={detail.id}
            status={status}
            area={area}
            onStatus={setStatus}
            onArea={setArea}
            reloadKey={finishedVersion}
          />
        </>
      )}
    </section>
  );
}
