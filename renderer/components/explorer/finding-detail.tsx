import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AREA_TITLES } from '../../../shared/model/area.ts';
import { CALL_ERROR_TITLES, type Finding } from '../../../shared/model/finding.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import type { Catalogue } from '../../checks-catalogue.ts';
import { formatDate } from '../../format.ts';
import { CopyButton } from '../common/copy-button.tsx';
import { ErrorBanner } from '../common/error-banner.tsx';
import { SeverityBadge } from '../common/severity-badge.tsx';
import { StatusBadge } from '../common/status-badge.tsx';
import { UserText } from '../common/user-text.tsx';
import { AcceptRiskForm } from './accept-risk-form.tsx';
import { CheckGuidance } from './check-guidance.tsx';
import { EvidenceList } from './evidence-list.tsx';

interface Props {
  finding: Finding;
  engagementId: string;
  catalogue: Catalogue | null;
  onClose(): void;
  /** An acceptance was added or revoked: the list reloads. */
  onChanged(): void;
}

/** The selected finding in full: what was found, the evidence, how to fix it, and accepting its risk. */
export function FindingDetail({ finding, engagementId, catalogue, onClose, onChanged }: Props) {
  const bridge = useBridge();
  const heading = useRef<HTMLHeadingElement>(null);
  const [accepting, setAccepting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = `${finding.checkId}|${finding.region}|${finding.resourceId}`;
  // A newly opened finding takes the focus, so a screen reader announces its title.
  useEffect(() => {
    setAccepting(false);
    setError(null);
    heading.current?.focus();
  }, [key]);

  const reason = finding.status === 'NOT_ASSESSED' ? finding.reason : undefined;
  const acceptance = finding.acceptance;
  const info = catalogue?.byId.get(finding.checkId);

  async function revoke(id: number): Promise<void> {
    setError(null);
    try {
      await bridge.invoke('risks:revoke', { id });
      onChanged();
    } catch (err) {
      setError(`Could not revoke: ${errorMessage(err)}`);
    }
  }

  return (
    <aside
      class="finding-detail card"
      aria-labelledby="detail-title"
      data-testid="finding-detail"
      data-key={key}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement)) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div class="detail-head">
        <div class="detail-badges">
          <StatusBadge status={finding.status} />
          <SeverityBadge severity={finding.severity} />
          {acceptance && <span class={`badge ${acceptance.active ? 'badge-accepted' : 'badge-expired'}`}>{acceptance.active ? 'Risk accepted' : 'Acceptance expired'}</span>}
        </div>
        <button type="button" class="icon-button" onClick={onClose} aria-label="Close details (Escape)" data-testid="detail-close">
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="m5.4 4.2 4.6 4.6 4.6-4.6 1.2 1.2-4.6 4.6 4.6 4.6-1.2 1.2-4.6-4.6-4.6 4.6-1.2-1.2 4.6-4.6-4.6-4.6 1.2-1.2Z" fill="currentColor" />
          </svg>
        </button>
      </div>
      <h2 id="detail-title" class="detail-title" tabIndex={-1} ref={heading}>
        {finding.title}
      </h2>
      <p class="detail-message" dir="auto" data-testid="detail-message">
        {reason ? (
          <>
            <strong>{CALL_ERROR_TITLES[reason.kind] ?? reason.kind}</strong>: <span class="mono">{reason.call}</span>
            {reason.code ? ` (${reason.code})` : ''}. <UserText text={reason.message} />
          </>
        ) : (
          <UserText text={finding.message} />
        )}
      </p>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}

      <dl class="detail-grid">
        <Item label="Resource" wide>
          {finding.resourceName && finding.resourceName !== finding.resourceId && (
            <span class="detail-name" dir="auto">
              <UserText text={finding.resourceName} />
            </span>
          )}
          <span class="mono wrap" dir="auto">
            <UserText text={finding.resourceId || '—'} />
          </span>
        </Item>
        {finding.resourceArn && (
          <Item label="ARN" wide>
            <span class="copy-line">
              <span class="mono wrap" dir="ltr" data-testid="detail-arn">
                <UserText text={finding.resourceArn} />
              </span>
              <CopyButton text={finding.resourceArn} label="Copy ARN" testId="copy-arn" />
            </span>
          </Item>
        )}
        <Item label="Region">
          <span class="mono" dir="auto">
            <UserText text={finding.region} />
          </span>
        </Item>
        <Item label="Account">
          <span class="mono">{finding.accountId}</span>
        </Item>
        <Item label="Check ID">
          <span class="mono">{finding.checkId}</span>
        </Item>
        <Item label="Area">{AREA_TITLES[finding.area] ?? finding.area}</Item>
      </dl>

      {acceptance && (
        <section class="detail-section acceptance-box" aria-label="Accepted risk" data-testid="detail-acceptance">
          <p>
            <strong>{acceptance.active ? 'Accepted' : 'Accepted, but the acceptance expired'}</strong> by <UserText text={acceptance.approver} />
            {acceptance.expiresAt ? ` · expires ${formatDate(acceptance.expiresAt)}` : ' · no expiry'}
          </p>
          <p class="muted" dir="auto">
            <UserText text={acceptance.justification} />
          </p>
          <button type="button" class="button button-secondary button-small" onClick={() => revoke(acceptance.id)} data-testid="revoke-risk">
            Revoke acceptance
          </button>
        </section>
      )}
      {finding.status === 'FAIL' && !acceptance?.active && !accepting && (
        <button type="button" class="button button-secondary" onClick={() => setAccepting(true)} data-testid="accept-risk">
          Accept risk…
        </button>
      )}
      {accepting && (
        <AcceptRiskForm
          finding={finding}
          engagementId={engagementId}
          onCancel={() => setAccepting(false)}
          onDone={() => {
            setAccepting(false);
            onChanged();
          }}
        />
      )}

      <CheckGuidance info={info} catalogueAvailable={catalogue?.available ?? true} />
      <EvidenceList evidence={finding.evidence} />
    </aside>
  );
}

function Item({ label, wide, children }: { label: string; wide?: boolean; children: ComponentChildren }) {
  return (
    <div class={wide ? 'detail-wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
