import type { Evidence } from '../../../shared/model/finding.ts';
import { formatDateTime } from '../../format.ts';
import { CopyButton } from '../common/copy-button.tsx';
import { UserText } from '../common/user-text.tsx';

/** The API answers behind a finding, as collected: account data, shown as inert text. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  return (
    <section class="detail-section" aria-labelledby="evidence-title" data-testid="evidence">
      <h3 id="evidence-title" class="detail-subtitle">
        Evidence
      </h3>
      {evidence.length === 0 ? (
        <p class="muted">No API evidence recorded.</p>
      ) : (
        <ul class="evidence-list">
          {evidence.map((e, i) => (
            <li key={i}>
              <div class="snippet-head">
                <p class="evidence-meta">
                  <span class="mono">{e.call}</span> · <span class="mono">{e.region}</span> · <time dateTime={e.time}>{formatDateTime(e.time)}</time>
                </p>
                <CopyButton text={e.excerpt} label={`Copy the ${e.call} evidence`} />
              </div>
              <pre class="evidence-excerpt" dir="ltr">
                <UserText text={e.excerpt} />
              </pre>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
