import type { CheckInfo } from '../../pending-api.ts';
import { CopyButton } from '../common/copy-button.tsx';
import { ExternalLink } from '../common/external-link.tsx';

const FRAMEWORK_TITLES: Readonly<Record<string, string>> = {
  fsbp: 'AWS FSBP',
  'cis-3.0': 'CIS AWS 3.0',
  'cis-4.0': 'CIS AWS 4.0',
  'cis-5.0': 'CIS AWS 5.0',
};

/** The check's responsibility, risk, remediation (each command copyable), frameworks and references. */
export function CheckGuidance({ info, catalogueAvailable }: { info: CheckInfo | undefined; catalogueAvailable: boolean }) {
  if (!info) {
    return (
      <section class="detail-section" aria-labelledby="remediation-title">
        <h3 id="remediation-title" class="detail-subtitle">
          Remediation
        </h3>
        <p class="muted" data-testid="remediation-missing">
          {catalogueAvailable ? 'No guidance recorded for this check.' : 'Remediation and framework references appear here once the core offers checks:list.'}
        </p>
      </section>
    );
  }
  const { remediation } = info;
  return (
    <>
      <section class="detail-section" aria-labelledby="risk-title">
        <h3 id="risk-title" class="detail-subtitle">
          Why it matters
        </h3>
        <p>{info.risk}</p>
        <p class="muted">{info.responsibility}</p>
      </section>
      <section class="detail-section" aria-labelledby="remediation-title" data-testid="remediation">
        <h3 id="remediation-title" class="detail-subtitle">
          Remediation
        </h3>
        <p>{remediation.console}</p>
        {remediation.cli && <Snippet title="AWS CLI" text={remediation.cli} testId="copy-cli" />}
        {remediation.terraform && <Snippet title="Terraform" text={remediation.terraform} testId="copy-terraform" />}
      </section>
      {info.frameworks.length > 0 && (
        <section class="detail-section" aria-labelledby="frameworks-title">
          <h3 id="frameworks-title" class="detail-subtitle">
            Frameworks
          </h3>
          <ul class="tag-list" data-testid="frameworks">
            {info.frameworks.map((f) => (
              <li key={`${f.framework}-${f.requirement}`} class="badge badge-neutral">
                {FRAMEWORK_TITLES[f.framework] ?? f.framework} {f.requirement}
              </li>
            ))}
          </ul>
        </section>
      )}
      {info.references.length > 0 && (
        <section class="detail-section" aria-labelledby="references-title">
          <h3 id="references-title" class="detail-subtitle">
            References
          </h3>
          <ul class="link-list">
            {info.references.map((url) => (
              <li key={url}>
                <ExternalLink href={url} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Snippet({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <div class="snippet">
      <div class="snippet-head">
        <span class="snippet-title">{title}</span>
        <CopyButton text={text} label={`Copy ${title} remediation`} testId={testId} />
      </div>
      <pre class="snippet-body" dir="ltr">
        {text}
      </pre>
    </div>
  );
}
