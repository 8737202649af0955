import type { ScanDetail } from '../../../shared/api.ts';
import { scanHref } from '../../route.ts';
import { AreaCards } from './area-cards.tsx';
import { ResponsibilityMatrixView } from './responsibility-matrix.tsx';
import { SecurityHubSummary } from './securityhub-summary.tsx';
import { SeverityChart } from './severity-chart.tsx';
import { TopRisks } from './top-risks.tsx';

/** The scan at a glance: one card per area, failures by severity, the worst findings, who does what. */
export function Dashboard({ scan, reloadKey }: { scan: ScanDetail; reloadKey: number }) {
  return (
    <div class="dashboard" data-testid="dashboard">
      <AreaCards summaries={scan.areaSummaries} scannedAreas={scan.areas} hrefFor={(area) => scanHref(scan.id, 'findings', { area })} />
      <div class="dashboard-row">
        <SeverityChart scan={scan} />
        <TopRisks scanId={scan.id} reloadKey={reloadKey} />
      </div>
      <ResponsibilityMatrixView scanId={scan.id} />
      <SecurityHubSummary scanId={scan.id} />
    </div>
  );
}
