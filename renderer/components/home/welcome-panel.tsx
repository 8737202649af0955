import { useState } from 'preact/hooks';
import { AREA_TITLES, AREAS } from '../../../shared/model/area.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { navigate } from '../../route.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { ExternalLink } from '../common/external-link.tsx';

/** First run: nothing scanned yet, so offer the demo engagement or a real scan. */
export function WelcomePanel() {
  const bridge = useBridge();
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function openDemo(): Promise<void> {
    setOpening(true);
    setError(null);
    try {
      const { scanId } = await bridge.invoke('demo:open', {});
      navigate({ name: 'scan', scanId, tab: 'overview', params: {} });
    } catch (err) {
      setError(errorMessage(err));
      setOpening(false);
    }
  }

  return (
    <section class="welcome" aria-labelledby="welcome-title" data-testid="welcome-panel">
      <div class="welcome-intro">
        <h1 id="welcome-title">Audit the customer side of the AWS Shared Responsibility Model</h1>
        <p class="lead">
          Leasehold reads an AWS account's configuration with read-only calls, checks what is yours to secure, and
          writes a client-ready PDF report. Everything stays on this machine.
        </p>
        <p class="muted welcome-source">
          What is whose: <ExternalLink href="https://aws.amazon.com/compliance/shared-responsibility-model/">AWS's description of the model</ExternalLink>.
        </p>
      </div>
      {error && <ErrorBanner message={`Could not open the demo: ${error}`} onDismiss={() => setError(null)} />}
      <div class="welcome-choices">
        <article class="choice card">
          <h2>Explore a sample engagement</h2>
          <p>A fictional client's account with findings in every area. Try the filters and the exports before you scan your own.</p>
          <button type="button" class="button button-primary" onClick={openDemo} disabled={opening} data-testid="welcome-open-demo">
            {opening ? 'Opening…' : 'Open the demo engagement'}
          </button>
        </article>
        <article class="choice card">
          <h2>Scan an AWS account</h2>
          <p>Pick a profile from your AWS configuration. Leasehold needs only read access, such as the SecurityAudit policy.</p>
          <a class="button button-secondary" href="#/new" data-testid="welcome-new-scan">
            Scan an AWS account
          </a>
        </article>
        <article class="choice card">
          <h2>Set up an engagement</h2>
          <p>Name the client and consultant, add logos for the report cover, and list the ports the client allows open to the internet.</p>
          <a class="button button-secondary" href="#/engagements" data-testid="welcome-engagements">
            Create an engagement
          </a>
        </article>
      </div>
      <div class="welcome-areas">
        <h2 class="section-label">What is assessed</h2>
        <ul class="area-list">
          {AREAS.map((area) => (
            <li key={area}>{AREA_TITLES[area]}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
